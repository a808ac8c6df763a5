"""What a redraw of the workshop app costs (issue 23's redraw within 3 s): a new result keeps the
widgets of the summary and the cards and only changes their text; the page does not compare two
results table by table; typed text is shown as text."""

from __future__ import annotations

import ipyvuetify as v
import pandas as pd
import pytest
import reacton.utils
import solara
import solara.widgets
from wijksim.viz import runner
from wijksim.viz.app import SummaryAndCosts
from wijksim.viz.headline import ScenarioCards
from wijksim.viz.i18n import translator
from wijksim.viz.progress import Running
from wijksim.viz.prose import code_block, prose_html

nl = translator("nl")
SETTING = runner.Setting(residents=300, years=2, replications=2, seed=5)


@pytest.fixture(scope="module")
def two_results():
    """Two comparisons of one setting whose scenario differs in its dose: as before and after a lever
    change."""
    return [runner.comparison(SETTING, [("A", {"flex_team": dose})]) for dose in (1.0, 3.0)]


@pytest.fixture
def table_comparisons(monkeypatch):
    """Counts the number-by-number comparisons of one table with another (DataFrame or Series `==`
    with a DataFrame or Series: not a column with a value, as the summary's own code does)."""
    calls = []
    for cls in (pd.DataFrame, pd.Series):
        compare = cls.__eq__

        def counted(self, other, compare=compare):
            if isinstance(other, (pd.DataFrame, pd.Series)):
                calls.append(type(self).__name__)
            return compare(self, other)

        monkeypatch.setattr(cls, "__eq__", counted)
    return calls


def test_a_comparison_reads_as_a_dict_and_is_equal_only_to_itself(two_results, table_comparisons):
    res = two_results[0]
    assert set(res) == {"runs", "differences", "net_costs", "warnings"} and len(res) == 4
    assert isinstance(res["runs"], pd.DataFrame) and dict(res)["net_costs"] is res["net_costs"]
    copy = runner.Comparison(**res)  # the same tables, another comparison
    assert res == res and res != copy and len({res, copy}) == 2
    assert not reacton.utils.equals(res, copy)
    assert table_comparisons == []  # decided by identity: no table compared number by number
    with pytest.raises(TypeError):
        res["warnings"] = []  # type: ignore[index]  # never changed after it is made


def test_the_same_comparison_as_a_dict_would_be_compared_table_by_table(two_results, table_comparisons):
    """The check above can fail: with plain dicts, the page's argument comparison compares tables."""
    before, after = two_results
    assert not reacton.utils.equals(dict(before), dict(after))
    assert table_comparisons


def shown_page(state: solara.Reactive):
    @solara.component
    def Shown():
        res, stale = state.value
        ScenarioCards(res, SETTING.years, "nl", nl, stale)
        SummaryAndCosts(res, nl, "nl")

    return solara.render(Shown(), handle_error=False)[1]


def html_widgets(rc) -> dict[str, str]:
    return {w.model_id: w.unsafe_innerHTML for w in rc.find(solara.widgets.HTML).widgets}


def test_a_new_result_changes_the_text_of_the_same_widgets(two_results, table_comparisons):
    before, after = two_results
    state = solara.reactive((before, False))
    rc = shown_page(state)
    try:
        first = html_widgets(rc)
        cards = [w.model_id for w in rc.find(v.Card).widgets]
        assert len(cards) == 1 and len(first) >= 4  # the card's lines, the summary, the cost table
        table_comparisons.clear()
        state.set((after, False))
        second = html_widgets(rc)
        assert second.keys() == first.keys()  # the same widgets: nothing for the browser to build
        assert [w.model_id for w in rc.find(v.Card).widgets] == cards
        assert sum(first[k] != second[k] for k in first) >= 2  # the new numbers, in those widgets
        assert table_comparisons == []  # the page did not compare the two results' tables
        state.set((after, True))  # a lever moved: the cards are marked out of date, and stay
        assert [w.model_id for w in rc.find(v.Card).widgets] == cards
        assert html_widgets(rc).keys() == first.keys()
        assert any("verouderd" in str(w.children) for w in rc.find(v.Alert).widgets)
    finally:
        rc.close()


def test_typed_text_is_shown_as_typed_never_run():
    typed = "**A** <img src=x onerror=alert(1)> & {{ 1 + 1 }}"
    shown = prose_html(typed)
    assert "<strong>A</strong>" in shown  # the app's own Markdown still works
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "&amp;" in shown and "{{ 1 + 1 }}" in shown  # in HTML, not in a Vue template: text
    assert prose_html("| a | b |\n|---|---|\n| 1 | 2 |").count("<td>") == 2  # the cost table
    command = code_block("wijksim compare --name 'x<y & z'")
    assert "<code>wijksim compare --name 'x&lt;y &amp; z'</code>" in command.kwargs["unsafe_innerHTML"]


def test_a_finished_run_moves_the_bar_without_redrawing_the_page(monkeypatch):
    renders = []
    body = Running.f
    monkeypatch.setattr(Running, "f", lambda *a, **k: (renders.append(1), body(*a, **k))[1])
    progress = solara.reactive((0, 0))
    lang = solara.reactive("nl")

    @solara.component
    def Shown():
        Running(translator(lang.value), progress)

    _, rc = solara.render(Shown(), handle_error=False)
    try:
        label = rc.find(v.Html, class_="running").widget
        bar = rc.find(v.ProgressLinear).widget
        assert label.children == ["Bezig met doorrekenen…"] and bar.value == 0
        progress.set((0, 15))
        progress.set((3, 15))
        assert label.children == ["Bezig met doorrekenen… 3/15"] and bar.value == 20
        assert len(renders) == 1  # the widgets were set; the component was not drawn again
        lang.set("en")  # the language switched while the runs go: the label follows
        progress.set((6, 15))
        assert rc.find(v.Html, class_="running").widget.children == ["Running… 6/15"] and bar.value == 40
    finally:
        rc.close()
