"""The worker processes' priority in the app (experiments/workers.py): the fork server starts early
below the page's priority, and only it and its workers are lowered, not the server's own threads."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

#: In a fresh process (a process has one fork server, and this test session's may already run).
SCRIPT = """
import functools, os
from wijksim.experiments.workers import start_fork_server, worker_pool
priority = functools.partial(os.getpriority, os.PRIO_PROCESS, 0)  # of the calling thread (Linux)
before = priority()
start_fork_server(["wijksim.model.params"], nice=7)
with worker_pool(1, preload=["wijksim.model.params"]) as pool:
    print(before, priority(), pool.submit(priority).result())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="a thread's own priority is Linux's")
def test_the_fork_server_and_its_workers_run_below_the_server_and_the_server_does_not():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    before, after, worker = map(int, out.stdout.split())
    assert after == before  # the caller's own priority is untouched
    assert worker == min(before + 7, 19)  # the workers inherit the fork server's lowered priority


def test_the_apps_warm_up_starts_every_worker_in_a_moment():
    """`warm.warm_up` only starts the workers (the fork server has the model imported): all of
    them, so that the first comparison's runs begin at once on every core."""
    from wijksim.viz import warm

    warm.warm_up()
    assert len(warm.pool()._processes) == warm.WORKERS  # no public count before Python 3.14


def test_a_table_that_runs_at_once_has_its_runs_handed_over_before_the_result_page_is_preloaded(
    monkeypatch,
):
    """The server's warm-up: the workers, and the first page's own warm-ups and baseline in a thread
    of their own (below the page's priority), then, once a page is drawn, the result page's imports
    and first chart; but when Run is pressed at once, only after the runs have gone to the workers
    (they share the server's one interpreter)."""
    import threading
    import time

    from wijksim.viz import app

    steps: list = []
    monkeypatch.setattr(app, "background_priority_possible", lambda: False)
    monkeypatch.setattr(app.wijken, "places", lambda: ())
    monkeypatch.setattr(app.warm, "warm_up", lambda: steps.append("workers"))
    monkeypatch.setattr(app.runner, "prefetch", lambda setting, scenarios: steps.append((setting, scenarios)))
    monkeypatch.setattr(app, "preload_results", lambda: steps.append("preload"))
    for name in ("PAGE_DRAWN", "RUN_ASKED", "RUNS_HANDED_OVER"):
        monkeypatch.setattr(app, name, threading.Event())
    warming = threading.Thread(target=app._warm_up)
    warming.start()
    time.sleep(1.0)
    # Before any page: the workers, and the warm-ups and baseline of the setting a fresh page shows.
    assert steps == ["workers", (app.FRESH_PAGE_SETTING, None)]
    app.PAGE_DRAWN.set()
    app.RUN_ASKED.set()  # Run pressed as soon as the page could be used
    time.sleep(1.0)
    assert steps == [
        "workers",
        (app.FRESH_PAGE_SETTING, None),
    ]  # the result page waits while the runs are handed over
    app.handed_over(app.solara.Reactive((0, 0)))(0, 20)  # the progress bar's first call
    warming.join(timeout=10)
    assert steps == ["workers", (app.FRESH_PAGE_SETTING, None), "preload"]

    steps.clear()  # nobody presses Run: the page is preloaded two seconds after it was drawn
    app.RUN_ASKED.clear()
    app.RUNS_HANDED_OVER.clear()
    start = time.monotonic()
    app._warm_up()
    assert (
        steps == ["workers", (app.FRESH_PAGE_SETTING, None), "preload"]
        and 2.0 <= time.monotonic() - start < 4.0
    )


def test_the_setting_run_ahead_before_any_page_is_the_one_a_fresh_page_runs(monkeypatch):
    """`FRESH_PAGE_SETTING`, whose warm-ups and baseline the server runs as it starts, is exactly what
    Run asks for on a fresh page: else that work would be for nothing."""
    import solara
    from test_app_components import run_and_wait
    from wijksim.model.params import ParameterError
    from wijksim.viz import app, runner

    asked = []

    def comparison(setting, *args, **kwargs):
        asked.append(setting)
        raise ParameterError("residents", 0, "stands in for a run")

    monkeypatch.setattr(runner, "prefetch", lambda setting, scenarios: None)
    monkeypatch.setattr(runner, "comparison", comparison)
    _, rc = solara.render(app.Page(), handle_error=False)
    try:
        run_and_wait(rc)
    finally:
        rc.close()
    assert asked == [app.FRESH_PAGE_SETTING]


#: In a fresh process: a fork server whose preload takes a minute (as the model's import at background
#: priority on a busy machine takes seconds), a first task waiting for it, and the server stopping.
STOPPING = """
import threading, time
from wijksim.viz import warm
warm.APP_PRELOAD[:] = ["slow_preload"]
threading.Thread(target=warm.warm_up, daemon=True).start()
time.sleep(2.0)  # the warm-up's first task now waits for the fork server, holding the pool's lock
start = time.monotonic()
warm.stop_pool()
print(time.monotonic() - start)
"""


def test_a_stopping_app_does_not_wait_for_a_fork_server_still_importing(tmp_path):
    (tmp_path / "slow_preload.py").write_text("import time\ntime.sleep(60)\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}  # the fork server's path (Python 3.12.1)
    out = subprocess.run(
        [sys.executable, "-c", STOPPING], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 10.0  # not the import's minute
