"""The result at a glance: one card per scenario, in plain words with the interval, against "no new
decisions" (geen nieuwe besluiten).

Each card says the net cost over the whole period and the change in heavy-care referrals, informal
support and isolation, averaged over the second half of the period (the first years are the levers'
build-up, not their effect). Every change is a paired mean over the replications (same seeds) with its
95% interval; where the interval holds 0 the card says there is no clear difference rather than a
direction.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..experiments.stats import t_interval
from .numbers import number, rounded_to, significant_step

#: What a card reports besides the net cost: (indicator, scale to the shown unit, text keys).
CARD_INDICATORS = (
    ("heavy_care_referrals_per_1000", 1.0),
    ("informal_support_hours_per_resident", 1.0),
    ("isolated_share", 100.0),
)


def paired_changes(
    runs, indicators: list[str], first_year: int
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """Per (scenario, indicator): mean and 95% interval of (scenario − baseline) per replication,
    averaged over the years from `first_year` on (one grouping for all of them)."""
    by = runs[runs.year >= first_year].groupby(["scenario", "replication"])[indicators].mean()
    base = by.loc["baseline"]
    out = {}
    for name in by.index.unique("scenario"):
        if name == "baseline":
            continue
        diffs = by.loc[name].sub(base, axis=0).sort_index()
        for ind in indicators:
            diff = diffs[ind].dropna().to_numpy(float)
            out[name, ind] = t_interval(diff) if len(diff) else (float("nan"),) * 3
    return out


def _step(lo: float, hi: float) -> float:
    """The precision a card gives an estimate and its interval: two significant digits of the larger
    bound, finer where the interval is narrow (a quarter of its width at most), so that an estimate does
    not land on a bound by rounding ("127 (118 – 134)", not "130 (120 – 130)") and both bounds share
    one precision ("−0,1 – 1,8", not "−0,066 – 1,8")."""
    scale = max(abs(lo), abs(hi))
    if not np.isfinite(scale) or scale == 0:
        return 1.0
    step = significant_step(scale, 2)
    if hi > lo:
        step = min(step, significant_step((hi - lo) / 4, 1))
    return step


def _at(x: float, step: float, lang: str) -> str:
    return number(rounded_to(x, step), lang, 6)


def _interval(lo: float, hi: float, lang: str) -> str:
    step = _step(lo, hi)
    return f"{_at(lo, step, lang)} – {_at(hi, step, lang)}"


def net_cost_line(row, years: int, lang: str, t) -> str:
    mean, lo, hi = (row.net_cost_eur / 1e6, row.net_cost_ci_low / 1e6, row.net_cost_ci_high / 1e6)
    if np.isnan(lo):
        return t("card_net_one").format(net=number(mean, lang, 2), years=years)
    if hi < 0:  # saves money, surely
        net = _at(-mean, _step(-hi, -lo), lang)
        return t("card_saves").format(net=net, years=years, ci=_interval(-hi, -lo, lang))
    if lo > 0:
        net = _at(mean, _step(lo, hi), lang)
        return t("card_costs").format(net=net, years=years, ci=_interval(lo, hi, lang))
    return t("card_net_unclear").format(years=years, ci=_interval(lo, hi, lang))


def change_line(indicator: str, scale: float, change: tuple[float, float, float], lang: str, t) -> str:
    mean, lo, hi = (x * scale for x in change)
    if np.isnan(mean):
        return ""
    if np.isnan(lo) or (lo <= 0 <= hi):
        return t(f"card_{indicator}_unclear").format(ci=_interval(lo, hi, lang))
    word = "more" if mean > 0 else "less"
    low, high = min(abs(lo), abs(hi)), max(abs(lo), abs(hi))
    return t(f"card_{indicator}_{word}").format(
        x=_at(abs(mean), _step(low, high), lang), ci=_interval(low, high, lang)
    )


def scenario_cards(result: dict[str, Any], years: int, lang: str, t) -> list[dict[str, Any]]:
    """Per scenario: its name, the net-cost line and the change lines (plain text in the language)."""
    runs = result["runs"]
    first = years // 2 + 1
    costs = result["net_costs"].set_index("scenario")
    changes = paired_changes(runs, [ind for ind, _ in CARD_INDICATORS], first)
    cards = []
    for name in [s for s in dict.fromkeys(runs.scenario) if s != "baseline"]:
        lines = [change_line(ind, scale, changes[name, ind], lang, t) for ind, scale in CARD_INDICATORS]
        cards.append(
            {
                "name": name,
                "net": net_cost_line(costs.loc[name], years, lang, t),
                "changes": [line for line in lines if line],
                "period": t("card_period").format(first=first, last=years),
                "queue": name in result.get("warnings", {}),
            }
        )
    return cards
