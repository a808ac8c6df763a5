"""Specialist care and waiting (§7, §7.5)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Specialists and waiting (§7, §7.5) ---
G = Group("specialists")
G("specialist_slots_per_1000", "slots per 1,000 residents", 13.0, 0.5, 100.0,
   "assumed; anchored on youth care 7.3 per 100 aged 0-24 (NUMBERS.md)",
   "Specialist treatment slots per 1,000 residents at the start, until the region has learnt its demand in the warm-up (then specialist_capacity_per_demand sets them).",
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

# --- The regional queue (model/region.py, mechanisms/specialist_care.py) ---
QUEUE = Group("regional queue")
QUEUE("region_residents", "persons", 200000, 1, 5000000,
   "§7 (specialist care is organised regionally); the 42 Dutch youth-care regions serve about 100,000-1,000,000 residents",
   "Residents of the care region the wijk belongs to; the rest of the region's demand arrives as background counts.", int)
QUEUE("specialist_capacity_per_demand", "places per place demanded", 0.8, 0.1, 3.0,
   "assumed; NUMBERS.md: every region has waiting lists (basic GGZ 14.1 weeks on average, 35.9% over the norm), so capacity is below unchecked demand; municipalities buy care by need",
   "The region's specialist places as a share of the places its residents' referral candidates would fill without gatekeeping (learnt in the warm-up).")
QUEUE("queue_dropout_rate", "per week", 0.01, 0.0, 0.2,
   "assumed (NUMBERS.md: no national figure; people waiting find other help or give up)",
   "Weekly chance that a non-urgent client waiting for specialist care leaves the queue (home, or private help).")
QUEUE("priority_weeks_per_severity", "weeks", 16.0, 0.0, 52.0,
   "assumed (admission by urgency, then severity and waiting time)",
   "In the admission order, a severity of 1 counts as this many weeks of waiting.")
QUEUE("gatekeeper_wait_start_weeks", "weeks", 4.0, 0.0, 52.0,
   "NZa Treeknorm: 4 weeks to intake (NUMBERS.md)",
   "Regular wait above which gatekeepers (team, GP) start to hold referrals back.")
QUEUE("gatekeeper_wait_span_weeks", "weeks", 26.0, 1.0, 260.0,
   "assumed",
   "Further weeks of waiting over which gatekeeping grows from none to full.")
QUEUE("gatekeeper_threshold_rise", "severity", 0.15, 0.0, 0.5,
   "§7.5 (people stuck in too-light help); assumed",
   "Rise of the team's referral threshold at full gatekeeping.")
QUEUE("gatekeeper_hold_back_share", "share", 0.3, 0.0, 1.0,
   "§7.5; assumed",
   "Share of GP referrals, onward referrals after an episode and the rest of the region's referrals held back in lighter help at full gatekeeping.")
QUEUE("specialist_rebuild_years", "years", 2.0, 0.0, 10.0,
   "§9.2 (recovery after the Danish cut took 'ruim vijf jaar'); assumed",
   "Time scale on which specialist capacity grows back to a raised target (staff must be found and trained; a cut takes effect at once).")
# fmt: on

GROUPS = [G, QUEUE]
