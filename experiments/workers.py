"""Worker processes for model runs, shared by sweeps, calibration, validation and the app.

A forkserver pool (safe with the threads of Dask, Solara and pyarrow) whose workers end when the
process that started them ends, also when it is killed: otherwise a killed sweep driver or a stopped
app would leave workers behind that hold memory and CPU.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import wait

#: Modules the fork server imports once, so that its workers share them instead of importing them
#: each (about a second each). One fork server serves a process's pools and Dask LocalCluster alike;
#: the first to start it sets what it preloads, hence one list for both.
FORKSERVER_PRELOAD = [
    "distributed",
    "wijksim.experiments.tasks",
    "wijksim.experiments.run",
    "wijksim.model.neighbourhood",
]


def forkserver_context() -> mp.context.ForkServerContext:
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


def worker_pool(workers: int) -> ProcessPoolExecutor:
    context = forkserver_context()
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=exit_with_parent)


def exit_with_parent() -> None:
    """In a worker: end this process as soon as its parent process is gone."""
    parent = mp.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
