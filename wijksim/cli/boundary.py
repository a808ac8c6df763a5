"""The error boundary of every command: how a run of `wijksim` ends.

- Bad input the program can foresee (`ParameterError`, raised anywhere): `error: FIELD=VALUE: reason`
  on stderr, exit 2. Outputs are written through `experiments.output.staged`, so nothing is left.
- A usage error of the command line itself (unknown flag, a number that is not one): Typer's
  message, exit 2.
- Ctrl-C and SIGTERM: a short line, exit 130 and 143. Both arrive as exceptions (`Stopped`), so that
  every `finally` runs: temporary output folders are removed and worker pools are stopped.
- Anything else is a bug: one line on stderr naming a log file (in the user's cache folder) that
  holds the traceback, exit 1. A raw traceback never reaches the terminal.

Only the command line installs the signal handlers; the Python API leaves signals alone.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer

from ..model.params import ParameterError

EXIT_INPUT = 2
EXIT_BUG = 1


class Stopped(BaseException):
    """The user stopped the command (Ctrl-C, SIGTERM). A BaseException, so that no `except Exception`
    on the way (Typer's, the model's) swallows it."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.exit_code = 128 + signum


def _raise_stopped(signum: int, frame) -> None:
    # Once stopping, a second Ctrl-C must not interrupt the clean-up of the first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Stopped(signum)


def install_signal_handlers() -> None:
    signal.signal(signal.SIGINT, _raise_stopped)
    signal.signal(signal.SIGTERM, _raise_stopped)


def log_dir() -> Path:
    """Where tracebacks of unexpected failures go: $XDG_CACHE_HOME/wijksim/logs (~/.cache/...)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "wijksim" / "logs"


def write_log(err: BaseException, argv: Sequence[str]) -> Path:
    """The traceback and the command line, in a new file; a temporary folder if the cache is not
    writable."""
    text = f"wijksim {' '.join(argv)}\n{time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n\n" + "".join(
        traceback.format_exception(err)
    )
    name = f"error-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    for folder in (log_dir(), Path(os.environ.get("TMPDIR", "/tmp"))):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text)
            return path
        except OSError:
            continue
    raise err  # nowhere to write: better a traceback than silence


def run_command(command: Callable[..., Any], argv: Sequence[str] | None = None) -> int:
    """Run the Typer app `command` on `argv` inside the boundary; returns the exit code. Typer itself
    (standalone mode) answers usage errors, --help and `typer.Exit`; everything else arrives here."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        command(args=args, prog_name="wijksim")
        return 0
    except SystemExit as end:
        return end.code if isinstance(end.code, int) else (0 if end.code is None else EXIT_BUG)
    except ParameterError as err:
        typer.echo(f"error: {err}", err=True)
        return EXIT_INPUT
    except Stopped as err:
        typer.echo(f"stopped ({err}); nothing half-written was left", err=True)
        return err.exit_code
    except KeyboardInterrupt:  # a Ctrl-C before the handlers were installed
        return 130
    except Exception as err:  # a bug
        path = write_log(err, args)
        first = str(err).splitlines()[0] if str(err) else ""
        typer.echo(
            f"error: unexpected {type(err).__name__}{': ' + first[:200] if first else ''}\n"
            f"The details are in {path}; please include that file when you report it.",
            err=True,
        )
        return EXIT_BUG


def main(command: Callable[..., Any], argv: Sequence[str] | None = None) -> None:
    install_signal_handlers()
    sys.exit(run_command(command, argv))
