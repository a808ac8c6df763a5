"""Build parameters from a row of a neighbourhood scan (`nl_wijken_2024_scan.csv` or a file with
the same columns).

Demography (age groups, households, social housing, origin, density) sets the population. Where
the row also holds the RIVM 2020 survey shares (loneliness, informal care, volunteering), the run
starts from them; where those cells are empty (or withheld, as in validation), the model predicts
them from the demography with its calibrated cut-offs and propensities (docs/calibration.md).
`run.json` records which was done.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from pathlib import Path
from typing import Any

from .files import read_text
from .params import REGISTRY, ParameterError, defaults

#: The scan table shipped with wijksim (the 2024 scan of every wijk; docs/calibration.md §1).
SHIPPED_TABLE = Path(__file__).resolve().parent / "data" / "wijken_2024.csv"

#: Demographic columns a scan row must have (filled) to build a population.
REQUIRED_COLUMNS = (
    "population",
    "age_0_14",
    "age_15_24",
    "age_65_plus",
    "households",
    "hh_one_person",
    "hh_with_children",
    "pct_social_housing",
    "origin_europe_excl_nl",
    "origin_outside_europe",
)

#: Observed survey columns (percent of residents 18+) and the parameter each starts.
OBSERVED = {
    "lonely_pct_18plus_2020": "initial_lonely_share",
    "severely_lonely_pct_18plus_2020": "initial_severely_lonely_share",
    "informal_carer_pct_18plus_2020": "initial_informal_carer_share",
    "volunteer_pct_18plus_2020": "initial_volunteer_share",
}

#: Need prevalence, team and specialist capacity scale with a deprivation factor around the median
#: wijk of the 2024 scan (these shares of social housing and of residents born abroad); the sizes
#: of these relations are registry parameters (group 'scan relations'), the levels at the median
#: wijk are the registry's defaults of the parameters they set.
MEDIAN_SOCIAL_HOUSING_SHARE = 0.19
MEDIAN_BORN_ABROAD_SHARE = 0.18
#: The deprivation factor stays within these bounds (assumed: no wijk needs more than 2.5 times,
#: or less than half, the median wijk's care).
DEPRIVATION_BOUNDS = (0.5, 2.5)
#: CBS urbanity of the median wijk (1 = very strongly urban, 5 = not urban).
MEDIAN_URBANITY = 3
NEED_SHARES = ("initial_social_need_share", "initial_individual_need_share", "initial_complex_need_share")


#: Columns that count people or households (never negative), and those that count residents (at
#: most the population). Households may hold fewer than their one-person households: real CBS rows
#: break that rule through rounding and definitions (Almere WK003416), so it is not checked.
COUNT_COLUMNS = tuple(c for c in REQUIRED_COLUMNS if not c.startswith("pct_"))
RESIDENT_GROUPS = ("age_0_14", "age_15_24", "age_65_plus", "origin_europe_excl_nl", "origin_outside_europe")
PERCENT_COLUMNS = ("pct_social_housing", *OBSERVED)


def read_row(path: str | Path, wijk: str) -> dict[str, str]:
    path = Path(path)
    reader = csv.DictReader(io.StringIO(read_text(path, "--scan"), newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as err:
        raise ParameterError("--scan", str(path), f"not a readable CSV ({err})") from None
    if fieldnames is None or "wijk_code" not in fieldnames:
        raise ParameterError("--scan", str(path), "no wijk_code column: not a scan file")
    missing = [c for c in REQUIRED_COLUMNS if c not in fieldnames]
    if missing:
        raise ParameterError("--scan", str(path), f"missing column(s) {', '.join(missing)}")
    try:
        for row in reader:
            if row["wijk_code"] == wijk:
                return row
    except csv.Error as err:
        raise ParameterError(
            "--scan", str(path), f"not a readable CSV (line {reader.line_num}: {err})"
        ) from None
    raise ParameterError("--wijk", wijk, f"unknown wijk code in {path.name}")


#: Why a value cannot be true, by kind of problem (`row_problems`); the app says them in Dutch.
REASONS = {
    "negative": "a count cannot be negative",
    "percent": "a percentage lies between 0 and 100",
    "over_population": "more residents in this group than live in the wijk (population {population})",
    "urbanity": "CBS urbanity runs from 1 (very strongly urban) to 5 (not urban)",
}


def row_problems(row: dict[str, str]) -> list[tuple[str, str]]:
    """Every value of the row that cannot be true, as (column, kind of problem; a key of REASONS),
    in the order `check_row` reports them."""
    out = []
    for col in COUNT_COLUMNS:
        v = _num(row, col)
        if v is not None and v < 0:
            out.append((col, "negative"))
    for col in PERCENT_COLUMNS:
        v = _num(row, col)
        if v is not None and not 0 <= v <= 100:
            out.append((col, "percent"))
    pop = _num(row, "population")
    for col in RESIDENT_GROUPS:
        v = _num(row, col)
        if pop is not None and v is not None and v > pop:
            out.append((col, "over_population"))
    urbanity = _num(row, "urbanity_1_5")
    if urbanity is not None and not 1 <= urbanity <= 5:
        out.append(("urbanity_1_5", "urbanity"))
    return out


def check_row(row: dict[str, str], wijk: str) -> None:
    """Refuse values that cannot be true, naming the column, the wijk and the value as given; values
    that are merely unusual pass."""
    for col, kind in row_problems(row)[:1]:
        reason = REASONS[kind].format(population=(row.get("population") or "").strip())
        raise ParameterError(col, (row.get(col) or "").strip(), f"wijk {wijk}: {reason}")


#: The columns a run reads from a scan row (with the names that label it): an uploaded row keeps
#: these, so its content hash covers exactly what decides the run.
ROW_COLUMNS = ("wijk_code", "wijk_name", "gemeente_name", *REQUIRED_COLUMNS, *OBSERVED, "urbanity_1_5")


def row_csv(row: tuple[tuple[str, str], ...]) -> str:
    """A one-row scan file of the row (comma-separated, decimal points): `wijksim run --scan` reads
    it, and its SHA-256 is `row_sha256(row)`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c for c, _ in row])
    writer.writerow([v for _, v in row])
    return buf.getvalue()


