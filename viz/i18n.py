"""Dutch and English texts of the workshop app. Dutch is the workshop default.

The names of parameters, indicators and support paths are the registries' labels
(`wijksim.model.params`, `wijksim.model.indicators.registry`); this module holds the app's own texts.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.indicators import registry as indicators
from ..model.params import REGISTRY
from . import texts_controls, texts_handout, texts_network, texts_scan

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
        "Kies een wijk en maatregelen en druk op ‘Doorrekenen’.",
        "Choose a neighbourhood and levers, then press 'Run'.",
    ),
    "curves_title": (
        "Scenario's door de jaren: gemiddelde en marge (95%-interval) over de herhalingen",
        "Scenarios over the years: mean and 95% band over replications",
    ),
    "year": ("jaar", "year"),
    # the curves' chart (viz/charts.py)
    "view_levels": ("Niveaus", "Levels"),
    "view_difference": ("Verschil met geen nieuwe besluiten", "Difference from no new decisions"),
    "band_95": ("95%-interval", "95% interval"),
    "baseline_zero": ("Geen nieuwe besluiten (= 0)", "No new decisions (= 0)"),
    "curves_note_levels": (
        "Lijn: gemiddelde over de herhalingen; band: 95%-interval (niet onder nul: aantallen, aandelen en kosten zijn nooit negatief). Beweeg de muis over een grafiek voor de waarden; sleep om in te zoomen, dubbelklik om terug te gaan.",
        "Line: mean over the replications; band: 95% interval (not below zero: counts, shares and costs are never negative). Hover over a chart for the values; drag to zoom in, double-click to zoom out.",
    ),
    "curves_note_difference": (
        "Per jaar het scenario min ‘geen nieuwe besluiten’, herhaling voor herhaling (met dezelfde toevalsgetallen); band: 95%-interval. Boven nul: meer dan zonder nieuwe besluiten.",
        "Per year the scenario minus 'no new decisions', replication by replication (with the same random numbers); band: 95% interval. Above zero: more than without new decisions.",
    ),
    "settling": ("inloopperiode", "settling period"),
    "settling_note": (
        "Grijs: de inloopperiode (jaar 1–{years}); het model zoekt daar nog zijn evenwicht, ook zonder nieuwe besluiten. Lees een verloop daar niet als effect van beleid.",
        "Grey: the settling period (years 1–{years}); the model is still finding its balance there, even without new decisions. Do not read a trend there as a policy effect.",
    ),
    "settled_note": (
        "Het model is al ingelopen bij jaar 1 (vier jaar aanloop vooraf): zonder nieuwe besluiten verschuiven de lijnen hooguit een paar procent, dus ook de eerste jaren tellen mee.",
        "The model has settled by year 1 (four years' warm-up beforehand): without new decisions the lines shift by a few per cent at most, so the first years count too.",
    ),
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
        "model (bijvoorbeeld een studentenwijk); zie de modelbeschrijving (docs/ODD.md), §9.",
        "**Note, {name}:** the waiting list grew in each of the last {years} years, to {per} per 1,000 "
        "residents. The care system has passed its tipping point: the figures describe a system "
        "seizing up. That may be the point (too few specialist places) or a limit of the model (a "
        "student district, for instance); see the model description (docs/ODD.md), §9.",
    ),
    "net_cost": (
        "Netto kosten over de hele periode: € {net} mln (95%-interval {lo} tot {hi}; + = kost meer dan het bespaart)",
        "Net cost over the whole period: EUR {net} m (95% interval {lo} to {hi}; + = costs more than it saves)",
    ),
    "net_costs": ("Netto kosten per scenario", "Net cost per scenario"),
    "lever_cost": ("kosten maatregelen", "lever cost"),
    "saved_light": ("besparing lichte zorg", "saved light care"),
    "saved_heavy": ("besparing zware zorg", "saved heavy care"),
    "net": ("netto", "net"),
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
#: The texts of parts of the app, each in its own module (`texts_*.py`) beside the general ones above.
PARTS = (texts_controls.TEXTS, texts_scan.TEXTS, texts_handout.TEXTS, texts_network.TEXTS)


def _join(texts: dict[str, tuple[str, str]], *parts: dict[str, tuple[str, str]]) -> None:
    """Add the parts' texts; a key defined twice is an error, not a silent choice of one of them."""
    for part in parts:
        twice = sorted(texts.keys() & part.keys())
        if twice:
            raise KeyError(f"app texts defined twice: {', '.join(twice)}")
        texts |= part


_join(TEXTS, *PARTS)


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
