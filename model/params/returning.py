"""Return to ordinary life and relapse (DESIGN.md §4 mechanism 6)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Return to ordinary life and relapse (§4 mechanism 6) ---
G = Group("return")
G("return_weeks", "weeks", 26.0, 1.0, 104.0,
   "assumed",
   "Weeks after help ends during which a resident is 'returning' and may relapse.")
G("relapse_rate", "per week", 0.012, 0.0, 0.2,
   "assumed (NUMBERS.md: not found)",
   "Weekly relapse chance of a returning resident without ties or landing place.")
G("tie_relapse_protection", "share", 0.5, 0.0, 1.0,
   "De Jong Gierveld & Van Tilburg 2007; assumed",
   "Relapse reduction for a returning resident with a protective network.")
G("protective_ties", "ties", 4.0, 1.0, 20.0,
   "De Jong Gierveld & Van Tilburg 2007 (4-5 good contacts)",
   "Number of ties that protects fully.")
G("relapse_severity", "severity", 0.6, 0.0, 1.0,
   "assumed",
   "Severity a relapsing resident's need has at least.")
# fmt: on

GROUPS = [G]
