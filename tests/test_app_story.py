"""The network tab's counts and a resident's story (viz/story.py, viz/storyline.py, viz/network_tab.py):
the pure parts on made-up histories, the rest on one small pair of runs."""

from __future__ import annotations

import re
import time

import ipyvuetify as v
import numpy as np
import pytest
import solara
from handmade import handmade
from helpers import page_texts
from wijksim.model.codes import FORMAL_PATHS, WEEKS_PER_YEAR, Need, Path
from wijksim.viz import figures, runner, story, storyline
from wijksim.viz.i18n import translator
from wijksim.viz.network_tab import NetworkTab, StoryTab

nl, en = translator("nl"), translator("en")
HELPED = "path: informal only"
NO_HELP = "path: none"
HELPED_NL = "krijgt hulp van buren, familie of vrijwilligers"


def history(*pairs: tuple[int, str]) -> list[dict]:
    return [{"week": w, "event": e} for w, e in pairs]


def lines(pairs, t=nl) -> list[str]:
    return [storyline.span_line(s, t) for s in storyline.merge(storyline.moments(history(*pairs)))]


def test_a_weekly_repeat_is_one_line_with_its_weeks():
    weekly = [(w, HELPED) for w in range(2 * WEEKS_PER_YEAR + 12, 2 * WEEKS_PER_YEAR + 26)]
    assert lines([(100, "sought help"), *weekly, (200, NO_HELP)]) == [
        "Jaar 2, week 48: vraagt hulp bij het wijkteam",
        "Jaar 3, week 12–25: krijgt hulp van buren, familie of vrijwilligers",
        "Jaar 4, week 44: geen hulp (meer)",
    ]


def test_a_repeat_across_the_new_year_names_both_years():
    weekly = [(w, HELPED) for w in range(50, 59)]
    assert lines(weekly) == [f"Jaar 1, week 50 tot en met jaar 2, week 6: {HELPED_NL}"]
    assert lines(weekly, en) == [f"Year 1, week 50 to year 2, week 6: {en(HELPED)}"]


def test_alternating_weeks_are_one_line_and_short_runs_stay_apart():
    flip = [(w, HELPED if k % 2 == 0 else NO_HELP) for k, w in enumerate((27, 29, 30, 31, 32, 34))]
    assert lines(flip) == [f"Jaar 1, week 27–34, 6 keer afwisselend: {HELPED_NL} / geen hulp (meer)"]
    assert len(lines(flip[:3])) == 3  # A, B, A: too short to call it alternating
    assert len(lines([(10, HELPED), (20, HELPED)])) == 2  # twice, far apart: two lines
    assert lines([(10, HELPED), (11, HELPED)]) == [f"Jaar 1, week 10–11: {HELPED_NL}"]
    thrice = lines([(10, "relapse"), (60, "relapse"), (120, "relapse")])
    assert thrice == ["Jaar 1, week 10 tot en met jaar 3, week 16, 3 keer: terugval"]


def test_a_weeks_events_share_a_line_and_the_warm_up_is_one_line():
    asked = "sought help"
    got = lines([(-300, asked), (-200, asked), (-100, "relapse"), (5, asked), (5, "path: light help")])
    assert got == [
        "Vóór de start: vraagt hulp bij het wijkteam; terugval",
        "Jaar 1, week 5: vraagt hulp bij het wijkteam; krijgt lichte hulp van het wijkteam",
    ]


def test_the_story_is_of_the_resident_who_lives_there_now():
    h = history((3, "relapse"), (9, "died"), (9, "moved in"), (12, "sought help"))
    assert storyline.own_history(h) == history((12, "sought help"))
    assert storyline.own_history(h[:1]) == h[:1]


def test_year_and_week_of_a_model_week():
    assert storyline.year_week(1) == (1, 1)
    assert storyline.year_week(WEEKS_PER_YEAR) == (1, WEEKS_PER_YEAR)
    assert storyline.year_week(WEEKS_PER_YEAR + 1) == (2, 1)


def test_a_resident_is_described_in_words_from_the_model():
    m = handmade(4, age=[78.4, 40.0, 12.0, 30.0], ties=[(0, 1)])
    st = m.st
    st.lives_alone[0] = True
    st.need[0] = Need.INDIVIDUAL
    st.lonely[0] = True
    st.volunteer[1] = True
    assert storyline.describe(m, 0, nl) == "78 jaar, woont alleen, 1 contact, individuele hulpvraag, eenzaam"
    second = "40 jaar, woont samen met anderen, 1 contact, geen hulpvraag, helpt anderen"
    assert storyline.describe(m, 1, nl) == second
    assert storyline.describe(m, 2, en) == "aged 12, 0 ties, no need"  # a child: no living situation
    labels = storyline.picker_labels(m, [1, 3, 0], nl)
    assert list(labels.values()) == [1, 3, 0] and len(set(labels)) == 3


@pytest.fixture(scope="module")
def pair():
    s = runner.Setting(residents=600, years=3, replications=2, seed=2)
    return story.network_pair(s, "B", {"key_facility": True, "flex_team": 2.0}, sample_size=150)


