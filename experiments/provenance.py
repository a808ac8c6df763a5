"""What every output records about how it was made: version, git commit, time, package versions."""

from __future__ import annotations

import importlib
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__


def git_commit() -> str:
    """The checkout's commit, with '-dirty' if tracked files have changed; 'unknown' outside git."""
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


def versions(*packages: str) -> dict[str, str]:
    """Installed versions of the named packages (and Python)."""
    out = {"python": platform.python_version()}
    for name in packages:
        out[name] = getattr(importlib.import_module(name), "__version__", "unknown")
    return out


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def command_line() -> list[str] | None:
    """The `wijksim ...` command that is running, if this is the command line."""
    return sys.argv if sys.argv and sys.argv[0].endswith("wijksim") else None


def stamp() -> dict[str, Any]:
    """Version, commit and time: the part every record shares."""
    return {"wijksim_version": __version__, "git_commit": git_commit(), "created": now()}
