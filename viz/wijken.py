"""The wijken a comparison can be for: the shipped table's wijken with every demographic cell filled,
their search, and the label a comparison is shown under."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model.scan import REQUIRED_COLUMNS
from . import search
from .runner import WIJK_TABLE
from .upload import row_label

if TYPE_CHECKING:
    from .runner import Setting


@functools.cache
def wijk_table():
    """The shipped wijken a run can start from: those with every demographic cell filled."""
    import pandas as pd

    t = pd.read_csv(WIJK_TABLE, dtype={"wijk_code": str})
    t = t[t[list(REQUIRED_COLUMNS)].notna().all(axis=1)].reset_index(drop=True)
    t["label"] = t.gemeente_name + " — " + t.wijk_name + " (" + t.wijk_code + ")"
    return t


@functools.cache
def places() -> tuple[search.Place, ...]:
    t = wijk_table()
    return tuple(map(search.Place, t.gemeente_name, t.wijk_name, t.wijk_code))


@functools.cache
def coverage() -> search.Coverage:
    """What the shipped table covers, computed from it (the no-match message says it)."""
    return search.coverage(places())


def wijk_label(code: str) -> str:
    """ "Gemeente — wijk (code)" of a wijk in the shipped table."""
    t = wijk_table()
    hit = t[t.wijk_code == code]
    return hit.label.iloc[0] if len(hit) else code


def search_wijken(text: str) -> list[str]:
    """Labels of every wijk that matches the text (`search.matches`: aliases, accents, case)."""
    return [p.label for p in search.matches(places(), text)]


def wijk_code(label: str) -> str:
    return label.rsplit("(", 1)[1].rstrip(")")


def setting_label(setting: Setting, t: Callable[[str], str]) -> str:
    """Where a comparison is for: the wijk's label (an uploaded one marked as the own scan), or the
    neighbourhood type."""
    if setting.upload is not None:
        return f"{row_label(setting.upload)} ({t('own_scan')})"
    return wijk_label(setting.wijk) if setting.wijk else t(f"preset:{setting.preset}")
