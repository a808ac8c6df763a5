"""The mapping between the model and the neighbourhood scan (docs/calibration.md).

Inputs (the demography that sets a wijk's population) are read by `wijksim.model.scan`; the
targets below are what the model's year-1 summary is compared with, in the data's units. Reading a
scan for calibration or validation checks the columns and the wijk codes and says what is wrong.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..model.files import read_text
from ..model.params import ParameterError
from ..model.scan import REQUIRED_COLUMNS, SHIPPED_TABLE

#: The scan shipped with the package (KWB 2024 demography, RIVM 2020 survey, CBS H1 2024 care use).
SHIPPED_SCAN = SHIPPED_TABLE

REFERRAL_TEAM = "youth_care_ref_municipal_team_h1_2024"
REFERRAL_GP = "youth_care_ref_gp_h1_2024"
REFERRAL_PCT = "youth_care_team_referral_pct_h1_2024"
#: RIVM 2020 values are joined on the 2024 wijk code; trusted only where the municipality kept its codes.
SAME_CODES = "gemeente_wijk_codes_same_2020_2024"


@dataclass(frozen=True)
class Target:
    name: str
    column: str
    model_key: str
    scale: float
    unit: str
    reason: str
    survey: bool = False
    national: float | None = None  # one national figure that holds for every wijk
    spread: float | None = None  # its fixed distance unit (a national figure has no spread)


TARGETS = (
    Target("lonely", "lonely_pct_18plus_2020", "lonely_share", 100.0, "% of adults 18+",
           "RIVM 2020 small-area estimate (De Jong Gierveld >= 3); adults above the loneliness cut",
           True),
    Target("severely_lonely", "severely_lonely_pct_18plus_2020", "severely_lonely_share", 100.0,
           "% of adults 18+", "RIVM 2020 (score >= 9); the model's adults above the severe cut", True),
    Target("informal_carer", "informal_carer_pct_18plus_2020", "informal_carer_share", 100.0,
           "% of adults 18+", "RIVM 2020 mantelzorgers; adults whose 13-week mean help passes the cut", True),
    Target("volunteer", "volunteer_pct_18plus_2020", "volunteer_share", 100.0, "% of adults 18+",
           "RIVM 2020 volunteer work; adults volunteering at year end", True),
    Target("wmo_per_1000", "wmo_per_1000_h1_2024", "wmo_clients_per_1000", 1.0, "per 1,000 inhabitants",
           "CBS persons with a Wmo customised provision in H1 2024; adults on a provision path in the "
           "model's first half-year"),
    Target("youth_care_per_100", "youth_care_per_100_age_0_24_h1_2024", "youth_care_per_100_young", 1.0,
           "per 100 aged 0-24", "CBS youth care in kind H1 2024 (ages 0-22) over residents 0-24; the model "
           "counts residents under 23 on a provision path in H1 over residents under 25, as the data do"),
    Target("youth_team_referral_pct", REFERRAL_PCT, "youth_care_team_referral_share", 100.0,
           "% of team + GP referrals", "CBS trajectories referred by the municipal team, of those "
           "referred by team or GP; the model's young people routed into care by the team vs by the GP"),
    Target("mean_wait_weeks", "", "mean_wait_weeks", 1.0, "weeks",
           "NZa Q1 2023: mean wait for basic GGZ 14.1 weeks (youth help 13-14 weeks, NUMBERS.md), one "
           "national figure for every wijk, against the model's mean wait of residents admitted to "
           "specialist care; it keeps fits out of regimes that reach Wmo and youth-care levels with a "
           "runaway queue", national=14.0, spread=7.0),
)  # fmt: skip
TARGET_NAMES = tuple(t.name for t in TARGETS)
#: Targets observed per wijk (validation compares these; national figures only guard plausibility).
WIJK_TARGETS = tuple(t.name for t in TARGETS if t.national is None)
BY_NAME = {t.name: t for t in TARGETS}


def _finite(x) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def read_scan(path: str | Path | None = None) -> pd.DataFrame:
    """The scan as a table indexed by wijk code, with the referral share computed; errors name the
    file and the missing columns."""
    path = Path(path) if path is not None else SHIPPED_SCAN
    if not path.is_file():
        raise ParameterError("--scan", str(path), "file not found")
    try:
        d = pd.read_csv(
            io.StringIO(read_text(path, "--scan")), dtype={"wijk_code": str, "gemeente_code": str}
        )
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as e:
        raise ParameterError("--scan", str(path), f"not a readable CSV ({e})") from None
    missing = [c for c in ("wijk_code", *REQUIRED_COLUMNS) if c not in d.columns]
    if missing:
        raise ParameterError("--scan", str(path), f"missing required column(s) {', '.join(missing)}")
    if not any(t.column in d.columns for t in TARGETS if t.column) and REFERRAL_TEAM not in d.columns:
        cols = ", ".join(t.column for t in TARGETS if t.column)
        raise ParameterError("--scan", str(path), f"has none of the target columns ({cols})")
    for col in (*REQUIRED_COLUMNS, *(t.column for t in TARGETS if t.column), REFERRAL_TEAM, REFERRAL_GP):
        if col in d.columns and d[col].dtype.kind not in "fiub":
            numeric = pd.to_numeric(d[col], errors="coerce")
            bad = d.loc[numeric.isna() & d[col].notna(), col]
            if len(bad) and not bad.astype(str).str.strip().isin(["", ".", "-"]).all():
                raise ParameterError(col, bad.iloc[0], f"not a number in {path.name}")
            d[col] = numeric
    dup = d.wijk_code[d.wijk_code.duplicated()]
    if len(dup):
        raise ParameterError("wijk_code", dup.iloc[0], f"appears more than once in {path.name}")
    if "gemeente_code" not in d.columns:
        d["gemeente_code"] = "GM" + d.wijk_code.str[2:6]
    if REFERRAL_TEAM in d.columns and REFERRAL_GP in d.columns:
        both = d[REFERRAL_TEAM] + d[REFERRAL_GP]
        d[REFERRAL_PCT] = (100 * d[REFERRAL_TEAM] / both).where(both >= 10)  # too few to be a share
    return d.set_index("wijk_code", drop=False)


def observed_targets(row: pd.Series) -> dict[str, float | None]:
    """The observed value of each target for one wijk (None where missing or untrusted)."""
    out: dict[str, float | None] = {}
    flag = row.get(SAME_CODES, True)  # a scan without the column: trusted; an empty cell: not
    trusted_survey = False if flag is None or pd.isna(flag) else bool(flag)
    for t in TARGETS:
        v = t.national if t.national is not None else _finite(row.get(t.column))
        out[t.name] = None if (t.survey and not trusted_survey) else v
    return out


def wijk_codes(arg: str, field: str = "--wijken") -> list[str]:
    """Codes from a comma-separated list or a file (one code per line, or a CSV with `wijk_code`)."""
    path = Path(arg)
    if path.is_file():
        text = read_text(path, field).splitlines()
        if text and "wijk_code" in text[0]:
            return [
                str(c)
                for c in pd.read_csv(
                    io.StringIO("\n".join(text)), dtype={"wijk_code": str}
                ).wijk_code.dropna()
            ]
        return [line.strip() for line in text if line.strip() and not line.startswith("#")]
    if arg.endswith((".csv", ".txt")) and not path.exists():
        raise ParameterError(field, arg, "file not found")
    return [c.strip() for c in arg.split(",") if c.strip()]


def select(scan: pd.DataFrame, codes: list[str], field: str = "--wijken") -> pd.DataFrame:
    """Rows of the given wijken; an unknown code, a wijk without demography or without any target
    is an error naming it."""
    if not codes:
        raise ParameterError(field, "", "no wijk codes given")
    unknown = [c for c in codes if c not in scan.index]
    if unknown:
        raise ParameterError(field, ",".join(unknown[:5]), "unknown wijk code(s) in the scan")
    rows = scan.loc[list(dict.fromkeys(codes))]
    no_demo = rows.index[rows[list(REQUIRED_COLUMNS)].isna().any(axis=1) | (rows.population <= 0)]
    if len(no_demo):
        raise ParameterError(field, ",".join(no_demo[:5]), "wijk(s) without demography (population inputs)")
    for code, row in rows.iterrows():
        if all(v is None for k, v in observed_targets(row).items() if BY_NAME[k].national is None):
            raise ParameterError(field, code, "all targets are missing for this wijk")
    return rows
