"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SMALL, tables
from wijksim.calibration.panel import DEFAULT_DATA
from wijksim.experiments import api

SCAN = DEFAULT_DATA / "nl_wijken_2024_scan.csv"


@pytest.fixture(scope="session")
def scan_file() -> Path:
    if not SCAN.is_file():  # the shared data sit next to the repository, or at WIJKSIM_DATA_DIR
        raise FileNotFoundError(f"scan data not found at {SCAN}: set WIJKSIM_DATA_DIR")
    return SCAN


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "sweep"
    api.sweep(SMALL, out, workers=1)
    return tables(out)


#: Tests that take minutes alone. They start first, then the other tests marked slow: with `-n 2` and
#: `--dist worksteal` (Makefile), ABC recovery (one worker, 7-11 minutes on this VM) runs beside the
#: rest, not last while the other core waits.
LONGEST = ("test_abc_recovers_known_parameters",)


def pytest_collection_modifyitems(config, items) -> None:
    items.sort(key=lambda item: (item.name not in LONGEST, item.get_closest_marker("slow") is None))
