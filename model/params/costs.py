"""Costs (DESIGN.md §4 mechanism 10)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Costs (§4 mechanism 10) ---
G = Group("costs")
G("cost_generalist_fte_eur", "EUR per FTE-year", 85000.0, 0.0, 300000.0,
   "assumed (CAO Sociaal Werk scale 9-10 incl. overhead)",
   "Yearly cost of one neighbourhood-team FTE.")
G("cost_specialist_week_eur", "EUR per client-week", 260.0, 0.0, 5000.0,
   "NUMBERS.md: ~EUR 11-12k per youth-care user per year",
   "Cost of one week of specialist care.")
G("cost_provision_week_eur", "EUR per client-week", 90.0, 0.0, 2000.0,
   "NUMBERS.md: ~EUR 4.6k per Wmo client per year (derived)",
   "Cost of a week of individual provisions arranged by case management.")
G("cost_developer_fte_eur", "EUR per FTE-year", 80000.0, 0.0, 300000.0,
   "assumed",
   "Yearly cost of one network developer.")
G("cost_key_facility_eur", "EUR per year per 10,000 residents", 250000.0, 0.0, 5000000.0,
   "assumed",
   "Yearly cost of running the key facility for 10,000 residents, charged in proportion to the residents simulated, as its reach and light-help places are (2,000 simulated residents of a larger wijk pay a fifth: their share). Until 2026-12-06 a fixed sum at any size.")
G("cost_flex_member_eur", "EUR per member-year", 110000.0, 0.0, 300000.0,
   "assumed",
   "Yearly cost of one flex-team member.")
G("cost_informal_hour_eur", "EUR per hour", 1.5, 0.0, 50.0,
   "assumed (volunteer support, respite care; informal help costs the municipality little)",
   "Municipal cost per informal hour.")
G("cost_bridging_week_eur", "EUR per client-week", 50.0, 0.0, 500.0,
   "assumed, wide range (bridging care while waiting, 'overbruggingszorg'; NUMBERS.md has no figure)",
   "Cost of a week of bridging care for a resident waiting for specialist care.")
G("cost_wmo_light_week_eur", "EUR per client-week", 50.0, 0.0, 1000.0,
   "NUMBERS.md: about EUR 4.6k per Wmo client a year, aids and household help included (derived); assumed about half for a light provision",
   "Cost of a week of a light Wmo provision (household help, aids, transport, day activities).")
# fmt: on

GROUPS = [G]
