"""NeighbourhoodModel: the Mesa model that runs the weekly mechanisms of DESIGN.md §4.

One step is one week. Residents are columns (`ResidentState`); generalists, specialists, network
developers, flex-team members and the key facility are Mesa agents. The order of a week follows
DESIGN.md's 'one reading of a resident's week' (see docs/ODD.md, Process overview).
"""

from __future__ import annotations

import math
import pickle
from collections import defaultdict
from functools import partial
from typing import Any

import mesa
import numpy as np

from ..agents.flex_team import FlexTeamMember, coach, take_waiting
from ..agents.flex_team import admit as flex_admit
from ..agents.generalist import Generalist
from ..agents.key_facility import KeyFacility
from ..agents.network_developer import NetworkDeveloper
from ..agents.resident import Resident
from ..agents.specialist import DOMAIN_SLOT_SHARES, SPECIALIST_DOMAINS, Specialist, referral_domain
from . import indicators
from .mechanisms import (
    care,
    escalation,
    help_seeking,
    informal_support,
    life_events,
    return_relapse,
    specialist_care,
    triage,
)
from .network import SocialNetwork
from .params import STARTING_AFTER_WARM_UP, ParameterError, validate
from .population import build_population
from .state import PROVIDER_NONE, Need, Path

#: Weeks between updates of the network (tie turnover and new ties from levers).
NETWORK_UPDATE_WEEKS = 4


def _check_years(years: Any) -> None:
    if not (isinstance(years, int | float) and years > 0):
        raise ParameterError("years", years, "must be a positive number of years")


def _latest(model: NeighbourhoodModel, key: str) -> Any:
    return model.latest.get(key)  # None in weeks without full observation (sweeps)


