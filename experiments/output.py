"""Writing outputs safely: into a new or empty folder (or, with --force, replacing only wijksim's own
files), through a temporary folder beside it that is moved in only when complete, so that a failed
run leaves nothing half-written and a user's files are never overwritten silently."""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model.params import ParameterError


def out_path(value: str | Path | None, field: str = "--out") -> Path | None:
    """An output folder given on the command line (taken as a string: Typer reads "" as '.')."""
    if value is None:
        return None
    if not str(value).strip():
        raise ParameterError(
            field, str(value), "give a folder name (an empty name is not the current folder)"
        )
    if "\x00" in str(value):
        raise ParameterError(field, str(value), "a path cannot hold a NUL character")
    return Path(value)


def check_out_dir(
    out: Path, force: bool, names: Iterable[str] | None = None, field: str = "--out", force_flag: bool = True
) -> None:
    """Before any work: `out` is new or empty (or, with --force, holds only wijksim's own files under
    `names`), and it can be made and written. A probe file finds what `os.access` misses (a
    read-only mount, /proc, root's ignored permissions)."""
    out = Path(out)  # an empty name is refused earlier, by `out_path` (Path("") is ".")
    if out.exists() and not out.is_dir():
        raise ParameterError(field, str(out), "exists and is not a folder")
    if out.exists() and any(out.iterdir()):
        if not force:
            hint = (
                "use --force to write into it; only wijksim's own output files are replaced"
                if force_flag
                else "choose a new or empty folder"
            )
            raise ParameterError(field, str(out), f"folder is not empty ({hint})")
        strangers = [n for n in names or () if (out / n).exists() and not _own_file(out, n)]
        if strangers:
            raise ParameterError(
                field,
                str(out),
                f"holds {', '.join(strangers)} that wijksim did not write; --force replaces only "
                "wijksim's own files (move them or choose another folder)",
            )
    check_writable(out, field)


def check_writable(out: Path, field: str = "--out") -> None:
    """`out` (existing or not) can be made and written: its nearest existing folder takes a file."""
    folder = out.absolute()
    while not folder.exists():
        if folder.is_symlink():  # a dangling link: mkdir would fail on it
            raise ParameterError(field, str(out), f"{folder} is a broken link")
        folder = folder.parent
    if not folder.is_dir():
        raise ParameterError(field, str(out), f"{folder} is a file, not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".wijksim-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise ParameterError(field, str(out), f"cannot write in {folder}: {err.strerror}") from None


def _own_file(out: Path, name: str) -> bool:
    """Whether wijksim wrote `out/name`: a JSON record it stamped (`wijksim_version`), a Parquet file
    with its provenance, or another file beside such a record (a report's PNG)."""
    path = out / name
    if path.suffix == ".json":
        return _stamped(path)
    if path.suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            if b"wijksim" in (pq.read_schema(path).metadata or {}):
                return True
        except Exception:  # not a Parquet file at all: not ours
            return False
    return any(_stamped(p) for p in out.glob("*.json"))


def _stamped(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return '"wijksim_version"' in f.read(100_000)
    except OSError:
        return False


@contextmanager
def staged(
    out: Path,
    force: bool,
    names: Iterable[str] | None = None,
    prefix: str = ".wijksim-",
    force_flag: bool = True,
) -> Iterator[Path]:
    """A temporary folder beside `out` to write into; on success its files are moved into `out`
    (`move_into`; `names`: the files this command owns, by default those written), and it is removed
    either way. `force_flag`: whether the command has a --force to suggest."""
    check_out_dir(out, force, names, force_flag=force_flag)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
    except OSError as err:
        raise ParameterError("--out", str(out), f"cannot write there: {err.strerror}") from None
    try:
        yield tmp
        move_into(
            tmp, out, force, tuple(names) if names is not None else tuple(p.name for p in tmp.iterdir())
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def move_into(tmp: Path, out: Path, force: bool, names: tuple[str, ...]) -> None:
    """Move finished outputs from `tmp` into `out`: a new folder, an empty one, or (with --force)
    one whose files named in `names` are replaced; a listed file this run did not write is removed,
    so that nothing in `out` is left over from an earlier command. The caller removes `tmp`."""
    with signals_deferred():
        if not out.exists():
            os.replace(tmp, out)
            return
        check_out_dir(out, force, names)  # nothing appeared meanwhile
        for name in names:
            if (tmp / name).exists():
                os.replace(tmp / name, out / name)
            elif (out / name).exists():
                (out / name).unlink()


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while finished outputs are moved into place (several renames), so that
    a stop leaves the old files or the new ones, not a mix; a held signal arrives right after."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write a file under a temporary name and rename it when complete."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_json(path: Path, record: Any) -> None:
    path.write_text(json.dumps(record, indent=1, default=str))


def write_parquet(frame, path: Path, record: dict[str, Any]) -> None:
    """Parquet with its provenance (parameters, seed, version, commit) in the file's metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"wijksim"] = json.dumps(record, default=str).encode()
    pq.write_table(table.replace_schema_metadata(meta), path, compression="zstd")
