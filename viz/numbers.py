"""Numbers as people read them: a few significant digits, never scientific notation, and the net-cost
table of a comparison, for the command line's tables and the app alike."""

from __future__ import annotations

from typing import Any

import numpy as np


def significant(x: float, digits: int = 3) -> str:
    """`digits` significant digits, never in scientific notation ("-1,830", not "-1.83e+03"):
    printed tables are read and copied into reports, the app's sentences are read aloud."""
    if not np.isfinite(x):
        return str(x)
    r = float(f"{x:.{digits}g}")
    big = 100 if digits >= 3 else 10**digits / 10
    return f"{r:,.0f}" if abs(r) >= big else np.format_float_positional(r, trim="-")


def with_interval(mean: float, low: float, high: float, digits: int = 3) -> str:
    """ "mean [low, high]", all three to the precision that `digits` significant digits give the
    largest of them: a mean difference of rounding noise (-5.9e-16 in [-1.15, 1.15], common random
    numbers making the runs equal) reads as 0, not as -0.000000000000000592."""
    mean, low, high = interval_precision(mean, low, high, digits)
    return f"{significant(mean, digits)} [{significant(low, digits)}, {significant(high, digits)}]"


def interval_precision(mean: float, low: float, high: float, digits: int = 3) -> tuple[float, float, float]:
    """The three rounded to the precision `digits` significant digits give the largest of them."""
    finite = [abs(v) for v in (mean, low, high) if np.isfinite(v)]
    scale = max(finite, default=0.0)
    if scale > 0:
        step = significant_step(scale, digits)
        mean, low, high = (rounded_to(v, step) if np.isfinite(v) else v for v in (mean, low, high))
    return mean, low, high


def significant_step(scale: float, digits: int) -> float:
    """The place of the last of `digits` significant digits of a positive `scale` (0.01 for 1.15, 3)."""
    return float(10.0 ** (np.floor(np.log10(scale)) - digits + 1))


def rounded_to(x: float, step: float) -> float:
    """x rounded to a multiple of step (+0.0: never a printed "-0")."""
    return round(x / step) * step + 0.0


def in_language(text: str, lang: str) -> str:
    """A number written by `significant` (or with `,` thousands and `.` decimals) as the language
    writes it. Dutch: `1.600.000`, `−0,45` (a real minus sign). One explicit formatter, not the
    process locale, which every browser tab of the app shares."""
    if lang != "nl":
        return text
    swapped = text.translate(str.maketrans({",": ".", ".": ","}))
    return swapped.replace("-", "\u2212")


def number(x: float, lang: str, digits: int = 3) -> str:
    """`significant(x)` in the language."""
    return in_language(significant(x, digits), lang)


def whole(x: float, lang: str) -> str:
    """A whole number with the language's thousands separators: 1.600.000, −45.000."""
    return in_language(f"{x:,.0f}", lang)


def euros(x: float, lang: str) -> str:
    """€ 80.000 (Dutch) or EUR 80,000 (English), the symbol held to the number."""
    return ("€\u00a0" if lang == "nl" else "EUR\u00a0") + whole(x, lang)


#: The net-cost table's columns: (key of `compare.net_costs`, header).
NET_COST_COLUMNS = (
    ("lever_cost_eur", "lever cost"),
    ("saved_light_care_eur", "saved light care"),
    ("saved_heavy_care_eur", "saved heavy care"),
    ("net_cost_eur", "net cost [95% CI]"),
)


def net_cost_rows(net_costs, lang: str = "en") -> list[list[str]]:
    """Rows of (scenario, lever cost, saved light care, saved heavy care, net cost [95% CI]) in EUR,
    with the language's separators (Dutch: `1.600.000`, `−45.000`), to three significant digits:
    means over a few replications are not known to the euro (the net cost to its interval's)."""

    rows = []
    for r in net_costs.itertuples():
        cells: list[Any] = [r.scenario]
        cells += [number(getattr(r, key), lang) for key, _ in NET_COST_COLUMNS[:3]]
        net, low, high = interval_precision(r.net_cost_eur, r.net_cost_ci_low, r.net_cost_ci_high)
        cells.append(f"{number(net, lang)} [{number(low, lang)}; {number(high, lang)}]")
        rows.append(cells)
    return rows
