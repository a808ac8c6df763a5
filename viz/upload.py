"""A municipality's own scan, uploaded in the app (issue 23): CSV bytes in the scan's format
(docs/calibration.md §1) become validated rows, or every problem found, by row and column.

Spreadsheet habits are accepted: a comma or semicolon between columns (or Excel's `sep=` line), a
decimal comma, a UTF-8 byte-order mark. The rows stay in memory: nothing here touches a file, and a
row is run as its content (`RunSpec.scan_row`), recorded by its SHA-256 (`model.scan.row_sha256`).
Each row passes the model's own checks (`row_problems`, then `params_from_row`).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model.files import NotText, decode_text
from ..model.params import ParameterError
from ..model.scan import OBSERVED, REQUIRED_COLUMNS, ROW_COLUMNS, params_from_row, row_problems
from .numbers import number

#: The largest file accepted (1 MB holds some 5,000 wijken; the whole country has 3,400).
MAX_BYTES = 1_000_000
#: Problems collected before reading stops (a wrong separator makes every row wrong).
MAX_PROBLEMS = 100
NUMERIC = (*REQUIRED_COLUMNS, *OBSERVED, "urbanity_1_5")

#: A scan row as content: (column, value) pairs in the order of ROW_COLUMNS, numbers with points.
Row = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong: the row as a spreadsheet numbers it (the header is row 1), the column as the
    file names it, and the key of the message in viz/texts_scan.py with its values."""

    row: int | None
    column: str | None
    key: str
    values: dict[str, Any] = field(default_factory=dict)


