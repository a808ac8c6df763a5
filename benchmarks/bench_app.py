"""Speed of the workshop app in a real browser (prints figures; not a test).

    python benchmarks/bench_app.py              # once
    python benchmarks/bench_app.py --repeat 3   # three times, each figure's median too (a VM's speed wanders)
    python benchmarks/bench_app.py --think 6    # Run pressed 6 s after the page is usable, not at once

1. First page usable: from starting `wijksim app` until the Run button can be clicked in Chromium,
   which is already running (a facilitator's browser is; until 2026-12-05 its launch was counted too).
2. The first 3-scenario comparison (baseline + 2 scenarios, 2,000 residents, 10 years, 5 replications),
   Run pressed as soon as the page is usable (the issue's figure), or `--think` seconds later, as a
   table that looks at the page first does (the page warms up its setting meanwhile).
3. Changing a lever and re-running the comparison, five times with a new flex-team dose typed into
   scenario A: from pressing Run (half a second after typing, as a person would) until the new summary
   and curves are drawn; the median is the issue's figure. Only the changed scenario is re-run; the
   others come from the cache. The page is a projector's 1366×768.

First it prints this machine's speed for the app's runs: the CPU time of one warmed-up run as the app
makes it (2,000 residents, 10 years, no lever), so that figures from days on which the machine ran
slower or faster can be compared (the first comparison is 15 such runs and 5 warm-ups on two cores).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

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


#: The numbers the chart has drawn (plotly keeps them on its element): a redraw is done when the summary
#: and these are the new result's (until 2026-12-06 only the summary was awaited, and the chart's
#: redraw could fall after the figure).
CURVES_DRAWN = (
    "(document.querySelector('.curves-chart .js-plotly-plot')?.data || [])"
    ".map(d => Array.from(d.y || []).join(',')).join('|')"
)

#: Flex-team doses typed into scenario A one after another: each a new run (none is in the cache).
REDRAW_DOSES = ("0,5", "1", "1,5", "2,5", "3")


def once(think: float = 0.0) -> tuple[float, float, float]:
    """Start `wijksim app` once, with the browser already open: (first page, first comparison,
    median redraw) in seconds; Run is first pressed `think` seconds after the page is usable."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    # The browser is already open, as a facilitator's is: its own start is not the app's.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})  # a projector
        t0 = time.perf_counter()
        server = subprocess.Popen(
            [Path(sys.executable).parent / "wijksim", "app", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            return measure(page, url, t0, think)
        finally:
            browser.close()
            server.terminate()
            server.wait()


def measure(page, url: str, t0: float, think: float = 0.0) -> tuple[float, float, float]:
    """The three figures, in a browser page, for the app just started at `t0`."""
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    page.goto(url)
    run = page.get_by_role("button", name="Doorrekenen")
    run.wait_for(timeout=60_000)
    usable = time.perf_counter() - t0
    print(f"first page usable {usable:.1f} s after start")
    if think:
        page.wait_for_timeout(think * 1000)
    t1 = time.perf_counter()
    run.click()
    # Checked in the page every 50 ms, as the redraws are: a summary, and numbers the chart has drawn
    # (until 2026-12-06: the word "Samenvatting", then an x-axis label; the same times, 2 x 2 runs).
    page.wait_for_function(
        f"document.querySelector('.summary')?.textContent && {CURVES_DRAWN}", polling=50, timeout=300_000
    )
    first = time.perf_counter() - t1
    after = f", Run pressed {think:g} s after the page was usable" if think else ""
    print(f"first 3-scenario comparison (2,000 residents, 10 years, 5 replications{after}): {first:.1f} s")
    redraws = []
    for dose in REDRAW_DOSES:
        page.get_by_role("button", name="Instellingen tonen").click()  # levers fold after a run
        field = page.get_by_role("group", name="Scenario A").get_by_role(
            "textbox", name="Flexteam (leden per 10.000 inwoners)"
        )
        field.fill(dose)
        field.press("Enter")
        page.wait_for_timeout(500)  # a person looks at the value before pressing Run
        before = page.evaluate(f"[document.querySelector('.summary')?.textContent, {CURVES_DRAWN}]")
        t2 = time.perf_counter()
        run.click()
        # Check in the page every 50 ms rather than ask from here: each question costs CPU
        # on the same two cores the runs need, which a workshop user's screen does not.
        page.wait_for_function(
            f"before => document.querySelector('.summary')?.textContent !== before[0]"
            f" && {CURVES_DRAWN} !== before[1]",
            arg=before,
            polling=50,
            timeout=120_000,
        )
        redraws.append(time.perf_counter() - t2)
    print(
        "one lever changed, its scenario re-run and everything redrawn: median "
        f"{statistics.median(redraws):.2f} s over {len(redraws)} changes "
        f"({', '.join(f'{x:.2f}' for x in redraws)})"
    )
    return usable, first, statistics.median(redraws)


def machine_speed() -> float:
    """CPU seconds of one warmed-up run as the app makes it (its default wijk, no lever)."""
    from wijksim.experiments.tasks import execute_warmed_run, warm_up_neighbourhood
    from wijksim.viz.runner import Setting, validate_overrides

    params = validate_overrides(Setting(), {})
    state = warm_up_neighbourhood((params, 1))
    times = []
    for _ in range(3):
        start = time.process_time()
        execute_warmed_run((0, params, Setting().years, state))
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="how many times to start the app and measure")
    ap.add_argument(
        "--think", type=float, default=0.0, help="seconds between the page being usable and the first Run"
    )
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error(f"--repeat must be at least 1, not {args.repeat}")
    if not 0 <= args.think <= 600:
        ap.error(f"--think must be between 0 and 600 seconds, not {args.think}")
    print(f"this machine: one app run (2,000 residents, 10 years, warmed up) {machine_speed():.2f} s CPU")
    figures = []
    for k in range(args.repeat):
        if args.repeat > 1:
            print(f"-- {k + 1} of {args.repeat}")
        figures.append(once(args.think))
    if args.repeat > 1:
        usable, first, redraw = (statistics.median(f) for f in zip(*figures, strict=True))
        print(
            f"median of {args.repeat}: first page {usable:.2f} s, "
            f"first comparison {first:.2f} s, redraw {redraw:.2f} s"
        )


if __name__ == "__main__":
    main()
