"""The table's log (viz/log.py, issue 23 item 7): an entry per run with the question and expectation as
typed before it, the decision typed after; in the page newest first, out as Markdown and in the
handout. Browser-free (solara.render)."""

from __future__ import annotations

import time
from datetime import datetime

import ipyvuetify as v
import pytest
import solara
from test_app_components import run_and_wait, set_input
from wijksim.viz import runner
from wijksim.viz.app import Page
from wijksim.viz.i18n import translator
from wijksim.viz.log import add_entry, log_markdown, set_decision

SETTING = runner.Setting(residents=400, years=2, replications=2, seed=2)
SCENARIOS = [("A", {"key_facility": True}), ("B", {"flex_team": 2.0})]


@pytest.fixture(scope="module")
def res():
    return runner.comparison(SETTING, SCENARIOS)


def test_each_run_appends_an_entry_and_a_decision_lands_in_its_own(res):
    one = add_entry(
        [], "  Helpt een flexteam? ", "minder zware zorg", SETTING, SCENARIOS, res, datetime(2026, 1, 1, 9, 5)
    )
    two = add_entry(one, "En een sleutelvoorziening?", "", SETTING, SCENARIOS[:1], res)
    assert [x["run"] for x in two] == [1, 2] and one == two[:1]  # the earlier entry is kept as it was
    assert two[0]["question"] == "Helpt een flexteam?" and two[0]["time"] == "09:05"
    assert two[1]["expectation"] == "" and two[1]["scenarios"] == SCENARIOS[:1]
    assert two[0]["cards"]["nl"][0]["name"] == "A" and two[0]["cards"]["en"][1]["name"] == "B"
    assert two[0]["cards"]["nl"][0]["net"] != two[0]["cards"]["en"][0]["net"]  # both languages kept
    decided = set_decision(set_decision(two, 2, "Niet doen"), 1, "Proberen in één wijk ")
    assert [x["decision"] for x in decided] == ["Proberen in één wijk", "Niet doen"]
    assert [x["decision"] for x in two] == ["", ""]  # a new list: the page's state sees the change


def test_the_markdown_holds_each_run_in_order_with_its_texts_and_cards(res):
    entries = add_entry([], "Vraag één", "Verwachting één", SETTING, SCENARIOS, res)
    entries = set_decision(add_entry(entries, "Vraag twee", "", SETTING, SCENARIOS, res), 1, "Besluit één")
    t = translator("nl")
    text = log_markdown(entries, "nl", t)
    assert text.startswith("# Logboek van de tafel")
    first, second = text.index("## Doorrekening 1"), text.index("## Doorrekening 2")
    assert first < text.index("Vraag één") < text.index("Besluit één") < second < text.index("Vraag twee")
    assert "**Verwachting:** (niet ingevuld)" in text[second:]
    assert "- A: Sleutelvoorziening: Aan" in text
    card = entries[0]["cards"]["nl"][1]
    assert f"- B: {card['net']}; {card['changes'][0]}" in text
    assert "# The table's log" in log_markdown(entries, "en", translator("en"))


def textarea(rc, label: str) -> v.Textarea:
    (w,) = [w for w in rc.find(v.Textarea).widgets if w.label == label]
    return w


def type_into(rc, label: str, text: str) -> None:
    w = textarea(rc, label)
    w.v_model = text
    w.fire_event("focusout", None)  # taken on leaving the field, as in the browser


def shown_entries(rc) -> list[str]:
    """The entries' text in the page, top to bottom."""
    return [
        w.unsafe_innerHTML
        for w in rc.find(solara.widgets.HTML).widgets
        if "<dl>" in (w.unsafe_innerHTML or "")
    ]


def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def test_the_page_logs_what_was_typed_before_each_run_and_the_decision_after():
    _, rc = solara.render(Page(), handle_error=False)
    labels = {w.label for w in rc.find(v.Textarea).widgets}
    assert labels == {"Vraag van de tafel", "Verwachting"}  # no decision before a run
    set_input(rc, "Inwoners", 400)
    type_into(rc, "Vraag van de tafel", "Wat doet een flexteam?")
    type_into(rc, "Verwachting", "Minder verwijzingen")
    run_and_wait(rc)
    wait_for(lambda: len(shown_entries(rc)) == 1)
    (entry,) = shown_entries(rc)
    assert "Doorrekening 1" in entry and "Wat doet een flexteam?" in entry and "Minder verwijzingen" in entry
    assert "verwijzingen naar zware zorg" in entry  # the cards' lines
    type_into(rc, "Besluit / wat we leren (doorrekening 1)", "We proberen het")
    type_into(rc, "Vraag van de tafel", "En <b>zonder</b> wijkteam?")  # typed for the next run
    wait_for(lambda: "We proberen het" in shown_entries(rc)[0])
    assert "wijkteam?" not in shown_entries(rc)[0]  # an entry keeps what was typed before its run

    rc.find(v.Btn, children=["Doorrekenen"]).widget.click()
    wait_for(lambda: len(shown_entries(rc)) == 2, timeout=120)
    newest, oldest = shown_entries(rc)  # newest first
    assert "Doorrekening 2" in newest and "En &lt;b&gt;zonder&lt;/b&gt; wijkteam?" in newest
    assert "Minder verwijzingen" in newest  # still typed in the field: asked again
    assert "Doorrekening 1" in oldest and "Wat doet een flexteam?" in oldest
    # the band now takes run 2's decision; run 1's stays editable in the list
    assert textarea(rc, "Besluit / wat we leren (doorrekening 2)").v_model == ""
    assert textarea(rc, "Besluit / wat we leren (doorrekening 1)").v_model == "We proberen het"
    type_into(rc, "Besluit / wat we leren (doorrekening 1)", "Toch niet")
    type_into(rc, "Besluit / wat we leren (doorrekening 2)", "Wijkteam houden")
    wait_for(lambda: "Wijkteam houden" in shown_entries(rc)[0])
    assert textarea(rc, "Besluit / wat we leren (doorrekening 1)").v_model == "Toch niet"
    downloads = {w.children[-1] if w.children else "" for w in rc.find(v.Btn).widgets}
    labels = {str(x).strip() for x in downloads}
    assert {"Hand-out (HTML, om te printen)", "Logboek als tekstbestand"} <= labels
    rc.close()
