"""The ABC-SMC machinery on toy problems with known answers: when it stops, how far the posterior
moved, and the regression adjustment against a known posterior."""

import numpy as np
import pandas as pd
import pytest
from wijksim.calibration.adjustment import epanechnikov_weights, regression_adjust
from wijksim.calibration.fit import (
    MIN_GENERATIONS,
    SETTLED_GENERATIONS,
    SETTLED_SHIFT,
    STABLE_GENERATIONS,
    moves_in_noise,
    posterior_shift,
    quantile_errors,
    settling_abc_smc_class,
)


def test_posterior_shift_is_the_largest_move_in_prior_widths():
    before = {"a": {"q05": 0.1, "median": 0.5, "q95": 0.9, "prior": [0, 2]}}
    after = {"a": {"q05": 0.2, "median": 0.5, "q95": 0.7, "prior": [0, 2]}}
    assert posterior_shift(before, after) == pytest.approx(0.1)  # q95 moved 0.2 of a width of 2


def _toy_abc(tmp_path, noise: float, generations: int, stop_when: str = "raw"):
    """ABC-SMC on y = a + noise, observed y = 0.3: the posterior of a settles near 0.3."""
    import pyabc

    np.random.seed(3)
    abc = settling_abc_smc_class()(
        lambda p: {"y": p["a"] + noise * np.random.normal()},
        pyabc.Distribution(a=pyabc.RV("uniform", 0, 1)),
        pyabc.PNormDistance(p=2),
        population_size=200,
        sampler=pyabc.sampler.SingleCoreSampler(),
        priors={"a": (0.0, 1.0)},
        stop_when=stop_when,
    )
    abc.new(f"sqlite:///{tmp_path / 'toy.db'}", {"y": 0.3})
    history = abc.run(max_nr_populations=generations, min_acceptance_rate=0.0)
    return abc, history


def test_abc_stops_once_the_posterior_has_settled(tmp_path):
    """With noise the posterior can get no narrower than the noise: it settles and ABC stops well
    before its generation limit; the last shifts are within the tolerance."""
    abc, history = _toy_abc(tmp_path, noise=0.1, generations=25)
    assert abc.settled and history.max_t + 1 < 25
    assert max(abc.shifts[-SETTLED_GENERATIONS:]) <= SETTLED_SHIFT
    assert len(abc.noise_moves) == len(abc.shifts)
    assert len(abc.shifts) == history.max_t  # one shift per generation after the first
    s = abc.summaries[-1]["a"]
    assert s["q05"] < 0.3 < s["q95"]


def test_abc_does_not_stop_while_the_posterior_still_narrows(tmp_path):
    """Without noise every generation narrows the posterior a lot at first: no early stop."""
    abc, history = _toy_abc(tmp_path, noise=0.0, generations=3)
    assert not abc.settled and history.max_t + 1 == 3
    assert max(abc.shifts) > SETTLED_SHIFT and max(abc.noise_moves) > 1.0


def test_the_regression_adjustment_moves_each_particle_to_where_its_targets_hit_the_observation():
    """Where logit(theta) is exactly linear in the targets, every adjusted particle lands on the
    value at the observation; a parameter the targets do not move keeps its spread; the adjusted
    values stay inside the prior; too few particles for the regression: no adjustment."""
    rng = np.random.default_rng(1)
    n = 400
    stats = rng.normal(0.0, 1.0, (n, 2))
    low, high = 2.0, 6.0
    logit = 0.3 + 1.5 * stats[:, 0] - 0.7 * stats[:, 1]
    driven = low + (high - low) / (1 + np.exp(-logit))
    free = rng.uniform(0.0, 1.0, n)
    theta = np.column_stack([driven, free])
    observed = np.array([0.4, -0.2])
    bounds = np.array([[low, high], [0.0, 1.0]])
    adjusted = regression_adjust(theta, stats, observed, np.ones(n), bounds)
    at_observation = low + (high - low) / (1 + np.exp(-(0.3 + 1.5 * 0.4 + 0.7 * 0.2)))
    np.testing.assert_allclose(adjusted[:, 0], at_observation, rtol=1e-9)
    assert np.std(adjusted[:, 1]) == pytest.approx(np.std(free), rel=0.1)
    assert (adjusted >= bounds[:, 0]).all() and (adjusted <= bounds[:, 1]).all()
    assert regression_adjust(theta[:10], stats[:10], observed, np.ones(10), bounds) is None
    assert epanechnikov_weights(np.array([0.0, 0.5, 1.0, 2.0]), 1.0).tolist() == [1.0, 0.75, 0.0, 0.0]


