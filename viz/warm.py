"""The app's worker processes, shared by every browser tab, and the warmed-up neighbourhoods its
runs start from: kept by their parameters and seed, and shared while still being warmed up."""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from concurrent.futures import CancelledError, Future
from typing import Any

from ..experiments.tasks import warm_up_neighbourhood
from ..experiments.workers import APP_PRELOAD, WorkerPool, stop_fork_server, worker_pool
from ..model.params import STARTING_AFTER_WARM_UP

#: Worker processes, one more than the cores: a scenario's replications (5 by default) then keep
#: every core busy to the end instead of leaving one idle in the last round.
WORKERS = (os.cpu_count() or 2) + 1
_pool: WorkerPool | None = None
_pool_lock = threading.Lock()
#: Warmed-up neighbourhoods (pickled, ~0.23 MB per 1,000 residents) by their parameters and seed,
#: the least recently used dropped beyond WARM_CACHE_BYTES.
_warm: OrderedDict = OrderedDict()
WARM_CACHE_BYTES = 256 * 2**20
#: Warm-ups under way, by the same key: a second comparison that needs one waits for it.
_warming: dict[tuple, Future] = {}
_lock = threading.Lock()


def pool() -> WorkerPool:
    """The app's worker processes (`WORKERS`), shared by every browser tab."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = worker_pool(WORKERS, preload=APP_PRELOAD)  # the app never uses Dask
        return _pool


def warm_up() -> None:
    """Start the workers, so that the first comparison does not wait for them. Each is forked from
    the fork server, which has imported the model: its first run is as quick as its next."""
    list(pool().map(abs, range(WORKERS)))  # a task each, as small as a task can be


def reset_pool() -> None:
    """Fresh workers after one died. The warm-ups under way were the broken pool's: forgotten, so
    that the retry runs its own instead of waiting on one that fails or never ends."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
    with _lock:
        _warming.clear()


def stop_pool() -> None:
    """End the workers now (the server is stopping): also one still starting, which would otherwise
    print a traceback once this process is gone."""
    global _pool
    stop_fork_server()  # a first task waiting for it would hold up the pool's shutdown
    with _pool_lock:
        if _pool is not None:
            _pool.stop()
        _pool = None


def warm_key(params: dict[str, Any], seed: int) -> tuple:
    return tuple(sorted((k, v) for k, v in params.items() if k not in STARTING_AFTER_WARM_UP)), seed


def warm_ups(wanted: dict[tuple, tuple[dict[str, Any], int]]) -> tuple[dict, dict[Future, tuple]]:
    """The warmed-up neighbourhoods of `wanted` (key: (parameters, seed)) that are kept, and futures
    of the others: one already under way (`runner.prefetch`, another tab) is shared, not run twice.

    A warm-up is entered as under way (a future of our own) before it goes to the workers, and goes
    there outside this module's lock: `reset_pool` cancels tasks holding the pool's lock, and a
    cancelled warm-up then takes this module's lock (`_warmed`)."""
    with _lock:
        states = {key: _warm[key] for key in wanted if key in _warm}
        for key in states:
            _warm.move_to_end(key)
        mine = {key: Future() for key in wanted if key not in states and key not in _warming}
        _warming.update(mine)
        warming = {_warming[key]: key for key in wanted if key not in states}
    entered = list(mine.items())
    for key, future in entered:
        future.add_done_callback(functools.partial(_warmed, key))
    for i, (key, future) in enumerate(entered):
        try:
            task = pool().submit(warm_up_neighbourhood, wanted[key])
        except BaseException as err:  # e.g. the pool broke: nothing may stay 'under way' for ever
            for _, left in entered[i:]:
                left.set_exception(err)
            raise
        task.add_done_callback(functools.partial(_pass_on, future))
    return states, warming


def _pass_on(to: Future, done: Future) -> None:
    """A worker's warm-up done: its result (or failure) is that of the future entered for it."""
    if done.cancelled():
        to.set_exception(CancelledError())
    elif done.exception() is not None:
        to.set_exception(done.exception())
    else:
        to.set_result(done.result())


def _warmed(key: tuple, future: Future) -> None:
    """Keep a finished warm-up (the least recently used dropped beyond WARM_CACHE_BYTES)."""
    with _lock:
        if _warming.get(key) is future:
            del _warming[key]
        if future.exception() is not None:
            return
        _warm[key] = future.result()
        _warm.move_to_end(key)
        while sum(map(len, _warm.values())) > WARM_CACHE_BYTES:
            _warm.popitem(last=False)
