"""NeighbourhoodModel: the Mesa model that builds a neighbourhood and runs its week.

One step is one week. Residents are columns (`ResidentState`); generalists, specialists, network
developers, flex-team members and the key facility are Mesa agents (`wijksim.agents`). What happens
in a week is the mechanisms of DESIGN.md §4, one module each in `wijksim.model.mechanisms`, run in
the order of `WEEK` (docs/ODD.md, Process overview); the state changes they share are in
`wijksim.model.transitions`.
"""

from __future__ import annotations

import math
import pickle
from collections import defaultdict
from functools import partial
from typing import Any

import mesa
import numpy as np

from ..agents.flex_team import FlexTeamMember
from ..agents.generalist import Generalist
from ..agents.key_facility import KeyFacility
from ..agents.network_developer import NetworkDeveloper
from ..agents.resident import Resident
from ..agents.specialist import Specialist
from . import indicators, policy, starting_state
from .codes import WEEKS_PER_YEAR, band_of
from .events import EventLog
from .indicators.registry import AGE_BANDS
from .mechanisms import (
    care,
    demography,
    escalation,
    flex_team,
    help_seeking,
    informal_support,
    key_facility,
    life_events,
    loneliness,
    network_developers,
    return_relapse,
    specialist_care,
    triage,
    wmo_light,
)
from .network import SocialNetwork
from .params import STARTING_AFTER_WARM_UP, ParameterError, validate
from .population import build_population
from .region import Region
from .transitions import DOMAIN_SLOT_SHARES, SPECIALIST_DOMAINS

AGE_BAND_STARTS = np.array([start for _, start, _ in AGE_BANDS], dtype=np.float32)

