"""The key facility (§6.4)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Key facility (§6.4) ---
G = Group("key facility")
G("key_facility_reach", "share", 0.5, 0.0, 1.0,
   "§6.4; assumed",
   "Share of residents living near enough to the key facility to use it (those nearest to it); of them, only those who know it are within reach.")
G("key_facility_known_share_start", "share", 0.3, 0.0, 1.0,
   "§6.4 (a place becomes recognisable over time); assumed",
   "Share of the residents living near the key facility who know and use it when it opens.")
G("key_facility_reach_build_up_years", "years", 3.0, 0.1, 20.0,
   "§6.4, §6.5 ('a few years'); assumed",
   "Time scale on which the share who know the facility grows from key_facility_known_share_start towards all who live near.")
G("key_facility_tie_rate", "ties per 1,000 in reach per week", 2.0, 0.0, 50.0,
   "§6.4 (meeting place); assumed",
   "Extra tie formation among residents within reach.")
G("key_facility_threshold_reduction", "severity", 0.15, 0.0, 1.0,
   "§6.4 (near, recognisable); assumed",
   "Fall in the help-seeking threshold for residents within reach.")
G("key_facility_signalling_rate", "per week", 0.03, 0.0, 1.0,
   "§6.4 (early signalling); assumed",
   "Weekly chance a hidden need within reach is signalled and offered help.")
G("key_facility_light_slots", "cases per 1,000 in reach", 4.0, 0.0, 50.0,
   "§6.4 (functions under one roof); assumed",
   "Light-help places at the facility, without referral.")
G("landing_place_relapse_reduction", "share", 0.4, 0.0, 1.0,
   "§Capita selecta (landing place); assumed",
   "Relapse reduction for returning residents within reach.")
# fmt: on

GROUPS = [G]