def test_the_adjusted_posterior_is_the_known_one_while_the_sampled_one_is_still_too_wide(tmp_path):
    """y1 = a + e1, y2 = a + b + e2 (sd 0.05), c without effect, uniform priors: the posterior
    has sd 0.05 for a and 0.0707 for b, and c keeps its prior. After a few generations the
    ABC-SMC sample is still much wider; the regression-adjusted one is the known posterior, and the
    'adjusted' rule stops once it no longer moves."""
    import pyabc

    sd = 0.05
    priors = {"a": (0.0, 1.0), "b": (0.0, 1.0), "c": (0.0, 1.0)}
    np.random.seed(5)
    abc = settling_abc_smc_class()(
        lambda p: {"y1": p["a"] + sd * np.random.normal(), "y2": p["a"] + p["b"] + sd * np.random.normal()},
        pyabc.Distribution(**{k: pyabc.RV("uniform", 0, 1) for k in priors}),
        pyabc.PNormDistance(p=2),
        population_size=200,
        sampler=pyabc.sampler.SingleCoreSampler(),
        priors=priors,
        stop_when="adjusted",
    )
    abc.new(f"sqlite:///{tmp_path / 'toy.db'}", {"y1": 0.4, "y2": 0.9})
    history = abc.run(max_nr_populations=12, min_acceptance_rate=0.0)
    assert abc.reached and history.max_t + 1 == MIN_GENERATIONS  # measured: still within noise
    assert all(m <= 1.0 for m in abc.adjusted_moves[-STABLE_GENERATIONS:])

    def sd_of(summary, name):  # a normal's 90% interval is 3.29 sd wide
        return (summary[name]["q95"] - summary[name]["q05"]) / 3.29

    raw, adjusted = abc.summaries[-1], abc.adjusted_summaries[-1]
    assert sd_of(adjusted, "a") == pytest.approx(sd, rel=0.25)
    assert sd_of(adjusted, "b") == pytest.approx(np.hypot(sd, sd), rel=0.25)
    assert adjusted["a"]["median"] == pytest.approx(0.4, abs=0.02)
    assert adjusted["b"]["median"] == pytest.approx(0.5, abs=0.03)
    assert adjusted["c"]["interval_vs_prior"] > 0.85  # the adjustment does not invent information
    assert sd_of(raw, "a") > 1.4 * sd and sd_of(raw, "b") > 1.4 * np.hypot(sd, sd)  # measured 1.6-2.1


def test_quantile_errors_match_the_known_standard_error_of_a_median_and_scale_with_the_ess():
    """The median of n normal draws has standard error 1.2533 sigma / sqrt(n); with the weight on
    a quarter of the draws the effective sample size is n/4, so the error doubles."""
    rng = np.random.default_rng(0)
    x = rng.normal(0.0, 2.0, 20_000)
    even = pd.DataFrame({"a": x, "weight": np.full(len(x), 1 / len(x))})
    se = quantile_errors(even, {"a": (-10, 10)})["a"]
    assert se["median"] == pytest.approx(1.2533 * 2.0 / np.sqrt(20_000), rel=0.1)
    assert se["q05"] > se["median"] and se["q95"] > se["median"]  # thinner tails, noisier quantiles
    w = np.where(np.arange(len(x)) % 4 == 0, 1.0, 1e-9)
    lumpy = pd.DataFrame({"a": x, "weight": w / w.sum()})
    lumpy_se = quantile_errors(lumpy, {"a": (-10, 10)})["a"]["median"]
    assert lumpy_se == pytest.approx(2 * se["median"], rel=0.15)


def test_a_move_counts_as_noise_up_to_three_standard_errors_or_five_percent_of_the_prior():
    def gen(median, se):
        return (
            {"a": {"q05": median - 1, "median": median, "q95": median + 1, "prior": [0.0, 10.0]}},
            {"a": {"q05": se, "median": se, "q95": se}},
        )

    # 5% of a prior width of 10 is 0.5; 3 standard errors of the move: 3 * hypot(0.3, 0.4) = 1.5
    assert moves_in_noise(gen(5.0, 0.3), gen(6.4, 0.4)) == pytest.approx(1.4 / 1.5)
    assert moves_in_noise(gen(5.0, 0.3), gen(6.6, 0.4)) > 1.0
    assert moves_in_noise(gen(5.0, 0.01), gen(5.45, 0.01)) == pytest.approx(0.45 / 0.5)  # the floor
