"""Local-linear regression adjustment of an ABC sample (Beaumont, Zhang and Balding 2002).

Why: an ABC posterior at tolerance epsilon is wider than the posterior, and it keeps narrowing as
ABC-SMC lowers epsilon generation after generation, at a rising cost in simulations. The adjustment
regresses the accepted parameters on how far their simulated targets fell from the observed ones,
and moves each particle to where it would lie had its targets hit the observation exactly. To first
order that removes epsilon's effect, so the adjusted posterior stops changing long before the raw
one does (measured in docs/calibration.md §7).

As in R's `abc` package (`method = "loclinear"`, `transf = "logit"`, Epanechnikov kernel): the
parameters are adjusted on the logit scale of their prior bounds, so that no adjusted value leaves
its prior, and each particle's weight is its importance weight times the kernel of its distance.
The regression is linear: where a target responds to a parameter very non-linearly within the
accepted region, the adjustment is only approximate (Blum and Francois 2010).
"""

from __future__ import annotations

import numpy as np

#: The adjustment needs this many effective particles per regression coefficient (targets + 1);
#: with fewer (many wijken at once: 8 targets per wijk) the sample is returned unadjusted (assumed,
#: a common rule of thumb for least squares).
MIN_EFFECTIVE_PARTICLES_PER_COEFFICIENT = 5.0
#: Logit of a share this close to 0 or 1 is clipped (a particle exactly on a prior bound).
_EDGE = 1e-6


def epanechnikov_weights(distances: np.ndarray, epsilon: float) -> np.ndarray:
    """1 - (d / epsilon)^2, zero at and beyond epsilon; epsilon <= 0 or not finite: the largest d."""
    d = np.asarray(distances, dtype=float)
    if not np.isfinite(epsilon) or epsilon <= 0:
        epsilon = float(d.max()) if len(d) and d.max() > 0 else 1.0
    return np.clip(1.0 - (d / epsilon) ** 2, 0.0, None)


def effective_size(weights: np.ndarray) -> float:
    w = np.asarray(weights, dtype=float)
    return float(w.sum() ** 2 / np.sum(w**2)) if w.sum() > 0 else 0.0


def regression_adjust(
    theta: np.ndarray,
    stats: np.ndarray,
    observed: np.ndarray,
    weights: np.ndarray,
    bounds: np.ndarray,
) -> np.ndarray | None:
    """Adjusted parameters (same shape as `theta`, n particles x p parameters), or None when the
    sample is too small for the regression.

    stats: n x k simulated targets; observed: the k observed ones; weights: n (importance weight x
    kernel); bounds: p x 2 prior bounds. Targets that do not vary among the particles are left out.
    """
    theta = np.asarray(theta, dtype=float)
    x = np.asarray(stats, dtype=float) - np.asarray(observed, dtype=float)
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    mean = w @ x
    sd = np.sqrt(w @ (x - mean) ** 2)
    varying = sd > 1e-12 * np.maximum(1.0, np.abs(mean))
    x = x[:, varying] / sd[varying]  # scaled for the solver's sake; the fitted values are the same
    if effective_size(w) < MIN_EFFECTIVE_PARTICLES_PER_COEFFICIENT * (x.shape[1] + 1):
        return None
    low, high = bounds[:, 0], bounds[:, 1]
    share = np.clip((theta - low) / (high - low), _EDGE, 1 - _EDGE)
    u = np.log(share / (1 - share))
    design = np.column_stack([np.ones(len(x)), x])
    root = np.sqrt(w)[:, None]
    coef, *_ = np.linalg.lstsq(design * root, u * root, rcond=None)
    u_adjusted = u - x @ coef[1:]
    return low + (high - low) / (1 + np.exp(-u_adjusted))
