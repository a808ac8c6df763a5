"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCAN = SHARED / "data" / "neighbourhoods" / "nl_wijken_2024_scan.csv"


@pytest.fixture(scope="session")
def scan_file() -> Path:
    if not SCAN.is_file():  # the shared data sit next to the repository
        raise FileNotFoundError(f"scan data not found at {SCAN}")
    return SCAN
