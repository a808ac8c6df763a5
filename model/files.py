"""Reading a file a user named: every way it can be wrong is a `ParameterError` naming the option
and the path (missing, a folder, unreadable, not UTF-8 text), never a traceback. A UTF-8 byte-order
mark, as spreadsheet programs write, is accepted."""

from __future__ import annotations

from pathlib import Path

from .params import ParameterError


class NotText(ValueError):
    """Bytes that are not UTF-8 text: `kind` is "binary" or "encoding" (then `start` is the first
    bad byte). Callers say it in their own words (the command line in English, the app in Dutch)."""

    def __init__(self, kind: str, start: int = 0) -> None:
        super().__init__(kind, start)
        self.kind, self.start = kind, start


def decode_text(data: bytes) -> str:
    """The text of a file's bytes, or NotText: the same rule for a named file and an uploaded one."""
    if b"\x00" in data[:65536]:
        raise NotText("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise NotText("encoding", err.start) from None


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
    try:
        return decode_text(data)
    except NotText as err:
        if err.kind == "binary":
            raise ParameterError(field, str(path), "not a text file (it holds binary data)") from None
        raise ParameterError(
            field, str(path), f"not UTF-8 text (byte {err.start}); save it as UTF-8 (CSV UTF-8)"
        ) from None
