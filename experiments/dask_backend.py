"""The Dask backend of sweeps and calibration: connect to a cluster (or start a LocalCluster), make
its workers run the model as fast as a process pool does, and stream a sweep's runs through it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .design import DesignError
from .tasks import Task, execute_runs, take
from .workers import forkserver_context

#: Dask settings for sweep workers (for a real cluster, the README gives the environment variable).
DASK_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def connect_dask(workers: int, scheduler: str | None):
    """A Dask client: the given scheduler, or a LocalCluster of `workers` single-threaded processes.
    Either way its workers are tuned for model runs (`tune_worker`)."""
    from distributed import Client

    if scheduler:
        check_scheduler_address(scheduler)
        try:
            client = Client(scheduler, timeout="5s")
        except (OSError, TimeoutError, ValueError) as err:
            raise DesignError("--scheduler", scheduler, f"unreachable ({type(err).__name__})") from None
        cluster = None
    else:
        cluster = _local_cluster(workers)
        client = Client(cluster)
    client.register_plugin(TuneWorkers(), name="wijksim-tune-workers")
    return client, cluster


def check_scheduler_address(address: str) -> None:
    """A scheduler address as Dask prints it: tcp://HOST:PORT (or tls://, or HOST:PORT)."""
    from urllib.parse import urlsplit

    parsed = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        port = parsed.port
    except ValueError:
        port = None
    if (
        parsed.scheme not in ("tcp", "tls", "inproc", "ucx", "ws", "wss")
        or not parsed.hostname
        or port is None
    ):
        raise DesignError("--scheduler", address, "not a scheduler address: give tcp://HOST:PORT")


def tune_worker() -> None:
    """Make a Dask worker as fast as a pool worker for model runs.

    - A run is one long, single-threaded stream of small numpy calls; with the default 5 ms GIL
      switch interval the worker's event-loop thread interrupts it often enough to cost ~15-20%.
    - Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also switches off glibc's
      adaptive mmap threshold: every array over 128 KiB is then mapped and unmapped afresh, ~12% of
      a run (measured: 0.68 vs 0.60 s CPU per run). Thresholds like those glibc adapts to by itself
      restore it; the memory a worker keeps is at most a few tens of MiB.
    """
    import ctypes
    import ctypes.util
    import sys

    sys.setswitchinterval(0.05)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-3, 32 * 2**20)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, 64 * 2**20)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):  # not glibc (macOS, Windows): nothing to undo
        pass


class TuneWorkers(WorkerPlugin):
    """Tunes every worker of the cluster: those there now and those that join or restart later."""

    def setup(self, worker) -> None:
        tune_worker()


def _local_cluster(workers: int):
    import dask
    from distributed import LocalCluster
    from distributed.utils import get_mp_context

    # The worker's statistical profiler samples every thread's stack every 10 ms, and its event loop
    # ticks every 20 ms; each takes the GIL from the run. Nobody reads those profiles here, and
    # ticks, system and memory checks once a second are plenty for sweep tasks of a second or more.
    # The workers are forked from a server that has the model imported, as the process pool's are:
    # spawned workers, each with its own copy of everything, ran 2-6% slower two to a core.
    with dask.config.set(DASK_WORKER_CONFIG | {"distributed.worker.multiprocessing-method": "forkserver"}):
        get_mp_context()  # distributed's own preload list, replaced by ours on the next line
        forkserver_context()
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


#: Most runs in one Dask task. With one run per task the driver (scheduler and client) used 9-12 ms
#: of CPU per run, with four 4.5-5.5 ms (200-run sweeps, README "Sweeps"); the last tasks still end
#: within about two runs' time of each other.
MAX_RUNS_PER_TASK = 4


def runs_per_task(n_runs: int, n_workers: int) -> int:
    """Runs batched per task: one for small sweeps (every worker busy to the end), up to
    MAX_RUNS_PER_TASK once each worker has at least 8 tasks' worth of them."""
    return max(1, min(MAX_RUNS_PER_TASK, n_runs // (8 * max(1, n_workers))))


def run_dask(tasks: list[Task], client, batch: int | None = None) -> Iterator[list[dict[str, Any]]]:
    """Each run's rows as it finishes (runs go out `batch` to a task; by default `runs_per_task`),
    keeping about two tasks per worker queued, so memory stays flat however long the sweep. A task
    lost with its worker is run again elsewhere; its runs reach the caller once, when it ends."""
    from distributed import as_completed

    n_workers = len(client.scheduler_info().get("workers", {}))
    batch = batch or runs_per_task(len(tasks), n_workers)
    chunks = iter([tasks[i : i + batch] for i in range(0, len(tasks), batch)])

    def submit(chunk: list[Task]):
        key = f"wijksim-runs-{chunk[0][0]}-{chunk[-1][0]}-{chunk[0][2]}"
        return client.submit(execute_runs, chunk, key=key, pure=False)

    window = max(2, 2 * n_workers or 4)
    queue = as_completed([submit(c) for c in take(chunks, window)])
    for fut in queue:
        yield from fut.result()
        fut.release()
        for c in take(chunks, 1):
            queue.add(submit(c))
