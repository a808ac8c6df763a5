"""Worker processes for model runs, shared by sweeps, calibration, validation and the app.

A forkserver pool (safe with the threads of Dask, Solara and pyarrow) whose workers end when the
process that started them ends, also when it is killed: otherwise a killed sweep driver or a stopped
app would leave workers behind that hold memory and CPU. Leaving the pool's `with` block on an
exception (a failed run, Ctrl-C, SIGTERM) stops the workers at once instead of finishing the queue.
Workers ignore Ctrl-C: the terminal sends it to them too, and the parent decides.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver
from multiprocessing.connection import wait

from ..model.params import ParameterError

#: Modules the fork server imports once, so that its workers share them instead of importing them
#: each (about a second each). One fork server serves a process's pools and Dask LocalCluster alike;
#: the first to start it sets what it preloads, hence one list for both.
FORKSERVER_PRELOAD = [
    "distributed",
    "wijksim.experiments.tasks",
    "wijksim.experiments.run",
    "wijksim.model.neighbourhood",
]


#: What the app's fork server preloads: the model without Dask (a third of a second sooner ready).
APP_PRELOAD = [m for m in FORKSERVER_PRELOAD if m != "distributed"]


def forkserver_context(preload: list[str] | None = None) -> mp.context.ForkServerContext:
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD if preload is None else preload)
    return context


#: The app's workers run below the page's priority (Linux `nice`): the fork server imports the model
#: while the server and the browser draw the first page, and when the page and the runs want the same
#: cores, the page is drawn first. Alone on a core, the runs are as fast as at normal priority.
APP_WORKER_NICE = 10


def background_priority_possible() -> bool:
    """Whether one thread's priority can be lowered without the rest of the process (Linux)."""
    return sys.platform == "linux"


def start_fork_server(preload: list[str], nice: int = APP_WORKER_NICE) -> None:
    """Start this process's fork server now, `nice` steps below normal priority, so that it imports
    `preload` in the background. Only a short-lived thread of its own is lowered (Linux gives each
    thread its own priority); the fork server inherits it and so do the workers it forks. No effect
    on a fork server already running."""

    def start() -> None:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
        forkserver_context(preload)
        forkserver.ensure_running()  # the module's own entry point, which every forkserver pool calls

    if not background_priority_possible():
        raise RuntimeError("a thread's own priority needs Linux")
    thread = threading.Thread(target=start, name="start-fork-server")
    thread.start()
    thread.join()


def stop_fork_server() -> None:
    """End this process's fork server, also one still importing its preload. A pool's first task
    waits for that import while holding the pool's lock, so the pool cannot be shut down before it
    is done: at background priority on a busy machine, a stopping app would wait 15-20 s. The next
    pool starts a new fork server (`forkserver.ensure_running` sees this one gone)."""
    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)  # no public handle
    if pid is not None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


class WorkerPool(ProcessPoolExecutor):
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return super().__exit__(exc_type, exc, tb)
        self.stop()
        return False

    def stop(self) -> None:
        """Cancel what is queued and end the workers now (a clean shutdown would finish the queue)."""
        processes = list((self._processes or {}).values())  # no public handle before Python 3.14
        self.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.terminate()
        for p in processes:
            p.join(timeout=5)


def worker_pool(workers: int, preload: list[str] | None = None) -> WorkerPool:
    """`workers` processes from the fork server, which imports `preload` (FORKSERVER_PRELOAD unless
    given; only the first pool of a process decides)."""
    if not isinstance(workers, int) or workers < 1:
        raise ParameterError("--workers", workers, "must be a whole number of at least 1")
    context = forkserver_context(preload)
    return WorkerPool(max_workers=workers, mp_context=context, initializer=exit_with_parent)


def exit_with_parent() -> None:
    """In a worker: ignore Ctrl-C (the parent stops the pool), and end this process as soon as its
    parent process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = mp.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
