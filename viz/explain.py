"""What each lever, assumption and run setting means, where it comes from, and what a lever costs a
year: the "wat betekent dit?" line under each control of the workshop app.

The texts are written for a room of aldermen and professionals, in plain words; the sources name the
book's sections (DESIGN.md cites the same) or the figure the registry cites. Costs are the registry's
defaults (`model/params/costs.py`), so the line and the results' net costs use the same euros.
"""

from __future__ import annotations

from typing import Any

from ..model.codes import PER_RESIDENTS, dose_for
from ..model.params import REGISTRY
from .numbers import euros, in_language
from .runner import PER_10K

#: The book the model is built on (named, not only "the book": a room asks which).
BOOK = (
    "het boek over de transformatie van het sociaal domein (AEF)",
    "the book on the transformation of the Dutch social domain (AEF)",
)
#: Where the settings that are the model's own are explained.
MODEL_DESCRIPTION = (
    "de modelbeschrijving (ODD) bij wijksim, docs/ODD.md",
    "the model description (ODD) that comes with wijksim, docs/ODD.md",
)

#: key: ((Dutch, English) explanation, (Dutch, English) source).
EXPLANATIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "network_developers": (
        (
            "Sociale netwerkontwikkelaars brengen bewoners die er alleen voor staan in contact met buren "
            "die willen helpen, en zetten bewoners aan om zelf anderen te helpen. Hoeveel dat oplevert, "
            "hangt af van hoeveel bereidwillige bewoners de wijk heeft.",
            "Social network developers introduce residents who are on their own to neighbours willing to "
            "help, and encourage residents to help others. What that yields depends on how many willing "
            "residents the neighbourhood has.",
        ),
        (f"{BOOK[0]}, §6.5 en §5.2 (‘Even Buurten’)", f"{BOOK[1]}, §6.5 and §5.2 ('Even Buurten')"),
    ),
    "key_facility": (
        (
            "Eén herkenbare plek in de wijk (buurthuis, brede school, dorpshuis) waar bewoners binnenlopen. "
            "Daar worden verborgen problemen eerder opgemerkt en krijgen bewoners lichte hulp dichtbij.",
            "One recognisable place in the neighbourhood (community centre, broad school, village hall) "
            "where residents drop in. Hidden problems are noticed earlier there and light help is close by.",
        ),
        (f"{BOOK[0]}, §6.4", f"{BOOK[1]}, §6.4"),
    ),
    "flex_team": (
        (
            "Specialisten die in de wijk meewerken: kortdurende, intensieve hulp op maat en coaching van "
            "het wijkteam, zodat minder bewoners naar zware zorg hoeven.",
            "Specialists working in the neighbourhood: short, intensive help fitted to the person, and "
            "coaching of the neighbourhood team, so that fewer residents need heavy care.",
        ),
        (f"{BOOK[0]}, §6.5 en §9.2 (resultaten van de pilots)", f"{BOOK[1]}, §6.5 and §9.2 (pilot results)"),
    ),
    "specialist_capacity_factor": (
        (
            "Hoeveel plekken de specialistische zorg in de regio heeft: 1 is zoals nu, 0,5 is de helft. "
            "Een besluit van nu: een verlaging geldt vanaf jaar 1 en de wachtlijst loopt dan in de jaren "
            "daarna op; extra plekken groeien in een paar jaar aan (personeel moet gevonden worden).",
            "How many places specialist care in the region has: 1 is as now, 0.5 is half. A decision "
            "made now: a cut holds from year 1 and the waiting list grows over the years after; extra "
            "places grow in over a few years (staff must be found).",
        ),
        (f"{BOOK[0]}, §7.5 (bezuiniging in Denemarken)", f"{BOOK[1]}, §7.5 (the Danish cut)"),
    ),
    "neighbourhood_team_factor": (
        (
            "Hoe groot het wijkteam is: 1 is de gewone omvang, 0 is geen wijkteam (de huisarts verwijst dan "
            "direct naar specialistische zorg). Een besluit van nu, vanaf jaar 1: de regio houdt de "
            "specialistische plekken die ze heeft.",
            "How large the neighbourhood team is: 1 is its usual size, 0 is no team (the GP then refers "
            "straight to specialist care). A decision made now, from year 1: the region keeps the "
            "specialist places it has.",
        ),
        (
            f"{BOOK[0]}, §4.2 en §6.5; in 2015 had 87% van de gemeenten wijkteams (Movisie 2018)",
            f"{BOOK[1]}, §4.2 and §6.5; 87% of municipalities had teams in 2015 (Movisie 2018)",
        ),
    ),
    "life_event_rate": (
        (
            "Hoe vaak bewoners iets ingrijpends meemaken (verlies, ziekte, schulden, scheiding) waardoor een "
            "hulpvraag ontstaat.",
            "How often residents go through something drastic (loss, illness, debt, divorce) that gives "
            "them a need for support.",
        ),
        (
            "aangenomen; vergeleken met het Haaglanden-panel (meerdere ingrijpende gebeurtenissen)",
            "assumed; compared with the Haaglanden panel (several life events)",
        ),
    ),
    "help_seeking_threshold": (
        (
            "Hoe zwaar een probleem moet zijn (0 = licht, 1 = zeer zwaar) voordat een bewoner zelf hulp gaat "
            "vragen. Een hoge drempel betekent dat problemen langer verborgen blijven.",
            "How heavy a problem must be (0 = light, 1 = very heavy) before a resident asks for help. A high "
            "threshold means problems stay hidden longer.",
        ),
        (
            f"{BOOK[0]}, §5.5 en §6.1 (vraagverlegenheid); de hoogte is aangenomen",
            f"{BOOK[1]}, §5.5 and §6.1 (reluctance to ask); the level is assumed",
        ),
    ),
    "mean_neighbourhood_ties": (
        (
            "Met hoeveel mensen buiten het eigen huishouden een bewoner gemiddeld contact heeft. "
            "Vier of vijf goede contacten beschermen tegen eenzaamheid.",
            "How many people outside their household a resident knows, on average. Four or five good "
            "contacts protect against loneliness.",
        ),
        (
            "De Jong Gierveld & Van Tilburg (2007); de hoogte is aangenomen",
            "De Jong Gierveld & Van Tilburg (2007); the level is assumed",
        ),
    ),
    "residents": (
        (
            "Hoeveel bewoners het model nabootst. Kosten en aantallen gelden voor dit aantal; per 1.000 "
            "inwoners zijn ze vergelijkbaar met de echte wijk. Meer bewoners rekent langer.",
            "How many residents the model simulates. Costs and counts are for this number; per 1,000 "
            "residents they compare with the real neighbourhood. More residents take longer.",
        ),
        MODEL_DESCRIPTION,
    ),
    "years": (
        (
            "Hoeveel jaren vooruit het model rekent, vanaf nu. Maatregelen hebben tijd nodig: netwerken "
            "groeien in een paar jaar, daarom tonen de kaarten het gemiddelde van de tweede helft.",
            "How many years ahead the model runs, from now. Measures take time: networks grow over a few "
            "years, which is why the cards show the mean of the second half.",
        ),
        MODEL_DESCRIPTION,
    ),
    "replications": (
        (
            "Hoe vaak elk scenario wordt doorgerekend, steeds met ander toeval. Uit de spreiding komt het "
            "95%-interval: de marge waarbinnen het echte gemiddelde met 95% zekerheid ligt.",
            "How often each scenario is run, each time with other chance. The spread gives the 95% "
            "interval: the margin that holds the true mean with 95% certainty.",
        ),
        MODEL_DESCRIPTION,
    ),
    "seed": (
        (
            "Het getal waarmee het toeval begint. Dezelfde instellingen met hetzelfde getal geven precies "
            "dezelfde uitkomst; een ander getal laat zien hoeveel toeval meespeelt.",
            "The number chance starts from. The same settings with the same number give exactly the same "
            "result; another number shows how much chance matters.",
        ),
        MODEL_DESCRIPTION,
    ),
}

