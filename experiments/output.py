"""Writing outputs safely: into a new or empty folder (or, with --force, replacing only wijksim's own
files), through a temporary folder beside it that is moved in only when complete, so that a failed
run leaves nothing half-written and a user's files are never overwritten silently."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model.params import ParameterError


def check_out_dir(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ParameterError("--out", str(out), "exists and is not a folder")
    if out.exists() and any(out.iterdir()) and not force:
        raise ParameterError(
            "--out",
            str(out),
            "folder is not empty (use --force to write into it; "
            "only wijksim's own output files are replaced)",
        )


@contextmanager
def staged(
    out: Path, force: bool, names: Iterable[str] | None = None, prefix: str = ".wijksim-"
) -> Iterator[Path]:
    """A temporary folder beside `out` to write into; on success its files are moved into `out`
    (`move_into`; `names`: the files this command owns, by default those written), and it is removed
    either way."""
    check_out_dir(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
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
    if not out.exists():
        os.replace(tmp, out)
        return
    check_out_dir(out, force)  # nothing appeared meanwhile
    for name in names:
        if (tmp / name).exists():
            os.replace(tmp / name, out / name)
        elif (out / name).exists():
            (out / name).unlink()


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
