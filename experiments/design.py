"""Sweep designs: a TOML file names the base neighbourhood, the horizon, the master seed, the
replications and a sampler over parameters from the registry.

Samplers: full-factorial `grid`, and SALib's `lhs`, `sobol` and `morris` over `[low, high]` ranges
inside the registry's bounds (`"registry"` takes the registry's whole range). Every run gets its own
seed from `numpy.random.SeedSequence(seed).spawn(runs)`; run_id = point_id * replications + replication.
"""

from __future__ import annotations

import itertools
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..model.files import read_text
from ..model.params import REGISTRY, ParameterError, check_change, validate
from .run import RunSpec
from .seeds import spawn_seeds

SAMPLERS = ("grid", "lhs", "sobol", "morris")
KEYS = {
    "preset",
    "scan",
    "wijk",
    "residents",
    "years",
    "seed",
    "replications",
    "sampler",
    "samples",
    "grid",
    "ranges",
    "set",
    "second_order",
    "levels",
    "change",
}


class DesignError(ParameterError):
    """A bad design file; the message names the field."""


@dataclass
class Design:
    preset: str | None = "default"
    scan: str | None = None
    wijk: str | None = None
    residents: int | None = None
    years: int = 10
    seed: int = 0
    replications: int = 1
    sampler: str = "grid"
    samples: int = 0
    grid: dict[str, list] = field(default_factory=dict)
    ranges: dict[str, list[float]] = field(default_factory=dict)
    fixed: dict[str, Any] = field(default_factory=dict)
    second_order: bool = False
    levels: int = 4
    #: Policy that changes during every run: {year: {parameter: value}} (the `[change.YEAR]` tables).
    change: dict[str, dict[str, Any]] = field(default_factory=dict)

    # --- reading and checking -----------------------------------------------------------
    @classmethod
    def from_toml(cls, path: str | Path) -> Design:
        path = Path(path)
        text = read_text(path, "design")
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise DesignError("design", str(path), f"not valid TOML: {err}") from None
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Design:
        unknown = sorted(set(raw) - KEYS)
        if unknown:
            raise DesignError(
                unknown[0], raw[unknown[0]], f"unknown design key (known: {', '.join(sorted(KEYS))})"
            )
        d = cls(
            preset=raw.get("preset", None if "scan" in raw else "default"),
            scan=raw.get("scan"),
            wijk=raw.get("wijk"),
            residents=raw.get("residents"),
            years=raw.get("years", 10),
            seed=raw.get("seed", 0),
            replications=raw.get("replications", 1),
            sampler=raw.get("sampler", "grid"),
            samples=raw.get("samples", 0),
            grid=dict(raw.get("grid", {})),
            ranges=dict(raw.get("ranges", {})),
            fixed=dict(raw.get("set", {})),
            second_order=raw.get("second_order", False),
            levels=raw.get("levels", 4),
            change=dict(raw.get("change", {})),
        )
        d.check()
        return d

    def check(self) -> None:
        def whole(name: str, value: Any, low: int) -> None:
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise DesignError(name, value, f"must be a whole number >= {low}")

        whole("years", self.years, 1)
        whole("replications", self.replications, 1)
        whole("seed", self.seed, 0)
        if self.residents is not None:
            whole("residents", self.residents, 1)
        if self.sampler not in SAMPLERS:
            raise DesignError(
                "sampler", self.sampler, f"unknown sampler; choose one of {', '.join(SAMPLERS)}"
            )
        if self.preset and (self.scan or self.wijk):
            raise DesignError("preset", self.preset, "give either preset or scan and wijk, not both")
        if bool(self.scan) != bool(self.wijk):
            raise DesignError(
                "wijk" if self.scan else "scan", self.wijk or self.scan, "scan and wijk go together"
            )
        for name, value in self.fixed.items():
            self._known(f"set.{name}", name)
            REGISTRY[name].check(value)
        self.changes()  # checks the [change] tables
        if self.sampler == "grid":
            if self.ranges:
                raise DesignError("ranges", list(self.ranges), "the grid sampler takes [grid], not [ranges]")
            for name, values in self.grid.items():
                self._known(f"grid.{name}", name)
                if not isinstance(values, list) or not values:
                    raise DesignError(f"grid.{name}", values, "expected a non-empty list of values")
                for v in values:
                    try:
                        REGISTRY[name].check(v)
                    except ParameterError as err:
                        raise DesignError(f"grid.{name}", v, str(err)) from None
            return
        if self.grid:
            raise DesignError(
                "grid", list(self.grid), f"the {self.sampler} sampler takes [ranges], not [grid]"
            )
        if not self.ranges:
            raise DesignError(
                "ranges", {}, f"the {self.sampler} sampler needs at least one parameter in [ranges]"
            )
        for name in list(self.ranges):
            self.ranges[name] = self._range(name, self.ranges[name])
        whole("samples", self.samples, 1)
        if self.sampler == "sobol" and self.samples & (self.samples - 1):
            raise DesignError("samples", self.samples, "Sobol sampling needs a power of two (e.g. 256, 512)")
        if self.sampler == "morris":
            whole("levels", self.levels, 2)

    @staticmethod
    def _known(field_name: str, name: str) -> None:
        if name not in REGISTRY:
            raise DesignError(field_name, name, "unknown parameter (see `wijksim params`)")

    def _range(self, name: str, value: Any) -> list[float]:
        self._known(f"ranges.{name}", name)
        p = REGISTRY[name]
        if value == "registry":
            value = [p.low, p.high]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        ):
            raise DesignError(f"ranges.{name}", value, 'expected [low, high] or "registry"')
        low, high = float(value[0]), float(value[1])
        if not (float(p.low) <= low < high <= float(p.high)):
            raise DesignError(
                f"ranges.{name}",
                value,
                f"must satisfy {p.low} <= low < high <= {p.high} (the registry's bounds)",
            )
        return [low, high]

    # --- sampling ----------------------------------------------------------------------
    @property
    def varied(self) -> list[str]:
        return list(self.grid) if self.sampler == "grid" else list(self.ranges)

    def problem(self) -> dict[str, Any]:
        """The SALib problem for lhs/sobol/morris."""
        names = list(self.ranges)
        return {"num_vars": len(names), "names": names, "bounds": [self.ranges[n] for n in names]}

    def sample(self) -> np.ndarray:
        """The raw sample matrix (points x varied parameters), before rounding to parameter types."""
        if self.sampler == "grid":
            combos = list(itertools.product(*self.grid.values())) if self.grid else [()]
            return np.array(combos, dtype=object).reshape(len(combos), len(self.grid))
        from SALib.sample import latin, morris, sobol

        prob = self.problem()
        rng = np.random.default_rng(self.seed)
        if self.sampler == "lhs":
            return latin.sample(prob, self.samples, seed=rng)
        if self.sampler == "sobol":
            return sobol.sample(prob, self.samples, calc_second_order=self.second_order, seed=self.seed)
        return morris.sample(prob, self.samples, num_levels=self.levels, seed=self.seed)

    def base_values(self) -> tuple[dict[str, Any], dict[str, Any]]:
        spec = RunSpec(
            preset=self.preset,
            scan=self.scan,
            wijk=self.wijk,
            residents=self.residents,
            years=self.years,
            seed=self.seed,
            overrides=dict(self.fixed),
        )
        try:
            return spec.resolve()
        except ParameterError as err:
            raise DesignError(err.field, err.value, str(err).split(": ", 1)[-1]) from None

    def points(self) -> list[dict[str, Any]]:
        """Validated full parameter sets, one per point."""
        base, _ = self.base_values()
        names = self.varied
        out = []
        for row in self.sample():
            values = dict(base)
            for name, v in zip(names, row, strict=True):
                values[name] = _to_type(name, v)
            try:
                out.append(validate(values))
            except ParameterError as err:
                raise DesignError(err.field, err.value, str(err).split(": ", 1)[-1]) from None
        return out

    def changes(self) -> list[tuple[int, str, Any]]:
        """The `[change.YEAR]` tables as checked (year, parameter, value), in year order."""
        if not isinstance(self.change, dict):
            raise DesignError("change", self.change, "expected [change.YEAR] tables of name = value")
        out = []
        for year, table in self.change.items():
            if not (isinstance(year, str) and year.isdigit()) or not isinstance(table, dict):
                raise DesignError(f"change.{year}", table, "expected [change.YEAR] tables of name = value")
            for name, value in table.items():
                try:
                    out.append(check_change(int(year), name, value, self.years))
                except ParameterError as err:
                    raise DesignError(f"change.{year}.{name}", value, err.reason) from None
        return sorted(out, key=lambda c: c[0])

    def seeds(self, n_runs: int) -> list[int]:
        return spawn_seeds(self.seed, n_runs)

    def as_dict(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "scan": self.scan,
            "wijk": self.wijk,
            "residents": self.residents,
            "years": self.years,
            "seed": self.seed,
            "replications": self.replications,
            "sampler": self.sampler,
            "samples": self.samples,
            "grid": self.grid,
            "ranges": self.ranges,
            "set": self.fixed,
            "second_order": self.second_order,
            "levels": self.levels,
            "change": self.change,
        }


def _to_type(name: str, value: Any) -> Any:
    p = REGISTRY[name]
    if p.kind is bool:
        return bool(value) if isinstance(value, bool) else bool(float(value) >= 0.5)
    if p.kind is int:
        return int(math.floor(float(value) + 0.5))
    return float(value)
