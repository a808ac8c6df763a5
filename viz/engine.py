"""What the workshop app computes, without any UI: scenario comparisons with replications and
common random numbers, plain-language summaries, network snapshots and a resident's story.

Results are cached by their inputs (pure functions of parameters and seeds), so a lever change
re-runs only the scenario that changed; runs go to a warm process pool shared by all sessions.
Nothing here holds a session's state: the app keeps that per browser tab.
"""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..experiments.compare import differences, growing_queues, net_costs
from ..experiments.run import RunSpec
from ..experiments.sweep import execute_run, execute_warmed_run, results_frame, warm_up_neighbourhood
from ..experiments.workers import worker_pool
from ..model.diagnostics import RUNAWAY_YEARS
from ..model.indicators import KEY_INDICATORS
from ..model.params import REGISTRY, STARTING_AFTER_WARM_UP

#: Called with (runs done, runs to do) while a comparison runs.
Progress = Callable[[int, int], None]
WIJK_TABLE = Path(__file__).resolve().parents[1] / "model" / "data" / "wijken_2024.csv"
#: Levers a workshop can change per scenario, in the order shown.
LEVERS = (
    "network_developers",
    "key_facility",
    "flex_team",
    "specialist_capacity_factor",
    "neighbourhood_team_factor",
)
#: The few most influential other parameters (Morris screening in docs/tutorial.md), shared by all
#: scenarios of a comparison.
INFLUENTIAL = ("life_event_rate", "help_seeking_threshold", "mean_neighbourhood_ties")
#: Indicators drawn as curves with bands.
CURVES = KEY_INDICATORS


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

    def spec(self, overrides: dict[str, Any]) -> RunSpec:
        return RunSpec(
            preset=None if self.wijk else (self.preset or "default"),
            scan=str(WIJK_TABLE) if self.wijk else None,
            wijk=self.wijk,
            residents=self.residents,
            years=self.years,
            seed=self.seed,
            overrides={**dict(self.shared), **overrides},
        )

    def seeds(self) -> list[int]:
        children = np.random.SeedSequence(self.seed).spawn(self.replications)
        return [int(c.generate_state(1, dtype=np.uint32)[0]) for c in children]


@functools.cache
def wijk_table():
    import pandas as pd

    t = pd.read_csv(WIJK_TABLE, dtype={"wijk_code": str})
    t["label"] = t.gemeente_name + " — " + t.wijk_name + " (" + t.wijk_code + ")"
    return t


def search_wijken(text: str, limit: int = 50) -> list[str]:
    """Labels of wijken whose municipality, name or code contains the text."""
    t = wijk_table()
    text = (text or "").strip().lower()
    if not text:
        return []
    hit = t[t.label.str.lower().str.contains(text, regex=False)]
    return hit.label.head(limit).tolist()


def wijk_code(label: str) -> str:
    return label.rsplit("(", 1)[1].rstrip(")")


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
CACHE_SIZE = 64
#: Warmed-up neighbourhoods (pickled, ~0.23 MB per 1,000 residents) by their parameters and seed,
#: the least recently used dropped beyond WARM_CACHE_BYTES.
_warm: OrderedDict = OrderedDict()
WARM_CACHE_BYTES = 256 * 2**20


def pool() -> ProcessPoolExecutor:
    """Worker processes, one more than the cores: a scenario's replications (5 by default) then
    keep every core busy to the end instead of leaving one idle in the last round."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = worker_pool((os.cpu_count() or 2) + 1)
        return _pool


def warm_up() -> None:
    """Start the workers and import the model in them, so the first comparison is quick."""
    p = validate_overrides(Setting(residents=200, years=1, replications=2), {})
    list(pool().map(execute_run, [(0, p, 1, 1), (1, p, 2, 1)]))


def validate_overrides(setting: Setting, overrides: dict[str, Any]) -> dict[str, Any]:
    """Full validated parameters for one scenario; raises ParameterError naming the field."""
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
    so that they share the cores. `progress(done, total)` is called as runs finish."""
    keys = [_key(setting, ov) for ov in scenarios]
    with _cache_lock:  # several browser tabs may ask at once
        have = {k: _cache[k] for k in keys if k in _cache}
    missing = list(dict.fromkeys(k for k in keys if k not in have))
    params = {k: validate_overrides(setting, dict(k[1])) for k in missing}  # all valid before any run
    runs = [(r, params[k], seed) for k in missing for r, seed in enumerate(setting.seeds())]
    results = []
    if runs:
        try:
            results = _run_all(runs, setting.years, progress)
        except BrokenProcessPool:  # a worker died (e.g. out of memory): fresh workers, try once more
            reset_pool()
            results = _run_all(runs, setting.years, progress)
    reps = setting.replications
    frames = {
        k: results_frame([row for result in results[i * reps : (i + 1) * reps] for row in result]).rename(
            columns={"run_id": "replication"}
        )
        for i, k in enumerate(missing)
    }
    have |= frames
    with _cache_lock:
        for k in keys:
            _cache[k] = have[k]
            _cache.move_to_end(k)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return [have[k] for k in keys]


