"""State transitions: every change of a resident's support path, provider or need kind that more
than one mechanism makes goes through here, so that each is made (and logged) the same way.

The mechanisms decide *who* moves and *why*; these functions make the move: set the path and its
end, hold or release a generalist's case slots, join a queue, refer to specialist care, hand back to
case management, return to ordinary life.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .codes import PROVIDER_NONE, Need, Path
from .interface import Neighbourhood

#: Specialist domains (indices of `ResidentState.specialist_domain` and `model.specialists`).
SPECIALIST_DOMAINS = ("youth care", "mental health care (GGZ)", "addiction care", "disability care")
#: The registry's share of specialist slots for each domain, in that order.
DOMAIN_SLOT_SHARES = (
    "youth_care_slot_share",
    "mental_health_slot_share",
    "addiction_care_slot_share",
    "disability_care_slot_share",
)
#: Youth care serves residents under this age (Jeugdwet, with its extension to 23; CBS counts 0-22).
YOUTH_CARE_AGE_LIMIT = 23
#: From this age a referral for an individual need is mostly to disability (elderly) care.
OLDER_AGE = 65


def log(model: Neighbourhood, idx: np.ndarray, event: str) -> None:
    model.events.record(model.week, idx, event)


def start_need(model: Neighbourhood, idx: np.ndarray, kind: Any, severity: float) -> None:
    if len(idx):
        model.st.need[idx] = kind
        model.st.severity[idx] = severity
        log(model, idx, "life event: new need")


def set_path(
    model: Neighbourhood,
    idx: np.ndarray,
    path: int,
    end: Any = None,
    provider: int | None = None,
    event: str | None = None,
) -> None:
    if len(idx) == 0:
        return
    st = model.st
    st.path[idx] = path
    st.path_since[idx] = model.week
    if end is not None:
        st.path_end[idx] = end
    if provider is not None:
        st.provider[idx] = provider
    if model.events.enabled:
        log(model, idx, event or f"path: {Path.key(path).replace('_', ' ')}")


def join_generalist_queue(model: Neighbourhood, idx: np.ndarray, event: str | None = None) -> None:
    model.st.queue_since[idx] = model.week
    set_path(model, idx, Path.WAITING_GENERALIST, event=event or "sought help")


def record_intake(model: Neighbourhood, idx: np.ndarray, provider: np.ndarray, slots: np.ndarray) -> None:
    model.st.provider[idx] = provider
    model.st.slots[idx] = slots


def release(model: Neighbourhood, idx: np.ndarray) -> None:
    """End whatever a generalist or the facility held for these residents."""
    model.st.slots[idx] = 0.0
    model.st.provider[idx] = PROVIDER_NONE


def referral_domain(model: Neighbourhood, age: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Domain a referral goes to: youth care under 23, disability care for most older people with an
    individual need, otherwise mental health or addiction care (registry shares)."""
    p = model.p
    r = model.rng.random(len(age))
    adult = np.where(r < p["adult_mental_health_share"], 1, 2)
    older = np.where((need == Need.INDIVIDUAL) & (r < p["older_individual_disability_share"]), 3, adult)
    return np.where(age < YOUTH_CARE_AGE_LIMIT, 0, np.where(age >= OLDER_AGE, older, adult)).astype(np.int8)


def refer_to_specialist(model: Neighbourhood, idx: np.ndarray, crisis: bool = False) -> None:
    if len(idx) == 0:
        return
    st = model.st
    if crisis:
        release(model, idx)
    else:
        held = idx[st.provider[idx] >= 0]
        # The generalist keeps the case, in too-light help, while it waits (§7.5).
        st.slots[held] = model.p["case_management_slot_weight"]
    st.crisis[idx] = crisis
    st.queue_since[idx] = model.week
    st.specialist_domain[idx] = referral_domain(model, st.age[idx], st.need[idx])
    model.flows["heavy_care_referrals"] += len(idx)
    set_path(
        model,
        idx,
        Path.WAITING_SPECIALIST,
        event="crisis: referred to specialist care" if crisis else "referred to specialist care",
    )


def hand_back(model: Neighbourhood, idx: np.ndarray) -> None:
    """Specialist or flex care ends with an individual need left: case management if a generalist
    has room (routing, §5.3), otherwise home, to ask again when needed."""
    if len(idx) == 0:
        return
    free = np.floor(np.maximum(model.generalist_capacity() - model.generalist_load(), 0)).astype(np.int64)
    owners = np.repeat(np.arange(len(free)), free)
    n = min(len(owners), len(idx))
    cm = idx[:n]
    record_intake(model, cm, owners[:n], np.full(n, model.p["case_management_slot_weight"], np.float32))
    set_path(
        model,
        cm,
        Path.CASE_MANAGEMENT,
        end=model.week + int(model.p["case_management_weeks"]),
        event="handed back to case management",
    )
    start_return(model, idx[n:])


def start_return(model: Neighbourhood, idx: np.ndarray) -> None:
    release(model, idx)
    set_path(model, idx, Path.RETURNING, event="returning to ordinary life")
