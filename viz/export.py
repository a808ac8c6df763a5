"""What the app's export hands out: the differences table as a spreadsheet in the page's language.

Dutch: Dutch headers and indicator names, a semicolon between columns and a decimal comma (what a
Dutch spreadsheet program opens as numbers); English: English names, commas and decimal points.
Values are rounded to 4 significant digits and written out in full, never in scientific notation
(`0,00002139`, not `2,139e-05`); the exact values are in `wijksim compare`'s outputs.
A comparison for a row of an uploaded scan records the row's SHA-256 (`model.scan.row_sha256`) in
the CSV and in run.json, and the row itself is offered as a one-row scan file with that hash.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.scan import row_sha256
from .runner import decisions

#: The name the export gives an uploaded row's one-row scan file, and the command line uses.
OWN_SCAN_FILE = "eigen-scan.csv"

#: Columns of `compare.differences`, and their header key in viz/i18n.py.
COLUMNS = (
    ("scenario", "csv_scenario"),
    ("year", "csv_year"),
    ("indicator", "csv_indicator"),
    ("baseline", "csv_baseline"),
    ("scenario_mean", "csv_scenario_mean"),
    ("difference", "csv_difference"),
    ("ci_low", "csv_ci_low"),
    ("ci_high", "csv_ci_high"),
)
NUMBERS = ("baseline", "scenario_mean", "difference", "ci_low", "ci_high")


def round_significant(x: np.ndarray, digits: int = 4) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(x == 0, 0, digits - 1 - np.floor(np.log10(np.abs(x))))
    return np.array([round(v, int(s)) if np.isfinite(v) else v for v, s in zip(x, scale, strict=True)])


def differences_csv(differences, lang: str, t, scan_row_sha256: str | None = None) -> str:
    """The differences as CSV text in the language (with the hash of an uploaded row, if any)."""
    table = differences[[c for c, _ in COLUMNS]].copy()
    table["indicator"] = [t(name) for name in table["indicator"]]
    table["scenario"] = [t("baseline") if s == "baseline" else s for s in table["scenario"]]
    point = "," if lang == "nl" else "."
    for col in NUMBERS:
        table[col] = [written_out(v, point) for v in round_significant(table[col].to_numpy())]
    table.columns = [t(key) for _, key in COLUMNS]
    if scan_row_sha256:
        table[t("csv_scan_row_sha256")] = scan_row_sha256
    return table.to_csv(index=False, sep=";" if lang == "nl" else ",")


def written_out(x: float, point: str) -> str:
    """A number in full with the language's decimal point, no thousands separator (what spreadsheet
    programs read as a number), empty where there is none (NaN)."""
    if not np.isfinite(x):
        return ""
    return np.format_float_positional(x, trim="-").replace(".", point)


def run_record(setting, scenarios: list[tuple[str, dict[str, Any]]], version: str) -> dict[str, Any]:
    """The app's run.json: the settings, scenarios and seeds; an uploaded row by its code and hash,
    not its content."""
    shown = {k: v for k, v in setting.__dict__.items() if k != "upload"}
    if setting.upload is not None:
        shown["upload"] = {
            "wijk_code": dict(setting.upload)["wijk_code"],
            "scan_row_sha256": row_sha256(setting.upload),
            "file": OWN_SCAN_FILE,
        }
        shown["preset"] = None  # the uploaded row decides the wijk; no type is used
    return {
        "setting": shown,
        "scenarios": dict(scenarios),
        # the capacity levers as the runs took them: decisions made now, from year 1 (runner.DECIDED_NOW)
        "changes_during_the_run": {name: decisions(overrides) for name, overrides in scenarios},
        "seeds": setting.seeds(),
        "wijksim_version": version,
    }
