"""The workshop app in a real browser: Playwright drives Debian's Chromium against `wijksim app` on
127.0.0.1, offline (the Solara front-end comes from the installed solara-assets). Screenshots are
saved in test-artifacts/ for a person to look at."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from wijksim.viz.chart_bundle import BUNDLE_PATH

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    port = free_port()
    proc = subprocess.Popen(
        [Path(sys.executable).parent / "wijksim", "app", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError(f"wijksim app did not start: {proc.stdout.read().decode()[-2000:]}")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is needed (apt-get install chromium); .ci/run installs it"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, url, errors=None, size: tuple[int, int] = (1366, 768), requests=None):
    """A new page in its own context, at a projector's 1366×768 unless `size` says otherwise (and
    the addresses it asks for in `requests`)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    if errors is not None:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
    if requests is not None:
        page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.get_by_role("button", name="Doorrekenen").wait_for(timeout=60_000)
    return context, page


def small(page, residents: int = 500) -> None:
    box = page.locator(".residents-input input")
    box.fill(str(residents))
    box.press("Enter")


def run(page, label: str = "Doorrekenen", summary: str = "Samenvatting") -> None:
    page.get_by_role("button", name=label).click()
    page.get_by_text(summary, exact=True).wait_for(timeout=180_000)
    page.wait_for_timeout(300)


def summary_text(page) -> str:
    return page.locator(".summary").inner_text()


def test_page_loads_runs_and_shows_scenarios_with_bands(browser, app_url):
    errors: list[str] = []
    requests: list[str] = []
    started = time.time()
    context, page = open_page(browser, app_url, errors, requests=requests)
    usable = time.time() - started
    page.screenshot(path=ARTIFACTS / "01-start.png", full_page=True)

    def bundles() -> int:  # plotly's code, served once by `wijksim app` (viz/chart_bundle.py)
        return sum(url.endswith(BUNDLE_PATH) for url in requests)

    page.wait_for_timeout(3000)
    assert bundles() == 1  # fetched while the table chooses, before any Run
    small(page)
    run(page)
    page.screenshot(path=ARTIFACTS / "02-comparison.png", full_page=True)
    text = summary_text(page)
    assert "A (" in text and "B (" in text and "95%-interval" in text
    chart = page.locator(".curves-chart .js-plotly-plot")
    chart.locator(".xtick text").first.wait_for(timeout=20_000)
    assert "Geen nieuwe besluiten" in chart_traces(page)  # the curves with their bands
    assert bundles() == 1  # the chart took plotly's code from the page, not a second copy
    assert not errors, errors
    assert usable < 30
    context.close()


#: The chart's traces as plotly draws them in the page: name and y values (`_fullData`: the figure
#: arrives with its numbers as typed arrays in base64, which plotly.js decodes there).
TRACES = """() => document.querySelector('.curves-chart .js-plotly-plot')._fullData
    .map(d => [d.name || '', Array.from(d.y)])"""


def chart_traces(page) -> dict[str, list]:
    """Per scenario its curves, one per panel."""
    out: dict[str, list] = {}
    for name, y in page.evaluate(TRACES):
        if name:
            out.setdefault(name, []).append(y)
    return out


def test_switching_a_lever_and_running_changes_the_curves(browser, app_url):
    context, page = open_page(browser, app_url)
    small(page)
    run(page)
    page.locator(".curves-chart .js-plotly-plot .xtick text").first.wait_for(timeout=20_000)
    before_text, before_curves = summary_text(page), chart_traces(page)
    page.get_by_role("button", name="Instellingen tonen").click()  # the levers fold to a list after a run
    page.locator(".scenario-1").get_by_role("switch", name="Sleutelvoorziening").press("Space")  # A: on
    page.get_by_role("button", name="Doorrekenen").click()
    deadline = time.time() + 120
    while time.time() < deadline and summary_text(page) == before_text:
        page.wait_for_timeout(200)
    page.wait_for_timeout(500)
    after_text, after_curves = summary_text(page), chart_traces(page)
    assert after_text != before_text
    assert after_curves["Geen nieuwe besluiten"] == before_curves["Geen nieuwe besluiten"]  # not re-run
    assert after_curves["A"] != before_curves["A"]  # scenario A's curve is the new run's
    page.screenshot(path=ARTIFACTS / "03-lever-switched.png", full_page=True)
    context.close()


#: Whether plotly drew the chart within the margins it was given, and the legend and the axes'
#: titles fit inside the drawing. A margin plotly widens means a second full draw (viz/charts.py).
IN_ITS_MARGINS = """gd => {
  const m = gd._fullLayout.margin, size = gd._fullLayout._size;
  const own = ['l', 'r', 't', 'b'].every(k => Math.abs(size[k] - m[k]) < 0.5);
  const box = gd.querySelector('.main-svg').getBoundingClientRect();
  const inside = [...gd.querySelectorAll('.legend, .g-xtitle, .g-ytitle, .g-x7title')].every(e => {
    const r = e.getBoundingClientRect();
    return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5;
  });
  return [own, inside];
}"""


