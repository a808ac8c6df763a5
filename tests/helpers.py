"""Helpers shared by the tests: small model runs, cached per process so tests share baselines."""

from __future__ import annotations

import socket
from functools import lru_cache
from pathlib import Path

import pandas as pd
from wijksim.experiments.run import simulate
from wijksim.model.params import validate


@lru_cache(maxsize=256)
def _run(items: tuple, seed: int, years: int):
    params = validate(dict(items))
    _, weekly, yearly = simulate(params, seed, years)
    return weekly, yearly


def run(seed: int = 1, years: int = 10, **params):
    """Run the model (cached); returns (weekly DataFrame, yearly list)."""
    return _run(tuple(sorted(params.items())), seed, years)


#: A small sweep design shared by the sweep tests (pool, Dask, resume).
SMALL = {
    "preset": "deprived",
    "residents": 500,
    "years": 3,
    "seed": 42,
    "replications": 2,
    "sampler": "grid",
    "grid": {"network_developers": [0, 1], "key_facility": [False, True]},
}


def tables(out: Path):
    params = pd.read_parquet(out / "params.parquet").sort_values("run_id").reset_index(drop=True)
    parts = sorted((out / "results").glob("part-*.parquet"))
    results = (
        pd.concat([pd.read_parquet(p) for p in parts]).sort_values(["run_id", "year"]).reset_index(drop=True)
    )
    return params, results


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_texts(root) -> list[str]:
    """The texts a rendered page (or part of it) shows, as the browser gets them: the templates of
    `solara.Markdown` and the HTML of `viz.prose` (a `solara.HTML` widget each)."""
    import ipyvuetify as v
    import solara.widgets

    def text(w) -> str:
        if isinstance(w, solara.widgets.HTML):
            return w.unsafe_innerHTML or ""
        return str(getattr(w.template, "template", w.template))

    return [text(w) for w in root.find(v.VuetifyTemplate).widgets]
