"""Mechanism 3: help seeking, hidden need and crises.

Residents outside formal care seek help when their unmet severity passes a personal threshold
('vraagverlegenheid', §6.1). The threshold is lower within reach of a key facility (§6.4) and after
a network developer's introduction. Needs below the threshold stay hidden; complex needs that stay
hidden surface as a crisis (§Capita selecta) and go straight to specialist care.
"""

from __future__ import annotations

import numpy as np

from ..state import OUTSIDE_PATHS, Need, Path, path_table

OUTSIDE = path_table(*OUTSIDE_PATHS)
IN_SPECIALIST = path_table(Path.WAITING_SPECIALIST, Path.SPECIALIST_CARE, Path.FLEX_CARE)
#: How far met informal support lowers the unmet severity, by need kind (none, social, individual,
#: complex): fully for social needs, half for individual needs, not for complex ones (§5.5).
INFORMAL_SOFTENING = np.array([0.0, 1.0, 0.5, 0.0], dtype=np.float32)
#: Weeks a resident waits before asking again after being turned away (assumed).
RETRY_WEEKS = 8


def effective_threshold(model) -> np.ndarray:
    st, p = model.st, model.p
    t = st.threshold.copy()
    if model.key_facility is not None:
        t -= np.where(st.in_reach, p["key_facility_threshold_reduction"], 0.0).astype(np.float32)
    t -= np.where(st.introduced, p["introduction_threshold_reduction"], 0.0).astype(np.float32)
    t -= np.where(st.age < 18, p["youth_threshold_reduction"], 0.0).astype(np.float32)
    return np.maximum(t, 0.02)


def unmet_severity(model) -> np.ndarray:
    st = model.st
    soften = INFORMAL_SOFTENING[st.need]
    return st.severity * (1.0 - soften * st.informal_met)


def hidden_mask(model) -> np.ndarray:
    """Unserved need that formal support does not know of (the definition in docs/ODD.md)."""
    st = model.st
    outside = (st.path == Path.NONE) | (st.path == Path.INFORMAL_ONLY)
    serious = (st.need >= Need.INDIVIDUAL) | (
        (st.need == Need.SOCIAL) & (unmet_severity(model) > model.p["hidden_need_severity"])
    )
    return outside & serious


def help_seeking(model) -> None:
    st, p, rng = model.st, model.p, model.rng
    # Crises first: a complex need at crisis severity outside specialist care.
    crisis = np.flatnonzero(
        (st.need == Need.COMPLEX) & (st.severity >= p["crisis_severity"]) & ~IN_SPECIALIST[st.path]
    )
    if len(crisis):
        model.flows["crises"] += len(crisis)
        model.refer_to_specialist(crisis, crisis=True)
    ready = OUTSIDE[st.path] & (st.need > 0) & (model.week - st.path_since >= RETRY_WEEKS)
    ready |= OUTSIDE[st.path] & (st.need > 0) & (st.path != Path.NONE)
    seekers = np.flatnonzero(ready & (unmet_severity(model) > effective_threshold(model)))
    if len(seekers) == 0:
        return
    # Some individual needs are met by privately bought help instead (§Capita selecta: affluent).
    private = seekers[
        (st.need[seekers] == Need.INDIVIDUAL) & (rng.random(len(seekers)) < p["private_solution_share"])
    ]
    if len(private):
        model.dsev[private] -= 0.3
        model.flows["private_solutions"] += len(private)
        seekers = np.setdiff1d(seekers, private, assume_unique=True)
    model.flows["help_requests"] += len(seekers)
    model.join_generalist_queue(seekers)
