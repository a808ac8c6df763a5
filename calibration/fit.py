"""Fitting the shared behavioural parameters: ABC-SMC (pyabc) for a posterior, optuna for a quick
point fit. Both call the same simulator on the same wijken and return a `Fit`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .adjustment import effective_size, epanechnikov_weights, regression_adjust
from .simulator import Simulator, Wijk, observed_stats

#: Particles per ABC generation. 100-200 is usual for ~10 parameters; the regression adjustment
#: needs 45 effective particles after the kernel for one wijk's 8 targets, and the effective sample
#: size runs at a third to a half of the population (docs/calibration.md §7), hence 300.
DEFAULT_POPULATION = 300
#: Largest weight of a target in the adaptive distance, relative to the smallest (pyabc default: none).
MAX_WEIGHT_RATIO = 20.0
#: The posterior has settled when, over the last SETTLED_GENERATIONS generations, no parameter's
#: median or 90% interval bound moved by more than this share of its prior's width (assumed).
SETTLED_SHIFT = 0.05
SETTLED_GENERATIONS = 2
#: A move counts as within Monte Carlo noise up to this many standard errors (a diagnostic, not a
#: stopping rule: with 10 parameters there are 30 moves per generation, hence 3, 0.9973^30 = 0.92).
NOISE_SE_MULTIPLE = 3.0
#: The regression-adjusted posterior has been reached when it moved by no more than resampling noise
#: (`moves_in_noise` <= 1) between each of the last STABLE_GENERATIONS pairs of generations, and
#: at least MIN_GENERATIONS generations ran (generation 0 samples the prior, where a linear
#: regression over the whole prior is a poor local approximation) (assumed; docs/calibration.md §7).
STABLE_GENERATIONS = 2
MIN_GENERATIONS = 4
STOP_RULES = ("adjusted", "raw", "never")
QUANTILES = {"q05": 0.05, "median": 0.5, "q95": 0.95}
#: Perturbation kernel: pyabc's Gaussian KDE of the last generation with its (Silverman) covariance
#: times this factor. At pyabc's 1 the ten-dimensional proposal is so lumpy that a few particles take
#: all the weight (effective sample size 1-9 of 150, docs/calibration.md §7); at 2 it stayed at
#: 33-50%. Wider steps cost acceptance, the usual trade-off (Filippi et al. 2013; assumed value).
KERNEL_SCALING = 2.0


@dataclass
class Fit:
    method: str
    parameters: dict[str, float]  # the fitted point: posterior median, or the best trial
    samples: pd.DataFrame  # parameter columns + weight (+ generation / distance)
    n_simulations: int
    details: dict[str, Any] = field(default_factory=dict)


def weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    order = np.argsort(values)
    v, w = np.asarray(values)[order], np.asarray(weights)[order]
    cw = np.cumsum(w) - 0.5 * w
    return float(np.interp(q * w.sum(), cw, v))


def posterior_summary(samples: pd.DataFrame, priors: dict[str, tuple[float, float]]) -> dict[str, dict]:
    """Median and 90% interval per parameter, and how much the data narrowed the prior."""
    w = samples["weight"].to_numpy()
    out = {}
    for name, (low, high) in priors.items():
        x = samples[name].to_numpy()
        q05, q50, q95 = (weighted_quantile(x, w, q) for q in (0.05, 0.5, 0.95))
        width = (q95 - q05) / (0.9 * (high - low))  # 1 = as wide as the prior's 90% interval
        out[name] = {
            "median": q50,
            "q05": q05,
            "q95": q95,
            "prior": [low, high],
            "interval_vs_prior": width,
            "identified": bool(width < 0.5),
        }
    return out


def posterior_shift(before: dict[str, dict], after: dict[str, dict]) -> float:
    """Largest move of any parameter's median or 90% bound between two posterior summaries, as a
    share of that parameter's prior width."""
    moves = []
    for name, a in after.items():
        b = before[name]
        width = a["prior"][1] - a["prior"][0]
        moves += [abs(a[q] - b[q]) / width for q in QUANTILES]
    return max(moves)


