"""The `wijksim` command: run, params, indicators, presets, sweep, compare, sensitivity, discover,
calibrate, validate, app.

Bad input exits with code 2 and a message naming the field and value; nothing is written. Each
command imports what it needs when it runs (marked `# start-up`), so that `wijksim params` or
`--help` answers at once.
"""

# isort: skip_file  (the commands appear in --help in the order their modules are imported)
from __future__ import annotations

from .common import app
from . import run, experiments, info, calibration

__all__ = ["app", "calibration", "experiments", "info", "main", "run"]


def main() -> None:
    app()


if __name__ == "__main__":
    main()
