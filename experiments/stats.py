"""Intervals over replications: the mean and its 95% t interval, for paired differences and bands."""

from __future__ import annotations

import numpy as np

#: Two-sided 95%: the t quantile used.
QUANTILE = 0.975


def t_half_width(sd, n):
    """Half-width of the 95% t interval of a mean, elementwise (n < 2 gives the n = 2 quantile; the
    caller decides whether one replication can have an interval)."""
    # Student's t quantile straight from scipy.special (what scipy.stats.t.ppf computes, the same
    # bits): importing scipy.stats takes 0.4 s more, on the workshop server as its first result comes.
    from scipy.special import stdtrit  # start-up: scipy's special functions load when first needed

    return stdtrit(np.maximum(n - 1, 1), QUANTILE) * sd / np.sqrt(n)


def t_interval(values: np.ndarray) -> tuple[float, float, float]:
    """Mean and 95% t interval of replications (rows), e.g. paired differences; NaN bounds below 2."""
    n = len(values)
    mean = float(values.mean())
    if n < 2:
        return mean, float("nan"), float("nan")
    half = float(t_half_width(values.std(ddof=1), n))
    return mean, mean - half, mean + half