#: The week, in order (DESIGN.md's 'one reading of a resident's week'; docs/ODD.md explains where
#: and why the order differs from it). Each step is a function of the model.
WEEK = (
    life_events.life_events,  # life events raise severity and start needs
    informal_support.informal_support,  # support flows along ties; helpers' own need falls
    life_events.natural_course,  # unmet needs drift, faster while waiting
    help_seeking.help_seeking,  # crises, help requests, the GP route
    wmo_light.wmo_light,  # light Wmo provisions (household help, aids): asked for, granted, ended
    key_facility.key_facility,  # meeting place, signalling, light help without referral
    triage.triage,  # generalists take requests within capacity and route them
    specialist_care.admit,  # specialists admit from the waiting list
    flex_team.intake,  # the flex team takes waiting cases, then cases before referral
    flex_team.coach,  # coaching raises skill; without it skill drifts back
    help_seeking.update_gp_trust,  # the GP's trust in the team follows its record
    care.care_effects,  # what each path does to severity
    escalation.apply_severity,  # the week's severity changes; needs move up or down a kind
    care.end_episodes,  # help that ends: return, hand back, refer onwards
    return_relapse.relapse,  # returning residents settle or relapse
    network_developers.network_developers,  # introductions, activation, moving on
    demography.demography,  # every 12 weeks: ageing, deaths, long-term care, moves, births, in-movers
    specialist_care.learn_referral_rates,  # during the warm-up: the rest of the region learns the rates
)


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

    generalists: list[Generalist]
    region: Region
    specialist_capacity_target: float
    specialists: list[Specialist]
    network_developers: list[NetworkDeveloper]
    key_facility: KeyFacility | None
    flex_team: list[FlexTeamMember]

    def __init__(
        self,
        *,
        rng: int | None = None,
        years: float = 10,
        record_history: bool = True,
        full_weekly_rows: bool = True,
        changes: Any = (),
        _stop_after_warm_up: bool = False,
        **params: Any,
    ):
        self.p = validate(params)
        _check_years(years)
        #: Policy that changes during the run: week -> [(parameter, value)] (`model/policy.py`).
        self.changes = policy.schedule(changes, years)
        super().__init__(rng=rng)
        self.seed = rng
        self.horizon_weeks = int(round(years * WEEKS_PER_YEAR))
        #: False: every indicator (and the DataCollector) only at the weeks the yearly summary
        #: reads (sweeps); flows always.
        self.full_weekly_rows = full_weekly_rows
        self.events = EventLog(enabled=record_history)
        self.flows: defaultdict[str, float] = defaultdict(float)
        self.pending_ties: list[tuple[np.ndarray, np.ndarray]] = []
        self.pending_developer_ties: list[tuple[np.ndarray, np.ndarray]] = []
        p = self.p
        self.st, household_ties = build_population(self.rng, p)
        self.dsev = np.zeros(self.st.n, dtype=np.float32)
        self.network = SocialNetwork(self.st.n, self.st.x, self.st.y, household_ties, self.rng, p)
        self.network.generate(self.rng, p["mean_neighbourhood_ties"])
        self.n_areas = int(self.st.area.max()) + 1
        self.refresh_areas()
        self.derive_from_ages()
        self.lonely_cut = self.severe_cut = 0.0
        loneliness.update_loneliness(self)
        self.carer_cut = p["carer_fallback_hours"]
        #: Stationary demography keeps the age structure of the start (by 10-year band).
        self.age_target = demography.age_target(self.st.age)
        self.alone_target = float(self.st.lives_alone[self.adults].mean()) if self.n_adults else 0.0
        self._week = -p["burn_in_weeks"]
        self._make_professionals()
        if p["settled_start"]:
            starting_state.settle_lasting_needs(self)
        starting_state.initial_paths(self)
        starting_state.match_loneliness(self)  # the warm-up runs with the starting level of loneliness
        self._warm_up()
        starting_state.match_loneliness(self)
        starting_state.match_carers(self)
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
        cls,
        state: bytes,
        *,
        years: float = 10,
        full_weekly_rows: bool = True,
        changes: Any = (),
        **params: Any,
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
        model.horizon_weeks = int(round(years * WEEKS_PER_YEAR))
        model.full_weekly_rows = full_weekly_rows
        model.changes = policy.schedule(changes, years)
        model._start()
        return model

    def _start(self) -> None:
        """Week 0: the levers start and observation begins; the rest of the region keeps the
        referral rates it learnt from the wijk before any lever."""
        self.region.frozen = True
        self.network_developers = network_developers.start(self)
        self.key_facility = key_facility.open_facility(self) if self.p["key_facility"] else None
        self.flex_team = flex_team.start(self)
        self.flows = defaultdict(float)
        self.latest = indicators.weekly_row(self)
        self.weekly_rows = [self.latest]
        self.datacollector = mesa.DataCollector(
            model_reporters={k: partial(_latest, key=k) for k in indicators.HEADLINE}
        )
        self.datacollector.collect(self)
        self.running = self.horizon_weeks > 0

    def derive_from_ages(self) -> None:
        """Masks, counts and rates that follow from residents' ages and housing: at set-up, after
        every change of residents (`mechanisms/demography.py`) and after a test sets ages by hand."""
        st, p = self.st, self.p
        self.adults = st.age >= 18
        self.n_adults = int(self.adults.sum())
        #: Each resident's band of `by_age` (`indicators.registry.AGE_BANDS`).
        self.age_band = band_of(AGE_BAND_STARTS, st.age) - 1
        self.youth_care_age = st.age < 23
        self.youth_under_18 = st.age < 18
        #: Onset of an individual rather than a social need is more likely at 75+ and under 18 (§7.1).
        self.individual_onset_weight = np.where(
            st.age >= 75,
            p["individual_onset_weight_75_plus"],
            np.where(self.youth_under_18, p["individual_onset_weight_under_18"], 1.0),
        ).astype(np.float32)
        rate = p["life_event_rate"] / WEEKS_PER_YEAR
        self.event_hazard = np.where(
            st.social_housing, rate * p["deprivation_event_multiplier"], rate
        ).astype(np.float32)
        self.n_young_0_24 = int((st.age < 25).sum())
        self._area_age_masks: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def refresh_areas(self) -> None:
        """The residents of each developer's area (after residents came and went)."""
        order = np.argsort(self.st.area, kind="stable")
        bounds = np.searchsorted(self.st.area[order], np.arange(self.n_areas + 1))
        self.area_members = [order[bounds[a] : bounds[a + 1]] for a in range(self.n_areas)]
        self._area_age_masks = {}

    # --- professionals ---------------------------------------------------------------------
    def _make_professionals(self) -> None:
        p = self.p
        self.generalists = []
        self._team_skill: tuple[tuple[float, ...], float] = ((), 0.0)
        self.set_neighbourhood_team(p["neighbourhood_team_factor"])
        self.specialists = [Specialist(self, d, 0) for d in SPECIALIST_DOMAINS]
        self.region = Region(others=max(0, p["region_residents"] - self.st.n))
        self.specialist_capacity_target = p["specialist_capacity_factor"]
        self.set_specialist_capacity(p["specialist_capacity_factor"])
        self.network_developers = []
        self.key_facility = None
        self.flex_team = []
        #: The GP's trust in the neighbourhood team, 0-1 (`help_seeking.update_gp_trust`).
        self.gp_trust = 0.0

    def set_neighbourhood_team(self, factor: float) -> None:
        """Set the team to `factor` times its normal size, also mid-run (e.g. the 2015
        decentralisation in docs/calibration.md); workers keep their cases when it shrinks."""
        p, n = self.p, self.st.n
        fte = n / p["residents_per_generalist"] * factor
        n_gen = math.ceil(fte - 1e-9) if fte > 0 else 0
        per = p["generalist_caseload"] * fte / n_gen if n_gen else 0.0
        while len(self.generalists) < n_gen:
            self.generalists.append(Generalist(self, per, p["initial_generalist_skill"]))
        for i, g in enumerate(self.generalists):  # a smaller team: the rest keep their cases, take no new
            g.capacity = per if i < n_gen else 0.0
        self.p["neighbourhood_team_factor"] = factor
        self.generalist_fte = fte
        self.n_generalists = len(self.generalists)
        self._capacity: np.ndarray | None = None  # generalists' case slots, recomputed when the team changes

    def set_specialist_capacity(self, factor: float) -> None:
        """Set the region's specialist treatment slots to `factor` times normal, also mid-run:
        clients in care finish their episodes; admissions wait until occupancy is below the new
        number. (A raised target is approached over years: `mechanisms.specialist_care.rebuild`.)
        The region buys care by need: once it has learnt its demand, its places are
        `specialist_capacity_per_demand` times the places demanded; before, `specialist_slots_per_1000`."""
        p, region = self.p, self.region
        if region.learnt:
            total = p["specialist_capacity_per_demand"] * region.places_demanded(
                self.st.n, p["specialist_weeks"]
            )
        else:
            total = (self.st.n + region.others) * p["specialist_slots_per_1000"] / 1000
        total *= factor
        for specialist, share in zip(self.specialists, DOMAIN_SLOT_SHARES, strict=True):
            specialist.slots = int(round(total * self.p[share]))
        self.p["specialist_capacity_factor"] = factor
        self.specialist_slots = sum(s.slots for s in self.specialists)

    def generalist_capacity(self) -> np.ndarray:
        if self._capacity is None:
            self._capacity = np.array([g.capacity for g in self.generalists], dtype=float)
        return self._capacity

    def generalist_load(self) -> np.ndarray:
        st = self.st
        held = st.provider >= 0
        return np.bincount(st.provider[held], weights=st.slots[held], minlength=self.n_generalists)

    def team_skill(self) -> float:
        """The team's mean skill (0 without a team); recomputed only when a skill changed."""
        skills = tuple(g.skill for g in self.generalists)
        if skills != self._team_skill[0]:
            self._team_skill = (skills, float(np.mean(skills)) if skills else 0.0)
        return self._team_skill[1]

    @property
    def developer_fte(self) -> float:
        return float(sum(d.fte for d in self.network_developers))

    @property
    def flex_fte(self) -> float:
        return float(sum(m.fte for m in self.flex_team))

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
            if self._week % self.p["network_update_weeks"] == 0:
                # Lonely adults ask for companionship, which makes them less lonely: the cut-offs
                # follow that loop during the warm-up, so the share starts where it stays.
                starting_state.match_loneliness(self)
        self._week = 0
        self.st.provision_h1[:] = False

    def step(self) -> None:
        self._week = self.steps
        for name, value in self.changes.get(self._week, ()):
            policy.apply(self, name, value)
        self._weekly_mechanisms()
        indicators.update_provision_flags(self)
        self.latest = indicators.weekly_row(self)
        self.weekly_rows.append(self.latest)
        if self.full_weekly_rows or indicators.reporting_week(self.week):
            self.datacollector.collect(self)
        if self.week >= self.horizon_weeks:
            self.running = False

    def _weekly_mechanisms(self) -> None:
        self.flows = defaultdict(float)
        for mechanism in WEEK:
            mechanism(self)
        if self.week % self.p["network_update_weeks"] == 0:
            self._update_network()
        loneliness.update_loneliness(self)

    def run(self) -> None:
        while self.running:
            self.step()

    def _update_network(self) -> None:
        """Ties lapse and form anew (an equilibrium); developers' ties fade unless kept going; the
        ties the levers made join the network."""
        self.network.turnover(self.rng, self.p["tie_decay_rate"], self.p["network_update_weeks"])
        network_developers.fade_ties(self)
        for u, v in self.pending_ties:
            self.network.add_ties(u, v)
        for u, v in self.pending_developer_ties:
            self.network.add_lever_ties(u, v)
        self.pending_ties = []
        self.pending_developer_ties = []

    # --- views -----------------------------------------------------------------------------------
    def resident(self, i: int) -> Resident:
        return Resident(self, i)

    def history(self, i: int) -> list[dict]:
        """Resident i's recorded events (`record_history`): [{'week': w, 'event': text}, ...]."""
        return self.events.of(i)

    def area_age_masks(self, area: int) -> tuple[np.ndarray, np.ndarray]:
        """(adults, old enough for a developer's introductions) among an area's members, cached until
        ages next change (`derive_from_ages` clears it)."""
        if area not in self._area_age_masks:
            age = self.st.age[self.area_members[area]]
            self._area_age_masks[area] = (age >= 18, age >= self.p["developer_min_age"])
        return self._area_age_masks[area]

    def isolated_share_by_area(self) -> np.ndarray:
        iso = (self.network.degree == 0).astype(float)
        counts = np.bincount(
            self.st.area, minlength=len(self.area_members) if hasattr(self, "area_members") else 0
        )
        return np.bincount(self.st.area, weights=iso, minlength=len(counts)) / np.maximum(counts, 1)