class ScanRefused(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


@dataclass(frozen=True)
class Upload:
    """What a browser tab holds of an uploaded scan: its rows, and which one is chosen (or none)."""

    rows: tuple[Row, ...]
    chosen: int | None = None

    @property
    def row(self) -> Row | None:
        return self.rows[self.chosen] if self.chosen is not None else None


def row_label(row: Row) -> str:
    """ "Gemeente — wijk (code)", as the shipped table's wijken are labelled."""
    d = dict(row)
    names = " — ".join(n for n in (d.get("gemeente_name"), d.get("wijk_name")) if n)
    return f"{names} ({d['wijk_code']})" if names else d["wijk_code"]


def plain_number(cell: str, dutch: bool = False) -> str | None:
    """The cell as a number Python reads ("12,5" → "12.5", "1.234,5" → "1234.5"), or None. In a
    `dutch` file (semicolons between columns, as Dutch Excel writes) "19.890" is nineteen thousand
    eight hundred and ninety, not 19.89: a point there groups thousands."""
    text = cell.strip().replace("\u2212", "-")
    if dutch and re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    if "," in text:
        if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+,\d*", text):
            text = text.replace(".", "")  # Dutch thousands points
        if text.count(",") != 1 or "." in text:
            return None
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return text if math.isfinite(value) else None


def too_big() -> ScanRefused:
    """A file over MAX_BYTES, refused (also by the page, before the browser sends it)."""
    return ScanRefused([Problem(None, None, "scan_too_big", {"limit": MAX_BYTES / 1e6})])


def read_scan(content: bytes) -> tuple[Row, ...]:
    """The file's rows, or ScanRefused with every problem found (up to MAX_PROBLEMS)."""
    if len(content) > MAX_BYTES:
        raise too_big()
    try:
        text = decode_text(content)
    except NotText as err:
        raise ScanRefused([Problem(None, None, f"scan_{err.kind}", {"byte": err.start})]) from None
    lines = text.splitlines()
    if not lines or not text.strip():
        raise ScanRefused([Problem(None, None, "scan_empty_file")])
    excel = re.fullmatch(r'"?sep=(.)"?', lines[0].strip())
    if excel:
        text, sep, first = text.split("\n", 1)[1] if "\n" in text else "", excel.group(1), 2
    else:
        sep, first = (";" if lines[0].count(";") > lines[0].count(",") else ","), 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = [h.strip() for h in next(reader)]
        records = list(reader)
    except (csv.Error, StopIteration):
        raise ScanRefused([Problem(first - 1 + max(reader.line_num, 1), None, "scan_unreadable")]) from None
    problems = [Problem(first, c, "scan_duplicate_column") for c in sorted({*header}) if header.count(c) > 1]
    missing = [c for c in ("wijk_code", *REQUIRED_COLUMNS) if c not in header]
    if missing:
        problems.append(Problem(first, None, "scan_missing_columns", {"columns": ", ".join(missing)}))
    if problems:
        raise ScanRefused(problems)
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for number_, cells in enumerate(records, start=first + 1):
        if not any(c.strip() for c in cells):
            continue  # an empty line
        if len(cells) > len(header):
            problems.append(
                Problem(number_, None, "scan_extra_cells", {"cells": len(cells), "expected": len(header)})
            )
        else:
            record = dict(zip(header, cells, strict=False))
            row = _check(record, number_, header, seen, problems, dutch=sep == ";")
            if row is not None:
                rows.append(row)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise ScanRefused(problems)
    if not rows:
        raise ScanRefused([Problem(None, None, "scan_no_rows")])
    return tuple(rows)


def _check(
    record: dict[str, str],
    at: int,
    header: list[str],
    seen: dict[str, int],
    problems: list[Problem],
    dutch: bool = False,
) -> Row | None:
    """The row with plain numbers, or None after adding its problems."""
    found: list[Problem] = []
    given = {c: (record.get(c) or "").strip() for c in header}

    def problem(col: str, key: str, **values: Any) -> None:
        found.append(Problem(at, col, key, {"value": given.get(col, ""), **values}))

    code = given["wijk_code"]
    if not code:
        problem("wijk_code", "scan_empty")
    elif code in seen:
        problem("wijk_code", "scan_duplicate_code", other=seen[code])
    else:
        seen[code] = at
    row = dict(given)
    for col in NUMERIC:
        if given.get(col):
            plain = plain_number(given[col], dutch)
            if plain is None:
                problem(col, "scan_not_number")
            else:
                row[col] = plain
    for col in REQUIRED_COLUMNS:
        if not given[col]:
            problem(col, "scan_empty")
    for col, kind in row_problems(row):  # the model's own checks (unreadable cells count as empty)
        problem(col, f"scan_{kind}", population=row["population"])  # read as a number where it could be
    if not found:
        for col in ("population", "households"):
            if not found and float(row[col]) <= 0:
                problem(col, "scan_no_residents")
    if not found:
        try:
            params_from_row(row)
        except ParameterError as err:  # a check the model has and this module does not know
            problem(str(err.field), "scan_other", reason=err.reason)
    problems.extend(found)
    return None if found else tuple((c, row[c]) for c in ROW_COLUMNS if c in row)


def named_column(column: str, t: Callable[[str], str]) -> str:
    """‘households’ (aantal huishoudens): the scan's column name with what it means."""
    meaning = t(f"col:{column}")
    return f"‘{column}’" + (f" ({meaning})" if meaning != f"col:{column}" else "")


def describe(problem: Problem, t: Callable[[str], str], lang: str) -> str:
    """The problem as a sentence in the language, naming the row and the column (with what the
    column means)."""
    values = dict(problem.values)
    if "limit" in values:
        values["limit"] = number(values["limit"], lang, 2)
    if "population" in values:  # read as a number (`22200,0` typed), shown as the language writes it
        population = plain_number(str(values["population"]))
        if population is not None:
            values["population"] = number(float(population), lang, 12)
    if "columns" in values:  # each missing column with what it means
        values["columns"] = ", ".join(named_column(c, t) for c in str(values["columns"]).split(", "))
    column = named_column(problem.column, t) if problem.column else ""
    text = t(problem.key).format(column=column, **values)
    if problem.row is None:
        return text[:1].upper() + text[1:]
    where = t("scan_at_row").format(row=problem.row) if problem.column is None else ""
    if problem.column:
        where = t("scan_at_cell").format(row=problem.row, column=column)
    return f"{where}: {text}"
