"""Mechanism 5 (DESIGN.md §4): specialist capacity and the regional waiting list (§7, §7.5).

Specialist care (youth care, mental health, addiction, disability care) is regional: the wijk's
residents wait in one queue with the rest of the region (`model/region.py`). Each week clients
leave care, the rest of the region refers, some waiting clients drop out (home, or private help),
and free places go first to crises, then by severity and waiting time. Gatekeepers (the team, the
GP, the region's own) hold referrals back as the wait grows; that keeps people in help that is too
light and lets them escalate while they wait (§7.5, the Danish failure). Capacity raised again
after a cut grows back over years (§9.2). Waiting costs bridging care; crises cost crisis care.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import Need, Path, chance_within
from ..interface import Neighbourhood

#: The Treeknorm: 14 weeks from registration to treatment (NZa; NUMBERS.md).
TREEKNORM_WEEKS = 14


def gatekeeping(model: Neighbourhood) -> float:
    """How hard gatekeepers hold back (0-1): none up to `gatekeeper_wait_start_weeks` of regular
    wait, full `gatekeeper_wait_span_weeks` later, linear in between."""
    p = model.p
    wait = model.region.current_wait()
    return float(
        min(1.0, max(0.0, (wait - p["gatekeeper_wait_start_weeks"]) / p["gatekeeper_wait_span_weeks"]))
    )


def held_back(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """Of referrals idx (not crises), those a gatekeeper keeps in lighter help this week."""
    share = model.p["gatekeeper_hold_back_share"] * gatekeeping(model)
    if share <= 0 or len(idx) == 0:
        return np.zeros(len(idx), dtype=bool)
    return model.rng.random(len(idx)) < share


def rebuild(model: Neighbourhood) -> None:
    """Capacity raised after a cut grows back towards its target (a cut takes effect at once)."""
    target, now = model.specialist_capacity_target, model.p["specialist_capacity_factor"]
    if now >= target:
        return
    years = model.p["specialist_rebuild_years"]
    step = 1.0 if years <= 0 else chance_within(1.0 / years, 1)
    model.set_specialist_capacity(now + (target - now) * step if target - now > 1e-4 else target)


def drop_out(model: Neighbourhood) -> None:
    """Non-urgent clients leave the queue: some buy private help, the rest go home."""
    st, p, rng = model.st, model.p, model.rng
    waiting = ((st.path == Path.WAITING_SPECIALIST) & ~st.crisis).nonzero()[0]
    gone = waiting[rng.random(len(waiting)) < p["queue_dropout_rate"]]
    if len(gone):
        private = gone[
            (st.need[gone] >= Need.INDIVIDUAL) & (rng.random(len(gone)) < p["private_solution_share"])
        ]
        model.dsev[private] -= p["private_solution_relief"]
        model.flows["private_solutions"] += len(private)
        model.flows["dropped_out_of_queue"] += len(gone)
        transitions.release(model, gone)
        transitions.set_path(model, gone, Path.NONE, event="left the waiting list")
    model.region.drop_out(rng, p["queue_dropout_rate"])


def admit(model: Neighbourhood) -> None:
    """The region's week of specialist care: departures, the rest of the region's referrals,
    drop-outs, and admission into the free places: crises first, then by severity and waiting time
    (`priority_weeks_per_severity`)."""
    st, p, w, region, rng = model.st, model.p, model.week, model.region, model.rng
    rebuild(model)
    region.leave_care(rng, p["specialist_weeks"])
    bg_regular, _ = region.arrive(rng, w, p["gatekeeper_hold_back_share"] * gatekeeping(model))
    drop_out(model)
    waiting = (st.path == Path.WAITING_SPECIALIST).nonzero()[0]
    if len(waiting):
        region.severity = float(st.severity[waiting].mean())
    in_care = int((st.path == Path.SPECIALIST_CARE).sum())
    free = model.specialist_slots - in_care - region.in_care
    wijk_regular_new = int(np.count_nonzero(~st.crisis[waiting] & (st.queue_since[waiting] == w)))
    take = np.empty(0, dtype=np.int64)
    taken_bg = (np.empty(0, np.int64), np.empty(0, np.int64))  # the rest of the region's: weeks, counts
    if free > 0:
        crisis = waiting[st.crisis[waiting]]
        crisis = crisis[np.argsort(st.queue_since[crisis], kind="stable")]
        urgent = len(crisis) + region.urgent
        n_urgent = min(free, urgent)
        n_wijk = len(crisis) if n_urgent == urgent else round(n_urgent * len(crisis) / urgent)
        take = crisis[:n_wijk]
        region.urgent -= n_urgent - n_wijk
        region.in_care += n_urgent - n_wijk
        free -= n_urgent
        regular = waiting[~st.crisis[waiting]]
        if free > 0 and (len(regular) or len(region.waiting_count)):
            k = p["priority_weeks_per_severity"]
            keys = np.concatenate([st.queue_since[regular] - k * st.severity[regular], region.keys(k)])
            counts = np.concatenate([np.ones(len(regular)), region.waiting_count])
            order = np.argsort(keys, kind="stable")
            before = np.cumsum(counts[order]) - counts[order]
            chosen = order[before < free]
            wijk_chosen = chosen[chosen < len(regular)]
            cohorts = chosen[chosen >= len(regular)] - len(regular)  # in admission order
            taken_bg = region.admit(cohorts, free - len(wijk_chosen))
            take = np.concatenate([take, regular[np.sort(wijk_chosen)]])
    _record_waits(model, take, taken_bg)
    if len(take):
        transitions.release(model, take)
        length = np.maximum(4, rng.exponential(p["specialist_weeks"], len(take))).astype(np.int32)
        transitions.set_path(model, take, Path.SPECIALIST_CARE, end=w + length, provider=-1)
        st.crisis[take] = False
    waiting_now = int((st.path == Path.WAITING_SPECIALIST).sum())
    regular_queue = (
        int(np.count_nonzero((st.path == Path.WAITING_SPECIALIST) & ~st.crisis)) + region.waiting_total
    )
    region.observe(regular_queue, wijk_regular_new + bg_regular)
    model.flows["region_regular_arrivals"] += wijk_regular_new + bg_regular
    model.flows["region_regular_queue_weeks"] += regular_queue
    model.flows["bridging_client_weeks"] += waiting_now


def _record_waits(model: Neighbourhood, take: np.ndarray, taken_bg: tuple[np.ndarray, np.ndarray]) -> None:
    st, w, f = model.st, model.week, model.flows
    bg_weeks, bg_counts = taken_bg
    f["wait_weeks_sum"] += float((w - st.queue_since[take]).sum())
    f["admitted_specialist"] += len(take)
    regular = take[~st.crisis[take]]
    f["region_regular_admitted"] += len(regular) + int(bg_counts.sum())
    f["region_admitted_within_norm"] += int(np.count_nonzero(w - st.queue_since[regular] <= TREEKNORM_WEEKS))
    f["region_admitted_within_norm"] += int(bg_counts[w - bg_weeks <= TREEKNORM_WEEKS].sum())


def learn_referral_rates(model: Neighbourhood) -> None:
    """At the end of each warm-up week the rest of the region learns the wijk's referral rates, and
    the region's capacity follows the demand (it buys care by need)."""
    f, region = model.flows, model.region
    if region.frozen:
        return
    region.learn(f["referral_candidates"], f["crises"] - f["crises_while_waiting"], model.st.n)
    model.set_specialist_capacity(model.p["specialist_capacity_factor"])