def quantile_errors(samples: pd.DataFrame, priors: dict[str, tuple[float, float]]) -> dict[str, dict]:
    """Monte Carlo standard error of each median and 90% bound of a weighted sample: the asymptotic
    sqrt(q(1-q)/ESS) / density, the density read from the quantiles 0.05 either side."""
    w = samples["weight"].to_numpy()
    ess = 1.0 / np.sum((w / w.sum()) ** 2)
    out = {}
    for name in priors:
        x = samples[name].to_numpy()
        out[name] = {}
        for key, q in QUANTILES.items():
            lo, hi = max(q - 0.05, 0.0), min(q + 0.05, 1.0)
            spacing = (weighted_quantile(x, w, hi) - weighted_quantile(x, w, lo)) / (hi - lo)
            out[name][key] = float(np.sqrt(q * (1 - q) / ess) * spacing)
    return out


def moves_in_noise(before: tuple[dict, dict], after: tuple[dict, dict]) -> float:
    """Largest move of any median or 90% bound between two generations (summary, errors), in units
    of what the move may be by chance: max(SETTLED_SHIFT x prior width, NOISE_SE_MULTIPLE x its
    Monte Carlo standard error). At most 1: indistinguishable from resampling the same posterior.

    Not a stopping rule: measured on WK001404 it let ABC stop in generation 2 with the posterior
    still as wide as the prior, because a slow steady drift is small against the noise of any one
    generation (docs/calibration.md §7)."""
    (sb, eb), (sa, ea) = before, after
    worst = 0.0
    for name, a in sa.items():
        width = a["prior"][1] - a["prior"][0]
        for q in QUANTILES:
            se = float(np.hypot(eb[name][q], ea[name][q]))
            allowed = max(SETTLED_SHIFT * width, NOISE_SE_MULTIPLE * se)
            worst = max(worst, abs(a[q] - sb[name][q]) / allowed)
    return worst


def settling_abc_smc_class():
    """pyabc's ABC-SMC, which also stops once its posterior has been reached.

    pyabc's own criteria (epsilon, acceptance rate, budget, generations) say nothing about the
    posterior itself; with an adaptive distance epsilon is not even comparable between generations.
    Each generation's posterior is summarised twice: as sampled (`summaries`) and after the
    regression adjustment (`adjusted_summaries`, `adjustment.py`), which takes out the tolerance's
    effect. `stop_when` says which rule ends the run:
    - "adjusted" (default): the adjusted posterior moved by no more than resampling noise
      (`moves_in_noise` <= 1) in each of the last `STABLE_GENERATIONS` generations; where there
      are too few particles for the regression (many wijken at once), the "raw" rule instead;
    - "raw": the sampled posterior moved by at most `SETTLED_SHIFT` of a prior width in each of the
      last `SETTLED_GENERATIONS` generations (rarely met: docs/calibration.md §7);
    - "never": only pyabc's criteria (to measure how the posterior evolves).
    """
    import pyabc

    class SettlingABCSMC(pyabc.ABCSMC):
        def __init__(
            self, *args, priors: dict[str, tuple[float, float]], stop_when: str = "adjusted", **kwargs
        ):
            if stop_when not in STOP_RULES:
                raise ValueError(f"stop_when: {stop_when!r} is not one of {', '.join(STOP_RULES)}")
            super().__init__(*args, **kwargs)
            self.priors = priors
            self.stop_when = stop_when
            self.summaries: list[dict[str, dict]] = []  # posterior_summary of each generation
            self.errors: list[dict[str, dict]] = []  # quantile_errors of each generation
            self.shifts: list[float] = []  # posterior_shift between consecutive generations
            self.noise_moves: list[float] = []  # moves_in_noise between consecutive generations
            self.effective_sizes: list[float] = []  # 1 / sum(w^2) of each generation's weights
            self.adjusted: list[pd.DataFrame | None] = []  # each generation's adjusted sample
            self.adjusted_summaries: list[dict[str, dict] | None] = []
            self.adjusted_errors: list[dict[str, dict] | None] = []
            self.adjusted_moves: list[float | None] = []  # moves_in_noise of the adjusted posterior
            self.settled = False
            self.reached = False

        def check_terminate(self, t: int, acceptance_rate: float) -> bool:
            raw, adjusted = generation_samples(
                self.history.get_population(t=t), self.x_0, self.eps(t), self.priors
            )
            self.effective_sizes.append(effective_size(raw["weight"].to_numpy()))
            self.summaries.append(posterior_summary(raw, self.priors))
            self.errors.append(quantile_errors(raw, self.priors))
            self.adjusted.append(adjusted)
            self.adjusted_summaries.append(
                None if adjusted is None else posterior_summary(adjusted, self.priors)
            )
            self.adjusted_errors.append(None if adjusted is None else quantile_errors(adjusted, self.priors))
            if len(self.summaries) > 1:
                self.shifts.append(posterior_shift(self.summaries[-2], self.summaries[-1]))
                self.noise_moves.append(
                    moves_in_noise(
                        (self.summaries[-2], self.errors[-2]), (self.summaries[-1], self.errors[-1])
                    )
                )
                before, after = self.adjusted_summaries[-2:]
                self.adjusted_moves.append(
                    None
                    if before is None or after is None
                    else moves_in_noise((before, self.adjusted_errors[-2]), (after, self.adjusted_errors[-1]))
                )
            recent = self.shifts[-SETTLED_GENERATIONS:]
            self.settled = len(recent) == SETTLED_GENERATIONS and max(recent) <= SETTLED_SHIFT
            stable = self.adjusted_moves[-STABLE_GENERATIONS:]
            self.reached = (
                len(self.summaries) >= MIN_GENERATIONS
                and len(stable) == STABLE_GENERATIONS
                and all(m is not None and m <= 1.0 for m in stable)
            )
            # Too few particles for the regression (many wijken): the raw rule stands in.
            adjusted_rule = self.reached if adjusted is not None else self.settled
            rule = {"adjusted": adjusted_rule, "raw": self.settled, "never": False}[self.stop_when]
            return rule or super().check_terminate(t, acceptance_rate)

    return SettlingABCSMC