def row_sha256(row: tuple[tuple[str, str], ...]) -> str:
    """The content hash run.json records for a row given as content, not as a file."""
    return hashlib.sha256(row_csv(row).encode("utf-8")).hexdigest()


def _num(row: dict[str, str], col: str) -> float | None:
    text = (row.get(col) or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def params_from_row(
    row: dict[str, str], use_observed_survey: bool = True, given: dict[str, Any] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (parameter values, provenance) for one scan row.

    With all four survey cells filled (and `use_observed_survey`), the run starts from them; else
    the model predicts them from the demography with its calibrated mechanisms. `given`: parameter
    values the user set (the scan relations are read from them, else from the registry)."""
    rel = defaults() | {k: REGISTRY[k].check(v) for k, v in (given or {}).items() if k in REGISTRY}
    wijk = row.get("wijk_code", "?")
    check_row(row, wijk)
    cells = {c: _num(row, c) for c in REQUIRED_COLUMNS}
    empty = [c for c, v in cells.items() if v is None]
    if empty:
        raise ParameterError("--wijk", wijk, f"scan row lacks demography: empty {', '.join(empty)}")
    vals = {c: v for c, v in cells.items() if v is not None}
    pop, hh = vals["population"], vals["households"]
    if pop <= 0 or hh <= 0:
        raise ParameterError(
            "population" if pop <= 0 else "households",
            pop if pop <= 0 else hh,
            f"wijk {wijk} has no residents or households",
        )
    demo = {
        "share_aged_0_24": (vals["age_0_14"] + vals["age_15_24"]) / pop,
        "share_aged_65_plus": vals["age_65_plus"] / pop,
        "share_one_person_households": vals["hh_one_person"] / hh,
        "share_households_with_children": vals["hh_with_children"] / hh,
        "share_social_housing": vals["pct_social_housing"] / 100.0,
        "share_born_abroad": (vals["origin_europe_excl_nl"] + vals["origin_outside_europe"]) / pop,
    }
    # Real rows can break subset rules through rounding and definitions (more one-person households
    # than households): shares are kept within [0, 1], and household types within all households.
    demo = {k: min(max(v, 0.0), 1.0) for k, v in demo.items()}
    types = demo["share_one_person_households"] + demo["share_households_with_children"]
    if types > 1:
        demo["share_one_person_households"] /= types
        demo["share_households_with_children"] /= types
    params: dict[str, Any] = dict(demo)
    params["residents"] = int(round(pop))
    provenance: dict[str, Any] = {
        "wijk_code": wijk,
        "wijk_name": row.get("wijk_name"),
        "gemeente_name": row.get("gemeente_name"),
        "initial_values": {},
    }
    cells = {col: _num(row, col) for col in OBSERVED}
    observed = {col: v for col, v in cells.items() if v is not None}
    observed_given = use_observed_survey and len(observed) == len(OBSERVED)
    reason = "withheld (calibration or validation)" if not use_observed_survey else "cell(s) empty in the row"
    if observed_given and observed["severely_lonely_pct_18plus_2020"] > observed["lonely_pct_18plus_2020"]:
        observed_given = False  # inconsistent cells: predict rather than start from them
        reason = "inconsistent cells (severely lonely > lonely)"
    params["survey_shares_from_demography"] = not observed_given
    for col, name in OBSERVED.items():
        if observed_given:
            params[name] = observed[col] / 100.0
            provenance["initial_values"][name] = {"from": "observed", "column": col}
        else:
            provenance["initial_values"][name] = {
                "from": "predicted from demography",
                "how": "calibrated cut-offs and propensities (docs/calibration.md)",
                "reason": reason,
            }
    deprivation = (
        1.0
        + rel["scan_need_social_housing_weight"]
        * (demo["share_social_housing"] - MEDIAN_SOCIAL_HOUSING_SHARE)
        + rel["scan_need_born_abroad_weight"] * (demo["share_born_abroad"] - MEDIAN_BORN_ABROAD_SHARE)
    )
    deprivation = min(max(deprivation, DEPRIVATION_BOUNDS[0]), DEPRIVATION_BOUNDS[1])
    for name in NEED_SHARES:
        base = REGISTRY[name].default
        params[name] = base * deprivation ** (rel["scan_complex_need_exponent"] if "complex" in name else 1)
    # Capacity follows need, as municipal allocations do (assumed elasticities; calibrated later).
    params["residents_per_generalist"] = REGISTRY["residents_per_generalist"].default / deprivation
    params["specialist_slots_per_1000"] = (
        REGISTRY["specialist_slots_per_1000"].default * deprivation ** rel["scan_specialist_slots_exponent"]
    )
    urbanity = _num(row, "urbanity_1_5")
    if urbanity is not None:  # rural wijken have more local ties
        params["mean_neighbourhood_ties"] = REGISTRY["mean_neighbourhood_ties"].default + rel[
            "scan_ties_per_urbanity_step"
        ] * (urbanity - MEDIAN_URBANITY)
    provenance["observed_survey_cells_present"] = [c for c in OBSERVED if c in observed]
    return params, provenance
