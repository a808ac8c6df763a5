"""The app's static figures (matplotlib): the scenarios' curves for export and handouts, and the
neighbourhood network."""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from ..model.codes import FORMAL_PATHS
from . import charts
from .numbers import number
from .story import COUNTS, count_values, snapshot


def curves_png(result: dict[str, Any], t, lang: str, dpi: int = 150) -> bytes:
    """The levels chart as a PNG, for the export and printed handouts (A4 portrait, 1240 px wide at
    150 dpi)."""
    buf = io.BytesIO()
    curves_matplotlib(result, t, lang, dpi).savefig(buf, format="png")
    return buf.getvalue()


def curves_matplotlib(result: dict[str, Any], t, lang: str, dpi: int = 150):
    """The numbers of the interactive chart (`charts.curve_data`): one panel per key indicator, the
    legend above the panels, bands clipped at 0, plain numbers in the page's language (no 1e6
    offset), the settling years shaded."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    panels = charts.curve_data(result, "levels", lang)
    names = charts.scenario_names(result["runs"])
    colour = {name: charts.COLOURS[i % len(charts.COLOURS)] for i, name in enumerate(names)}
    settling = charts.settling_years(result)
    rows = (len(panels) + 1) // 2
    fig = Figure(figsize=(8.27, 2.6 * rows + 1.2), dpi=dpi)
    grid = fig.add_gridspec(rows, 2, left=0.09, right=0.98, bottom=0.05, top=1 - 1.0 / (2.6 * rows + 1.2),
                            wspace=0.3, hspace=0.55)  # fmt: skip
    ticks = FuncFormatter(lambda x, _: number(0.0 if abs(x) < 1e-9 else x, lang, 4))
    for k, panel in enumerate(panels):
        last_alone = k == len(panels) - 1 and len(panels) % 2
        ax = fig.add_subplot(grid[k // 2, :] if last_alone else grid[k // 2, k % 2])
        for name, c in panel.curves.items():
            label = t("baseline") if name == "baseline" else name
            ax.plot(c.year, c["mean"], color=colour[name], lw=2, marker="o", ms=3, label=label)
            ax.fill_between(c.year, c["low"], c["high"], color=colour[name], alpha=0.18, lw=0)
        if settling:
            ax.axvspan(0.5, settling + 0.5, color="#bbbbbb", alpha=0.35, lw=0)
            ax.text(0.6, 0.97, t("settling"), transform=ax.get_xaxis_transform(), va="top", fontsize=8)
        ax.set_ylim(bottom=0)
        ax.set_title(t(panel.indicator), fontsize=10)
        ax.set_ylabel(panel.unit, fontsize=8)
        ax.set_xlabel(t("year"), fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(ticks)  # plain numbers: no 1e6 offset, Dutch separators
        ax.tick_params(labelsize=8)
        ax.grid(alpha=0.3)
    handles, labels = fig.axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=len(labels), frameon=False, fontsize=9,
               bbox_to_anchor=(0.5, 1 - 0.35 / (2.6 * rows + 1.2)))  # fmt: skip
    fig.suptitle(t("curves_title"), fontsize=11, y=0.995)
    return fig


NEED_COLOURS = ("#bdbdbd", "#4daf4a", "#ff7f00", "#e41a1c")


def network_figure(pair: dict[str, Any], year: int, t, lang: str = "nl"):
    """The baseline (left) and the chosen scenario (right) in the same year: the same sample of
    residents in the same places, each panel titled with its scenario and its population counts."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fig = Figure(figsize=(13, 8.2), dpi=72)  # text of 13-15 px: a projector's room reads it
    axes = fig.subplots(1, 2)
    for ax, side, name in zip(axes, ("baseline", "scenario"), (t("baseline"), pair["name"]), strict=True):
        net = pair[side]
        snap = snapshot(net, year)
        _network_panel(ax, snap, net["facility"])
        ax.set_title(t("network_title").format(name=name, year=snap["year"]), fontsize=15, weight="bold")
        counts = zip(COUNTS, count_values(snap["counts"], lang), strict=True)
        ax.set_xlabel("\n".join(f"{t(label)}: {value}" for (_, label), value in counts), fontsize=13)
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
    fig.legend(handles=handles, fontsize=13, loc="lower center", ncol=4, frameon=False)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.95, bottom=0.25, wspace=0.06)
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