def test_both_runs_start_alike_and_count_the_whole_population(pair):
    base, scen = pair["baseline"], pair["scenario"]
    assert len(base["snapshots"]) == len(scen["snapshots"]) == 4
    assert np.array_equal(base["sample"], scen["sample"]) and len(base["sample"]) == 150
    first = base["snapshots"][0], scen["snapshots"][0]
    assert np.array_equal(first[0]["x"], first[1]["x"]) and first[0]["counts"] == first[1]["counts"]
    for net in (base, scen):
        model = net["model"]
        counts = story.population_counts(model)
        row = model.latest  # the indicators of the last week
        assert counts == net["snapshots"][-1]["counts"] and counts["residents"] == model.st.n > 150
        assert counts["isolated"] == round(row["isolated_share"] * model.st.n)
        assert counts["formal"] == sum(row[f"path_{Path.key(p)}"] for p in FORMAL_PATHS)
        assert 0 < counts["informal"] <= np.count_nonzero((model.st.need > 0) | model.st.lonely)
    assert scen["facility"] is not None and base["facility"] is None


def test_the_counts_read_as_a_dutch_table(pair):
    table = story.counts_table(pair, 3, "nl", nl)
    head, _, residents, *rows = table.splitlines()
    assert head == "| Jaar 3 | Geen nieuwe besluiten | B |"
    assert [r.split(" | ")[0] for r in rows] == [
        "| geïsoleerd (geen enkel contact)",
        "| deze week hulp of gezelschap van naasten",
        "| in formele hulp (ook wachtend)",
    ]
    counts = pair["scenario"]["snapshots"][3]["counts"]
    assert rows[2].split(" | ")[2].startswith(f"{counts['formal']} (")
    assert "." not in "".join(r.split(" | ")[1] for r in rows)  # decimal commas: 4,3%, never 4.3%
    assert story.count_values({"isolated": 12, "informal": 1500, "formal": 3, "residents": 2000}, "nl") == [
        "12 (0,6%)",
        "1.500 (75%)",
        "3 (0,15%)",
    ]
    assert figures.network_figure(pair, 2, nl, "nl") is not None


def test_the_picker_offers_residents_who_stayed_and_whose_story_has_something(pair):
    base, scen = pair["baseline"]["model"], pair["scenario"]["model"]
    people = storyline.interesting_residents(scen, k=8, other=base)
    assert 0 < len(people) <= 8
    assert all(scen.st.arrived_week[i] <= 0 and base.st.arrived_week[i] <= 0 for i in people)
    for i in people:
        said = storyline.resident_story(scen, i, nl)
        assert said[-1].startswith("Aan het eind:") and len(said) >= 3
        assert not any(e in line for line in said for e in ("path:", "moved in", "died"))  # all in Dutch


def markdown(rc, class_: str | None = None) -> str:
    """The rendered Markdown's text (in a Div of this class), tags dropped, white space as one space."""
    root = rc.find(v.Html, class_=class_) if class_ else rc
    html = " ".join(page_texts(root))
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_network_and_story_tabs_show_both_runs_counts_and_described_residents(pair):
    t = nl
    setting = runner.Setting(residents=600, years=3, replications=2, seed=2)
    result = solara.reactive({"setting": setting, "scenarios": [("A", {}), ("B", {"key_facility": True})]})
    net, who = solara.reactive(None), solara.reactive(None)
    choice, year = solara.reactive(0), solara.reactive(0)
    _, rc = solara.render(NetworkTab(t, "nl", result, net, choice, year, who), handle_error=False)
    rc.find(v.Select, label="Vergelijk met").assert_single()
    rc.find(v.Select, label="Vergelijk met").widget.v_model = "B"
    assert choice.value == 1
    net.set(pair)  # as if 'Netwerk doorrekenen' had run (its engine is tested above)
    year.set(3)
    counts = markdown(rc, "network-counts")
    assert counts.startswith("Jaar 3 Geen nieuwe besluiten B inwoners")
    for side in ("baseline", "scenario"):
        formal = pair[side]["snapshots"][3]["counts"]["formal"]
        assert "in formele hulp (ook wachtend) " in counts and f" {formal} (" in counts
    assert "Een stip is een bewoner" in markdown(rc, "network-key")
    rc.close()
    _, rc = solara.render(StoryTab(t, "nl", net, who), handle_error=False)
    picker = rc.find(v.Select, label="Kies een bewoner").widget
    assert all(" jaar, " in label and "contact" in label for label in picker.items)
    picker.v_model = picker.items[1]
    deadline = time.time() + 5
    while time.time() < deadline and who.value is None:
        time.sleep(0.05)
    stories = [markdown(rc.find(v.Html, class_="resident-story")[k]) for k in range(2)]
    described = picker.v_model.split(" (")[0]
    assert stories[1].startswith(f"B: {described}")  # the picker describes the resident at the end of B
    assert stories[0].startswith("Geen nieuwe besluiten: ") and all("Aan het eind:" in s for s in stories)
    assert any("Jaar " in s for s in stories)
    rc.close()


def test_a_lever_acting_in_the_warm_up_still_pairs_the_same_person():
    """Team capacity changes from year 1 on, so the two runs' newcomers differ row by row: the picker
    must offer only residents set up at the start, the same person in both runs."""
    s = runner.Setting(residents=600, years=2, replications=2, seed=3)
    net = story.network_pair(s, "T", {"neighbourhood_team_factor": 1.5}, sample_size=50)
    base, scen = net["baseline"]["model"], net["scenario"]["model"]
    arrived = (base.st.arrived_week != scen.st.arrived_week).nonzero()[0]
    assert len(arrived)  # the test means something: rows whose residents differ between the runs
    people = storyline.interesting_residents(scen, k=40, other=base)
    assert people and not set(people) & set(arrived.tolist())
    assert all(base.st.age[i] == scen.st.age[i] for i in people)
