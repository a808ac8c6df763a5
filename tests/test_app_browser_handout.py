"""The table's log and the printable handout in Chromium (issue 23, item 7): type a question and an
expectation, run, type a decision, download the handout, and print it. The printed handout is saved in
test-artifacts/ (a PNG of the print view and the PDF) for a person to look at."""

from __future__ import annotations

import re

import pytest
from test_app_browser import ARTIFACTS, app_url, browser, run, small  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

QUESTION = "Helpt een flexteam <b>echt</b>?"
EXPECTATION = "Minder verwijzingen, wel duurder"
DECISION = "We rekenen B door voor onze eigen wijk"


def test_log_a_run_and_download_and_print_the_handout(browser, app_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("button", name="Doorrekenen").wait_for(timeout=60_000)
    small(page, 400)
    page.get_by_role("textbox", name="Vraag van de tafel").fill(QUESTION)  # labelled for screen readers
    page.get_by_role("textbox", name="Verwachting").fill(EXPECTATION)
    run(page)
    decision = page.get_by_role("textbox", name="Besluit / wat we leren (doorrekening 1)")
    decision.fill(DECISION)
    decision.press("Tab")  # leaving the field hands the text over
    page.get_by_text("Logboek (1), nieuwste eerst").click()
    entry = page.locator(".log-entry-1")
    entry.get_by_text(DECISION).wait_for(timeout=10_000)
    assert QUESTION in entry.inner_text() and EXPECTATION in entry.inner_text()
    page.screenshot(path=ARTIFACTS / "handout-01-log.png", full_page=True)
    page.locator(".scenario-log").screenshot(path=ARTIFACTS / "handout-01b-log-panel.png")

    page.get_by_role("tab", name="Exporteren").click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Hand-out (HTML, om te printen)").click()
    download = info.value
    assert download.suggested_filename == "wijksim-handout-default.html"
    path = ARTIFACTS / download.suggested_filename  # the download's own file has no .html
    download.save_as(path)
    handout = path.read_text(encoding="utf-8")
    assert "Helpt een flexteam &lt;b&gt;echt&lt;/b&gt;?" in handout
    assert EXPECTATION in handout and DECISION in handout
    assert re.search(r"<img class='chart' [^>]*src='data:image/png;base64,[A-Za-z0-9+/]{1000}", handout)

    printed = context.new_page()
    printed.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 px per inch
    requests: list[str] = []
    printed.on("request", lambda r: requests.append(r.url))
    printed.goto(path.as_uri())
    printed.emulate_media(media="print")
    image = printed.locator("img.chart")
    assert image.evaluate("i => i.complete && i.naturalWidth") >= 1240  # the embedded chart was drawn
    assert printed.get_by_text("Afdrukken: Ctrl+P").is_hidden()  # the screen-only hint is not printed
    printed.screenshot(path=ARTIFACTS / "handout-02-print.png", full_page=True)
    printed.pdf(path=ARTIFACTS / "handout-03.pdf", format="A4", print_background=True)
    assert all(u.startswith(("file:", "data:")) for u in requests), requests  # nothing from a server
    context.close()
