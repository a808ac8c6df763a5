"""Network developers (§6.5, §5.2, §6.3)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Network developers (§6.5, §5.2, §6.3) ---
G = Group("network developers")
G("developer_ties_per_week", "ties per FTE-week", 3.0, 0.0, 50.0,
   "§6.5; assumed",
   "Introductions between vulnerable and vital residents a developer makes per week at full build-up.")
G("developer_activations_per_week", "residents per FTE-week", 1.5, 0.0, 50.0,
   "§6.3 (professional hour yields citizen hours); assumed",
   "Residents a developer activates to help per week at full build-up.")
G("developer_build_up_years", "years", 2.0, 0.1, 10.0,
   "§6.5 ('a few years' before mutual help takes off)",
   "Time scale on which a developer's effect in an area builds up.")
G("developer_area_size", "residents", 2500.0, 200.0, 50000.0,
   "assumed",
   "Residents in one developer's area of work.")
G("self_sustaining_isolated_share", "share", 0.015, 0.0, 1.0,
   "§6.5 (move on when the area carries itself); assumed",
   "Isolated share in an area at or below which it carries itself and its developer moves on to the area with the most isolation.")
G("activation_decay_rate", "per year", 0.1, 0.0, 1.0,
   "assumed",
   "Yearly chance an activated resident stops helping.")
G("introduction_threshold_reduction", "severity", 0.1, 0.0, 1.0,
   "§4 mechanism 3; assumed",
   "Fall in the help-seeking threshold of a resident a network developer introduced.")
G("developer_vulnerable_max_ties", "ties", 2, 0, 20,
   "§5.2 (isolated residents first); assumed",
   "Residents with at most this many ties count as vulnerable for a developer's introductions.", int)
G("developer_min_age", "years", 12.0, 0.0, 18.0,
   "assumed",
   "Youngest age of residents a developer introduces or matches with a buddy.")
G("developer_check_weeks", "weeks", 4, 1, 52,
   "assumed",
   "Weeks between a developer's checks whether the area carries itself.", int)
# fmt: on

GROUPS = [G]
