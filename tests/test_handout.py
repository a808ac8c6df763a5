"""The printable handout (viz/handout.py, issue 23 item 7): one self-contained HTML file with the wijk,
each scenario's levers, the cards, the chart at 150 dpi or more, the caveats and the table's log; every
typed text escaped, Dutch numbers and no English or Python leftovers in the Dutch one."""

from __future__ import annotations

import base64
import dataclasses
import html
import re
import struct
from datetime import date, datetime

import pytest
from wijksim.experiments.compare import growing_queues
from wijksim.model.params import REGISTRY
from wijksim.viz import runner
from wijksim.viz.cards import scenario_cards
from wijksim.viz.controls import lever_value
from wijksim.viz.handout import PAGE_MARGIN_MM, handout_filename, handout_html, long_date
from wijksim.viz.i18n import translator
from wijksim.viz.log import add_entry, set_decision
from wijksim.viz.numbers import net_cost_rows

from wijksim import __version__

NAME = "Tafel <A> & co"
SCENARIOS = [(NAME, {"key_facility": True}), ("B", {"flex_team": 2.0, "specialist_capacity_factor": 0.5})]
SETTING = runner.Setting(preset="deprived", residents=1500, years=4, replications=2, seed=4)
DAY = date(2026, 12, 5)
#: What must not show in the Dutch handout: English words and Python values.
FORBIDDEN = ("True", "False", "None", "nan", "baseline", "default", "deprived", "EUR", "scenario_mean")


@pytest.fixture(scope="module")
def res():
    return runner.comparison(SETTING, SCENARIOS)


@pytest.fixture(scope="module")
def log(res):
    asked = ("Helpt een <b>flexteam</b>?", "Minder zware zorg & meer hulp")
    entries = add_entry([], *asked, SETTING, SCENARIOS, res, datetime(2026, 12, 5, 14, 30))
    return set_decision(entries, 1, "We kiezen <script>alert(1)</script> B")


@pytest.fixture(scope="module")
def dutch(res, log):
    return handout_html(res, SETTING, SCENARIOS, "nl", translator("nl"), log, DAY)


