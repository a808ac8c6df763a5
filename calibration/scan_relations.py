"""Refit the relations that derive a scan row's starting survey shares from its demography.

`wijksim.model.scan.DERIVED_RELATIONS` holds the coefficients this prints (OLS, shares not percent),
fitted on the wijken of the shipped scan that have KWB 2024 demography, RIVM 2020 values and
unchanged wijk codes. Run: `python -m wijksim.calibration.scan_relations [SCAN.csv]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

DEFAULT_SCAN = Path(__file__).resolve().parents[2] / "shared/data/neighbourhoods/nl_wijken_2024_scan.csv"
TARGETS = ("lonely", "severely_lonely", "informal_carer", "volunteer")


def demography(d: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "social_housing": d.pct_social_housing / 100,
            "born_abroad": (d.origin_europe_excl_nl + d.origin_outside_europe) / d.population,
            "one_person": d.hh_one_person / d.households,
            "aged_65_plus": d.age_65_plus / d.population,
            "aged_0_24": (d.age_0_14 + d.age_15_24) / d.population,
        }
    )


def fit(path: Path = DEFAULT_SCAN) -> dict[str, tuple[np.ndarray, float, int]]:
    d = pd.read_csv(path)
    d = d[d.has_kwb2024 & (d.population > 0) & d.gemeente_wijk_codes_same_2020_2024]
    x = demography(d)
    out = {}
    for t in TARGETS:
        col = f"{t}_pct_18plus_2020"
        ok = x.notna().all(axis=1) & d[col].notna()
        a = np.column_stack([np.ones(ok.sum()), x[ok].to_numpy()])
        y = d.loc[ok, col].to_numpy() / 100
        coef, *_ = np.linalg.lstsq(a, y, rcond=None)
        r2 = 1 - ((y - a @ coef) ** 2).sum() / ((y - y.mean()) ** 2).sum()
        out[t] = (coef, float(r2), int(ok.sum()))
    return out


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCAN
    for t, (coef, r2, n) in fit(path).items():
        print(f"{t:16s} n={n} R2={r2:.2f} coef={tuple(round(float(c), 4) for c in coef)}")
