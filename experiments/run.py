"""One model run: resolve parameters (preset, scan row, --set), run, and write the outputs.

Outputs go to a fresh temporary folder next to the target and are moved in only when complete, so
a failed run leaves nothing half-written and a user's files are never overwritten silently.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..model.params import ParameterError, validate
from ..model.presets import preset_values

OUTPUT_FILES = ("weekly.parquet", "summary.json", "run.json", "report.png")


@dataclass
class RunSpec:
    """Everything that decides a run; `resolve()` turns it into validated model parameters."""

    preset: str | None = "default"
    scan: str | None = None
    wijk: str | None = None
    residents: int | None = None
    years: float = 10
    seed: int = 1
    overrides: dict[str, Any] = field(default_factory=dict)

    def resolve(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Return (validated parameters, provenance of the starting values)."""
        if not isinstance(self.years, int | float) or isinstance(self.years, bool) or self.years <= 0:
            raise ParameterError("years", self.years, "must be a positive number of years")
        if self.years > 200:
            raise ParameterError("years", self.years, "at most 200 years")
        provenance: dict[str, Any] = {}
        if self.scan or self.wijk:
            if not (self.scan and self.wijk):
                raise ParameterError(
                    "--wijk" if self.scan else "--scan",
                    self.wijk or self.scan,
                    "--scan FILE and --wijk CODE go together",
                )
            from ..model.scan import params_from_row, read_row

            values, provenance = params_from_row(read_row(self.scan, self.wijk), given=self.overrides)
            provenance = {"source": "scan", "scan_file": str(Path(self.scan).resolve()), **provenance}
        else:
            values = preset_values(self.preset or "default")
            provenance = {"source": "preset", "preset": self.preset or "default"}
        if self.residents is not None:
            values["residents"] = self.residents
        values.update(self.overrides)
        return validate(values), provenance


def git_commit() -> str:
    here = Path(__file__).resolve().parent
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True, timeout=5
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if out.returncode != 0:
        return "unknown"
    return out.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def provenance_record(spec: RunSpec, params: dict[str, Any], origin: dict[str, Any]) -> dict[str, Any]:
    import mesa
    import numpy

    return {
        "wijksim_version": __version__,
        "git_commit": git_commit(),
        "seed": spec.seed,
        "years": spec.years,
        "parameters": params,
        "starting_values": origin,
        "command": sys.argv if sys.argv and sys.argv[0].endswith("wijksim") else None,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "mesa": mesa.__version__,
        "numpy": numpy.__version__,
    }


def simulate(
    params: dict[str, Any],
    seed: int,
    years: float,
    progress: Callable[[int, int], None] | None = None,
    record_history: bool = False,
    weekly: bool = True,
):
    """Run the model; return (model, weekly rows as a DataFrame or None, yearly summary list).
    With weekly=False (sweeps) only what the yearly summary reads is observed, which is faster."""
    from ..model.indicators import yearly_summary
    from ..model.neighbourhood import NeighbourhoodModel

    model = NeighbourhoodModel(
        rng=seed, years=years, record_history=record_history, full_weekly_rows=weekly, **params
    )
    while model.running:
        model.step()
        if progress is not None:
            progress(model.week, model.horizon_weeks)
    if not weekly:
        return model, None, yearly_summary(model.weekly_rows)
    import pandas as pd

    return model, pd.DataFrame(model.weekly_rows), yearly_summary(model.weekly_rows)


def check_out_dir(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ParameterError("--out", str(out), "exists and is not a folder")
    if out.exists() and any(out.iterdir()) and not force:
        raise ParameterError(
            "--out",
            str(out),
            "folder is not empty (use --force to write into it; "
            "only wijksim's own output files are replaced)",
        )


def write_parquet(frame, path: Path, record: dict[str, Any]) -> None:
    """Parquet with its provenance (parameters, seed, version, commit) in the file's metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"wijksim"] = json.dumps(record, default=str).encode()
    pq.write_table(table.replace_schema_metadata(meta), path, compression="zstd")


def write_outputs(
    out: Path, force: bool, weekly, yearly: list[dict], record: dict[str, Any], title: str
) -> None:
    """Write all outputs to a temporary folder, then move them into `out`."""
    from ..model.diagnostics import growing_queue
    from ..viz.report import make_report

    check_out_dir(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".wijksim-", dir=out.parent))
    try:
        write_parquet(weekly, tmp / "weekly.parquet", record)
        queue = growing_queue(yearly)
        summary = {
            "wijksim_version": record["wijksim_version"],
            "seed": record["seed"],
            "years": record["years"],
            "yearly": yearly,
            "warnings": [queue] if queue else [],
        }
        (tmp / "summary.json").write_text(json.dumps(summary, indent=1))
        (tmp / "run.json").write_text(json.dumps(record, indent=1, default=str))
        make_report(weekly, yearly, title, tmp / "report.png")
        move_into(tmp, out, force, OUTPUT_FILES)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def move_into(tmp: Path, out: Path, force: bool, names: tuple[str, ...]) -> None:
    """Move finished outputs from `tmp` into `out`: a new folder, an empty one, or (with --force)
    one whose files named in `names` are replaced; a listed file this run did not write is removed,
    so that nothing in `out` is left over from an earlier command. The caller removes `tmp`."""
    if not out.exists():
        os.replace(tmp, out)
        return
    check_out_dir(out, force)  # nothing appeared meanwhile
    for name in names:
        if (tmp / name).exists():
            os.replace(tmp / name, out / name)
        elif (out / name).exists():
            (out / name).unlink()