def _warm_key(params: dict[str, Any], seed: int) -> tuple:
    return tuple(sorted((k, v) for k, v in params.items() if k not in STARTING_AFTER_WARM_UP)), seed


def _run_all(runs: list[tuple[int, dict[str, Any], int]], years: int, progress: Progress | None) -> list:
    """Each run from its warmed-up neighbourhood. Scenarios that differ only in network developers,
    key facility or flex team (the usual workshop change) share one per seed, so set-up and
    warm-up, an eighth of a run, are done once per seed and kept for the next comparison. The rows
    are those of `execute_run`, bit for bit."""
    if progress is not None:
        progress(0, len(runs))
    wanted = {_warm_key(p, seed): (p, seed) for _, p, seed in runs}
    with _cache_lock:
        states = {key: _warm[key] for key in wanted if key in _warm}
    todo = [key for key in wanted if key not in states]
    states |= zip(todo, pool().map(warm_up_neighbourhood, [wanted[k] for k in todo]), strict=True)
    with _cache_lock:
        for key in wanted:
            _warm[key] = states[key]
            _warm.move_to_end(key)
        while sum(map(len, _warm.values())) > WARM_CACHE_BYTES:
            _warm.popitem(last=False)
    tasks = [(r, p, years, states[_warm_key(p, seed)]) for r, p, seed in runs]
    futures = [pool().submit(execute_warmed_run, task) for task in tasks]
    if progress is not None:
        for done, _ in enumerate(as_completed(futures), start=1):
            progress(done, len(tasks))
    return [f.result() for f in futures]


def reset_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def comparison(
    setting: Setting, scenarios: list[tuple[str, dict[str, Any]]], progress: Progress | None = None
) -> dict[str, Any]:
    """Baseline ("no new decisions") plus scenarios: runs, differences with 95% CIs, net costs."""
    import pandas as pd

    named = [("baseline", {})] + scenarios
    frames = []
    for (name, _), df in zip(named, scenarios_runs(setting, [ov for _, ov in named], progress), strict=True):
        df = df.copy()
        df.insert(0, "scenario", name)
        frames.append(df)
    runs = pd.concat(frames, ignore_index=True)
    return {
        "runs": runs,
        "differences": differences(runs),
        "net_costs": net_costs(runs),
        "warnings": growing_queues(runs),
    }


def plain(x: float) -> str:
    """Two significant digits, never in scientific notation: "-180", not "-1.8e+02" (the summary is
    read aloud at a workshop table)."""
    r = float(f"{x:.2g}")
    return f"{r:,.0f}" if abs(r) >= 10 else np.format_float_positional(r, trim="-")


