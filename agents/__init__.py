"""The agents: residents (a view onto the population columns) and the professionals and levers.

Agent classes hold the state that differs per agent; what they do each week lives in the model's
mechanisms (`wijksim.model.mechanisms`), which the model runs in a fixed weekly order.
"""

from .flex_team import FlexTeamMember
from .generalist import Generalist
from .key_facility import KeyFacility
from .network_developer import NetworkDeveloper
from .resident import Resident
from .specialist import Specialist

__all__ = ["FlexTeamMember", "Generalist", "KeyFacility", "NetworkDeveloper", "Resident", "Specialist"]
