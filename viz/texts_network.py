"""Dutch and English texts of the network view and a resident's story (viz/network_tab.py,
viz/storyline.py): joined into viz/i18n.py's TEXTS, key -> (Dutch, English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # network view (viz/network_tab.py)
    "network_title": ("{name}, jaar {year}", "{name}, year {year}"),
    "network_sample": (
        "Dezelfde {n} bewoners op dezelfde plek in beide panelen; de aantallen gelden voor alle inwoners.",
        "The same {n} residents in the same places in both panels; the counts are of all residents.",
    ),
    "network_key": (
        "Een stip is een bewoner (de kleur is de hulpvraag), een zwarte ring om de stip: formele hulp "
        "(ook wachtend), een lijn: een contact (huisgenoot, buur, familie of vriend), een plusje: "
        "vrijwilliger.",
        "A dot is a resident (its colour the need), a black ring around it: formal help (waiting "
        "included), a line: a tie (household, neighbour, family or friend), a plus: volunteer.",
    ),
    "need_none": ("geen hulpvraag", "no need"),
    "need_social": ("sociale hulpvraag", "social need"),
    "need_individual": ("individuele hulpvraag", "individual need"),
    "need_complex": ("complexe hulpvraag", "complex need"),
    "formal_help": ("formele hulp (zwarte ring)", "formal help (black ring)"),
    "volunteer": ("vrijwilliger / actieve bewoner", "volunteer / active resident"),
    "count_isolated": ("geïsoleerd (geen enkel contact)", "isolated (no tie at all)"),
    # any hours from people around them, company for a lonely adult included (about half of all residents)
    "count_informal": (
        "deze week hulp of gezelschap van naasten",
        "help or company from people close to them this week",
    ),
    "count_formal": ("in formele hulp (ook wachtend)", "in formal help (waiting included)"),
    "count_residents": ("inwoners", "residents"),
    "counts_in_year": ("Jaar {year}", "Year {year}"),
    "show_year": ("Jaar", "Year"),
    "play": ("Afspelen", "Play"),
    "pause": ("Pauze", "Pause"),
    "compare_with": ("Vergelijk met", "Compare with"),
    "compute_network": ("Netwerk doorrekenen", "Compute the network"),
    "network_first": (
        "Kies een scenario om naast ‘Geen nieuwe besluiten’ te zetten en druk op ‘Netwerk doorrekenen’.",
        "Choose a scenario to put next to 'No new decisions' and press 'Compute the network'.",
    ),
    # story (viz/storyline.py)
    "pick_resident": ("Kies een bewoner", "Pick a resident"),
    "no_stories": (
        "In deze berekening gebeurde niets bij de bewoners die er van begin tot eind woonden.",
        "Nothing happened in this computation to the residents who lived there from start to end.",
    ),
    "story_heading": ("{name}: {who}", "{name}: {who}"),
    "story_same_resident": (
        "Dezelfde bewoner in beide berekeningen: zelfde start, zelfde toeval; wat verschilt, komt door het scenario.",
        "The same resident in both computations: same start, same chance; what differs is the scenario's doing.",
    ),
    "age_years": ("{age} jaar", "aged {age}"),
    "alone": ("woont alleen", "lives alone"),
    "with_others": ("woont samen met anderen", "lives with others"),
    "one_tie": ("1 contact", "1 tie"),
    "ties_count": ("{ties} contacten", "{ties} ties"),
    "lonely": ("eenzaam", "lonely"),
    "helps_others": ("helpt anderen", "helps others"),
    "before_start": ("Vóór de start", "Before the start"),
    "year_week": ("jaar {year}, week {week}", "year {year}, week {week}"),
    "year_weeks": ("jaar {year}, week {first}–{last}", "year {year}, weeks {first}–{last}"),
    "year_week_to": (
        "jaar {year}, week {week} tot en met jaar {to_year}, week {to_week}",
        "year {year}, week {week} to year {to_year}, week {to_week}",
    ),
    "times": ("{when}, {times} keer: {what}", "{when}, {times} times: {what}"),
    "alternating": (
        "{when}, {times} keer afwisselend: {first} / {second}",
        "{when}, {times} times alternating: {first} / {second}",
    ),
    "story_now": ("Aan het eind: {need}, {path}.", "At the end: {need}, {path}."),
    "life event: new need": (
        "een ingrijpende gebeurtenis brengt een hulpvraag",
        "a life event brings a need",
    ),
    "sought help": ("vraagt hulp bij het wijkteam", "asks the neighbourhood team for help"),
    "signalled at key facility": (
        "in de sleutelvoorziening wordt een verborgen probleem opgemerkt",
        "a hidden problem is noticed at the key facility",
    ),
    "light help at key facility": (
        "krijgt lichte hulp in de sleutelvoorziening",
        "gets light help at the key facility",
    ),
    "path: light help": (
        "krijgt lichte hulp van het wijkteam",
        "gets light help from the neighbourhood team",
    ),
    "path: case management": (
        "krijgt een casusregisseur die meebeweegt",
        "gets a case manager who stays with them",
    ),
    "path: combined team": (
        "een gecombineerd team pakt de problemen samen aan",
        "a combined case team tackles the problems together",
    ),
    "referred to specialist care": (
        "wordt doorverwezen naar specialistische zorg en wacht",
        "is referred to specialist care and waits",
    ),
    "crisis: referred to specialist care": (
        "crisis: direct naar specialistische zorg",
        "crisis: straight to specialist care",
    ),
    "path: specialist care": ("krijgt specialistische zorg", "receives specialist care"),
    "path: flex care": (
        "krijgt kortdurende intensieve hulp van het flexteam",
        "gets short intensive help from the flex team",
    ),
    "handed back to case management": (
        "wordt teruggegeven aan de casusregisseur",
        "is handed back to the case manager",
    ),
    "returning to ordinary life": ("keert terug naar het gewone leven", "returns to ordinary life"),
    "relapse": ("terugval", "relapse"),
    "escalation": ("de problemen worden zwaarder", "problems get heavier"),
    "escalation: problems in several domains": (
        "problemen op meerdere terreinen versterken elkaar",
        "problems in several domains feed each other",
    ),
    "de-escalation": ("de problemen worden lichter", "problems get lighter"),
    "introduced by network developer": (
        "een netwerkontwikkelaar brengt in contact met een buur",
        "a network developer introduces a neighbour",
    ),
    "activated by network developer": (
        "gaat zelf anderen helpen (geactiveerd)",
        "starts helping others (activated)",
    ),
    "path: informal only": (
        "krijgt hulp van buren, familie of vrijwilligers",
        "gets help from neighbours, family or volunteers",
    ),
    "path: none": ("geen hulp (meer)", "no (more) help"),
    "left the waiting list": ("haakt af van de wachtlijst", "leaves the waiting list"),
    "crisis while waiting": ("crisis tijdens het wachten", "crisis while waiting"),
    "becomes frail (a lasting need)": (
        "wordt kwetsbaar (een blijvende hulpvraag)",
        "becomes frail (a lasting need)",
    ),
    "the condition passes": ("de aandoening gaat over", "the condition passes"),
    "gets household help or aids (Wmo)": (
        "krijgt huishoudelijke hulp of hulpmiddelen (Wmo)",
        "gets household help or aids (Wmo)",
    ),
    "grew out of a youth need": ("groeit over een jeugdhulpvraag heen", "grew out of a youth need"),
    "born": ("geboren", "born"),
    "moved in": ("komt in de wijk wonen", "moves into the wijk"),
    "moved out": ("verhuist uit de wijk", "moves out of the wijk"),
    "died": ("overlijdt", "dies"),
    "moved to long-term care": ("verhuist naar langdurige zorg (Wlz)", "moves to long-term care"),
}