def generation_samples(
    population, observed: dict[str, float], epsilon: float, priors: dict[str, tuple[float, float]]
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """One generation's sample as ABC-SMC drew it (parameters, normalised weight, distance), and
    regression-adjusted (parameters, weight = importance weight x Epanechnikov kernel), or None
    when there are too few effective particles for the regression."""
    particles = population.particles
    names, keys = list(priors), list(observed)
    theta = np.array([[float(p.parameter[k]) for k in names] for p in particles])
    weights = np.array([float(p.weight) for p in particles])
    distances = np.array([float(p.distance) for p in particles])
    raw = pd.DataFrame(theta, columns=names)
    raw["weight"] = weights / weights.sum()
    raw["distance"] = distances
    kernel = weights * epanechnikov_weights(distances, float(epsilon))
    if kernel.sum() <= 0:
        return raw, None
    stats = np.array([[float(p.sum_stat[k]) for k in keys] for p in particles])
    bounds = np.array([priors[k] for k in names], dtype=float)
    moved = regression_adjust(theta, stats, np.array([observed[k] for k in keys]), kernel, bounds)
    if moved is None:
        return raw, None
    adjusted = pd.DataFrame(moved, columns=names)
    adjusted["weight"] = kernel / kernel.sum()
    return raw, adjusted


def run_abc(
    wijken: list[Wijk],
    priors: dict[str, tuple[float, float]],
    budget: int,
    db_path: Path,
    workers: int = 2,
    client=None,
    population: int = DEFAULT_POPULATION,
    max_generations: int = 12,
    seed: int | None = None,
    stop_when: str = "adjusted",
) -> Fit:
    """ABC-SMC. On one worker with a seed the run is reproducible: prior draws, perturbations and
    simulation seeds all come from numpy's global state, seeded here; parallel samplers reseed
    their workers from OS entropy.

    The posterior returned is the last generation's, regression-adjusted where the regression has
    enough particles (`adjustment.py`), else as sampled; `samples` then also carries the sampled
    values as `unadjusted_<name>` and their weights as `unadjusted_weight`."""
    import pyabc

    logging.getLogger("ABC").setLevel(logging.WARNING)
    logging.getLogger("Sampler").setLevel(logging.WARNING)
    prior = pyabc.Distribution(**{k: pyabc.RV("uniform", lo, hi - lo) for k, (lo, hi) in priors.items()})
    if client is not None:
        sampler = pyabc.sampler.DaskDistributedSampler(dask_client=client, batch_size=4)
    elif workers > 1:
        sampler = pyabc.sampler.MulticoreEvalParallelSampler(n_procs=workers, check_max_eval=True)
    else:
        sampler = pyabc.sampler.SingleCoreSampler(check_max_eval=True)
        if seed is not None:
            np.random.seed(seed % 2**32)
    # Bounded weights: a target that nearly every simulation of a generation gets the same (the
    # waiting-time guard is 0 weeks in most runs) has a MAD near 0 and would otherwise take over the
    # distance; that made epsilon jump tenfold between generations and kept the posterior moving.
    # Scale = MAD within the generation + median distance to the observation (pyabc's "cmad",
    # Schälte et al. 2021): a target the model rarely reaches (the waiting-time guard, 0 weeks in
    # most runs against 14 observed) then weighs little instead of taking over the distance.
    distance = pyabc.AdaptivePNormDistance(
        p=2, scale_function=pyabc.distance.scale.cmad, max_scale_weight_ratio=MAX_WEIGHT_RATIO
    )
    abc = settling_abc_smc_class()(
        Simulator(wijken),
        prior,
        distance,
        population_size=population,
        sampler=sampler,
        transitions=pyabc.MultivariateNormalTransition(scaling=KERNEL_SCALING),
        priors=priors,
        stop_when=stop_when,
    )
    abc.new(f"sqlite:///{db_path}", observed_stats(wijken))
    history = abc.run(
        max_total_nr_simulations=budget, max_nr_populations=max_generations, min_acceptance_rate=0.01
    )
    t = int(history.max_t)
    raw_sample, last = generation_samples(history.get_population(t=t), abc.x_0, abc.eps(t), priors)
    raw = posterior_summary(raw_sample, priors)
    if last is not None:
        samples = last.copy()
        for name in priors:
            samples[f"unadjusted_{name}"] = raw_sample[name].to_numpy()
        samples["unadjusted_weight"] = raw_sample["weight"].to_numpy()
    else:
        samples = raw_sample[[*priors, "weight"]].copy()
    samples["generation"] = t
    populations = history.get_all_populations()
    summary = posterior_summary(samples, priors)
    return Fit(
        method="abc",
        parameters={k: v["median"] for k, v in summary.items()},
        samples=samples,
        n_simulations=int(history.total_nr_simulations),
        details={
            "generations": t + 1,
            "population_size": population,
            "epsilons": [float(e) for e in populations.epsilon if np.isfinite(e)],
            "posterior": summary,
            "posterior_adjusted": last is not None,
            "posterior_unadjusted": raw,
            "adjustment": (
                "local-linear regression of the logit-scaled parameters on the simulated minus observed "
                "targets, weights = importance weight x Epanechnikov kernel of the distance "
                "(Beaumont et al. 2002)"
                if last is not None
                else "none: too few effective particles for the regression over these targets"
            ),
            "stop_rule": stop_when,
            "posterior_shifts": [round(x, 4) for x in abc.shifts],
            "posterior_moves_vs_noise": [round(x, 3) for x in abc.noise_moves],
            "adjusted_moves_vs_noise": [None if x is None else round(x, 3) for x in abc.adjusted_moves],
            "effective_sample_sizes": [round(x, 1) for x in abc.effective_sizes],
            "stopped_because": _stop_reason(abc, history, budget, max_generations),
            "interval_widths_by_generation": [
                {k: round(v["interval_vs_prior"], 3) for k, v in g.items()} for g in abc.summaries
            ],
            "adjusted_interval_widths_by_generation": [
                None if g is None else {k: round(v["interval_vs_prior"], 3) for k, v in g.items()}
                for g in abc.adjusted_summaries
            ],
            "adjusted_summaries_by_generation": abc.adjusted_summaries,
            "summaries_by_generation": abc.summaries,
            "distance": (
                f"pyabc AdaptivePNormDistance(p=2, scale=cmad (MAD + median distance to the "
                f"observation), weights bounded at {MAX_WEIGHT_RATIO}x the smallest), recomputed every "
                "generation"
            ),
            "sampler": type(sampler).__name__,
            "transition": f"pyabc MultivariateNormalTransition(scaling={KERNEL_SCALING}), Silverman",
        },
    )


def _stop_reason(abc, history, budget: int, max_generations: int) -> str:
    if abc.stop_when == "adjusted" and abc.reached:
        return (
            f"posterior reached: the regression-adjusted posterior moved by no more than resampling noise "
            f"in each of the last {STABLE_GENERATIONS} generations"
        )
    raw_rule = abc.stop_when == "raw" or (abc.stop_when == "adjusted" and abc.adjusted[-1] is None)
    if raw_rule and abc.settled:
        return (
            f"posterior settled: no median or 90% bound moved more than {SETTLED_SHIFT:.0%} of its prior "
            f"width in {SETTLED_GENERATIONS} generations"
        )
    if history.total_nr_simulations >= budget:
        return f"budget of {budget} simulations used"
    if history.max_t + 1 >= max_generations:
        return f"{max_generations} generations run"
    return "acceptance rate below 1%"
