"""The app's figures: the scenarios' curves with their bands, and the neighbourhood network."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..experiments.stats import t_half_width
from ..model.codes import FORMAL_PATHS
from ..model.indicators import KEY_INDICATORS
from .story import COUNTS, count_values, snapshot

#: Indicators drawn as curves with bands.
CURVES = KEY_INDICATORS


def curves_figure(result: dict[str, Any], t):
    from matplotlib.figure import Figure

    runs = result["runs"]
    fig = Figure(figsize=(14, 6.5), dpi=72)
    axes = fig.subplots(2, 4).flat
    names = list(dict.fromkeys(runs.scenario))
    g = runs.groupby(["scenario", "year"], sort=False)[list(CURVES)]
    mean, sd, n = g.mean(), g.std(ddof=1).fillna(0), g.count()
    half = t_half_width(sd, n)
    for ax, ind in zip(axes, CURVES, strict=False):
        for name in names:
            m, h = mean.loc[name, ind], half.loc[name, ind]
            ax.plot(m.index, m, label=name if name != "baseline" else t("baseline"))
            ax.fill_between(m.index, m - h, m + h, alpha=0.2)
        ax.set_title(t(ind), fontsize=10)
        ax.set_xlabel(t("year"))
        ax.grid(alpha=0.3)
    fig.axes[-1].axis("off")
    fig.axes[0].legend(fontsize=9)
    fig.suptitle(t("curves_title"))
    fig.subplots_adjust(left=0.05, right=0.98, bottom=0.08, top=0.88, wspace=0.3, hspace=0.45)
    return fig


NEED_COLOURS = ("#bdbdbd", "#4daf4a", "#ff7f00", "#e41a1c")


def network_figure(pair: dict[str, Any], year: int, t, lang: str = "nl"):
    """The baseline (left) and the chosen scenario (right) in the same year: the same sample of
    residents in the same places, each panel titled with its scenario and its population counts."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fig = Figure(figsize=(13, 7.4), dpi=72)
    axes = fig.subplots(1, 2)
    for ax, side, name in zip(axes, ("baseline", "scenario"), (t("baseline"), pair["name"]), strict=True):
        net = pair[side]
        snap = snapshot(net, year)
        _network_panel(ax, snap, net["facility"])
        ax.set_title(t("network_title").format(name=name, year=snap["year"]), fontsize=12, weight="bold")
        counts = zip(COUNTS, count_values(snap["counts"], lang), strict=True)
        ax.set_xlabel("\n".join(f"{t(label)}: {value}" for (_, label), value in counts), fontsize=10)
    handles = [
        Line2D([], [], marker="o", ls="", color=c, label=t(k))
        for c, k in zip(
            NEED_COLOURS, ("need_none", "need_social", "need_individual", "need_complex"), strict=True
        )
    ]
    handles += [
        Line2D([], [], marker="o", ls="", mfc="white", mec="black", label=t("formal_help")),
        Line2D([], [], marker="+", ls="", color="#377eb8", label=t("volunteer")),
    ]
    if any(pair[side]["facility"] is not None for side in ("baseline", "scenario")):
        handles.append(
            Line2D([], [], marker="*", ls="", color="gold", mec="black", ms=12, label=t("key_facility"))
        )
    fig.legend(handles=handles, fontsize=10, loc="lower center", ncol=4, frameon=False)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.95, bottom=0.22, wspace=0.04)
    return fig


def _network_panel(ax, snap: dict[str, Any], facility) -> None:
    from matplotlib.patches import Circle

    x, y = snap["x"], snap["y"]
    u, v = snap["edges"]
    ax.plot(np.vstack([x[u], x[v]]), np.vstack([y[u], y[v]]), color="#999999", lw=0.4, alpha=0.5)
    formal = np.isin(snap["path"], FORMAL_PATHS)
    colours = np.array(NEED_COLOURS)[snap["need"]]
    ax.scatter(x[~formal], y[~formal], c=colours[~formal], s=22, edgecolors="none")
    ax.scatter(x[formal], y[formal], c=colours[formal], s=40, edgecolors="black", linewidths=0.8)
    vol = snap["volunteer"]
    ax.scatter(x[vol], y[vol], marker="+", c="#377eb8", s=30)
    if facility is not None:
        fx, fy, r = facility
        ax.scatter([fx], [fy], marker="*", s=400, c="gold", edgecolors="black", zorder=5)
        ax.add_patch(Circle((fx, fy), r, fill=False, ls="--", color="goldenrod"))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
