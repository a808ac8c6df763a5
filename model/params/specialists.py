"""Specialist care and waiting (§7, §7.5)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Specialists and waiting (§7, §7.5) ---
G = Group("specialists")
G("specialist_slots_per_1000", "slots per 1,000 residents", 13.0, 0.5, 100.0,
   "assumed; anchored on youth care 7.3 per 100 aged 0-24 (NUMBERS.md)",
   "Specialist treatment slots per 1,000 residents.",
   per_wijk=True)
G("specialist_weeks", "weeks", 30.0, 4.0, 156.0,
   "NUMBERS.md (GGZ 51% recovered after 1 year); assumed",
   "Mean length of a specialist trajectory.")
G("specialist_effect", "severity per week", 0.03, 0.0, 0.3,
   "van Straten et al. 2006 (NUMBERS.md); assumed scale",
   "Weekly severity reduction in specialist care.")
G("crisis_cost_eur", "EUR per crisis", 6000.0, 0.0, 100000.0,
   "assumed; NJi: multi-problem family EUR 40-114k/year",
   "Cost of one crisis intervention.")
G("specialist_effect_social_share", "share", 0.5, 0.0, 1.0,
   "§5.5 (overkill: a heavier path than the need asks for); assumed",
   "Effect of specialist care on a social need, as a share of its effect on an individual need.")
G("specialist_effect_complex_share", "share", 0.8, 0.0, 1.0,
   "§5.4 (a specialist treats one domain of several); assumed",
   "Effect of specialist care on a complex need, as a share of its effect on an individual need.")
G("complex_stay_share", "share", 0.5, 0.0, 1.0,
   "§5.4 (multi-problem situations are stubborn); assumed",
   "A complex need still present when a specialist trajectory ends stays in care for this share of specialist_weeks more.")
G("initial_specialist_min_severity", "severity", 0.5, 0.0, 1.0,
   "assumed",
   "At the start, residents with a complex need above this severity who pass their threshold are in specialist care (within its slots).")
G("youth_care_slot_share", "share", 0.35, 0.0, 1.0,
   "assumed (youth care largest, as in municipal spending; NUMBERS.md)",
   "Share of specialist slots in youth care (the four domain shares add up to 1).")
G("mental_health_slot_share", "share", 0.40, 0.0, 1.0,
   "assumed",
   "Share of specialist slots in mental-health care (GGZ).")
G("addiction_care_slot_share", "share", 0.15, 0.0, 1.0,
   "assumed",
   "Share of specialist slots in addiction care.")
G("disability_care_slot_share", "share", 0.10, 0.0, 1.0,
   "assumed",
   "Share of specialist slots in disability care.")
G("adult_mental_health_share", "share", 0.75, 0.0, 1.0,
   "assumed",
   "Share of referrals of residents aged 23 and over (outside disability care) that go to mental-health care rather than addiction care.")
G("older_individual_disability_share", "share", 0.7, 0.0, 1.0,
   "assumed",
   "Share of referrals of residents aged 65 and over with an individual need that go to disability care.")
# fmt: on

GROUPS = [G]
