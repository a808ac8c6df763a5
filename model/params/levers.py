"""The levers: the user's switches, off (or at 1x) in the baseline."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Levers (the user's switches; off in the baseline) ---
G = Group("levers")
G("network_developers", "FTE", 0.0, 0.0, 50.0,
   "§6.5 (sociale netwerkontwikkelaar), §5.2 'Even Buurten'",
   "Social network developers working in the neighbourhood, in FTE (fractions allowed: a small wijk gets part of one; 0 = lever off). The app and the pattern report set it per 10,000 residents.", float, True,
   after_warm_up=True, label=("Netwerkontwikkelaars (fte per 10.000 inwoners)", "Network developers (FTE per 10,000 residents)"), app_range=(0.0, 5.0, 0.5))
G("key_facility", "on/off", False, False, True,
   "§6.4 (sleutelvoorziening)",
   "Whether one bundled, recognisable local place (hub, broad school, village house) exists.", bool, True,
   after_warm_up=True, label=("Sleutelvoorziening", "Key facility"))
G("flex_team", "members", 0.0, 0.0, 50.0,
   "§6.5 (specialistisch flexteam); §9.2 (pilot results)",
   "Specialists deployed locally for short matched care and coaching, in full-time members (fractions allowed; 0 = lever off). The app and the pattern report set it per 10,000 residents.", float, True,
   after_warm_up=True, label=("Flexteam (leden per 10.000 inwoners)", "Flex team (members per 10,000 residents)"), app_range=(0.0, 5.0, 0.5))
G("specialist_capacity_factor", "factor", 1.0, 0.0, 3.0,
   "§7.5 (Danish cut in specialist capacity)",
   "Multiplier on specialist treatment slots (1 = normal, 0.5 halves them).", float, True,
   label=("Capaciteit specialistische zorg (1 = zoals nu)", "Specialist care capacity (1 = as now)"), app_range=(0.0, 2.0, 0.1))
G("neighbourhood_team_factor", "factor", 1.0, 0.0, 3.0,
   "§4.2, §6.5; NUMBERS.md (87% of municipalities had teams in 2015)",
   "Multiplier on generalist capacity (0 = no neighbourhood team: GP refers straight to specialist care).", float, True,
   label=("Capaciteit wijkteam (1 = zoals nu)", "Neighbourhood team capacity (1 = as now)"), app_range=(0.0, 2.0, 0.1))
# fmt: on

GROUPS = [G]