def test_the_chart_reads_on_a_projector_and_follows_the_screen(browser, app_url):
    context, page = open_page(browser, app_url)  # at 1366x768 from the start
    small(page)
    run(page)
    chart = page.locator(".curves-chart .js-plotly-plot")
    ticks = chart.locator(".xtick text, .ytick text")
    ticks.first.wait_for(timeout=20_000)
    sizes = ticks.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 16, sizes
    assert chart.evaluate(IN_ITS_MARGINS) == [True, True], chart.evaluate(IN_ITS_MARGINS)
    # the drawing itself, not only its box, takes the width (plotly first drew it at its own 700 px)
    page.wait_for_function(
        "() => document.querySelector('.curves-chart .main-svg').getBoundingClientRect().width > 0.9 * 1366",
        timeout=10_000,
    )
    width = chart.evaluate("e => e.getBoundingClientRect().width")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_function(
        "w => document.querySelector('.curves-chart .main-svg').getBoundingClientRect().width > w + 300",
        arg=width,
        timeout=10_000,
    )  # the drawing itself is redrawn wider, not only its box
    page.get_by_role("button", name="Verschil met geen nieuwe besluiten").click()
    page.wait_for_function(
        "() => document.querySelector('.curves-chart .js-plotly-plot').data"
        ".some(d => d.name === 'Geen nieuwe besluiten (= 0)')",
        timeout=10_000,
    )
    assert chart.evaluate(IN_ITS_MARGINS) == [True, True]
    chart.screenshot(path=ARTIFACTS / "02b-difference-1920.png")
    # back to the levels, then the settings unfolded: the chart narrows and keeps its height (plotly's
    # resize once measured 0 for a chart that had drawn a second figure, and the chart vanished)
    page.get_by_role("button", name="Niveaus").click()
    page.get_by_role("button", name="Instellingen tonen").click()
    page.wait_for_function(
        "w => document.querySelector('.curves-chart .main-svg').getBoundingClientRect().width < w - 200",
        arg=1920,
        timeout=10_000,
    )
    page.wait_for_timeout(500)
    height = chart.evaluate("e => e.getBoundingClientRect().height")
    assert height > 1000, height  # seven panels
    context.close()


def test_language_toggle_changes_the_labels(browser, app_url):
    context, page = open_page(browser, app_url)
    page.locator(".lang-toggle button").nth(1).click()
    page.get_by_role("button", name="Run").wait_for(timeout=10_000)
    assert page.get_by_role("button", name="Doorrekenen").count() == 0
    assert page.get_by_text("No new decisions").count() >= 1
    page.screenshot(path=ARTIFACTS / "04-english.png", full_page=True)
    context.close()


def test_two_browser_contexts_do_not_share_state(browser, app_url):
    ctx_a, a = open_page(browser, app_url)
    ctx_b, b = open_page(browser, app_url)
    a.locator(".lang-toggle button").nth(1).click()
    a.get_by_role("button", name="Run").wait_for(timeout=10_000)
    small(a, 450)
    b.wait_for_timeout(500)
    assert b.get_by_role("button", name="Doorrekenen").count() == 1
    assert b.locator(".residents-input input").input_value() == "2.000"  # as Dutch writes it
    ctx_a.close()
    ctx_b.close()


