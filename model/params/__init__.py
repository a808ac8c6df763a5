"""The one parameter registry.

Every model parameter is declared once, in the module of its mechanism (`levers`, `population`,
`needs`, `informal`, `access`, `specialists`, `returning`, `developers`, `facility`, `flex`,
`structure`, `costs`), with a self-explaining name, unit, default, hard bounds, source, and where it
applies its calibration prior, app label and control range (`Param`). The CLI (`wijksim params`,
the lever flags, `--set`), the docs (docs/ODD.md's table), presets, scan rows, sweeps, calibration
priors, the pattern report's robustness sets and the app's sliders all read this registry; nothing
restates it.

Sources cite the book (`003_f09b7e26884f97a7.txt`, by section), a statistic from NUMBERS.md, or say
"assumed" honestly. Severity is a dimensionless 0-1 score within a need kind (see docs/ODD.md).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import (
    access,
    costs,
    demography,
    developers,
    facility,
    flex,
    informal,
    levers,
    needs,
    population,
    returning,
    specialists,
    structure,
)
from .param import Group, Param, ParameterError, Value

__all__ = [
    "CALIBRATED",
    "CALIBRATED_FILE",
    "LEVERS",
    "REGISTRY",
    "STARTING_AFTER_WARM_UP",
    "Change",
    "Group",
    "Param",
    "ParameterError",
    "changeable",
    "check_change",
    "defaults",
    "markdown_table",
    "parse_changes",
    "parse_set",
    "priors",
    "validate",
]

_MODULES = (
    levers,
    population,
    demography,
    needs,
    informal,
    access,
    specialists,
    returning,
    developers,
    facility,
    flex,
)
_P: list[Param] = [p for m in (*_MODULES, structure, costs) for g in m.GROUPS for p in g.params]

#: The shipped calibrated parameter set (`wijksim calibrate` on the training wijken of
#: calibration/data/training_wijken.txt; docs/calibration.md). Its values become the defaults,
#: used whenever the user names no other value; each source says so and keeps the assumed value.
CALIBRATED_FILE = Path(__file__).resolve().parents[1] / "data" / "calibrated_params.json"


def _apply_calibration() -> dict[str, Any]:
    if not CALIBRATED_FILE.is_file():
        return {}
    try:
        values = json.loads(CALIBRATED_FILE.read_text(encoding="utf-8"))["parameters"]
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise RuntimeError(f"{CALIBRATED_FILE}: not a fitted parameter file ({e})") from None
    names = {p.name for p in _P}
    unknown = sorted(set(values) - names)
    if unknown:
        raise RuntimeError(f"{CALIBRATED_FILE}: unknown parameter(s) {', '.join(unknown)}")
    for i, p in enumerate(_P):
        if p.name in values:
            try:
                v = p.check(values[p.name])
            except ParameterError as e:
                raise RuntimeError(f"{CALIBRATED_FILE}: {e}") from None
            v = round(v, 4) if isinstance(v, float) else v
            source = f"{p.source}; calibrated (docs/calibration.md; assumed before: {p.default:g})"
            _P[i] = replace(p, default=v, source=source)
    return dict(values)


CALIBRATED = _apply_calibration()

REGISTRY: dict[str, Param] = {p.name: p for p in _P}
if len(REGISTRY) != len(_P):
    raise RuntimeError("duplicate parameter name in the registry")
for _p in _P:
    if _p.prior is not None and not (_p.low <= _p.prior[0] < _p.prior[1] <= _p.high):
        raise RuntimeError(f"{_p.name}: prior {_p.prior} outside its bounds [{_p.low}, {_p.high}]")

#: The user's switches, each with its own command-line flag, in the order shown.
LEVERS = [p.name for p in _P if p.lever]
#: Parameters read only from week 1 on, by the levers made after the warm-up: runs that differ only
#: in these share their warm-up (`NeighbourhoodModel.warmed_up`).
STARTING_AFTER_WARM_UP = tuple(p.name for p in _P if p.after_warm_up)


def defaults() -> dict[str, Value]:
    return {p.name: p.default for p in _P}


def priors() -> dict[str, tuple[float, float]]:
    """The behavioural parameters' calibration priors (uniform ranges), in registry order."""
    return {p.name: p.prior for p in _P if p.prior is not None}


def per_wijk() -> set[str]:
    """Parameters set per neighbourhood from its preset or scan row."""
    return {p.name for p in _P if p.per_wijk}


#: Groups of parameters that must add up to 1 (with the tolerance of their rounding).
SHARES_ADDING_TO_ONE = (
    (
        "youth_care_slot_share",
        "mental_health_slot_share",
        "addiction_care_slot_share",
        "disability_care_slot_share",
    ),
)


