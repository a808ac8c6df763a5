"""Reading a file a user named: every way it can be wrong is a `ParameterError` naming the option
and the path (missing, a folder, unreadable, not UTF-8 text), never a traceback. A UTF-8 byte-order
mark, as spreadsheet programs write, is accepted."""

from __future__ import annotations

from pathlib import Path

from .params import ParameterError


def read_text(path: str | Path, field: str) -> str:
    path = Path(path)
    if path.is_dir():
        raise ParameterError(field, str(path), "is a folder, not a file")
    if not path.is_file():
        raise ParameterError(field, str(path), "file not found")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ParameterError(field, str(path), f"cannot be read: {err.strerror}") from None
    if b"\x00" in data[:65536]:
        raise ParameterError(field, str(path), "not a text file (it holds binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ParameterError(
            field, str(path), f"not UTF-8 text (byte {err.start}); save it as UTF-8 (CSV UTF-8)"
        ) from None
