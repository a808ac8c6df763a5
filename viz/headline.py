"""The result at a glance, the first thing in view after a run: the wijk it is for and a card per
scenario (`cards.py` words them), faded with a mark once an input has changed since the run."""

from __future__ import annotations

import solara

from . import wijken
from .cards import scenario_cards
from .numbers import number
from .prose import prose

#: Simulated residents below which chance decides most of a result, and the size the facilitator's
#: guide advises (docs/workshop.md, "Honest limits"): a handful of specialist places, and a baseline
#: that chance can tip into a growing queue.
TOO_FEW_RESIDENTS, ADVISED_RESIDENTS = 1000, 2000


def few_residents(residents: int, lang: str, t) -> str | None:
    """The warning for a run of fewer than `TOO_FEW_RESIDENTS` residents, or None."""
    if residents >= TOO_FEW_RESIDENTS:
        return None
    return t("few_residents").format(
        below=number(TOO_FEW_RESIDENTS, lang, 6), advised=number(ADVISED_RESIDENTS, lang, 6)
    )


def is_stale(result: solara.Reactive, current: tuple) -> bool:
    """An input has changed since the run shown."""
    return (result.value["setting"], result.value["scenarios"]) != current


@solara.component
def ResultHeadline(t, lang, result, current):
    """The wijk the result is for and a card per scenario: the first thing in view after a run."""
    if result.value is None:
        return
    shown = result.value["setting"]
    where = wijken.setting_label(shown, t)
    with solara.Div(classes=["result-wijk"]):
        residents = number(shown.residents, lang, 6)
        prose(t("result_for").format(where=where, residents=residents, years=shown.years))
    warning = few_residents(shown.residents, lang, t)
    if warning:
        solara.Warning(warning, dense=True, classes=["few-residents"])
    ScenarioCards(result.value["result"], shown.years, lang, t, is_stale(result, current))


#: A card's text as a projector's room reads it: 16 px (Vuetify's card text is 14 px), its period
#: line 14 px.
CARD_CSS = (
    ".scenario-card .v-card__text, .scenario-card .solara-markdown.jp-RenderedHTMLCommon "
    "{ font-size: 16px; line-height: 1.45; }"
)


@solara.component
def ScenarioCards(res, years: int, lang: str, t, stale: bool):
    """The result at a glance, above the fold: a card per scenario (viz/cards.py); faded, with a
    mark, once an input has changed since the run."""
    cards = solara.use_memo(lambda: scenario_cards(res, years, lang, t), dependencies=[id(res), years, lang])
    solara.Style(CARD_CSS)
    if stale:
        solara.Warning(t("stale"), dense=True, classes=["stale"])
    # Keyed: the mark coming and going would otherwise move the cards to another place among the
    # children, and a new place is new widgets (about 15 of them, ~40 ms of each redraw and each
    # lever change); keyed, the cards' widgets are kept and only their text changes.
    with solara.Row(
        classes=["scenario-cards"], style={"opacity": "0.45" if stale else "1", "flex-wrap": "wrap"}
    ).key("scenario-cards"):
        for card in cards:
            with solara.Card(
                card["name"], classes=["scenario-card"], style={"min-width": "320px", "flex": "1"}
            ):
                prose(f"**{card['net']}**")
                prose("\n".join(f"- {line}" for line in card["changes"]))
                if card["queue"]:
                    solara.Warning(t("card_queue"), dense=True)
                solara.Text(card["period"], style={"font-size": "14px", "color": "#555"})
