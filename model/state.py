"""Resident population as columns: one numpy array per attribute, one row per resident.

Residents are many (thousands to a million), so every weekly mechanism works on whole columns.
`wijksim.agents.resident.Resident` gives a readable per-resident view onto these columns.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from .codes import (  # noqa: F401 - the codes stay importable from here, next to the columns they name
    FORMAL_PATHS,
    OUTSIDE_PATHS,
    PROVIDER_KEY_FACILITY,
    PROVIDER_NONE,
    PROVISION_PATHS,
    Need,
    Path,
    path_table,
)


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
    lasting_floor: np.ndarray  # severity help cannot push the resident's lasting need below (float32)
    helper_capacity: np.ndarray  # hours/week a resident could give (float32)
    volunteer: np.ndarray  # bool: does (organised) volunteer work
    activated: np.ndarray  # bool: activated by a network developer
    introduced: np.ndarray  # bool: introduced by a network developer
    in_reach: np.ndarray  # bool: within reach of the key facility (lives near it and knows it)
    openness: np.ndarray  # U(0,1) drawn when a developer first asks, NaN before (float32)
    facility_awareness: np.ndarray  # U(0,1): the lower, the sooner one knows the facility; NaN until it opens
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
    arrived_week: np.ndarray  # week the current resident of this row arrived (born, moved in; int32)
    parent_age: np.ndarray  # age of a living parent outside the wijk, NaN if none (float32)
    parent_need: np.ndarray  # bool: that parent needs care (frail)
    kin_carer: np.ndarray  # bool: takes on care when their parent needs it
    children_outside: np.ndarray  # bool: has a child outside the wijk who may care for them
    wmo_light: np.ndarray  # bool: has a light Wmo provision (household help, aids, transport, day care)
    wmo_light_h1: np.ndarray  # bool: had a light Wmo provision in this year's first half

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