class NeighbourhoodModel(mesa.Model):
    """A neighbourhood's support system. Keyword arguments are registry parameters
    (`wijksim params`); `rng` is the seed. `years` sets the horizon for `run()` / `running`.
    Construction runs set-up and warm-up, then starts the levers at week 0 (`_start`);
    `warmed_up` / `from_warmed_up` do the two halves separately, to share a warm-up."""

    def __init__(
        self,
        *,
        rng: int | None = None,
        years: float = 10,
        record_history: bool = True,
        full_weekly_rows: bool = True,
        _stop_after_warm_up: bool = False,
        **params: Any,
    ):
        self.p = validate(params)
        _check_years(years)
        super().__init__(rng=rng)
        self.seed = rng
        self.horizon_weeks = int(round(years * indicators.WEEKS_PER_YEAR))
        self.record_history = record_history
        #: False: every indicator (and the DataCollector) only at the weeks the yearly summary
        #: reads (sweeps); flows always.
        self.full_weekly_rows = full_weekly_rows
        self._log: list[tuple[int, np.ndarray, str]] = []
        self.flows: dict[str, float] = defaultdict(float)
        self.pending_ties: list[tuple[np.ndarray, np.ndarray]] = []
        p = self.p
        self.st, household_ties = build_population(self.rng, p)
        self.dsev = np.zeros(self.st.n, dtype=np.float32)
        self.network = SocialNetwork(self.st.n, self.st.x, self.st.y, household_ties, self.rng)
        self.network.generate(self.rng, p["mean_neighbourhood_ties"])
        self.adults = self.st.age >= 18  # ages are fixed (see docs/ODD.md), so these masks are too
        self.n_adults = int(self.adults.sum())
        self.youth_care_age = self.st.age < 23
        self.youth_under_18 = self.st.age < 18
        #: Onset of an individual rather than a social need is more likely at 75+ and under 18 (§7.1).
        self.individual_onset_weight = np.where(
            self.st.age >= 75, 3.0, np.where(self.youth_under_18, 2.5, 1.0)
        ).astype(np.float32)
        rate = self.p["life_event_rate"] / 52.0
        self.event_hazard = np.where(
            self.st.social_housing, rate * self.p["deprivation_event_multiplier"], rate
        ).astype(np.float32)
        self.n_young_0_24 = int((self.st.age < 25).sum())
        self.lonely_cut = self.severe_cut = 0.0
        self._update_loneliness()
        self.carer_cut = informal_support.CARER_MIN_HOURS
        n_areas = int(self.st.area.max()) + 1
        order = np.argsort(self.st.area, kind="stable")
        bounds = np.searchsorted(self.st.area[order], np.arange(n_areas + 1))
        self.area_members = [order[bounds[a] : bounds[a + 1]] for a in range(n_areas)]
        self._area_age_masks: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._week = -p["burn_in_weeks"]
        self._make_professionals()
        self._init_paths()
        self._warm_up()
        self._init_loneliness()
        self._init_carers()
        if not _stop_after_warm_up:
            self._start()

    @classmethod
    def warmed_up(cls, *, rng: int, record_history: bool = False, **params: Any) -> bytes:
        """The neighbourhood after its warm-up, before any lever starts (pickled): runs that differ
        only in `STARTING_AFTER_WARM_UP` can all start from it (`from_warmed_up`)."""
        return pickle.dumps(
            cls(rng=rng, record_history=record_history, _stop_after_warm_up=True, **params), protocol=5
        )

    @classmethod
    def from_warmed_up(
        cls, state: bytes, *, years: float = 10, full_weekly_rows: bool = True, **params: Any
    ) -> NeighbourhoodModel:
        """The model that `NeighbourhoodModel(rng=seed, years=years, ...)` gives, bit for bit, built
        from `warmed_up(rng=seed, ...)` of parameters that differ at most in `STARTING_AFTER_WARM_UP`."""
        model = pickle.loads(state)
        p = validate(params)
        differ = sorted(k for k in p if p[k] != model.p[k] and k not in STARTING_AFTER_WARM_UP)
        if differ:
            raise ValueError(f"the warmed-up neighbourhood was made with other values of {', '.join(differ)}")
        _check_years(years)
        model.p.update(p)  # the same dict: the agents made so far read it too
        model.horizon_weeks = int(round(years * indicators.WEEKS_PER_YEAR))
        model.full_weekly_rows = full_weekly_rows
        model._start()
        return model

    def _start(self) -> None:
        """Week 0: the levers start and observation begins."""
        self._make_levers()
        self.flows = defaultdict(float)
        self.latest = indicators.weekly_row(self)
        self.weekly_rows = [self.latest]
        self.datacollector = mesa.DataCollector(
            model_reporters={k: partial(_latest, key=k) for k in indicators.HEADLINE}
        )
        self.datacollector.collect(self)
        self.running = self.horizon_weeks > 0

    # --- set-up ------------------------------------------------------------------------------
    def _init_carers(self) -> None:
        """Hours each resident gives at the start, and the cut-off on them that gives the starting
        share of informal carers (as for loneliness: the level is observed, the change is modelled)."""
        st, p = self.st, self.p
        adults = st.age >= 18
        if p["burn_in_weeks"] == 0:
            st.care_given_avg[:] = informal_support.allocate(self)[1]
        if p["survey_shares_from_demography"]:
            self.carer_cut = p["carer_min_hours"]
            return
        share = p["initial_informal_carer_share"]
        hours = st.care_given_avg[adults]
        positive = hours[hours > 0]
        if len(positive) == 0 or share <= 0:
            self.carer_cut = informal_support.CARER_MIN_HOURS
        else:
            cut = float(np.quantile(hours, 1 - share)) if share < 1 else 0.0
            self.carer_cut = max(cut, float(positive.min()), 0.05)

    def _init_paths(self) -> None:
        """Residents whose need already passes their threshold start known to services, on the
        path their need kind gets, within capacity, part-way through an episode (no warm-up burst)."""
        st, p, rng = self.st, self.p, self.rng
        needy = st.need.nonzero()[0]
        above = needy[
            help_seeking.unmet_severity(self, needy) > help_seeking.effective_threshold(self, needy)
        ]
        above = rng.permutation(above)
        free = np.floor(self.generalist_capacity()).astype(np.int64)
        owners = np.repeat(np.arange(len(free)), free)
        used = 0.0
        lengths = {
            Need.SOCIAL: (Path.LIGHT_HELP, p["light_help_weeks"], 1.0),
            Need.INDIVIDUAL: (
                Path.CASE_MANAGEMENT,
                p["case_management_weeks"],
                p["case_management_slot_weight"],
            ),
            Need.COMPLEX: (Path.COMBINED_TEAM, p["combined_team_weeks"], p["combined_team_slots"]),
        }
        spec_free = self.specialist_slots
        for i in above:
            kind = int(st.need[i])
            if kind == Need.COMPLEX and spec_free > 0 and st.severity[i] > 0.5:
                spec_free -= 1
                st.path[i], st.provider[i] = Path.SPECIALIST_CARE, -1
                st.path_end[i] = self.week + int(rng.integers(1, max(2, int(p["specialist_weeks"]))))
                st.specialist_domain[i] = referral_domain(rng, st.age[i : i + 1], st.need[i : i + 1])[0]
                continue
            path, weeks, slots = lengths[kind]
            if used + slots > len(owners):
                continue
            st.path[i], st.provider[i], st.slots[i] = path, owners[int(used)], slots
            st.path_end[i] = self.week + int(rng.integers(1, max(2, int(weeks))))
            used += slots
        st.return_need[:] = st.need

    def threshold_reduction(self, idx: np.ndarray) -> np.ndarray:
        """How much lower residents idx's help-seeking threshold is (key facility, introduction, youth)."""
        st, p = self.st, self.p
        r = np.where(st.introduced[idx], p["introduction_threshold_reduction"], 0.0)
        r += np.where(self.youth_under_18[idx], p["youth_threshold_reduction"], 0.0)
        if self.key_facility is not None:
            r += np.where(st.in_reach[idx], p["key_facility_threshold_reduction"], 0.0)
        return r

    def _init_loneliness(self) -> None:
        """Cut-offs on the latent score that give the starting shares of (severely) lonely adults."""
        score = self.loneliness[self.adults]
        p = self.p
        if p["survey_shares_from_demography"]:  # levels predicted, not matched (docs/calibration.md)
            self.lonely_cut = p["loneliness_score_cut"]
            self.severe_cut = p["severe_loneliness_score_cut"]
        elif len(score):
            self.lonely_cut = float(np.quantile(score, 1 - p["initial_lonely_share"]))
            self.severe_cut = float(np.quantile(score, 1 - p["initial_severely_lonely_share"]))
        self.st.lonely[:] = (self.loneliness > self.lonely_cut) & self.adults

    def _make_professionals(self) -> None:
        p = self.p
        self.generalists: list[Generalist] = []
        self._team_skill: tuple[tuple[float, ...], float] = ((), 0.0)
        self.set_neighbourhood_team(p["neighbourhood_team_factor"])
        self.specialists = [Specialist(self, d, 0) for d in SPECIALIST_DOMAINS]
        self.set_specialist_capacity(p["specialist_capacity_factor"])
        self.network_developers: list[NetworkDeveloper] = []
        self.key_facility: KeyFacility | None = None
        self.flex_team: list[FlexTeamMember] = []

    def set_neighbourhood_team(self, factor: float) -> None:
        """Set the team to `factor` times its normal size, also mid-run (e.g. the 2015
        decentralisation in docs/calibration.md). A team only grows mid-run: workers keep their cases."""
        p, n = self.p, self.st.n
        fte = n / p["residents_per_generalist"] * factor
        n_gen = math.ceil(fte - 1e-9) if fte > 0 else 0
        if n_gen < len(self.generalists):
            raise ValueError("the neighbourhood team can grow mid-run, not shrink")
        per = p["generalist_caseload"] * fte / n_gen if n_gen else 0.0
        for g in self.generalists:
            g.capacity = per
        while len(self.generalists) < n_gen:
            self.generalists.append(Generalist(self, per, p["initial_generalist_skill"]))
        self.p["neighbourhood_team_factor"] = factor
        self.generalist_fte = fte
        self.n_generalists = n_gen
        self._capacity = None  # generalists' case slots, recomputed when the team changes

    def set_specialist_capacity(self, factor: float) -> None:
        """Set specialist treatment slots to `factor` times normal, also mid-run: residents in care
        finish their episodes; admissions wait until occupancy is below the new number."""
        total = self.st.n * self.p["specialist_slots_per_1000"] / 1000 * factor
        for specialist, share in zip(self.specialists, DOMAIN_SLOT_SHARES, strict=True):
            specialist.slots = int(round(total * share))
        self.p["specialist_capacity_factor"] = factor
        self.specialist_slots = sum(s.slots for s in self.specialists)

    def _make_levers(self) -> None:
        p = self.p
        if p["network_developers"]:
            isolated = self.isolated_share_by_area()
            ranked = list(np.argsort(-isolated))
            for i in range(p["network_developers"]):
                self.network_developers.append(NetworkDeveloper(self, int(ranked[i % len(ranked)])))
        self.key_facility = KeyFacility(self) if p["key_facility"] else None
        self.flex_team = [FlexTeamMember(self) for _ in range(p["flex_team"])]

    # --- the week ------------------------------------------------------------------------------
    @property
    def week(self) -> int:
        """The current week: 1..horizon in the run, -burn_in+1..0 during the warm-up."""
        return self._week

    def _warm_up(self) -> None:
        """Run `burn_in_weeks` before week 0 (weeks -B+1..0) so starting states settle."""
        weeks = self.p["burn_in_weeks"]
        for k in range(weeks):
            self._week = k - weeks + 1
            self._weekly_mechanisms()
        self._week = 0
        self.st.provision_h1[:] = False

    def step(self) -> None:
        self._week = self.steps
        self._weekly_mechanisms()
        indicators.update_provision_flags(self)  # (8)
        self.latest = indicators.weekly_row(self)
        self.weekly_rows.append(self.latest)
        if self.full_weekly_rows or indicators.reporting_week(self.week):
            self.datacollector.collect(self)
        if self.week >= self.horizon_weeks:
            self.running = False

    def _weekly_mechanisms(self) -> None:
        self.flows = defaultdict(float)
        life_events.life_events(self)  # (1)
        informal_support.informal_support(self)  # (2)
        life_events.natural_course(self)
        help_seeking.help_seeking(self)  # (3)
        if self.key_facility is not None:
            self.key_facility.step()
            self.key_facility.serve_light_needs()
        triage.triage(self)  # (4)
        specialist_care.admit(self)  # (5)
        if self.flex_team:
            take_waiting(self)
        coach(self)
        care.care_effects(self)
        escalation.apply_severity(self)
        care.end_episodes(self)  # (6)
        return_relapse.relapse(self)
        for developer in self.network_developers:  # (7)
            developer.step()
        self._activation_decay()
        if self.week % NETWORK_UPDATE_WEEKS == 0:
            self._update_network()
        self._update_loneliness()

    def _update_loneliness(self) -> None:
        self.loneliness = indicators.loneliness_score(self)
        self.st.lonely[:] = (self.loneliness > self.lonely_cut) & self.adults

    def run(self) -> None:
        while self.running:
            self.step()

    def _activation_decay(self) -> None:
        act = self.st.activated.nonzero()[0]
        if len(act):
            stop = act[self.rng.random(len(act)) < self.p["activation_decay_rate"] / 52.0]
            self.st.activated[stop] = False
            self.st.volunteer[stop] = False

    def _update_network(self) -> None:
        self.network.turnover(self.rng, self.p["tie_decay_rate"], NETWORK_UPDATE_WEEKS)
        for u, v in self.pending_ties:
            self.network.add_ties(u, v)
        self.pending_ties = []

    # --- shared operations used by the mechanisms -------------------------------------------
    def log(self, idx: np.ndarray, event: str) -> None:
        if self.record_history and len(idx):
            self._log.append((self.week, np.asarray(idx, dtype=np.int32).copy(), event))

    def history(self, i: int) -> list[dict]:
        out = []
        for week, idx, event in self._log:
            if np.any(idx == i):
                out.append({"week": week, "event": event})
        return out

    def resident(self, i: int) -> Resident:
        return Resident(self, i)

    def start_need(self, idx: np.ndarray, kind: Any, severity: float) -> None:
        if len(idx):
            self.st.need[idx] = kind
            self.st.severity[idx] = severity
            self.log(idx, "life event: new need")

    def set_path(
        self,
        idx: np.ndarray,
        path: int,
        end: Any = None,
        provider: int | None = None,
        event: str | None = None,
    ) -> None:
        if len(idx) == 0:
            return
        st = self.st
        st.path[idx] = path
        st.path_since[idx] = self.week
        if end is not None:
            st.path_end[idx] = end
        if provider is not None:
            st.provider[idx] = provider
        if self.record_history:
            self.log(idx, event or f"path: {Path.key(path).replace('_', ' ')}")

    def join_generalist_queue(self, idx: np.ndarray, event: str | None = None) -> None:
        self.st.queue_since[idx] = self.week
        self.set_path(idx, Path.WAITING_GENERALIST, event=event or "sought help")

    def record_intake(self, idx: np.ndarray, provider: np.ndarray, slots: np.ndarray) -> None:
        self.st.provider[idx] = provider
        self.st.slots[idx] = slots

    def release(self, idx: np.ndarray) -> None:
        """End whatever a generalist or the facility held for these residents."""
        self.st.slots[idx] = 0.0
        self.st.provider[idx] = PROVIDER_NONE

    def refer_to_specialist(self, idx: np.ndarray, crisis: bool = False) -> None:
        if len(idx) == 0:
            return
        st = self.st
        if crisis:
            self.release(idx)
        else:
            held = idx[st.provider[idx] >= 0]
            # The generalist keeps the case, in too-light help, while it waits (§7.5).
            st.slots[held] = self.p["case_management_slot_weight"]
        st.crisis[idx] = crisis
        st.queue_since[idx] = self.week
        st.specialist_domain[idx] = referral_domain(self.rng, st.age[idx], st.need[idx])
        self.flows["heavy_care_referrals"] += len(idx)
        self.set_path(
            idx,
            Path.WAITING_SPECIALIST,
            event="crisis: referred to specialist care" if crisis else "referred to specialist care",
        )

    def refer_onwards(self, idx: np.ndarray) -> None:
        """Severe cases go to the flex team while it has room, else to regional specialists."""
        if len(idx) == 0:
            return
        rest = flex_admit(self, idx) if self.flex_team else idx
        self.refer_to_specialist(rest)

    def hand_back(self, idx: np.ndarray) -> None:
        """Specialist or flex care ends with an individual need left: case management if a
        generalist has room (routing, §5.3), otherwise home, to ask again when needed."""
        if len(idx) == 0:
            return
        free = np.floor(np.maximum(self.generalist_capacity() - self.generalist_load(), 0)).astype(np.int64)
        owners = np.repeat(np.arange(len(free)), free)
        n = min(len(owners), len(idx))
        cm = idx[:n]
        self.record_intake(cm, owners[:n], np.full(n, self.p["case_management_slot_weight"], np.float32))
        self.set_path(
            cm,
            Path.CASE_MANAGEMENT,
            end=self.week + int(self.p["case_management_weeks"]),
            event="handed back to case management",
        )
        self.start_return(idx[n:])

    def start_return(self, idx: np.ndarray) -> None:
        self.release(idx)
        self.set_path(idx, Path.RETURNING, event="returning to ordinary life")

    # --- professional state as arrays --------------------------------------------------------
    def generalist_capacity(self) -> np.ndarray:
        if self._capacity is None:
            self._capacity = np.array([g.capacity for g in self.generalists], dtype=float)
        return self._capacity

    def team_skill(self) -> float:
        """The team's mean skill (0 without a team); recomputed only when a skill changed."""
        skills = tuple(g.skill for g in self.generalists)
        if skills != self._team_skill[0]:
            self._team_skill = (skills, float(np.mean(skills)) if skills else 0.0)
        return self._team_skill[1]

    def generalist_load(self) -> np.ndarray:
        st = self.st
        held = st.provider >= 0
        return np.bincount(st.provider[held], weights=st.slots[held], minlength=self.n_generalists)

    def area_age_masks(self, area: int) -> tuple[np.ndarray, np.ndarray]:
        """(adults, aged 12 and over) among an area's members; ages do not change during a run."""
        if area not in self._area_age_masks:
            age = self.st.age[self.area_members[area]]
            self._area_age_masks[area] = (age >= 18, age >= 12)
        return self._area_age_masks[area]

    def isolated_share_by_area(self) -> np.ndarray:
        iso = (self.network.degree == 0).astype(float)
        counts = np.bincount(
            self.st.area, minlength=len(self.area_members) if hasattr(self, "area_members") else 0
        )
        return np.bincount(self.st.area, weights=iso, minlength=len(counts)) / np.maximum(counts, 1)
