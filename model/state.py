"""Resident population as columns: one numpy array per attribute, one row per resident.

Residents are many (thousands to a million), so every weekly mechanism works on whole columns.
`wijksim.agents.resident.Resident` gives a readable per-resident view onto these columns.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np


class Codes(type):
    """Named integer codes of a column, like an IntEnum whose members are plain ints: numpy compares
    an array with a plain int about twice as fast as with an IntEnum member (an int subclass), and
    the weekly mechanisms make dozens of such comparisons. `len(Path)`, `for code in Path` (the codes
    in order) and `Path.key(code)` ('waiting_generalist') give the rest."""

    def __new__(mcls, name: str, bases: tuple, namespace: dict):
        cls = super().__new__(mcls, name, bases, namespace)
        cls._keys = {v: k.lower() for k, v in namespace.items() if k.isupper() and type(v) is int}
        return cls

    def __iter__(cls):
        return iter(sorted(cls._keys))

    def __len__(cls) -> int:
        return len(cls._keys)

    def key(cls, code: int) -> str:
        return cls._keys[int(code)]


class Need(metaclass=Codes):
    """The three kinds of support need (§5), ordered by escalation."""

    NONE = 0
    SOCIAL = 1
    INDIVIDUAL = 2
    COMPLEX = 3


class Path(metaclass=Codes):
    """A resident's current support path (DESIGN.md 'one reading of a resident's week')."""

    NONE = 0
    INFORMAL_ONLY = 1
    WAITING_GENERALIST = 2
    LIGHT_HELP = 3
    CASE_MANAGEMENT = 4
    COMBINED_TEAM = 5
    WAITING_SPECIALIST = 6
    SPECIALIST_CARE = 7
    RETURNING = 8
    FLEX_CARE = 9


def path_table(*paths: int) -> np.ndarray:
    """A boolean lookup table over Path values: `table[st.path]` is a fast membership test."""
    table = np.zeros(len(Path), dtype=bool)
    table[list(paths)] = True
    return table


#: Paths in which a professional holds the resident's case.
FORMAL_PATHS = (
    Path.WAITING_GENERALIST,
    Path.LIGHT_HELP,
    Path.CASE_MANAGEMENT,
    Path.COMBINED_TEAM,
    Path.WAITING_SPECIALIST,
    Path.SPECIALIST_CARE,
    Path.FLEX_CARE,
)
#: Paths that count as a customised provision (Wmo for 18+, youth care for 0-22); see docs/ODD.md.
PROVISION_PATHS = (Path.CASE_MANAGEMENT, Path.COMBINED_TEAM, Path.SPECIALIST_CARE, Path.FLEX_CARE)
#: Paths from which a resident can turn to formal help (not already in it).
OUTSIDE_PATHS = (Path.NONE, Path.INFORMAL_ONLY, Path.RETURNING)

#: Provider codes stored in `ResidentState.provider` for light help outside the neighbourhood team.
PROVIDER_NONE = -1
PROVIDER_KEY_FACILITY = -2


@dataclass
class ResidentState:
    """Columns of the resident population. Lengths are all `n`."""

    age: np.ndarray  # years (float32)
    household: np.ndarray  # household id (int32)
    lives_alone: np.ndarray  # bool
    social_housing: np.ndarray  # bool
    born_abroad: np.ndarray  # bool
    x: np.ndarray  # position in the unit square (float32)
    y: np.ndarray
    area: np.ndarray  # network developers' area of work (int32)
    need: np.ndarray  # Need (int8)
    severity: np.ndarray  # 0-1 within the need kind (float32)
    threshold: np.ndarray  # help-seeking threshold (float32)
    loneliness_propensity: np.ndarray  # latent, standard normal (float32)
    helper_capacity: np.ndarray  # hours/week a resident could give (float32)
    volunteer: np.ndarray  # bool: does (organised) volunteer work
    activated: np.ndarray  # bool: activated by a network developer
    introduced: np.ndarray  # bool: introduced by a network developer
    in_reach: np.ndarray  # bool: within reach of the key facility
    overload_weeks: np.ndarray  # consecutive overloaded weeks (int16)
    burnout_until: np.ndarray  # week until which a helper is withdrawn (int32)
    care_given_avg: np.ndarray  # moving average of informal hours given per week (float32)
    informal_met: np.ndarray  # share of this week's need met informally (float32)
    path: np.ndarray  # Path (int8)
    path_since: np.ndarray  # week the current path started (int32)
    path_end: np.ndarray  # week the current episode ends (int32)
    queue_since: np.ndarray  # week the resident joined a queue (int32)
    provider: np.ndarray  # generalist index, PROVIDER_* code, or -1 (int32)
    specialist_domain: np.ndarray  # index into the specialist domains, -1 if none (int8)
    slots: np.ndarray  # generalist case slots occupied (float32)
    crisis: np.ndarray  # bool: queued as a crisis
    return_need: np.ndarray  # need kind to relapse into (int8)
    provision_h1: np.ndarray  # bool: had a customised provision in this year's first half
    lonely: np.ndarray  # bool: lonely adult (from the latent score, updated weekly)
    companionship_met: np.ndarray  # share of asked companionship that ties gave (float32)

    @property
    def n(self) -> int:
        return len(self.age)

    def check(self) -> None:
        """Raise if columns disagree in length (a programming error)."""
        n = self.n
        for f in fields(self):
            if len(getattr(self, f.name)) != n:
                raise RuntimeError(f"column {f.name} has length {len(getattr(self, f.name))} != {n}")

    def column_names(self) -> list[str]:
        return [f.name for f in fields(self)]
