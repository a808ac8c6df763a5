"""What a mechanism may read and change of the neighbourhood: the typed interface between the
weekly mechanisms (`wijksim.model.mechanisms`), the state transitions (`wijksim.model.transitions`)
and the model that runs them (`wijksim.model.neighbourhood.NeighbourhoodModel`, which satisfies it).

A mechanism is a function of a `Neighbourhood`; unit tests can hand it a small one made by hand.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .events import EventLog
from .network import SocialNetwork
from .region import Region
from .state import ResidentState

if TYPE_CHECKING:  # the agents import Mesa, which the app's first page does without (start-up)
    from ..agents.flex_team import FlexTeamMember
    from ..agents.generalist import Generalist
    from ..agents.key_facility import KeyFacility
    from ..agents.network_developer import NetworkDeveloper
    from ..agents.specialist import Specialist


class Neighbourhood(Protocol):
    #: Validated parameter values (the registry's names).
    p: dict[str, Any]
    #: The residents, as columns.
    st: ResidentState
    rng: np.random.Generator
    network: SocialNetwork
    #: This week's flows (counts and hours), reset every week; the indicators read them.
    flows: defaultdict[str, float]
    events: EventLog
    #: This week's severity changes, summed over the mechanisms and applied once (escalation).
    dsev: np.ndarray
    #: Ties the levers made this week, added at the next network update.
    pending_ties: list[tuple[np.ndarray, np.ndarray]]
    pending_developer_ties: list[tuple[np.ndarray, np.ndarray]]
    gp_trust: float
    #: Observe every indicator every week (False: only at the weeks the yearly summary reads).
    full_weekly_rows: bool
    #: Fixed masks, counts and rates of the population.
    adults: np.ndarray
    n_adults: int
    age_band: np.ndarray
    n_young_0_24: int
    youth_under_18: np.ndarray
    youth_care_age: np.ndarray
    individual_onset_weight: np.ndarray
    event_hazard: np.ndarray
    area_members: list[np.ndarray]
    #: The share of residents in each 10-year age band at the start (the stationary mode's target).
    age_target: np.ndarray
    #: The share of adults living alone at the start (arriving adults keep it).
    alone_target: float
    #: Loneliness: each resident's latent score this week and the cut-offs on it.
    loneliness: np.ndarray
    lonely_cut: float
    severe_cut: float
    carer_cut: float
    #: Professionals and levers.
    generalists: list[Generalist]
    generalist_fte: float
    n_generalists: int
    specialists: list[Specialist]
    #: The region's specialist slots (all domains) and the capacity factor a rebuild aims for.
    specialist_slots: int
    specialist_capacity_target: float
    #: The rest of the care region: its waiting and treated clients, and the wait now.
    region: Region
    network_developers: list[NetworkDeveloper]
    key_facility: KeyFacility | None
    flex_team: list[FlexTeamMember]

    @property
    def week(self) -> int: ...

    def generalist_capacity(self) -> np.ndarray: ...

    def generalist_load(self) -> np.ndarray: ...

    def team_skill(self) -> float: ...

    @property
    def developer_fte(self) -> float: ...

    @property
    def flex_fte(self) -> float: ...

    def set_specialist_capacity(self, factor: float) -> None: ...

    def derive_from_ages(self) -> None: ...

    def refresh_areas(self) -> None: ...

    def area_age_masks(self, area: int) -> tuple[np.ndarray, np.ndarray]: ...

    def isolated_share_by_area(self) -> np.ndarray: ...
