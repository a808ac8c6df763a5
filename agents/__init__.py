"""The agents: residents (a view onto the population columns) and the professionals and levers."""

from .flex_team import FlexTeamMember
from .generalist import Generalist
from .key_facility import KeyFacility
from .network_developer import NetworkDeveloper
from .resident import Resident
from .specialist import SPECIALIST_DOMAINS, Specialist

__all__ = [
    "FlexTeamMember",
    "Generalist",
    "KeyFacility",
    "NetworkDeveloper",
    "Resident",
    "SPECIALIST_DOMAINS",
    "Specialist",
]
