"""Build the wijk table shipped with the package (model/data/wijken_2024.csv) from the shared scan.

Keeps the wijken with KWB 2024 demography and the columns a run from a scan row reads (plus names
and the calibration targets), so the workshop app can offer real wijken without reading files
named by the browser, and `wijksim calibrate`/`validate` work without the shared data.
Run: python scripts/make_wijk_table.py [SCAN.csv]
"""

import sys
from pathlib import Path

import pandas as pd
from wijksim.model.scan import OBSERVED, REQUIRED_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SCAN = ROOT.parent / "shared/data/neighbourhoods/nl_wijken_2024_scan.csv"

if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else SCAN
    d = pd.read_csv(src)
    cols = [
        "wijk_code",
        "wijk_name",
        "gemeente_code",
        "gemeente_name",
        *REQUIRED_COLUMNS,
        *OBSERVED,
        "urbanity_1_5",
        "wmo_per_1000_h1_2024",
        "youth_care_per_100_age_0_24_h1_2024",
        "youth_care_ref_municipal_team_h1_2024",
        "youth_care_ref_gp_h1_2024",
        "gemeente_wijk_codes_same_2020_2024",
    ]
    d = d[d[list(REQUIRED_COLUMNS)].notna().all(axis=1) & (d.population > 0)][cols]
    out = ROOT / "model" / "data" / "wijken_2024.csv"
    d.to_csv(out, index=False)
    print(f"wrote {len(d)} wijken to {out}")
