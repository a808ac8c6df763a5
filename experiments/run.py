"""One model run: resolve parameters (preset, scan row, --set), run, and write the outputs.

Outputs go through a temporary folder beside the target and are moved in only when complete
(`output.staged`), so a failed run leaves nothing half-written and a user's files are never
overwritten silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.diagnostics import growing_queue
from ..model.indicators import yearly_summary
from ..model.params import ParameterError, check_change, validate
from ..model.presets import preset_values
from ..model.scan import params_from_row, read_row, row_sha256
from .output import check_out_dir, staged, write_json, write_parquet
from .provenance import command_line, stamp, versions
from .seeds import check_seed

OUTPUT_FILES = ("weekly.parquet", "summary.json", "run.json", "report.png")

#: Draws the report of a run: (weekly rows, yearly summary, title, path of the PNG). The command
#: line passes `wijksim.viz.report.make_report`; without one, no report.png is written.
Report = Callable[[Any, list[dict], str, Path], None]


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
    #: Policy that changes during the run: (year, parameter, value), `--change YEAR:NAME=VALUE`.
    changes: list[tuple[int, str, Any]] = field(default_factory=list)
    #: A scan row given as its content, (column, value) pairs, instead of `scan` and `wijk`: a
    #: municipality's own scan uploaded in the app, which never becomes a file (run.json records
    #: its SHA-256, `model.scan.row_sha256`).
    scan_row: tuple[tuple[str, str], ...] | None = None

    def resolve(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Return (validated parameters, provenance of the starting values)."""
        if not isinstance(self.years, int | float) or isinstance(self.years, bool) or self.years <= 0:
            raise ParameterError("years", self.years, "must be a positive number of years")
        if self.years > 200:
            raise ParameterError("years", self.years, "at most 200 years")
        check_seed(self.seed)
        provenance: dict[str, Any] = {}
        if self.scan_row is not None:
            if self.scan or self.wijk:
                raise ParameterError(
                    "--scan", self.scan or self.wijk, "a scan row is given as content already"
                )
            values, provenance = params_from_row(dict(self.scan_row), given=self.overrides)
            provenance = {"source": "scan", "scan_row_sha256": row_sha256(self.scan_row), **provenance}
        elif self.scan or self.wijk:
            if not (self.scan and self.wijk):
                raise ParameterError(
                    "--wijk" if self.scan else "--scan",
                    self.wijk or self.scan,
                    "--scan FILE and --wijk CODE go together",
                )
            values, provenance = params_from_row(read_row(self.scan, self.wijk), given=self.overrides)
            provenance = {"source": "scan", "scan_file": str(Path(self.scan).resolve()), **provenance}
        else:
            values = preset_values(self.preset or "default")
            provenance = {"source": "preset", "preset": self.preset or "default"}
        if self.residents is not None:
            values["residents"] = self.residents
        values.update(self.overrides)
        for year, name, value in self.changes:
            check_change(year, name, value, int(self.years))
        return validate(values), provenance

    def with_overrides(self, overrides: dict[str, Any]) -> RunSpec:
        """The same run with more parameter values set (a scenario over a baseline)."""
        return RunSpec(**{**self.__dict__, "overrides": {**self.overrides, **overrides}})

    def with_changes(self, changes: list[tuple[int, str, Any]]) -> RunSpec:
        return RunSpec(**{**self.__dict__, "changes": [*self.changes, *changes]})


def provenance_record(spec: RunSpec, params: dict[str, Any], origin: dict[str, Any]) -> dict[str, Any]:
    """run.json: the seed, every parameter value, where the starting values came from, versions."""
    v, made = versions("mesa", "numpy"), stamp()
    return {
        "wijksim_version": made["wijksim_version"],
        "git_commit": made["git_commit"],
        "seed": spec.seed,
        "years": spec.years,
        "parameters": params,
        "changes": [list(c) for c in spec.changes],
        "starting_values": origin,
        "command": command_line(),
        "created": made["created"],
        "python": v["python"],
        "mesa": v["mesa"],
        "numpy": v["numpy"],
    }


def simulate(
    params: dict[str, Any],
    seed: int,
    years: float,
    progress: Callable[[int, int], None] | None = None,
    record_history: bool = False,
    weekly: bool = True,
    changes=(),
):
    """Run the model; return (model, weekly rows as a DataFrame or None, yearly summary list).
    With weekly=False (sweeps) only what the yearly summary reads is observed, which is faster.
    `changes`: policy that changes during the run, [(year, parameter, value)]."""
    from ..model.neighbourhood import NeighbourhoodModel  # start-up: the app's page loads without Mesa

    model = NeighbourhoodModel(
        rng=seed,
        years=years,
        record_history=record_history,
        full_weekly_rows=weekly,
        changes=changes,
        **params,
    )
    while model.running:
        model.step()
        if progress is not None:
            progress(model.week, model.horizon_weeks)
    if not weekly:
        return model, None, yearly_summary(model.weekly_rows)
    import pandas as pd

    return model, pd.DataFrame(model.weekly_rows), yearly_summary(model.weekly_rows)


def summary_record(record: dict[str, Any], yearly: list[dict]) -> dict[str, Any]:
    """summary.json: the yearly indicators and the warnings a reader must see."""
    queue = growing_queue(yearly)
    return {
        "wijksim_version": record["wijksim_version"],
        "seed": record["seed"],
        "years": record["years"],
        "yearly": yearly,
        "warnings": [queue] if queue else [],
    }


def write_outputs(
    out: Path,
    force: bool,
    weekly,
    yearly: list[dict],
    record: dict[str, Any],
    title: str,
    report: Report | None = None,
) -> None:
    """Write weekly.parquet, summary.json, run.json (and report.png, drawn by `report`) into `out`."""
    with staged(out, force, OUTPUT_FILES) as tmp:
        write_parquet(weekly, tmp / "weekly.parquet", record)
        (tmp / "summary.json").write_text(json.dumps(summary_record(record, yearly), indent=1))
        write_json(tmp / "run.json", record)
        if report is not None:
            report(weekly, yearly, title, tmp / "report.png")


__all__ = ["OUTPUT_FILES", "RunSpec", "check_out_dir", "provenance_record", "simulate", "write_outputs"]
