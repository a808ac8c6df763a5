"""The events that moved residents, kept when a run records history: who, in which week, what.

A mechanism records an event for a whole group of residents at once (one entry per event and week),
so that recording costs little even at a million residents; a resident's story is read back from it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import numpy as np


class EventLog:
    def __init__(self, enabled: bool = True):
        #: False: nothing is kept (sweeps and calibration do not read stories).
        self.enabled = enabled
        self._entries: list[tuple[int, np.ndarray, str]] = []

    def record(self, week: int, idx: np.ndarray, event: str) -> None:
        if self.enabled and len(idx):
            self._entries.append((week, np.asarray(idx, dtype=np.int32).copy(), event))

    def entries(self) -> Iterator[tuple[int, np.ndarray, str]]:
        """(week, residents, event) in the order they happened."""
        return iter(self._entries)

    def of(self, i: int) -> list[dict]:
        """Resident i's events: [{'week': w, 'event': text}, ...] in order."""
        return [{"week": week, "event": event} for week, idx, event in self._entries if np.any(idx == i)]

    def most_eventful(self, k: int, since_week: int = 1, per_entry: int = 50) -> list[int]:
        """The k residents with most events from `since_week` on (at most `per_entry` counted from one
        group event, so that one mass event does not decide it)."""
        counts: Counter[int] = Counter()
        for week, idx, _ in self._entries:
            if week >= since_week:
                counts.update(int(i) for i in idx[:per_entry])
        return [i for i, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:k]]
