"""Informal support over the network and loneliness (§5.2, §6.3)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Informal support over the network (§5.2, §6.3) ---
G = Group("informal support")
G("mean_neighbourhood_ties", "ties per person", 4.0, 0.0, 30.0,
   "De Jong Gierveld & Van Tilburg 2007 (4-5 good contacts protect); assumed level",
   "Mean number of ties outside the household.",
   per_wijk=True,
   label=("Gemiddeld aantal contacten in de wijk", "Mean ties in the neighbourhood"),
   app_range=(0.0, 12.0, 0.1))
G("tie_decay_rate", "per year", 0.1, 0.0, 1.0,
   "assumed",
   "Yearly chance that a neighbourhood tie lapses.")
G("informal_hours_per_helper", "hours/week", 3.0, 0.0, 20.0,
   "CBS: volunteers a little over 4 h/week; carers 13.1 h/week (NUMBERS.md)",
   "Hours a willing resident can give per week.")
G("need_hours_social", "hours/week", 5.0, 0.0, 40.0,
   "assumed",
   "Support hours a social need at full severity asks for per week.")
G("need_hours_individual", "hours/week", 20.0, 0.0, 60.0,
   "CBS: carers mean 13.1 h/week; assumed",
   "Support hours an individual need at full severity asks for per week.")
G("companionship_hours", "hours/week", 1.0, 0.0, 10.0,
   "§5.2 (isolated elderly: a fitting social context); assumed",
   "Informal contact a lonely adult asks of their ties per week.")
G("companionship_loneliness_relief", "score", 0.8, 0.0, 3.0,
   "De Jong Gierveld & Van Tilburg 2007; assumed size",
   "Fall in the latent loneliness score when companionship is fully met.")
G("companionship_memory_weeks", "weeks", 8.0, 1.0, 52.0,
   "De Jong Gierveld & Van Tilburg 2007 (loneliness is a lasting state, measured over weeks); assumed",
   "Time over which the companionship a lonely adult's ties gave eases loneliness (an exponential average of the share of asked companionship met; 1 week: this week's company only).")
G("informal_effect_social", "severity per week", 0.012, 0.0, 0.2,
   "§5.2 (fitting social context); assumed",
   "Severity reduction per week of fully met informal support for a social need.")
G("informal_effect_individual", "severity per week", 0.004, 0.0, 0.1,
   "§5.5 ('citizen power within its limits': softens, does not cure)",
   "Severity reduction per week of full informal support, individual need.")
G("helping_relief", "severity per hour", 0.004, 0.0, 0.05,
   "§5.2 (helping others lowers own need)",
   "Reduction of a helper's own social-need severity per hour given.")
G("carer_overload_hours", "hours/week", 8.0, 1.0, 40.0,
   "CBS 2022: 36% of carers give >= 8 h/week, 19% heavily burdened",
   "Weekly hours above which a helper is overloaded.")
G("carer_burnout_weeks", "weeks", 12.0, 1.0, 104.0,
   "assumed",
   "Consecutive overloaded weeks after which a helper burns out and withdraws.")
G("carer_recovery_weeks", "weeks", 26.0, 1.0, 208.0,
   "assumed",
   "Weeks a burnt-out helper stays withdrawn.")
G("helping_share_with_social_need", "share", 0.5, 0.0, 1.0,
   "§5.2 (the mildly vulnerable can still help others); assumed",
   "Share of their helping hours residents with a social need still give (with an individual or complex need: none).")
G("carer_average_weeks", "weeks", 13, 1, 104,
   "CBS definition of informal care (at least 3 months)",
   "Weeks over which the hours a resident gives are averaged to decide who counts as an informal carer.", int)
G("carer_fallback_hours", "hours/week", 1.0, 0.05, 20.0,
   "assumed",
   "Cut-off on the averaged hours given for counting informal carers when no cut-off can be matched to a starting share.")
G("informal_path_min_met", "share", 0.1, 0.0, 1.0,
   "assumed",
   "Share of a resident's need hours met informally from which they count as on the informal-only support path.")
G("loneliness_weight_tie_deficit", "score", 1.5, 0.0, 5.0,
   "De Jong Gierveld & Van Tilburg 2007 (4-5 good contacts protect); assumed size",
   "Rise of the latent loneliness score for a resident without ties (in proportion to the ties short of protective_ties).")
G("loneliness_weight_living_alone", "score", 0.4, 0.0, 3.0,
   "CBS: single parents and people living alone are lonelier (NUMBERS.md); assumed size",
   "Rise of the latent loneliness score for living alone.")
G("loneliness_weight_born_abroad", "score", 0.3, 0.0, 3.0,
   "CBS: people born abroad about 20% severely lonely (NUMBERS.md); assumed size",
   "Rise of the latent loneliness score for being born abroad.")
# fmt: on

GROUPS = [G]