#: A lever's cost parameter and the unit its yearly cost is per: (cost key, (Dutch, English) unit).
LEVER_COSTS: dict[str, tuple[str, tuple[str, str]]] = {
    "network_developers": ("cost_developer_fte_eur", ("per fte per jaar", "per FTE a year")),
    "key_facility": (
        "cost_key_facility_eur",
        ("per jaar voor 10.000 inwoners", "a year for 10,000 residents"),
    ),
    "flex_team": ("cost_flex_member_eur", ("per teamlid per jaar", "per member a year")),
    "neighbourhood_team_factor": (
        "cost_generalist_fte_eur",
        ("per fte wijkteam per jaar", "per team FTE a year"),
    ),
    "specialist_capacity_factor": (
        "cost_specialist_week_eur",
        ("per cliënt per week specialistische zorg", "per client-week of specialist care"),
    ),
}


def explanation(key: str, lang: str) -> tuple[str, str]:
    """(What it means, where it comes from) in the language."""
    (what, source) = EXPLANATIONS[key]
    i = 0 if lang == "nl" else 1
    return what[i], source[i]


def lever_cost_line(key: str, value: Any, residents: int, lang: str) -> str:
    """The lever's yearly price, and for a dose per 10,000 what this dose costs at the simulated size:
    "€ 80.000 per fte per jaar; hier 0,2 fte: € 16.000 per jaar"."""
    cost_key, unit = LEVER_COSTS[key]
    i = 0 if lang == "nl" else 1
    price = REGISTRY[cost_key].default
    line = f"{euros(price, lang)} {unit[i]}"
    if key in PER_10K and value:
        amount = dose_for(value, residents)
        size = in_language(f"{amount:,.2f}".rstrip("0").rstrip("."), lang)
        what = ("fte", "FTE") if key == "network_developers" else ("teamleden", "members")
        here = ("hier", "here")[i]
        per_year = ("per jaar", "a year")[i]
        line += f"; {here} {size} {what[i]}: {euros(amount * price, lang)} {per_year}"
    elif key == "key_facility" and value:  # its share for the residents simulated
        share = euros(price * residents / PER_RESIDENTS, lang)
        line += f"; {('hier', 'here')[i]}: {share} {('per jaar', 'a year')[i]}"
    return line