def summary_sentences(result: dict[str, Any], t) -> list[str]:
    """Plain-language differences in the last year, with their uncertainty."""
    d = result["differences"]
    last = d[d.year == d.year.max()]
    out = []
    for name in last.scenario.unique():
        lines = []
        for ind in (
            "informal_support_hours_per_resident",
            "hidden_need_share",
            "heavy_care_referrals_per_1000",
            "waiting_list",
            "isolated_share",
        ):
            r = last[(last.scenario == name) & (last.indicator == ind)].iloc[0]
            if np.isnan(r.ci_low):
                continue
            pct = ind.endswith("_share")
            scale = 100 if pct else 1
            unit = t("points") if pct else ""
            if r.ci_low > 0 or r.ci_high < 0:
                word = t("higher") if r.difference > 0 else t("lower")
                lines.append(
                    t("sure").format(
                        ind=t(ind),
                        diff=f"{plain(abs(r.difference) * scale)}{unit}",
                        word=word,
                        lo=plain(r.ci_low * scale),
                        hi=plain(r.ci_high * scale),
                    )
                )
            else:
                lines.append(
                    t("unsure").format(ind=t(ind), lo=plain(r.ci_low * scale), hi=plain(r.ci_high * scale))
                )
        c = result["net_costs"].set_index("scenario").loc[name]
        cost = t("net_cost").format(
            net=f"{c.net_cost_eur / 1e6:.2f}",
            lo=f"{c.net_cost_ci_low / 1e6:.2f}",
            hi=f"{c.net_cost_ci_high / 1e6:.2f}",
        )
        out.append(f"**{name}** ({t('year')} {int(last.year.max())}): " + "; ".join(lines) + ". " + cost)
    for name, queue in result.get("warnings", {}).items():
        per = queue["waiting_per_1000_by_year"][-1]
        shown = t("baseline") if name == "baseline" else name
        out.append(t("growing_queue").format(name=shown, years=RUNAWAY_YEARS, per=f"{per:.0f}"))
    return out


def curves_figure(result: dict[str, Any], t):
    from matplotlib.figure import Figure
    from scipy import stats

    runs = result["runs"]
    fig = Figure(figsize=(14, 6.5), dpi=72)
    axes = fig.subplots(2, 4).flat
    names = list(dict.fromkeys(runs.scenario))
    g = runs.groupby(["scenario", "year"], sort=False)[list(CURVES)]
    mean, sd, n = g.mean(), g.std(ddof=1).fillna(0), g.count()
    half = stats.t.ppf(0.975, np.maximum(n - 1, 1)) * sd / np.sqrt(n)
    for ax, ind in zip(axes, CURVES, strict=False):
        for name in names:
            m, h = mean.loc[name, ind], half.loc[name, ind]
            ax.plot(m.index, m, label=name if name != "baseline" else t("baseline"))
            ax.fill_between(m.index, m - h, m + h, alpha=0.2)
        ax.set_title(t(ind), fontsize=10)
        ax.set_xlabel(t("year"))
        ax.grid(alpha=0.3)
    fig.axes[-1].axis("off")
    fig.axes[0].legend(fontsize=9)
    fig.suptitle(t("curves_title"))
    fig.subplots_adjust(left=0.05, right=0.98, bottom=0.08, top=0.88, wspace=0.3, hspace=0.45)
    return fig


def command_line(setting: Setting, scenarios: list[tuple[str, dict[str, Any]]]) -> str:
    """The exact `wijksim compare` command that reproduces a comparison from the command line."""
    import shlex

    parts = ["wijksim", "compare"]
    if setting.wijk:
        parts += ["--scan", str(WIJK_TABLE), "--wijk", setting.wijk]
    else:
        parts += ["--preset", setting.preset or "default"]
    parts += [
        "--residents",
        str(setting.residents),
        "--years",
        str(setting.years),
        "--replications",
        str(setting.replications),
        "--seed",
        str(setting.seed),
    ]
    for k, v in setting.shared:
        parts += ["--set", f"{k}={v}"]
    for name, overrides in scenarios:
        flags = []
        for k, v in overrides.items():
            if k in LEVERS:
                if REGISTRY[k].kind is bool:
                    flags.append(f"--{k.replace('_', '-')}" if v else f"--no-{k.replace('_', '-')}")
                else:
                    flags.append(f"--{k.replace('_', '-')} {v}")
            else:
                flags.append(f"--set {k}={v}")
        parts += ["--scenario", f"{name}: {' '.join(flags)}"]
    return " ".join(shlex.quote(p) for p in parts) + " --out comparison"


# --- the network and a resident's story ------------------------------------------------------
def network_run(setting: Setting, overrides: dict[str, Any], sample_size: int = 400) -> dict[str, Any]:
    """One replication (the first seed) with yearly snapshots of a readable sample of residents."""
    from ..model.neighbourhood import NeighbourhoodModel

    params = validate_overrides(setting, overrides)
    model = NeighbourhoodModel(rng=setting.seeds()[0], years=setting.years, record_history=True, **params)
    rng = np.random.default_rng(0)
    n = model.st.n
    sample = np.sort(rng.choice(n, size=min(sample_size, n), replace=False))
    snapshots = [_snapshot(model, sample)]
    while model.running:
        model.step()
        if model.week % 52 == 0:
            snapshots.append(_snapshot(model, sample))
    kf = model.key_facility
    return {
        "model": model,
        "sample": sample,
        "snapshots": snapshots,
        "facility": (kf.x, kf.y, kf.radius) if kf is not None else None,
    }


