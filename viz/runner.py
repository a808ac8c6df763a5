"""The app's runs: scenario comparisons with replications and common random numbers, on a warm
process pool shared by every browser tab, with results cached by their inputs.

Results are pure functions of parameters and seeds, so a lever change re-runs only the scenario that
changed. Nothing here holds a session's state: the app keeps that per browser tab.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from ..experiments.compare import differences, growing_queues, net_costs
from ..experiments.run import RunSpec
from ..experiments.seeds import spawn_seeds
from ..experiments.tasks import execute_warmed_run, results_frame
from ..model.codes import dose_for
from ..model.params import LEVERS as REGISTRY_LEVERS
from ..model.params import REGISTRY, ParameterError
from ..model.scan import SHIPPED_TABLE
from . import warm

#: Called with (runs done, runs to do) while a comparison runs.
Progress = Callable[[int, int], None]
#: The table of wijken shipped with wijksim (`wijken` reads it for the search).
WIJK_TABLE = SHIPPED_TABLE
#: Levers a workshop can change per scenario, in the order shown (the registry's levers).
LEVERS = tuple(REGISTRY_LEVERS)
#: The few most influential other parameters (Morris screening in docs/tutorial.md), shared by all
#: scenarios of a comparison; their labels and slider ranges are the registry's.
INFLUENTIAL = ("life_event_rate", "help_seeking_threshold", "mean_neighbourhood_ties")
#: Levers the app sets per 10,000 residents (its sliders run 0-5); runs get them in FTE or members.
PER_10K = ("network_developers", "flex_team")
#: Levers the app takes as decisions made now, from the start of year 1 (`--change 1:NAME=VALUE`),
#: not as the standing services of a region that always had them: the warm-up and the region's
#: learnt demand are today's, so "no team" does not come with the specialist places a region without
#: a team would have bought, and a cut builds its queue over the years (§7.5); raised capacity grows
#: in over `specialist_rebuild_years`.
DECIDED_NOW = ("specialist_capacity_factor", "neighbourhood_team_factor")


@dataclass(frozen=True)
class Setting:
    """The neighbourhood and run settings shared by all scenarios of a comparison."""

    preset: str | None = "default"
    wijk: str | None = None
    residents: int = 2000
    years: int = 10
    replications: int = 5
    seed: int = 1
    shared: tuple[tuple[str, Any], ...] = ()
    #: A row of the municipality's own scan, uploaded in this tab, as (column, value) pairs (it
    #: never becomes a file); when given, it is the neighbourhood, not `preset` or `wijk`.
    upload: tuple[tuple[str, str], ...] | None = None

    def spec(self, overrides: dict[str, Any]) -> RunSpec:
        wijk = self.wijk if self.upload is None else None
        return RunSpec(
            preset=None if wijk or self.upload else (self.preset or "default"),
            scan=str(WIJK_TABLE) if wijk else None,
            wijk=wijk,
            scan_row=self.upload,
            residents=self.residents,
            years=self.years,
            seed=self.seed,
            overrides={**dict(self.shared), **self.in_fte(without_decisions(overrides))},
            changes=decisions(overrides),
        )

    def in_fte(self, overrides: dict[str, Any]) -> dict[str, Any]:
        """The scenario's per-10,000 doses as FTE or members for this many residents."""
        return {k: dose_for(v, self.residents) if k in PER_10K else v for k, v in overrides.items()}

    def seeds(self) -> list[int]:
        return spawn_seeds(self.seed, self.replications)


@functools.lru_cache(maxsize=256)
def own_values(
    preset: str | None, wijk: str | None, upload: tuple[tuple[str, str], ...] | None = None
) -> dict[str, float]:
    """The chosen type's or wijk's own values of the shared assumptions (`INFLUENTIAL`): where their
    sliders start, and what a comparison uses unless a slider is moved."""
    values, _ = Setting(preset=preset, wijk=wijk, upload=upload).spec({}).resolve()
    return {k: values[k] for k in INFLUENTIAL}


