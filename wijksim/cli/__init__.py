"""The `wijksim` command: run, params, indicators, presets, sweep, compare, sensitivity, discover,
calibrate, validate, app.

Every command runs inside one error boundary (`boundary.py`): bad input exits with code 2 and a
message naming the field and value, nothing written; a bug leaves a log file, not a traceback. Each
command imports what it needs when it runs (marked `# start-up`), so that `wijksim params` or
`--help` answers at once.
"""

# isort: skip_file  (the commands appear in --help in the order their modules are imported)
from __future__ import annotations

from .common import app
from . import run, experiments, info, calibration
from . import boundary

__all__ = ["app", "boundary", "calibration", "experiments", "info", "main", "run"]


def main() -> None:
    boundary.main(app)


if __name__ == "__main__":
    main()
