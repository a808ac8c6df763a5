"""The app's controls: labels above sliders with a number field, what each lever and assumption means
(with its source), and each lever's yearly price (browser-free; the browser tests check the page)."""

from __future__ import annotations

import re

import ipyvuetify as v
import pytest
import solara
from wijksim.model.params import REGISTRY
from wijksim.viz import explain, runner
from wijksim.viz.controls import LeverControls
from wijksim.viz.i18n import translator
from wijksim.viz.widgets import NumberSlider, WholeNumberField, parse_number, typed_value, whole_number


@pytest.mark.parametrize(
    "text, value",
    [("0,45", 0.45), ("0.45", 0.45), ("1.000,5", 1000.5), ("\u22122", -2.0), (" 3 ", 3.0), ("12", 12.0)],
)
def test_typed_numbers_are_read_in_dutch_and_english(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1,2,3"])
def test_what_is_not_a_number_is_none(text):
    assert parse_number(text) is None


def test_a_typed_value_must_lie_in_range_and_be_whole_for_a_count():
    assert typed_value("0,5", 0, 1, integer=False) == 0.5
    assert typed_value("1,5", 0, 1, integer=False) is None
    assert typed_value("3", 1, 20, integer=True) == 3
    assert typed_value("3,5", 1, 20, integer=True) is None


def test_every_lever_and_shared_assumption_is_explained_with_its_source():
    for key in (*runner.LEVERS, *runner.INFLUENTIAL):
        for lang in ("nl", "en"):
            what, source = explain.explanation(key, lang)
            assert len(what) > 40 and source
        # the source names the same sections of the book as the registry's source
        sections = set(re.findall(r"§\d+\.\d+", REGISTRY[key].source))
        assert sections <= set(re.findall(r"§\d+\.\d+", explain.explanation(key, "nl")[1])), key


def test_every_lever_has_a_yearly_price_from_the_cost_registry():
    assert set(explain.LEVER_COSTS) == set(runner.LEVERS)
    for key in runner.LEVERS:
        line = explain.lever_cost_line(key, REGISTRY[key].default, 2000, "nl")
        price = REGISTRY[explain.LEVER_COSTS[key][0]].default
        assert line.startswith(f"€\u00a0{price:,.0f}".replace(",", ".")), line


def test_a_dose_per_10000_is_priced_at_the_simulated_size():
    # 1 FTE per 10,000 at 2,000 residents is 0.2 FTE, at EUR 80,000 per FTE a year
    line = explain.lever_cost_line("network_developers", 1.0, 2000, "nl")
    assert line == "€\u00a080.000 per fte per jaar; hier 0,2 fte: €\u00a016.000 per jaar"
    english = explain.lever_cost_line("flex_team", 2.5, 4000, "en")
    assert english == "EUR\u00a0110,000 per member a year; here 1 members: EUR\u00a0110,000 a year"
    # a key facility's cost is for 10,000 residents: 2,000 simulated residents pay a fifth
    line = explain.lever_cost_line("key_facility", True, 2000, "nl")
    assert line == "€\u00a0250.000 per jaar voor 10.000 inwoners; hier: €\u00a050.000 per jaar"


def test_the_lever_card_shows_prices_and_explanations_for_its_dose():
    scenario = {"name": "A", **{k: REGISTRY[k].default for k in runner.LEVERS}, "network_developers": 2.0}

    box, rc = solara.render(
        LeverControls(scenario, lambda s: None, translator("nl"), "scenario-1", "nl", 5000),
        handle_error=False,
    )
    costs = [w.children[0] for w in rc.find(v.Html, class_="lever-cost").widgets]
    assert len(costs) == len(runner.LEVERS)
    assert "€\u00a080.000 per fte per jaar; hier 1 fte: €\u00a080.000 per jaar" in costs
    assert "€\u00a0250.000 per jaar voor 10.000 inwoners" in costs  # the key facility, off
    folds = [w for w in rc.find(solara.widgets.HTML).widgets if w.tag == "details"]
    assert len(folds) == len(runner.LEVERS)
    assert all("<summary>Wat betekent dit?</summary>" in w.unsafe_innerHTML for w in folds)
    assert all(
        "Bron: het boek over de transformatie van het sociaal domein (AEF), §" in w.unsafe_innerHTML
        for w in folds
    )
    assert not any("NUMBERS.md" in w.unsafe_innerHTML for w in folds)  # a source a room can look up


def test_typing_a_dutch_number_sets_the_value_and_a_bad_one_says_the_range():
    got = []

    @solara.component
    def Box():
        value = solara.use_reactive(0.4)

        def take(x):
            got.append(x)
            value.set(x)

        NumberSlider("Drempel", value.value, take, 0.0, 1.0, 0.01, "nl", translator("nl"), "drempel")

    box, rc = solara.render(Box(), handle_error=False)
    field = rc.find(v.TextField, class_="drempel-number").widget
    assert field.v_model == "0,4"  # shown in Dutch
    field.v_model = "0,45"
    field.fire_event("keyup.enter", None)
    assert got == [0.45]
    assert rc.find(v.Slider, class_="drempel-slider").widget.v_model == 0.45
    field = rc.find(v.TextField, class_="drempel-number").widget
    field.v_model = "1,5"
    field.fire_event("focusout", None)
    assert got == [0.45]  # not taken
    rc.find(v.Html, class_="number-problem").assert_single()
    assert "Typ een getal van 0 tot 1." in rc.find(v.Html, class_="number-problem").widget.children
    rc.find(v.Slider, class_="drempel-slider").widget.v_model = 0.3  # dragging clears the problem
    assert got[-1] == 0.3
    rc.find(v.Html, class_="number-problem").assert_empty()


def test_a_text_defined_in_two_parts_of_the_app_is_refused():
    from wijksim.viz import i18n

    texts = {"run": ("Doorrekenen", "Run")}
    with pytest.raises(KeyError, match="run"):
        i18n._join(texts, {"other": ("a", "b")}, {"run": ("Rekenen", "Compute")})
    assert all(part.keys() <= i18n.TEXTS.keys() for part in i18n.PARTS)  # every part joined


def test_a_count_is_typed_and_shown_as_the_room_writes_it():
    assert [whole_number(x, "nl") for x in ("1.600", "2 000", "2000", "1.600.000")] == [
        1600,
        2000,
        2000,
        1600000,
    ]
    assert [whole_number(x, "nl") for x in ("1,5", "1.5", "12.34", "abc", "")] == [None] * 5
    assert whole_number("2,000", "en") == 2000 and whole_number("1.600", "en") is None

    @solara.component
    def Box():
        residents = solara.use_reactive(2000)
        WholeNumberField("Inwoners (gesimuleerd)", residents, "nl", translator("nl"), "residents-input")
        solara.Text(f"now {residents.value}", classes=["now"])

    box, rc = solara.render(Box(), handle_error=False)
    field = rc.find(v.TextField, class_="residents-input").widget
    assert field.v_model == "2.000" and field.label == "Inwoners (gesimuleerd)"
    field.v_model = "1.600"
    field.fire_event("keyup.enter", None)
    assert rc.find(v.Html, class_="now").widget.children == ["now 1600"]
    field = rc.find(v.TextField, class_="residents-input").widget
    field.v_model = "1,5"
    field.fire_event("focusout", None)
    field = rc.find(v.TextField, class_="residents-input").widget
    assert field.error and field.error_messages == ["Typ een geheel getal, zoals 2.000."]  # in Dutch
    assert rc.find(v.Html, class_="now").widget.children == ["now 1600"]  # not taken


def test_the_type_says_it_is_not_used_once_a_real_wijk_is_chosen():
    from wijksim.viz.controls import Settings

    wijk = solara.reactive(None)

    @solara.component
    def Box():
        preset, upload, residents = (
            solara.use_reactive("default"),
            solara.use_reactive(None),
            solara.use_reactive(2000),
        )
        years, replications, seed = solara.use_reactive(10), solara.use_reactive(5), solara.use_reactive(1)
        Settings(translator("nl"), "nl", preset, upload, wijk, residents, years, replications, seed, {}, {})

    box, rc = solara.render(Box(), handle_error=False)
    select = rc.find(v.Select, class_="preset-select").widget
    assert not select.persistent_hint and not select.hint
    wijk.set("Groningen — Oud-Zuid (WK001401)")
    select = rc.find(v.Select, class_="preset-select").widget
    assert select.persistent_hint and select.hint.startswith("niet gebruikt: de gekozen wijk bepaalt")
    rc.close()