def changed_assumptions(own: dict[str, float], chosen: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """The assumptions a comparison sets: only those moved away from the wijk's own value (a slider
    left alone sends nothing, so the wijk's exact value is used)."""
    return tuple((k, v) for k, v in chosen.items() if abs(v - own[k]) > 1e-9)


_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
#: Scenarios being run now, by key: a second caller waits for the first one's result.
_inflight: dict[tuple, Future] = {}
CACHE_SIZE = 64


def without_decisions(overrides: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in overrides.items() if k not in DECIDED_NOW}


def decisions(overrides: dict[str, Any]) -> list[tuple[int, str, Any]]:
    """The scenario's `DECIDED_NOW` levers as changes from year 1 (none where it keeps today's)."""
    changed = [k for k in DECIDED_NOW if k in overrides and overrides[k] != REGISTRY[k].default]
    return [(1, k, overrides[k]) for k in changed]


def validate_overrides(setting: Setting, overrides: dict[str, Any]) -> dict[str, Any]:
    """Full validated parameters for one scenario (its decisions made now apart: `decisions`);
    raises ParameterError naming the field."""
    return setting.spec(overrides).resolve()[0]


def _key(setting: Setting, overrides: dict[str, Any]) -> tuple:
    return (setting, tuple(sorted(overrides.items())))


def scenario_runs(setting: Setting, overrides: dict[str, Any]):
    """Yearly results of one scenario, every replication (same seeds in every scenario)."""
    return scenarios_runs(setting, [overrides])[0]


def scenarios_runs(
    setting: Setting, scenarios: list[dict[str, Any]], progress: Progress | None = None
) -> list:
    """Yearly results of several scenarios; the runs not in the cache go to the workers together,
    so that they share the cores. `progress(done, total)` is called as runs finish. A scenario that
    another call (a tab, or `prefetch`) is already running is waited for, not run twice."""
    keys = [_key(setting, ov) for ov in scenarios]
    with _cache_lock:  # several browser tabs may ask at once
        have = {k: _cache[k] for k in keys if k in _cache}
        waiting = {k: _inflight[k] for k in keys if k not in have and k in _inflight}
    missing = list(dict.fromkeys(k for k in keys if k not in have and k not in waiting))
    params = {k: validate_overrides(setting, dict(k[1])) for k in missing}  # all valid before any run
    with _cache_lock:
        mine = {k: Future() for k in missing if k not in _inflight}  # another call may have just begun
        waiting |= {k: _inflight[k] for k in missing if k not in mine}
        _inflight.update(mine)
    try:
        frames = _run_missing(setting, list(mine), params, progress)
    except BaseException as err:
        with _cache_lock:
            for k, future in mine.items():
                _inflight.pop(k, None)
                future.set_exception(err)
        raise
    with _cache_lock:  # from running to cached in one step: no moment in which a third caller sees neither
        for k, future in mine.items():
            _remember(k, frames[k])
            _inflight.pop(k, None)
            future.set_result(frames[k])
    have |= frames | {k: future.result() for k, future in waiting.items()}
    with _cache_lock:
        for k in keys:
            _remember(k, have[k])
    return [have[k] for k in keys]


def _remember(key: tuple, frame) -> None:
    """Keep a scenario's frame as the most recently used (the caller holds `_cache_lock`)."""
    _cache[key] = frame
    _cache.move_to_end(key)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def _run_missing(setting: Setting, missing: list, params: dict, progress: Progress | None) -> dict:
    """The replications of the scenarios not in the cache, as one frame per scenario."""
    runs = [
        (r, params[k], seed, decisions(dict(k[1]))) for k in missing for r, seed in enumerate(setting.seeds())
    ]
    results = []
    if runs:
        try:
            results = _run_all(runs, setting.years, progress)
        except BrokenProcessPool:  # a worker died (e.g. out of memory): fresh workers, try once more
            warm.reset_pool()
            results = _run_all(runs, setting.years, progress)
    reps = setting.replications
    return {
        k: results_frame([row for result in results[i * reps : (i + 1) * reps] for row in result]).rename(
            columns={"run_id": "replication"}
        )
        for i, k in enumerate(missing)
    }


#: Residents times replications up to which inputs are run ahead of the Run button (assumed; the app's
#: default is 2,000 x 5). At 10,000 x 5 a warm-up takes ~2 s of CPU, a comparison ~20 s on 2 cores.
AHEAD_AT_MOST = 50_000


def prefetch(setting: Setting, scenarios: list[tuple[str, dict[str, Any]]] | None) -> None:
    """Run a comparison's scenarios ahead of the Run button, while the table is still talking: a
    lever just changed, and pressing Run then finds the runs done or under way. Before a first result
    (`scenarios` None: a wijk just chosen, whose levers are still being discussed) the setting's
    warm-ups and then its baseline, which every comparison of the setting has, whatever the levers
    become. Quietly nothing for input the Run button would refuse (it says why when pressed), and
    for settings larger than `AHEAD_AT_MOST` (a typo's runs would hold the workers for minutes
    ahead of the Run that corrects it: nothing cancels a run under way)."""
    if setting.residents * setting.replications > AHEAD_AT_MOST:
        return
    try:
        if scenarios is None:
            scenarios_runs(setting, [{}])  # all replications' warm-ups at once, then the runs
        else:
            scenarios_runs(setting, [{}] + [ov for _, ov in scenarios])
    except ParameterError:
        pass


class Prefetcher:
    """A tab's `prefetch`es, one at a time and only of the latest inputs: a slider being dragged asks
    many times, and only where it settles is run (`delay` seconds after the last ask it is taken).
    A value set on purpose (typed and entered, a slider let go, a switch) calls `settle`: what is
    asked then is taken at once, without waiting for the inputs to be still."""

    #: Seconds after `settle` in which an ask is taken at once (the page asks after its redraw).
    SETTLED_FOR = 1.0

    def __init__(self, delay: float = 0.5):
        self.delay = delay
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._next: tuple[Setting, list] | None = None
        self._asked_at = 0.0
        self._settled_until = 0.0
        self._busy = False

    def ask(self, setting: Setting, scenarios: list[tuple[str, dict[str, Any]]] | None) -> None:
        with self._lock:
            self._next = (setting, scenarios)
            self._asked_at = time.monotonic()
            if self._busy:
                self._wake.set()  # a waiting loop looks again: this ask may be a settled one
                return
            self._busy = True
        threading.Thread(target=self._loop, name="prefetch", daemon=True).start()

    def forget(self) -> None:
        """Run was pressed: what was asked before it is not to be run ahead any more (a warm-up asked
        before a first result would otherwise take the next lever's `settle`)."""
        with self._lock:
            self._next = None

    def settle(self) -> None:
        """A value was set on purpose: the latest ask, or the next within `SETTLED_FOR`, runs now."""
        with self._lock:
            self._settled_until = time.monotonic() + self.SETTLED_FOR
        self._wake.set()

    def _loop(self) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                quiet = now - self._asked_at
                settled = now < self._settled_until
            if quiet < self.delay and not settled:  # still being moved: wait until still for `delay`
                self._wake.wait(self.delay - quiet)
                self._wake.clear()
                continue
            with self._lock:
                job, self._next = self._next, None
                if job is None:
                    self._busy = False
                    return
                self._settled_until = 0.0  # taken: the next moves wait again
            try:
                prefetch(*job)
            except Exception:  # noqa: BLE001 - ahead of time only: the Run button reports any failure
                pass


#: A run of a comparison: replication, parameters, seed, changes during the run.
Run = tuple[int, dict[str, Any], int, list]


def _run_all(runs: list[Run], years: int, progress: Progress | None) -> list:
    """Each run from its warmed-up neighbourhood. Scenarios that differ only in network developers,
    key facility or flex team (the usual workshop change) share one per seed, so set-up and warm-up
    (at 2,000 residents 40% as long as a run) are done once per seed and kept for the next
    comparison; a seed's runs start once its warm-up is done (no core waits). The rows are
    `execute_run`'s, bit for bit."""
    if progress is not None:
        progress(0, len(runs))
    keys = [warm.warm_key(p, seed) for _, p, seed, _ in runs]
    states, warming = warm.warm_ups({key: (p, seed) for key, (_, p, seed, _) in zip(keys, runs, strict=True)})
    futures: list[Future | None] = [None] * len(runs)

    def start(key: tuple) -> None:
        for i, (r, p, _, changes) in enumerate(runs):
            if keys[i] == key:
                futures[i] = warm.pool().submit(execute_warmed_run, (r, p, years, states[key], changes))

    try:
        for key in list(states):
            start(key)
        for done in as_completed(warming):
            states[warming[done]] = done.result()
            start(warming[done])
    except BaseException:
        for f in futures:
            if f is not None:
                f.cancel()
        raise
    if progress is not None:
        for done, _ in enumerate(as_completed(futures), start=1):
            progress(done, len(futures))
    return [f.result() for f in futures]


class Comparison(Mapping[str, Any]):
    """A comparison's tables (`runs`, `differences`, `net_costs`, `warnings`), read as a dict is.

    Equal only to itself. The page's components compare their arguments (and their downloads'
    closures) with those of the redraw before, and a dict of tables is compared table by table, number
    by number: 40-70 ms of a redraw's render (2026-12-06) for an answer identity gives. A comparison is
    never changed after it is made, so identity is the right equality."""

    __slots__ = ("_tables",)

    def __init__(self, **tables: Any) -> None:
        self._tables = tables

    def __getitem__(self, key: str) -> Any:
        return self._tables[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    __eq__ = object.__eq__  # type: ignore[assignment]
    __hash__ = object.__hash__  # type: ignore[assignment]


def comparison(
    setting: Setting, scenarios: list[tuple[str, dict[str, Any]]], progress: Progress | None = None
) -> Comparison:
    """Baseline ("no new decisions") plus scenarios: runs, differences with 95% CIs, net costs."""
    import pandas as pd

    named = [("baseline", {})] + scenarios
    frames = []
    for (name, _), df in zip(named, scenarios_runs(setting, [ov for _, ov in named], progress), strict=True):
        df = df.copy()
        df.insert(0, "scenario", name)
        frames.append(df)
    runs = pd.concat(frames, ignore_index=True)
    return Comparison(
        runs=runs, differences=differences(runs), net_costs=net_costs(runs), warnings=growing_queues(runs)
    )
