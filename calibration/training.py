"""The wijken the shipped default parameters are fitted on, and the held-out wijken they are
validated on: whole municipalities on each side (`municipality_split`), no data property decides.

Run `python -m wijksim.calibration.training` to print both lists (the shipped files are its output).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .simulator import municipality_split
from .targets import observed_targets, read_scan

HERE = Path(__file__).resolve().parent
TRAINING_FILE = HERE / "data" / "training_wijken.txt"
VALIDATION_FILE = HERE / "data" / "validation_wijken.txt"


def complete(scan: pd.DataFrame, min_population: int = 2500) -> pd.DataFrame:
    """Wijken with every target observed and enough residents for stable rates."""
    full = scan.apply(lambda r: all(v is not None for v in observed_targets(r).values()), axis=1)
    return scan[full & (scan.population >= min_population)]


def choose(scan: pd.DataFrame, n_train: int = 20) -> tuple[list[str], list[str]]:
    """n_train training wijken spread over deprivation (one per municipality where possible), and
    every complete wijk of the test municipalities."""
    d = complete(scan).copy()
    d["split"] = municipality_split(d.gemeente_code)
    d["deprivation"] = (
        d.pct_social_housing / 100 + (d.origin_europe_excl_nl + d.origin_outside_europe) / d.population
    )
    train = d[d.split == "train"].sort_values("deprivation", kind="stable")
    picks, used = [], set()
    for q in np.linspace(0.02, 0.98, n_train):
        order = (train.deprivation - train.deprivation.quantile(q)).abs().sort_values(kind="stable").index
        code = next((c for c in order if c not in picks and train.gemeente_code[c] not in used), None)
        code = code or next(c for c in order if c not in picks)
        picks.append(code)
        used.add(train.gemeente_code[code])
    test = sorted(d[d.split == "test"].index)
    return picks, test


if __name__ == "__main__":
    train, test = choose(read_scan())
    TRAINING_FILE.parent.mkdir(exist_ok=True)
    TRAINING_FILE.write_text("# wijksim default calibration wijken (python -m wijksim.calibration.training)\n"
                             + "\n".join(train) + "\n")  # fmt: skip
    VALIDATION_FILE.write_text(
        "# held-out wijken of the test municipalities (same command)\n" + "\n".join(test) + "\n"
    )
    print(
        f"{len(train)} training wijken -> {TRAINING_FILE}\n{len(test)} validation wijken -> {VALIDATION_FILE}"
    )
