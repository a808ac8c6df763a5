"""`report.png`: the main curves of a run over the years, readable by a non-modeller."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..model.codes import WEEKS_PER_YEAR
from ..model.indicators import COST_FUNCTIONS
from ..model.indicators.registry import COST_FUNCTIONS_LABELS
from ..model.indicators.registry import label as registry_label


def label(name: str) -> str:
    """An indicator's English label without its unit, for a legend ('lonely (share of adults)' ->
    'lonely')."""
    text = re.sub(r"\s*\(.*\)$", "", registry_label(name, "en") or name)
    return text[:1].lower() + text[1:]


def make_report(weekly, yearly: list[dict], title: str, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    t = weekly["week"].to_numpy() / WEEKS_PER_YEAR
    years = np.array([y["year"] for y in yearly])
    fig = Figure(figsize=(13, 8.5), dpi=90)
    FigureCanvasAgg(fig)
    axes = fig.subplots(2, 3)
    fig.suptitle(title, fontsize=12)

    ax = axes[0, 0]
    for key in ("need_social_share", "need_individual_share", "need_complex_share", "hidden_need_share"):
        ax.plot(t, 100 * weekly[key], label=label(key))
    ax.set_title("Residents with a support need (%)")
    ax.legend(fontsize=8)

    ax = axes[0, 1]
    ax.bar(years, [y["informal_support_hours_per_resident"] for y in yearly], color="tab:green", alpha=0.7)
    ax.set_title("Informal support (hours per resident per year)")
    ax2 = ax.twinx()
    ax2.plot(years, [100 * y["share_needs_met_informally"] for y in yearly], "k.-")
    ax2.set_ylabel("% of need hours met informally")
    ax2.set_ylim(0, 100)

    ax = axes[0, 2]
    ax.plot(years, [y["light_help_per_1000"] for y in yearly], "o-", label="light help started")
    ax.plot(
        years, [y["heavy_care_referrals_per_1000"] for y in yearly], "s-", label="referrals to heavy care"
    )
    ax.set_title("Help per 1,000 residents per year")
    ax.legend(fontsize=8)
    ax.set_ylim(bottom=0)

    ax = axes[1, 0]
    ax.plot(t, weekly["waiting_list"], color="tab:red", label="waiting for specialist care")
    ax.plot(t, weekly["waiting_generalist"], color="tab:orange", label="waiting for the neighbourhood team")
    ax.set_title("Waiting (residents)")
    ax.legend(fontsize=8)
    ax2 = ax.twinx()
    ax2.plot(years, [y["mean_wait_weeks"] for y in yearly], "k.--")
    ax2.set_ylabel("mean wait for specialist care (weeks)")

    ax = axes[1, 1]
    for key in (
        "isolated_share",
        "lonely_share",
        "severely_lonely_share",
        "informal_carer_share",
        "volunteer_share",
    ):
        ax.plot(t, 100 * weekly[key], label=label(key))
    ax.set_title("Social fabric (%; loneliness, carers and volunteers of adults)")
    ax.legend(fontsize=8)

    ax = axes[1, 2]
    bottom = np.zeros(len(years))
    for fn in COST_FUNCTIONS:
        vals = np.array([y["cost_by_function_eur"][fn] for y in yearly]) / 1e6
        if vals.any():
            ax.bar(years, vals, bottom=bottom, label=COST_FUNCTIONS_LABELS[fn][1])
            bottom += vals
    ax.set_title("Cost by function (million EUR per year)")
    ax.legend(fontsize=7)

    for ax in axes.flat:
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