def test_network_view_and_resident_story(browser, app_url):
    import re

    context, page = open_page(browser, app_url)
    small(page)
    run(page)
    page.get_by_role("tab", name="Netwerk").click()
    # The baseline is always shown; the labelled choice is of the scenario beside it.
    page.get_by_role("button", name="Netwerk doorrekenen").wait_for(timeout=10_000)
    page.locator(".compare-with").click()
    page.get_by_role("option", name="B").click()
    page.get_by_role("button", name="Netwerk doorrekenen").click()
    counts = page.locator(".network-counts")
    counts.wait_for(timeout=120_000)
    page.wait_for_timeout(1_000)  # the picture lands after the counts' first render
    page.screenshot(path=ARTIFACTS / "06-network.png", full_page=True)
    page.locator(".network-tab").screenshot(path=ARTIFACTS / "06b-network-tab.png")
    table = counts.inner_text()
    assert "Geen nieuwe besluiten" in table and "B" in table and "Jaar 0" in table
    for label in ("geïsoleerd", "hulp of gezelschap", "in formele hulp"):
        assert re.search(rf"{label}[^\n]*\t\d[\d.]* \([\d,]+%\)\t\d[\d.]* \([\d,]+%\)", table), table
    assert "Een stip is een bewoner" in page.locator(".network-key").inner_text()
    # Play moves the years on by itself (both panels and the counts); Pause holds the year shown.
    shown = page.locator(".year-player .v-slider__thumb-label")
    assert shown.inner_text().strip() == "0"
    page.get_by_role("button", name="Afspelen").click()
    page.wait_for_function(
        "() => document.querySelector('.year-player .v-slider__thumb-label').innerText.trim() === '2'",
        timeout=20_000,
    )
    page.get_by_role("button", name="Pauze").click()
    page.get_by_role("button", name="Afspelen").wait_for(timeout=5_000)
    held = shown.inner_text().strip()
    page.wait_for_timeout(3_000)  # more than two years' worth of playing
    assert shown.inner_text().strip() == held and held in ("2", "3")
    assert f"Jaar {held}" in counts.inner_text()
    shown_text = [page.locator(".network-tab").inner_text()]
    page.get_by_role("tab", name="Verhaal van een bewoner").click()
    stories = page.locator(".resident-story")
    stories.first.wait_for(timeout=20_000)
    page.screenshot(path=ARTIFACTS / "07-story.png", full_page=True)
    page.locator(".story-tab").screenshot(path=ARTIFACTS / "07b-story-tab.png")
    picker = page.locator(".resident-picker")
    assert re.search(r"\d+ jaar, .*contact", picker.inner_text())  # described, not a bare number
    merged = []
    for k in range(6):  # the first residents offered: some story merges repeated weeks
        picker.click()
        options = page.get_by_role("option")
        assert re.match(r"\d+ jaar, ", options.nth(k).inner_text())
        options.nth(k).click()
        page.wait_for_timeout(400)
        left, right = stories.nth(0).inner_text(), stories.nth(1).inner_text()
        assert left.startswith("Geen nieuwe besluiten: ") and right.startswith("B: ")
        merged += re.findall(r"(?:week \d+–\d+|tot en met jaar \d+, week \d+)[^:]*:", left + right)
    assert merged
    shown_text.append(page.locator(".story-tab").inner_text())
    shown = "\n".join(shown_text)
    leftovers = FORBIDDEN + ("path:", "moved", "died", "born")
    found = [w for w in leftovers if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", shown)]
    found += re.findall(r"\b[a-z]+_[a-z_]+\b", shown)  # a text key shown as itself
    assert not found and not re.search(r"\d[eE][+-]?\d", shown), found
    page.get_by_role("tab", name="Exporteren").click()
    assert "wijksim compare" in page.locator(".command-line").inner_text()
    context.close()


def test_bad_input_shows_a_message(browser, app_url):
    context, page = open_page(browser, app_url)
    small(page, -5)
    page.get_by_role("button", name="Doorrekenen").click()
    page.locator(".input-error").wait_for(timeout=20_000)
    message = page.locator(".input-error").inner_text()
    assert "Inwoners (gesimuleerd): −5 kan niet; kies een waarde van 1 tot 5.000.000." in message
    page.screenshot(path=ARTIFACTS / "08-bad-input.png", full_page=True)
    context.close()


#: What must not show in the Dutch page (issue 23): English type names and unit words, Python values.
FORBIDDEN = (
    "default", "deprived", "middle-class", "affluent", "commuter-village", "town-without-cohesion",
    "traditional-village", "small-residential-village", "per person-year", "severity", "ties per person",
    "True", "False", "None", "nan",
)  # fmt: skip
PAGE_TEXT = """() => {
    let text = document.body.innerText;  // what is rendered and visible
    document.querySelectorAll('.command-line').forEach(e => { text = text.replace(e.innerText, ''); });
    return text;  // without the command line: a command is code, not Dutch
}"""


def test_the_dutch_page_has_no_english_or_python_leftovers(browser, app_url):
    import re

    context, page = open_page(browser, app_url)
    page.set_viewport_size({"width": 1366, "height": 768})
    text = [page.evaluate(PAGE_TEXT)]
    small(page)
    run(page)
    for tab in ("Verloop", "Netwerk", "Verhaal van een bewoner", "Exporteren"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(300)
        text.append(page.evaluate(PAGE_TEXT))
    page.locator(".toggle-settings").click()  # the folded settings, open again
    page.wait_for_timeout(300)
    text.append(page.evaluate(PAGE_TEXT))
    all_text = "\n".join(text)
    found = [w for w in FORBIDDEN if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", all_text)]
    assert not found, found
    assert not re.search(r"\d[eE][+-]?\d", all_text)  # no scientific notation
    cards = page.locator(".scenario-cards").inner_text()
    assert not re.search(r"\d\.\d{1,2}(?!\d)", cards), cards  # decimal commas (1.000 is a thousand)
    context.close()
