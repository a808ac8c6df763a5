"""The experiment runner from Python (notebooks): every function returns pandas DataFrames.

from wijksim.experiments import api
params, results = api.sweep("design.toml", "out/sweep", workers=2)
table = api.sensitivity("out/sweep")                       # morris / sobol sweeps
boxes = api.discover("out/sweep", "waiting_list", above=50)
cmp = api.compare(["hub: --key-facility"], replications=10, out="out/cmp", preset="deprived")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .analysis import discover, sensitivity
from .compare import compare
from .design import Design
from .sweep import load_results, load_sweep, run_sweep

__all__ = ["compare", "discover", "load_results", "load_sweep", "sensitivity", "sweep"]


def sweep(
    design: str | Path | dict[str, Any] | Design,
    out: str | Path,
    workers: int = 1,
    backend: str = "processes",
    scheduler: str | None = None,
    resume: bool = False,
    progress: bool | None = False,
):
    """Run a design (a TOML path, a dict with the TOML's keys, or a Design); return (params, results)."""
    if isinstance(design, Design):
        d = design
    elif isinstance(design, dict):
        d = Design.from_dict(design)
    else:
        d = Design.from_toml(design)
    return run_sweep(
        d, out, workers=workers, backend=backend, scheduler=scheduler, resume=resume, progress=progress
    )
