"""What is said about one parameter: `Param`, and `Group`, which declares a mechanism's parameters."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

Value = float | int | bool


class ParameterError(ValueError):
    """Bad parameter input; the message names the field and the value."""

    def __init__(self, field: str, value: Any, reason: str):
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}={value!r}: {reason}")

    def __reduce__(self):  # so that an error raised in a worker process arrives intact
        return (type(self), (self.field, self.value, self.reason))


@dataclass(frozen=True)
class Param:
    """One model parameter and everything the project says about it.

    - `low`/`high`: hard bounds (a share in [0, 1], a count >= its minimum); `check` enforces them.
    - `prior`: the uniform range calibration draws from (a plausible sub-range of the bounds), for the
      behavioural parameters that calibration and the pattern report's robustness sets vary.
    - `per_wijk`: set per neighbourhood by its preset or scan row (never shared across wijken).
    - `after_warm_up`: read only from week 1 on (a lever made after the warm-up), so that runs
      differing only in such parameters can share their warm-up.
    - `label`: (Dutch, English) name on a slider or screen; `app_range`: (min, max, step) of the
      workshop app's control, where the app shows the parameter.
    - `lever`: a user's switch, with its own command-line flag (`--network-developers`).
    """

    name: str
    unit: str
    default: Value
    low: Value
    high: Value
    source: str
    description: str
    group: str
    kind: type = float
    lever: bool = False
    prior: tuple[float, float] | None = None
    per_wijk: bool = False
    after_warm_up: bool = False
    label: tuple[str, str] | None = None
    app_range: tuple[float, float, float] | None = None

    @property
    def flag(self) -> str:
        """The command-line flag of a lever: `--network-developers`."""
        return "--" + self.name.replace("_", "-")

    def coerce(self, value: Any) -> Value:
        """Turn a CLI string or Python value into this parameter's type, or raise ParameterError."""
        if isinstance(value, str):
            text = value.strip().lower()
            if self.kind is bool:
                if text in ("1", "true", "yes", "on"):
                    return True
                if text in ("0", "false", "no", "off"):
                    return False
                raise ParameterError(self.name, value, "expected true/false")
            try:
                value = float(text)
            except ValueError:
                raise ParameterError(self.name, value, f"expected a number ({self.unit})") from None
        if self.kind is bool:
            if isinstance(value, bool | int) and value in (0, 1):
                return bool(value)
            raise ParameterError(self.name, value, "expected true/false")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(self.name, value, f"expected a number ({self.unit})")
        if isinstance(value, float) and not math.isfinite(value):
            raise ParameterError(self.name, value, "must be a finite number")
        if self.kind is int:
            if float(value) != int(value):
                raise ParameterError(self.name, value, "expected a whole number")
            return int(value)
        return float(value)

    def check(self, value: Any) -> Value:
        """Coerce and check against the hard bounds (shares in [0, 1], counts >= their minimum)."""
        v = self.coerce(value)
        if self.kind is bool:
            return v
        if v < self.low or v > self.high:
            rng = f"[{self.low}, {self.high}]"
            what = "a share must lie in [0, 1]" if self.unit == "share" else f"allowed range {rng}"
            raise ParameterError(self.name, value, f"outside {what} ({self.unit})")
        return v

    def slider(self) -> tuple[float, float, float]:
        """(min, max, step) of the app's control: `app_range`, else the bounds in 100 steps."""
        if self.app_range is not None:
            return self.app_range
        low, high = float(self.low), float(self.high)
        return low, high, (high - low) / 100


class Group:
    """The parameters of one mechanism, declared in order: `G(name, unit, default, low, high,
    source, description, kind=float, lever=False, **more)` adds one (see `Param` for `more`)."""

    def __init__(self, name: str):
        self.name = name
        self.params: list[Param] = []

    def __call__(
        self,
        name: str,
        unit: str,
        default: Value,
        low: Value,
        high: Value,
        source: str,
        description: str,
        kind: type = float,
        lever: bool = False,
        **more: Any,
    ) -> None:
        self.params.append(
            Param(name, unit, default, low, high, source, description, self.name, kind, lever, **more)
        )
