"""Dutch and English texts of the workshop app. Dutch is the workshop default.

The names of parameters, indicators and support paths are the registries' labels
(`wijksim.model.params`, `wijksim.model.indicators.registry`); this module holds the app's own texts.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.indicators import registry as indicators
from ..model.params import REGISTRY
from .texts_scan import TEXTS as SCAN_TEXTS

LANGUAGES = ("nl", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # key: (Dutch, English)
    "title": ("wijksim — ondersteuning in de wijk", "wijksim — neighbourhood support"),
    "language": ("Taal", "Language"),
    "neighbourhood": ("Wijk", "Neighbourhood"),
    "choose_type": ("Type wijk of dorp", "Type of neighbourhood"),
    "use_preset": ("Gebruik type wijk", "Use neighbourhood type"),
    "residents": ("Inwoners (gesimuleerd)", "Residents (simulated)"),
    "years": ("Jaren", "Years"),
    "replications": ("Herhalingen per scenario", "Replications per scenario"),
    "seed": ("Startgetal toeval", "Random seed"),
    "shared_parameters": ("Aannames voor alle scenario's", "Assumptions for all scenarios"),
    "own_values": (
        "De schuifjes staan op de waarden van deze wijk; alleen wat u verschuift, wordt anders gerekend.",
        "The sliders start at this neighbourhood's own values; only what you move is computed differently.",
    ),
    # scenario cards (viz/cards.py)
    "card_saves": (
        "bespaart netto € {net} mln over {years} jaar ({ci})",
        "saves EUR {net} m net over {years} years ({ci})",
    ),
    "card_costs": (
        "kost netto € {net} mln over {years} jaar ({ci})",
        "costs EUR {net} m net over {years} years ({ci})",
    ),
    "card_net_unclear": (
        "netto kosten over {years} jaar: geen duidelijk verschil (€ {ci} mln)",
        "net cost over {years} years: no clear difference (EUR {ci} m)",
    ),
    "card_net_one": (
        "netto kosten over {years} jaar: € {net} mln (één herhaling, dus geen interval)",
        "net cost over {years} years: EUR {net} m (one replication, so no interval)",
    ),
    "card_heavy_care_referrals_per_1000_less": (
        "{x} minder verwijzingen naar zware zorg per 1.000 inwoners per jaar ({ci})",
        "{x} fewer referrals to heavy care per 1,000 residents a year ({ci})",
    ),
    "card_heavy_care_referrals_per_1000_more": (
        "{x} meer verwijzingen naar zware zorg per 1.000 inwoners per jaar ({ci})",
        "{x} more referrals to heavy care per 1,000 residents a year ({ci})",
    ),
    "card_heavy_care_referrals_per_1000_unclear": (
        "verwijzingen naar zware zorg: geen duidelijk verschil ({ci} per 1.000 per jaar)",
        "referrals to heavy care: no clear difference ({ci} per 1,000 a year)",
    ),
    "card_informal_support_hours_per_resident_more": (
        "{x} uur meer informele hulp per inwoner per jaar ({ci})",
        "{x} more hours of informal support per resident a year ({ci})",
    ),
    "card_informal_support_hours_per_resident_less": (
        "{x} uur minder informele hulp per inwoner per jaar ({ci})",
        "{x} fewer hours of informal support per resident a year ({ci})",
    ),
    "card_informal_support_hours_per_resident_unclear": (
        "informele hulp: geen duidelijk verschil ({ci} uur per inwoner per jaar)",
        "informal support: no clear difference ({ci} hours per resident a year)",
    ),
    "card_isolated_share_less": (
        "{x} procentpunt minder bewoners zonder contacten ({ci})",
        "{x} percentage points fewer residents without ties ({ci})",
    ),
    "card_isolated_share_more": (
        "{x} procentpunt meer bewoners zonder contacten ({ci})",
        "{x} percentage points more residents without ties ({ci})",
    ),
    "card_isolated_share_unclear": (
        "bewoners zonder contacten: geen duidelijk verschil ({ci} procentpunt)",
        "residents without ties: no clear difference ({ci} percentage points)",
    ),
    "card_period": (
        "gemiddeld over jaar {first}–{last}, tegen ‘geen nieuwe besluiten’; tussen haakjes het 95%-interval",
        "mean over years {first}–{last}, against 'no new decisions'; the 95% interval in brackets",
    ),
    "card_queue": (
        "let op: de wachtlijst groeit (zie de samenvatting)",
        "note: the waiting list grows (see the summary)",
    ),
    "result_for": (
        "**{where}**: {residents} gesimuleerde inwoners, {years} jaar",
        "**{where}**: {residents} simulated residents, {years} years",
    ),
    "stale": ("verouderd — opnieuw doorrekenen", "out of date — run again"),
    "show_settings": ("Instellingen tonen", "Show settings"),
    "hide_settings": ("Instellingen verbergen", "Hide settings"),
    # neighbourhood types (model/presets.py), as the book names them
    "preset:default": ("middenklassewijk (standaard)", "middle-class neighbourhood (default)"),
    "preset:middle-class": ("middenklassewijk", "middle-class neighbourhood"),
    "preset:deprived": ("achterstandswijk", "deprived neighbourhood"),
    "preset:affluent": ("welgestelde wijk", "affluent neighbourhood"),
    "preset:commuter-village": ("forensendorp", "commuter village"),
    "preset:town-without-cohesion": ("stad zonder samenhang", "town without cohesion"),
    "preset:traditional-village": ("traditioneel dorp", "traditional village"),
    "preset:small-residential-village": ("klein woondorp", "small residential village"),
    "on": ("Aan", "On"),
    "off": ("Uit", "Off"),
    "reset_own": ("Terug naar de waarden van deze wijk", "Back to this neighbourhood's values"),
    "own_value": ("waarde van deze wijk", "this neighbourhood's value"),
    # units of the assumptions, as the screen says them
    "unit:per person-year": ("per persoon per jaar", "per person per year"),
    "unit:severity": ("ernst, 0–1", "severity, 0–1"),
    "unit:ties per person": ("contacten per persoon", "ties per person"),
    "scenarios": ("Scenario's", "Scenarios"),
    "baseline": ("Geen nieuwe besluiten", "No new decisions"),
    "scenario": ("Scenario", "Scenario"),
    "name": ("Naam", "Name"),
    "run": ("Doorrekenen", "Run"),
    "running": ("Bezig met doorrekenen…", "Running…"),
    "results": ("Resultaten", "Results"),
    "curves": ("Verloop", "Curves"),
    "network": ("Netwerk", "Network"),
    "story": ("Verhaal van een bewoner", "A resident's story"),
    "export": ("Exporteren", "Export"),
    "summary": ("Samenvatting", "Summary"),
    "press_run": (
        "Kies een wijk en hefbomen en druk op ‘Doorrekenen’.",
        "Choose a neighbourhood and levers, then press 'Run'.",
    ),
    "curves_title": (
        "Scenario's door de jaren: gemiddelde en 95%-band over de herhalingen",
        "Scenarios over the years: mean and 95% band over replications",
    ),
    "year": ("jaar", "year"),
    "points": (" procentpunt", " percentage points"),
    "higher": ("hoger", "higher"),
    "lower": ("lager", "lower"),
    "sure": (
        "{ind} {diff} {word} (95%-interval {lo} tot {hi})",
        "{ind} {diff} {word} (95% interval {lo} to {hi})",
    ),
    "unsure": (
        "{ind}: geen duidelijk verschil (95%-interval {lo} tot {hi})",
        "{ind}: no clear difference (95% interval {lo} to {hi})",
    ),
    "growing_queue": (
        "**Let op, {name}:** de wachtlijst groeide elk van de laatste {years} jaar, tot {per} per 1.000 "
        "inwoners. Het zorgsysteem is over zijn omslagpunt: de cijfers beschrijven een vastlopend "
        "systeem. Dat kan de bedoeling zijn (te weinig specialistische plekken) of een grens van het "
        "model (bijvoorbeeld een studentenwijk); zie docs/ODD.md §9.",
        "**Note, {name}:** the waiting list grew in each of the last {years} years, to {per} per 1,000 "
        "residents. The care system has passed its tipping point: the figures describe a system "
        "seizing up. That may be the point (too few specialist places) or a limit of the model (a "
        "student district, for instance); see docs/ODD.md §9.",
    ),
    "net_cost": (
        "Netto kosten over de hele periode: € {net} mln (95%-interval {lo} tot {hi}; + = kost meer dan het bespaart)",
        "Net cost over the whole period: EUR {net} m (95% interval {lo} to {hi}; + = costs more than it saves)",
    ),
    "net_costs": ("Netto kosten per scenario", "Net cost per scenario"),
    "lever_cost": ("kosten hefbomen", "lever cost"),
    "saved_light": ("besparing lichte zorg", "saved light care"),
    "saved_heavy": ("besparing zware zorg", "saved heavy care"),
    "net": ("netto", "net"),
    # network view
    "network_title": (
        "Steekproef van {n} bewoners en hun contacten, jaar {year}",
        "Sample of {n} residents and their ties, year {year}",
    ),
    "need_none": ("geen hulpvraag", "no need"),
    "need_social": ("sociale hulpvraag", "social need"),
    "need_individual": ("individuele hulpvraag", "individual need"),
    "need_complex": ("complexe hulpvraag", "complex need"),
    "formal_help": ("krijgt formele hulp (zwarte rand)", "in formal help (black edge)"),
    "volunteer": ("vrijwilliger / actieve bewoner", "volunteer / active resident"),
    "show_year": ("Jaar", "Year"),
    "play": ("Afspelen", "Play"),
    "pause": ("Pauze", "Pause"),
    "network_scenario": ("Scenario voor netwerk en verhaal", "Scenario for network and story"),
    "compute_network": ("Toon netwerk", "Show network"),
    # story
    "pick_resident": ("Kies een bewoner", "Pick a resident"),
    "story_intro": (
        "Bewoner {i}: {age} jaar, {alone}, {ties} contacten.",
        "Resident {i}: aged {age}, {alone}, {ties} ties.",
    ),
    "alone": ("woont alleen", "lives alone"),
    "with_others": ("woont samen met anderen", "lives with others"),
    "before_start": ("Vóór de start", "Before the start"),
    "week_year": ("Week {week} van jaar {year}", "Week {week} of year {year}"),
    "story_now": ("Aan het eind: {need}, {path}.", "At the end: {need}, {path}."),
    "life event: new need": (
        "een ingrijpende gebeurtenis; er ontstaat een hulpvraag",
        "a life event; a need arises",
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
    # export
    "download_png": ("Vergelijking als PNG", "Comparison as PNG"),
    "download_csv": ("Verschillen als CSV", "Differences as CSV"),
    "csv_scenario": ("scenario", "scenario"),
    "csv_year": ("jaar", "year"),
    "csv_indicator": ("indicator", "indicator"),
    "csv_baseline": ("geen nieuwe besluiten (gemiddelde)", "no new decisions (mean)"),
    "csv_scenario_mean": ("scenario (gemiddelde)", "scenario (mean)"),
    "csv_difference": ("verschil", "difference"),
    "csv_ci_low": ("95%-interval ondergrens", "95% interval low"),
    "csv_ci_high": ("95%-interval bovengrens", "95% interval high"),
    "download_json": ("Instellingen (run.json)", "Settings (run.json)"),
    "command": (
        "Dit commando rekent dezelfde vergelijking door vanaf de opdrachtregel:",
        "This command reproduces the comparison from the command line:",
    ),
    "error": ("Invoer niet geldig", "Invalid input"),
    "error_range": (
        "{label}: {value} kan niet; kies een waarde van {low} tot {high}.",
        "{label}: {value} is not possible; choose a value from {low} to {high}.",
    ),
    "error_other": (
        "{label}: {value} kan niet worden doorgerekend ({reason}).",
        "{label}: {value} cannot be computed ({reason}).",
    ),
}
TEXTS.update(SCAN_TEXTS)  # the wijk search and the upload of an own scan


def registry_label(key: str, lang: str) -> str | None:
    """A parameter's, indicator's or support path's (`path_<key>`) label from the registries."""
    i = 0 if lang == "nl" else 1
    param = REGISTRY.get(key)
    if param is not None and param.label is not None:
        return param.label[i]
    if key.startswith("path_") and key[5:] in indicators.PATH_LABELS:
        return indicators.PATH_LABELS[key[5:]][i]
    return indicators.label(key, lang)


def translator(lang: str) -> Callable[[str], str]:
    """t(key) in the language: the app's own texts, then the registries' labels; unknown keys come
    back as themselves (never a crash in a workshop)."""
    i = 0 if lang == "nl" else 1

    def t(key: str) -> str:
        pair = TEXTS.get(key)
        if pair:
            return pair[i]
        return registry_label(key, lang) or key

    return t