def visible(page: str) -> str:
    """The text a reader sees, without the style sheet, the image data and the command (code)."""
    page = re.sub(r"<style>.*?</style>|<pre.*?</pre>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def embedded_pngs(page: str) -> list[bytes]:
    return [base64.b64decode(x) for x in re.findall(r"<img [^>]*src='data:image/png;base64,([^']+)'", page)]


def png_dpi_and_width(png: bytes) -> tuple[float, float, int]:
    """(dpi across, dpi down, width in pixels) from the PNG's IHDR and pHYs chunks."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = struct.unpack(">I", png[16:20])[0]
    at = png.index(b"pHYs")
    x, y, unit = struct.unpack(">IIB", png[at + 4 : at + 13])
    assert unit == 1  # pixels per metre
    return x * 0.0254, y * 0.0254, width


def lever_row(page: str, label: str) -> list[str]:
    row = re.search(rf"<tr><th scope='row'>{re.escape(html.escape(label))}</th>(.*?)</tr>", page)
    assert row, label
    return [html.unescape(c) for c in re.findall(r"<td class='num'>(.*?)</td>", row.group(1))]


def test_the_handout_holds_the_wijk_the_settings_and_each_scenarios_levers(res, dutch):
    t = translator("nl")
    assert dutch.startswith("<!DOCTYPE html>") and "<html lang='nl'>" in dutch
    text = visible(dutch)
    assert "Hand-out wijksim: achterstandswijk" in text and "Gemaakt op 5 december 2026" in text
    assert re.search(r"Inwoners \(gesimuleerd\)\s+1\.500", text)
    assert re.search(r"Herhalingen per scenario\s+2", text) and re.search(r"Startgetal toeval\s+4", text)
    head = re.search(r"<table class='levers'><tr>(.*?)</tr>", dutch).group(1)
    assert re.findall(r"<th>(.*?)</th>", head) == [
        "Maatregel",
        "Geen nieuwe besluiten",
        html.escape(NAME),
        "B",
    ]
    for key in runner.LEVERS:  # every lever, for the baseline and each scenario, as the screen says it
        want = [
            lever_value(ov.get(key, REGISTRY[key].default), "nl", t) for ov in ({}, *dict(SCENARIOS).values())
        ]
        assert lever_row(dutch, t(key)) == want, key
    assert lever_row(dutch, t("key_facility")) == ["Uit", "Aan", "Uit"]
    assert lever_row(dutch, t("specialist_capacity_factor")) == ["1", "1", "0,5"]
    assert "€\u00a0250.000 per jaar" in text  # what a key facility costs a year


def test_the_handout_holds_every_card_line_and_the_net_cost_table(res, dutch):
    cards = scenario_cards(res, SETTING.years, "nl", translator("nl"))
    assert len(cards) == 2
    for card in cards:
        for line in (card["name"], card["net"], *card["changes"], card["period"]):
            assert html.escape(line) in dutch, line
    for cells in net_cost_rows(res["net_costs"], "nl"):
        for cell in cells:
            assert f">{html.escape(cell)}</t" in dutch, cell


def test_the_chart_is_embedded_at_150_dpi_or_more_as_it_prints(dutch):
    (png,) = embedded_pngs(dutch)
    dpi_x, dpi_y, width = png_dpi_and_width(png)
    assert dpi_x >= 149.9 and dpi_y >= 149.9
    printed_inches = (210 - 2 * PAGE_MARGIN_MM) / 25.4  # A4 less the margins: the image's 100% width
    assert width / printed_inches >= 150
    assert "@page { size: A4" in dutch and "@media print" in dutch and "img.chart { width: 100%" in dutch


def test_the_handout_is_self_contained_and_escapes_what_people_typed(dutch):
    # (the images' base64 left out: "http" can turn up in it by chance, and once did)
    page = re.sub(r"data:image/png;base64,[^']+", "data:image/png;base64,", dutch)
    assert "http" not in page.lower() and "<script" not in page.lower() and "url(" not in page
    assert re.findall(r"src='([a-z]+):", dutch) == ["data"]
    assert html.escape(NAME) in dutch and NAME not in dutch
    assert "Helpt een &lt;b&gt;flexteam&lt;/b&gt;?" in dutch
    assert "Minder zware zorg &amp; meer hulp" in dutch
    assert "We kiezen &lt;script&gt;alert(1)&lt;/script&gt; B" in dutch


def test_the_log_is_in_the_handout_with_question_expectation_result_and_decision(res, dutch):
    entry = re.search(r"<div class='entry'>(.*?)</dl></div>", dutch, flags=re.S).group(1)
    assert "Doorrekening 1 (14:30)" in entry
    order = [
        entry.index(x) for x in ("Helpt een", "Minder zware zorg", "achterstandswijk: 1.500", "We kiezen")
    ]
    assert order == sorted(order)
    card = scenario_cards(res, SETTING.years, "nl", translator("nl"))[1]
    assert html.escape("; ".join([card["net"], *card["changes"]])) in entry
    assert "Flexteam (leden per 10.000 inwoners): 2, Capaciteit specialistische zorg" in entry


def test_the_caveats_say_simulated_model_outcomes_version_seed_and_command(dutch):
    caveats = visible(re.search(r"<ul class='caveats'>.*?</ul>", dutch, flags=re.S).group(0))
    assert "1.500 gesimuleerde inwoners van achterstandswijk" in caveats
    assert "gemiddelden over 2 herhalingen" in caveats and "95%-interval" in caveats
    assert f"wijksim {__version__} en startgetal toeval 4" in dutch
    command = html.unescape(re.search(r"<pre class='command-line'>(.*?)</pre>", dutch).group(1))
    assert command.startswith("wijksim compare --preset deprived --residents 1500 --years 4")
    assert "--seed 4" in command


def test_the_waiting_list_caveat_only_when_a_queue_grows(res):
    t = translator("nl")
    # B's halved capacity is a cut decided now (runner.DECIDED_NOW): over these 4 years its queue
    # grows, and the handout says so; without the warnings the page has no such caveat
    assert list(res["warnings"]) == ["B"]
    quiet = handout_html({**res, "warnings": {}}, SETTING, SCENARIOS, "nl", t, (), DAY)
    assert (
        "omslagpunt" not in quiet
        and "class='caveat-queue'" not in quiet
        and "de wachtlijst groeit" not in quiet
    )
    tipped = {**res, "runs": res["runs"].copy()}
    cut = tipped["runs"].scenario == "B"
    tipped["runs"].loc[cut, "regular_wait_weeks"] = 10.0 * tipped["runs"].loc[cut, "year"]
    tipped["warnings"] = growing_queues(tipped["runs"])
    assert list(tipped["warnings"]) == ["B"]
    page = handout_html(tipped, SETTING, SCENARIOS, "nl", t, (), DAY)
    (queue,) = re.findall(r"<li class='caveat-queue'>(.*?)</li>", page)
    assert queue.startswith("<strong>Let op, B:</strong>") and "omslagpunt" in queue
    assert page.count("let op: de wachtlijst groeit") == 1  # on B's card only


def test_dutch_numbers_and_no_english_or_python_leftovers(dutch):
    text = visible(dutch).replace(f"wijksim {__version__}", "wijksim")  # a version is no decimal
    found = [w for w in FORBIDDEN if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    found += re.findall(r"\b[a-z]+_[a-z_]+\b", text)  # a text key shown as itself
    assert not found, found
    assert not re.search(r"\d\.\d{1,2}(?!\d)", text)  # decimal commas; 1.500 is a thousand and more
    assert not re.search(r"(?<![\w−–-])-\d", text)  # a real minus sign
    assert not re.search(r"\d[eE][+-]?\d", text)
    assert re.search(r"\d,\d", text) and "1.500" in text


def test_the_english_view_gives_an_english_handout(res, log):
    page = handout_html(res, SETTING, SCENARIOS, "en", translator("en"), log, DAY)
    text = visible(page)
    assert "<html lang='en'>" in page and "Made on 5 December 2026" in text
    assert "wijksim handout: deprived neighbourhood" in text and "No new decisions" in text
    assert "Run 1 (14:30)" in text and "The table's question" in text
    card = scenario_cards(res, SETTING.years, "en", translator("en"))[0]
    assert card["net"] in text
    for dutch_word in ("Doorrekening", "Geen nieuwe besluiten", "Verwachting", "Kanttekeningen"):
        assert dutch_word not in text


def test_dates_and_file_names():
    assert long_date(date(2026, 12, 5), "nl") == "5 december 2026"
    assert long_date(date(2027, 3, 1), "nl") == "1 maart 2027"
    assert long_date(date(2027, 3, 1), "en") == "1 March 2027"
    assert handout_filename(SETTING) == "wijksim-handout-deprived.html"
    assert handout_filename(dataclasses.replace(SETTING, wijk="WK001400")) == "wijksim-handout-WK001400.html"
    assert handout_filename(runner.Setting(preset="../x y")) == "wijksim-handout--x-y.html"


def test_a_handout_of_an_uploaded_scan_names_that_wijk():
    from wijksim.model.scan import SHIPPED_TABLE
    from wijksim.viz.upload import read_scan

    with open(SHIPPED_TABLE, "rb") as f:
        lines = f.read().splitlines()
    row = read_scan(b"\n".join(lines[:2]))[0]  # the table's first wijk, as a municipality uploads it
    code = dict(row)["wijk_code"]
    own = runner.Setting(residents=300, years=1, replications=2, seed=4, upload=row)
    result = runner.comparison(own, SCENARIOS[:1])
    page = handout_html(result, own, SCENARIOS[:1], "nl", translator("nl"), (), DAY)
    assert f"({code}) (eigen scan)" in page and "middenklassewijk" not in page
    assert handout_filename(own) == f"wijksim-handout-{code}.html"
