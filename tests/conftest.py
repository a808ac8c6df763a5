"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from wijksim.calibration.panel import DEFAULT_DATA

SCAN = DEFAULT_DATA / "nl_wijken_2024_scan.csv"


@pytest.fixture(scope="session")
def scan_file() -> Path:
    if not SCAN.is_file():  # the shared data sit next to the repository, or at WIJKSIM_DATA_DIR
        raise FileNotFoundError(f"scan data not found at {SCAN}: set WIJKSIM_DATA_DIR")
    return SCAN