def validate(values: dict[str, Any]) -> dict[str, Any]:
    """Merge over the defaults and check every value; raise ParameterError naming the field."""
    out = defaults()
    for name, value in values.items():
        if name not in REGISTRY:
            close = [n for n in REGISTRY if n.startswith(name[:4])][:3]
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ParameterError(name, value, f"unknown parameter{hint}")
        out[name] = REGISTRY[name].check(value)
    if out["share_aged_0_24"] + out["share_aged_65_plus"] > 1.0:
        raise ParameterError(
            "share_aged_65_plus", out["share_aged_65_plus"], "share_aged_0_24 + share_aged_65_plus exceeds 1"
        )
    if out["share_one_person_households"] + out["share_households_with_children"] > 1.0:
        raise ParameterError(
            "share_households_with_children",
            out["share_households_with_children"],
            "one-person + with-children household shares exceed 1",
        )
    if out["initial_severely_lonely_share"] > out["initial_lonely_share"]:
        raise ParameterError(
            "initial_severely_lonely_share",
            out["initial_severely_lonely_share"],
            "exceeds initial_lonely_share",
        )
    needs_total = (
        out["initial_social_need_share"]
        + out["initial_individual_need_share"]
        + out["initial_complex_need_share"]
    )
    if needs_total > 1.0:
        raise ParameterError(
            "initial_social_need_share",
            out["initial_social_need_share"],
            "the three initial need shares add up to more than 1",
        )
    for names in SHARES_ADDING_TO_ONE:
        total = sum(out[n] for n in names)
        if abs(total - 1.0) > 1e-6:
            raise ParameterError(
                names[0], out[names[0]], f"{' + '.join(names)} must add up to 1, not {total:g}"
            )
    return out


#: Groups and parameters that cannot change during a run: they shape the population, the network or
#: the neighbourhood at set-up (or are drawn into residents' own values then).
FIXED_GROUPS = (
    "set-up",
    "population",
    "survey levels",
    "network structure",
    "population structure",
    "scan relations",
)
FIXED_NAMES = (
    "initial_social_need_share",
    "initial_individual_need_share",
    "initial_complex_need_share",
    "help_seeking_threshold",
    "help_seeking_threshold_spread",
    "mean_neighbourhood_ties",
    "developer_area_size",
    "key_facility_reach",
    "key_facility_light_slots",
    "region_residents",
    "specialist_slots_per_1000",
    "demography_projected",
    "parent_generation_gap_years",
    "children_outside_share",
    "kin_care_share",
)


def changeable(name: str) -> bool:
    """Whether a parameter can change during a run (`--change YEAR:NAME=VALUE`)."""
    p = REGISTRY[name]
    return p.group not in FIXED_GROUPS and name not in FIXED_NAMES


Change = tuple[int, str, Any]


def parse_changes(items: list[str], years: int) -> list[Change]:
    """`--change YEAR:NAME=VALUE` items (year 1 is the first simulated year; the value holds from the
    start of that year); raise ParameterError naming the item."""
    out = []
    for item in items:
        year_text, sep, rest = item.partition(":")
        name, eq, value = rest.partition("=")
        if not sep or not eq or not year_text.strip().isdigit():
            raise ParameterError(
                "--change", item, "expected YEAR:NAME=VALUE, e.g. 5:specialist_capacity_factor=1"
            )
        out.append(check_change(int(year_text), name.strip(), value, years, item))
    return sorted(out, key=lambda c: c[0])


def check_change(year: Any, name: str, value: Any, years: int, item: Any = None) -> Change:
    shown = item if item is not None else f"{year}:{name}={value}"
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= years:
        raise ParameterError("--change", shown, f"the year must be 1..{years} (the run's years)")
    if name not in REGISTRY:
        raise ParameterError("--change", shown, f"unknown parameter {name!r} (see `wijksim params`)")
    if not changeable(name):
        raise ParameterError(
            "--change", shown, f"{name} is fixed for a run (it shapes the neighbourhood at set-up)"
        )
    try:
        return year, name, REGISTRY[name].check(value)
    except ParameterError as err:
        raise ParameterError("--change", shown, err.reason) from None


def parse_set(items: list[str]) -> dict[str, Any]:
    """Parse `--set name=value` items; unknown names and bad values raise ParameterError."""
    out: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise ParameterError("--set", item, "expected name=value")
        name, value = item.split("=", 1)
        name = name.strip()
        if name not in REGISTRY:
            raise ParameterError(name, value, "unknown parameter (see `wijksim params`)")
        out[name] = REGISTRY[name].check(value)
    return out


def _number(x: float) -> str:
    """As written in the docs: 5,000,000 rather than 5e+06."""
    return f"{x:,.0f}" if float(x).is_integer() and abs(x) >= 10_000 else f"{x:g}"


def markdown_table() -> str:
    """The registry as a Markdown table, by group (docs/ODD.md embeds it; a test checks they agree)."""
    lines: list[str] = []
    group = None
    for p in _P:
        if p.group != group:
            group = p.group
            lines += [
                "",
                f"**{group.capitalize()}**",
                "",
                "| name | unit | default | range | prior | source | meaning |",
                "|---|---|---|---|---|---|---|",
            ]
        rng = "on/off" if p.kind is bool else f"{_number(p.low)} – {_number(p.high)}"
        default = str(p.default).lower() if p.kind is bool else _number(p.default)
        prior = f"{_number(p.prior[0])} – {_number(p.prior[1])}" if p.prior else ""
        lines.append(
            f"| `{p.name}` | {p.unit} | {default} | {rng} | {prior} | {p.source} | {p.description} |"
        )
    return "\n".join(lines).strip() + "\n"


def describe(p: Param) -> dict[str, Any]:
    """One parameter as `wijksim params --format json` gives it."""
    return {
        "name": p.name,
        "unit": p.unit,
        "default": p.default,
        "low": p.low,
        "high": p.high,
        "source": p.source,
        "description": p.description,
        "group": p.group,
        "type": p.kind.__name__,
        "lever": p.lever,
        "prior": list(p.prior) if p.prior else None,
        "per_wijk": p.per_wijk,
        "after_warm_up": p.after_warm_up,
        "label_nl": p.label[0] if p.label else None,
        "label_en": p.label[1] if p.label else None,
        "app_range": list(p.app_range) if p.app_range else None,
        "changeable": changeable(p.name),
    }
