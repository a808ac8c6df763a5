"""The pattern report's files: patterns.csv and patterns.json (one row per pattern) and patterns.png
(one small panel per pattern: the measured value, its 95% interval and the target band)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..output import staged, write_json
from .battery import BY_NAME

#: The columns of patterns.csv, in order (the issue's, then the report's own).
COLUMNS = (
    "pattern", "source", "statistic", "measured", "mc_se", "target", "holds", "role",
    "group", "missing", "robust_share", "robust_sets", "fragile", "detail",
)  # fmt: skip
OUTPUT_FILES = ("patterns.csv", "patterns.json", "patterns.png")


def frame(rows: list[dict[str, Any]]):
    import pandas as pd

    df = pd.DataFrame([{c: r.get(c) for c in COLUMNS} for r in rows], columns=list(COLUMNS))
    df["detail"] = [json.dumps(r.get("detail") or {}, default=str) if r.get("detail") else "" for r in rows]
    return df


def write_report(rows: list[dict[str, Any]], out: Path, record: dict[str, Any], force: bool = False) -> None:
    with staged(out, force, OUTPUT_FILES) as tmp:
        frame(rows).to_csv(tmp / "patterns.csv", index=False)
        write_json(tmp / "patterns.json", {**record, "patterns": rows})
        plot(rows, tmp / "patterns.png")


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    cols = 6
    n = max(1, len(rows))
    nrows = math.ceil(n / cols)
    fig = Figure(figsize=(cols * 2.9, nrows * 1.55 + 0.6), dpi=90)
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, cols, squeeze=False).ravel()
    for ax, row in zip(axes, rows, strict=False):
        _panel(ax, row)
    for ax in axes[len(rows) :]:
        ax.axis("off")
    held = sum(r["holds"] is True for r in rows)
    judged = sum(r["holds"] is not None for r in rows)
    fig.suptitle(
        f"Pattern report: {held} of {judged} judged patterns hold (green: holds, red: does not, grey: "
        "report only or not measurable yet); dot = measured, bar = 95% interval, band = target",
        fontsize=10,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(path)


def _panel(ax, row: dict[str, Any]) -> None:
    name = row["pattern"]
    ax.set_title(name.replace("_", " "), fontsize=7)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=6)
    if row["measured"] is None or not math.isfinite(row["measured"]):
        text = (row.get("missing") or "no estimate").replace(": needs", ":\nneeds").replace(", ", ",\n")
        ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=6, color="grey", transform=ax.transAxes)
        ax.set_xticks([])
        return
    m, se = row["measured"], row["mc_se"]
    target = BY_NAME[name].target
    colour = {True: "#2e7d32", False: "#c62828", None: "#757575"}[row["holds"]]
    lo, hi = (m - 1.96 * se, m + 1.96 * se) if se else (m, m)
    edges = [v for v in (lo, hi, target.low, target.high, 0.0 if target.kind in ("positive", "negative",
             "within_error") else None) if v is not None]  # fmt: skip
    span = (max(edges) - min(edges)) or max(abs(m), 1.0)
    left, right = min(edges) - 0.25 * span, max(edges) + 0.25 * span
    band = {
        "between": (target.low, target.high),
        "above": (target.low, right),
        "at_least": (target.low, right),
        "below": (left, target.high),
        "at_most": (left, target.high),
        "positive": (0.0, right),
        "negative": (left, 0.0),
    }.get(target.kind)
    if band is not None:
        ax.axvspan(band[0], band[1], color="#a5d6a7", alpha=0.5)
    if target.kind == "within_error":
        ax.axvline(0.0, color="#2e7d32", lw=1)
    ax.errorbar([m], [0], xerr=[[m - lo], [hi - m]], fmt="o", color=colour, ms=5, capsize=3)
    ax.set_xlim(left, right)
    ax.set_ylim(-1, 1)
    robust = row.get("robust_share")
    if robust is not None:
        ax.text(0.02, 0.9, f"robust {robust:.0%}", fontsize=6, transform=ax.transAxes, va="top")
