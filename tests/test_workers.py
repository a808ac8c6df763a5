"""The worker processes' priority in the app (experiments/workers.py): the fork server starts early
below the page's priority, and only it and its workers are lowered, not the server's own threads."""

from __future__ import annotations

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
    """`runner.warm_up` only starts the workers (the fork server has the model imported): all of
    them, so that the first comparison's runs begin at once on every core."""
    from wijksim.viz import runner

    runner.warm_up()
    assert len(runner.pool()._processes) == runner.WORKERS  # no public count before Python 3.14
