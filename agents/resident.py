"""A readable per-resident view onto the population columns.

Residents are not Mesa agents (there may be a million); their state lives in numpy columns
(`wijksim.model.state.ResidentState`). `model.resident(i)` returns this view, which reads and writes
those columns, so code that extends the model can still think in residents.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.codes import Need, Path


class Resident:
    def __init__(self, model: Any, index: int):
        if not 0 <= index < model.st.n:
            raise IndexError(f"resident {index} does not exist (0..{model.st.n - 1})")
        object.__setattr__(self, "model", model)
        object.__setattr__(self, "index", index)

    def __getattr__(self, name: str) -> Any:
        st = self.model.st
        if name in st.column_names():
            value = getattr(st, name)[self.index]
            return value.item() if isinstance(value, np.generic) else value
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        getattr(self.model.st, name)[self.index] = value

    @property
    def need_kind(self) -> str:
        """'none', 'social', 'individual' or 'complex'."""
        return Need.key(self.model.st.need[self.index])

    @property
    def support_path(self) -> str:
        """The support path's name, e.g. 'waiting_specialist'."""
        return Path.key(self.model.st.path[self.index])

    @property
    def ties(self) -> list[int]:
        a = self.model.network.adjacency
        return a.indices[a.indptr[self.index] : a.indptr[self.index + 1]].tolist()

    def history(self) -> list[dict]:
        """Every recorded event of this resident, in order: [{'week': w, 'event': text}, ...] (empty
        unless the model records history)."""
        return self.model.events.of(self.index)

    def __repr__(self) -> str:
        return (
            f"Resident({self.index}, age={self.age:.0f}, need={self.need_kind}, "
            f"severity={self.severity:.2f}, path={self.support_path})"
        )
