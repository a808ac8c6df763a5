"""Mechanism 5 (DESIGN.md §4): specialist capacity and waiting lists (§7, §7.5).

Regional specialist care (youth care, mental health, addiction, disability care) has a limited
number of treatment slots. Referrals queue; crises go first, then the longest waiting.
Waiting raises severity (life_events.natural_course); cutting slots reproduces the Danish failure of
§7.5: queues, people stuck in too-light help, escalation.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import Path
from ..interface import Neighbourhood


def admit(model: Neighbourhood) -> None:
    """Admit from one regional queue into free slots, crises first, then longest waiting.

    Slots are pooled across domains for admission (the domain of each client is kept for reporting):
    separate domain queues would need a referral mix per domain that the data do not give.
    """
    st, w = model.st, model.week
    waiting = (st.path == Path.WAITING_SPECIALIST).nonzero()[0]
    free = model.specialist_slots - int((st.path == Path.SPECIALIST_CARE).sum())
    if len(waiting) == 0 or free <= 0:
        return
    order = np.lexsort((st.queue_since[waiting], ~st.crisis[waiting]))
    take = waiting[order[:free]]
    model.flows["wait_weeks_sum"] += float((w - st.queue_since[take]).sum())
    model.flows["admitted_specialist"] += len(take)
    transitions.release(model, take)
    length = np.maximum(4, model.rng.exponential(model.p["specialist_weeks"], len(take))).astype(np.int32)
    transitions.set_path(model, take, Path.SPECIALIST_CARE, end=w + length, provider=-1)
    st.crisis[take] = False
