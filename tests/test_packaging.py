"""The wheel a user installs holds every module and the data the model reads (the shipped wijken,
the calibrated values, the training and validation lists): nothing works from the source folder only."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Source folders and their place in the installed package.
FOLDERS = {"wijksim": "wijksim", "model": "wijksim/model", "agents": "wijksim/agents"} | {
    f: f"wijksim/{f}" for f in ("experiments", "viz", "calibration")
}
DATA = [
    "wijksim/model/data/wijken_2024.csv",
    "wijksim/model/data/calibrated_params.json",
    "wijksim/calibration/data/training_wijken.txt",
    "wijksim/calibration/data/validation_wijken.txt",
]


#: Not copied: setuptools would take modules from an earlier build's `build/lib` as if listed.
LEFT_OUT = shutil.ignore_patterns(".*", "build", "runs", "test-artifacts", "*.egg-info", "__pycache__")


@pytest.mark.slow
def test_the_wheel_holds_every_module_and_the_data(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    (wheel,) = tmp_path.glob("wijksim-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(DATA) <= names
    modules = {
        f"{place}/{py.relative_to(ROOT / folder).as_posix()}"
        for folder, place in FOLDERS.items()
        for py in (ROOT / folder).rglob("*.py")
    }
    assert modules - names == set()