def _snapshot(model, sample: np.ndarray) -> dict[str, Any]:
    st = model.st
    a = model.network.adjacency[sample][:, sample].tocoo()
    keep = a.row < a.col
    return {
        "year": model.week // 52,
        "x": st.x[sample].copy(),
        "y": st.y[sample].copy(),
        "need": st.need[sample].copy(),
        "path": st.path[sample].copy(),
        "volunteer": (st.volunteer | st.activated)[sample].copy(),
        "edges": (a.row[keep], a.col[keep]),
    }


NEED_COLOURS = ("#bdbdbd", "#4daf4a", "#ff7f00", "#e41a1c")


def network_figure(net: dict[str, Any], year: int, t):
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle

    snap = net["snapshots"][min(year, len(net["snapshots"]) - 1)]
    fig = Figure(figsize=(7.5, 7.5), dpi=80)
    ax = fig.subplots()
    x, y = snap["x"], snap["y"]
    u, v = snap["edges"]
    ax.plot(np.vstack([x[u], x[v]]), np.vstack([y[u], y[v]]), color="#999999", lw=0.4, alpha=0.5)
    formal = np.isin(snap["path"], (2, 3, 4, 5, 6, 7, 9))
    colours = np.array(NEED_COLOURS)[snap["need"]]
    ax.scatter(x[~formal], y[~formal], c=colours[~formal], s=22, edgecolors="none")
    ax.scatter(x[formal], y[formal], c=colours[formal], s=40, edgecolors="black", linewidths=0.8)
    vol = snap["volunteer"]
    ax.scatter(x[vol], y[vol], marker="+", c="#377eb8", s=30)
    if net["facility"] is not None:
        fx, fy, r = net["facility"]
        ax.scatter([fx], [fy], marker="*", s=400, c="gold", edgecolors="black", zorder=5)
        ax.add_patch(Circle((fx, fy), r, fill=False, ls="--", color="goldenrod"))
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", ls="", color=c, label=t(k))
        for c, k in zip(
            NEED_COLOURS, ("need_none", "need_social", "need_individual", "need_complex"), strict=True
        )
    ]
    handles += [
        Line2D([], [], marker="o", ls="", mfc="white", mec="black", label=t("formal_help")),
        Line2D([], [], marker="+", ls="", color="#377eb8", label=t("volunteer")),
    ]
    if net["facility"] is not None:
        handles.append(
            Line2D([], [], marker="*", ls="", color="gold", mec="black", ms=12, label=t("key_facility"))
        )
    ax.legend(handles=handles, fontsize=8, loc="upper right")
    ax.set_title(t("network_title").format(n=len(x), year=snap["year"]))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")
    fig.tight_layout()
    return fig


def resident_story(model, i: int, t) -> list[str]:
    """A resident's pathway as short sentences: who they are, then what happened, week by week."""
    r = model.resident(i)
    age = int(r.age)
    who = t("story_intro").format(
        i=i, age=age, alone=t("alone") if r.lives_alone else t("with_others"), ties=len(r.ties)
    )
    lines = [who]
    for e in r.history():
        week = e["week"]
        when = (
            t("before_start")
            if week <= 0
            else t("week_year").format(week=(week - 1) % 52 + 1, year=(week - 1) // 52 + 1)
        )
        lines.append(f"{when}: {t(e['event'])}")
    lines.append(t("story_now").format(need=t(f"need_{r.need_kind}"), path=t(f"path_{r.support_path}")))
    return lines


def interesting_residents(model, k: int = 12) -> list[int]:
    """Residents whose story has something in it (most events), for the story picker."""
    counts: dict[int, int] = {}
    for week, idx, _ in model._log:
        if week > 0:
            for i in idx[:50]:
                counts[int(i)] = counts.get(int(i), 0) + 1
    return [i for i, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:k]]
