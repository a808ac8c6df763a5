"""The pattern report: run the battery once, with paired seeds, and judge every pattern; then draw
parameter sets from the behavioural priors and report how often each pattern holds across them.

Pattern-oriented modelling (Grimm et al. 2005): a model earns trust by reproducing several observed
patterns at once, at the right size. The patterns, their statistics and targets are fixed in
advance (docs/patterns.md); this module only runs and judges them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ...model.indicators.registry import YEARLY
from ...model.params import REGISTRY, ParameterError, priors
from ...model.scan import SHIPPED_TABLE
from ..design import Design
from ..seeds import spawn_seeds
from .arms import Arm, all_arms
from .catalog_people import people_patterns
from .catalog_system import system_patterns
from .core import Estimate, Pattern, Results
from .runs import arm_params, run_tasks, warm_key

#: Every pattern, in the report's order.
BATTERY: tuple[Pattern, ...] = tuple(system_patterns() + people_patterns())
BY_NAME = {p.name: p for p in BATTERY}
if len(BY_NAME) != len(BATTERY):
    raise RuntimeError("two patterns share a name")
#: Capabilities a pattern can need besides yearly outputs, and whether the model has them now.
CAPABILITIES = {"--change": True}
#: A pattern that holds in fewer than this share of the robustness sets is fragile.
FRAGILE_BELOW = 0.5


@dataclass
class Battery:
    residents: int = 10_000
    replications: int = 4
    seed: int = 1
    only: tuple[str, ...] = ()
    robustness: int = 32
    workers: int = 2
    progress: Callable[[str, int, int], None] | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)

    def check(self) -> None:
        if not 200 <= self.residents <= REGISTRY["residents"].high:
            raise ParameterError("--residents", self.residents, "between 200 and 5,000,000")
        if self.replications < 1:
            raise ParameterError("--replications", self.replications, "at least 1")
        if self.seed < 0:
            raise ParameterError("--seed", self.seed, "must be 0 or more")
        if self.robustness < 0:
            raise ParameterError("--robustness", self.robustness, "0 or more parameter sets")
        if self.workers < 1:
            raise ParameterError("--workers", self.workers, "at least 1")
        unknown = [n for n in self.only if n not in BY_NAME]
        if unknown:
            raise ParameterError("--only", ",".join(unknown), "unknown pattern(s); see docs/patterns.md")

    @property
    def patterns(self) -> list[Pattern]:
        return [p for p in BATTERY if not self.only or p.name in self.only]


def missing(pattern: Pattern, produced: set[str]) -> list[str]:
    """The outputs and capabilities a pattern needs that the model does not have (yet)."""
    return [
        n for n in pattern.needs if not (CAPABILITIES.get(n, False) if n.startswith("--") else n in produced)
    ]


def needed_arms(patterns: list[Pattern], produced: set[str], only_default: bool = False) -> dict[str, Arm]:
    arms = all_arms()
    names = {a for p in patterns if not missing(p, produced) for a in p.arms}
    if only_default:
        names = {a for a in names if "/" not in a}
    return {n: arms[n] for n in sorted(names, key=list(arms).index)}


def run_arms(
    arms: dict[str, Arm], b: Battery, behaviour: dict[str, Any], seeds: list[int], label: str, tag: Any = None
) -> Results:
    """Every replication of every arm (wijk-sample arms: the first seed only); the results by arm."""
    tasks = []
    for arm in arms.values():
        params = arm_params(arm, b.residents, behaviour)
        for r, seed in enumerate(seeds[:1] if arm.replications == "one" else seeds):
            tasks.append(
                ((tag, arm.name, r), params, seed, arm.years, arm.probe, arm.changes, warm_key(params, seed))
            )
    results: Results = {"probes": {}, "scan_rows": _scan_rows(arms)}
    runs: dict[str, dict[int, list[dict]]] = {}
    probes: dict[str, dict[int, float | None]] = {}
    progress = (lambda d, t: b.progress(label, d, t)) if b.progress else None
    for (_, name, r), yearly, probe in run_tasks(tasks, b.workers, progress):
        runs.setdefault(name, {})[r] = yearly
        probes.setdefault(name, {})[r] = probe
    for name in arms:
        results[name] = [runs[name][r] for r in sorted(runs[name])]
        results["probes"][name] = [probes[name][r] for r in sorted(probes[name])]
    return results


def _scan_rows(arms: dict[str, Arm]) -> dict[str, dict[str, str]]:
    codes = {a.wijk for a in arms.values() if a.wijk}
    if not codes:
        return {}
    import csv

    with SHIPPED_TABLE.open(newline="", encoding="utf-8") as f:
        return {row["wijk_code"]: row for row in csv.DictReader(f) if row["wijk_code"] in codes}


def judge(pattern: Pattern, results: Results, produced: set[str]) -> dict[str, Any]:
    """One row of the report."""
    row: dict[str, Any] = {
        "pattern": pattern.name,
        "group": pattern.group,
        "source": pattern.source,
        "statistic": pattern.statistic,
        "measured": None,
        "mc_se": None,
        "target": pattern.target.text(),
        "holds": None,
        "role": pattern.role,
        "missing": "",
        "detail": {},
    }
    lacking = missing(pattern, produced)
    if lacking:
        row["missing"] = "not measurable yet: needs " + ", ".join(lacking)
        return row
    est: Estimate = pattern.compute(results)  # type: ignore[misc]
    row["measured"] = est.measured
    row["mc_se"] = est.se
    row["holds"] = pattern.target.holds(est.measured, est.se)
    row["detail"] = est.detail
    return row


def robustness_sets(k: int, seed: int) -> list[dict[str, Any]]:
    """k sets of the behavioural parameters, a Latin hypercube over their calibration priors (the
    sweep machinery's sampler); structural inputs (size, the preset's shares) are not varied."""
    if k == 0:
        return []
    ranges = {name: list(bounds) for name, bounds in priors().items()}
    design = Design(preset="default", sampler="lhs", samples=k, ranges=ranges, seed=seed, years=1)
    design.check()
    sample = design.sample()
    return [
        {name: REGISTRY[name].check(float(v)) for name, v in zip(ranges, row, strict=True)} for row in sample
    ]


def run_battery(b: Battery) -> list[dict[str, Any]]:
    """The report's rows: every selected pattern, measured on the battery, with its robustness."""
    b.check()
    patterns = b.patterns
    seeds = spawn_seeds(b.seed, b.replications)
    produced = {i.name.split(".")[0] for i in YEARLY}
    results = run_arms(needed_arms(patterns, produced), b, {}, seeds, "battery")
    rows = [judge(p, results, produced) for p in patterns]
    sets = robustness_sets(b.robustness, b.seed)
    robust_patterns = [
        p for p in patterns if p.in_robustness and p.target.kind != "report" and not missing(p, produced)
    ]
    arms = needed_arms(robust_patterns, produced, only_default=True)  # no other presets, no wijk sample
    held: dict[str, list[bool]] = {p.name: [] for p in robust_patterns}
    for k, behaviour in enumerate(sets):
        res = run_arms(arms, b, behaviour, seeds[:1], f"robustness set {k + 1}/{len(sets)}", tag=k)
        for p in robust_patterns:
            if all(a in res for a in p.arms if "/" not in a):
                verdict = p.target.holds(p.compute(res).measured, None)  # type: ignore[misc]
                if verdict is not None:
                    held[p.name].append(verdict)
    for row in rows:
        verdicts = held.get(row["pattern"], [])
        row["robust_sets"] = len(verdicts)
        row["robust_share"] = float(np.mean(verdicts)) if verdicts else None
        row["fragile"] = (row["robust_share"] < FRAGILE_BELOW) if verdicts else None
    return rows


__all__ = ["BATTERY", "Battery", "run_battery"]
