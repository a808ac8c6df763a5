"""The optuna point fit: TPE over the priors, several processes sharing one study through a journal
file; the distance is the root mean square of the targets' errors in units of their spread."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from ..experiments.workers import worker_pool
from .fit import Fit
from .simulator import Wijk, municipality_split, observed_stats, simulate_set
from .targets import TARGETS, read_scan


def _objective_factory(wijken: list[Wijk], priors, seed: int, scales: dict[str, float]):
    obs = observed_stats(wijken)

    def objective(trial) -> float:
        theta = {k: trial.suggest_float(k, lo, hi) for k, (lo, hi) in priors.items()}
        sim = simulate_set(wijken, theta, seed)  # the same seed every trial: common random numbers
        d = [((sim[k] - v) / scales[k.split("/")[1]]) ** 2 for k, v in obs.items()]
        return float(np.sqrt(np.mean(d)))

    return objective


def target_scales(scan: pd.DataFrame) -> dict[str, float]:
    """Spread (MAD) of each target across the training municipalities' wijken (never the test
    side): the unit of the point fit's distance. Too few wijken: the shipped scan's spread."""
    train = scan[np.asarray(municipality_split(scan.gemeente_code)) == "train"]
    out = {}
    for t in TARGETS:
        if t.spread is not None:
            out[t.name] = t.spread
            continue
        x = train[t.column].dropna().to_numpy() if t.column in train.columns else np.array([])
        mad = float(np.median(np.abs(x - np.median(x)))) * 1.4826 if len(x) > 10 else 0.0
        out[t.name] = mad
    if any(v <= 0 for v in out.values()):
        shipped = target_scales(read_scan()) if len(scan) < 100 else {t.name: 1.0 for t in TARGETS}
        out = {k: v if v > 0 else shipped[k] for k, v in out.items()}
    return out


def _optuna_worker(args) -> None:
    import optuna

    storage_path, name, wijken, priors, seed, scales, n_trials, worker = args
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(storage_path)))
    study = optuna.load_study(
        study_name=name, storage=storage, sampler=optuna.samplers.TPESampler(seed=seed + worker)
    )
    study.optimize(_objective_factory(wijken, priors, seed, scales), n_trials=n_trials)


def run_optuna(
    wijken: list[Wijk],
    priors: dict[str, tuple[float, float]],
    budget: int,
    journal: Path,
    scales: dict[str, float],
    seed: int,
    workers: int = 2,
) -> Fit:
    """TPE point fit; several processes share one study through a journal file."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(journal)))
    name = "wijksim"
    optuna.create_study(study_name=name, storage=storage, direction="minimize")
    workers = max(1, min(workers, budget))
    shares = [budget // workers + (1 if i < budget % workers else 0) for i in range(workers)]
    jobs = [(journal, name, wijken, priors, seed, scales, n, i) for i, n in enumerate(shares)]
    if workers == 1:
        _optuna_worker(jobs[0])
    else:
        with worker_pool(workers) as pool:
            list(pool.map(_optuna_worker, jobs))
    study = optuna.load_study(study_name=name, storage=storage)
    trials = study.trials_dataframe(attrs=("number", "value", "params"))
    trials = trials.rename(columns=lambda c: c.removeprefix("params_"))
    best = study.best_trial
    samples = trials[list(priors)].copy()
    samples["weight"] = (trials["number"] == best.number).astype(float)
    samples["distance"] = trials["value"]
    return Fit(
        method="optuna",
        parameters={k: float(best.params[k]) for k in priors},
        samples=samples,
        n_simulations=len(trials) * len(wijken),
        details={
            "best_distance": float(best.value),
            "trials": len(trials),
            "sampler": "optuna TPESampler, one seeded sampler per worker process",
            "distance": "root mean square of (simulated - observed) / MAD of the target across wijken",
            "workers": workers,
            "pid": os.getpid(),
        },
    )
