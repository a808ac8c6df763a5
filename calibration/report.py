"""Calibration report: marginal posteriors and posterior predictive checks, as PNGs and Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .fit import NOISE_SE_MULTIPLE, SETTLED_SHIFT
from .simulator import Wijk, simulate_set
from .targets import BY_NAME, TARGET_NAMES


def figure(rows: int, cols: int, w: float = 3.2, h: float = 2.4):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(cols * w, rows * h), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(rows, cols, squeeze=False).ravel()


def marginal_plot(samples: pd.DataFrame, priors: dict, path: Path, truth: dict | None = None) -> None:
    names = list(priors)
    cols = 4
    fig, axes = figure(-(-len(names) // cols), cols)
    w = samples["weight"].to_numpy()
    for ax, name in zip(axes, names, strict=False):
        low, high = priors[name]
        ax.hist(samples[name], bins=20, range=(low, high), weights=w, color="#4477aa", alpha=0.8)
        ax.axhline(1 / 20, color="grey", lw=1, ls="--", label="prior")
        if truth and name in truth:
            ax.axvline(truth[name], color="#cc3311", lw=2, label="true")
        ax.set_title(name, fontsize=8)
        ax.set_xlim(low, high)
        ax.tick_params(labelsize=7)
    for ax in axes[len(names) :]:
        ax.set_visible(False)
    axes[0].set_ylabel("posterior mass per bin", fontsize=8)
    axes[0].legend(fontsize=7)
    fig.savefig(path, dpi=110)


def posterior_predictive(
    wijken: list[Wijk], samples: pd.DataFrame, priors: dict, draws: int, seed: int
) -> pd.DataFrame:
    """Simulate the wijken at `draws` parameter sets resampled from the posterior (fresh seeds)."""
    rng = np.random.default_rng(seed)
    w = samples["weight"].to_numpy()
    picks = rng.choice(len(samples), size=draws, p=w / w.sum())
    rows = []
    for d, i in enumerate(picks):
        theta = {k: float(samples[k].iloc[i]) for k in priors}
        sim = simulate_set(wijken, theta, seed=int(rng.integers(2**31)))
        for key, value in sim.items():
            code, target = key.split("/")
            rows.append({"draw": d, "wijk_code": code, "target": target, "simulated": value})
    out = pd.DataFrame(rows)
    obs = {(w_.code, t): v for w_ in wijken for t, v in w_.observed.items() if v is not None}
    out["observed"] = [obs[(c, t)] for c, t in zip(out.wijk_code, out.target, strict=True)]
    return out


def ppc_table(ppc: pd.DataFrame) -> pd.DataFrame:
    """Per target: share of wijken whose observed value lies in the 90% predictive interval."""
    g = ppc.groupby(["target", "wijk_code"])
    per = g.agg(
        observed=("observed", "first"),
        q05=("simulated", lambda x: x.quantile(0.05)),
        median=("simulated", "median"),
        q95=("simulated", lambda x: x.quantile(0.95)),
    ).reset_index()
    per["inside_90"] = (per.observed >= per.q05) & (per.observed <= per.q95)
    return per


def ppc_plot(per: pd.DataFrame, path: Path) -> None:
    targets = [t for t in TARGET_NAMES if t in set(per.target)]
    fig, axes = figure(-(-len(targets) // 4), 4)
    for ax, t in zip(axes, targets, strict=False):
        d = per[per.target == t].reset_index(drop=True)
        x = np.arange(len(d))
        ax.vlines(x, d.q05, d.q95, color="#4477aa", lw=3, alpha=0.6, label="90% predictive")
        ax.plot(x, d["median"], "_", color="#4477aa", ms=10)
        ax.plot(x, d.observed, "o", color="#cc3311", ms=4, label="observed")
        ax.set_title(f"{t} ({BY_NAME[t].unit})", fontsize=8)
        ax.set_xticks(x, d.wijk_code, rotation=90, fontsize=6)
        ax.tick_params(axis="y", labelsize=7)
    for ax in axes[len(targets) :]:
        ax.set_visible(False)
    axes[0].legend(fontsize=7)
    fig.savefig(path, dpi=110)


def _abc_lines(details: dict[str, Any]) -> list[str]:
    """How the ABC run ended, and how many particles its weights are worth (a low effective sample
    size means a few particles carry the posterior: read its intervals with care)."""
    if "stopped_because" not in details:
        return []
    ess = details["effective_sample_sizes"]
    return [
        f"- ABC-SMC: {details['generations']} generations of {details['population_size']} particles; "
        f"stopped because: {details['stopped_because']}",
        f"- effective sample size per generation: {', '.join(f'{x:.0f}' for x in ess)}",
        "- largest move of a median or 90% bound between generations (share of the prior width): "
        + ", ".join(f"{x:.2f}" for x in details["posterior_shifts"]),
        "- the same, relative to what resampling alone would move it (1 = the larger of "
        f"{SETTLED_SHIFT:.0%} of the prior width and {NOISE_SE_MULTIPLE:g} Monte Carlo standard errors): "
        + ", ".join(f"{x:.2f}" for x in details.get("posterior_moves_vs_noise", [])),
        "- the same for the regression-adjusted posterior (the one reported; '–': too few particles "
        "for the regression): "
        + ", ".join("–" if x is None else f"{x:.2f}" for x in details.get("adjusted_moves_vs_noise", [])),
        "- posterior reported: "
        + ("regression-adjusted" if details.get("posterior_adjusted") else "as sampled")
        + f" ({details.get('adjustment', 'none')})",
    ]


def markdown(record: dict[str, Any], per: pd.DataFrame) -> str:
    lines = [
        f"# Calibration report ({record['method']})",
        "",
        f"- wijken: {', '.join(record['wijken'])}",
        f"- parameter sets simulated: {record['n_parameter_sets']} "
        f"({record['n_model_runs']} model runs), wall time {record['wall_seconds']:.0f} s",
        f"- data: {record['data']['scan_file']} (sha256 {record['data']['sha256'][:12]}…)",
        f"- created {record['created']} with wijksim {record['wijksim_version']} ({record['git_commit']})",
        *_abc_lines(record.get("fit_details", {})),
        "",
        "## Fitted parameters",
        "",
        "| parameter | fitted | 5% | 95% | prior | interval / prior | identified |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in record["posterior"].items():
        lines.append(
            f"| `{name}` | {s['median']:.3g} | {s['q05']:.3g} | {s['q95']:.3g} | "
            f"{s['prior'][0]:g}–{s['prior'][1]:g} | {s['interval_vs_prior']:.2f} | "
            f"{'yes' if s['identified'] else 'no'} |"
        )
    lines += [
        "",
        "'identified': the 90% posterior interval is less than half the prior's 90% interval.",
        "For an optuna fit the 'interval' is that of the best 10% of trials, not a posterior.",
        "",
        "## Posterior predictive checks",
        "",
        "| target | unit | wijken | observed inside 90% interval | mean abs. error of median |",
        "|---|---|---|---|---|",
    ]
    for t in TARGET_NAMES:
        d = per[per.target == t]
        if len(d):
            mae = float((d["median"] - d.observed).abs().mean())
            lines.append(f"| {t} | {BY_NAME[t].unit} | {len(d)} | {d.inside_90.mean():.0%} | {mae:.2f} |")
    lines += ["", "![marginals](marginals.png)", "", "![ppc](ppc.png)", ""]
    return "\n".join(lines)
