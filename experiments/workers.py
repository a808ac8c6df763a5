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


def worker_pool(workers: int) -> ProcessPoolExecutor:
    context = mp.get_context("forkserver")
    # Import the model once in the fork server, not in every worker (about a second each).
    context.set_forkserver_preload(["wijksim.experiments.sweep", "wijksim.model.neighbourhood"])
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
