"""Needs: prevalence, life events, escalation (§3, §5)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Needs: prevalence, life events, escalation (§3, §5) ---
G = Group("needs")
G("initial_social_need_share", "share", 0.14, 0.0, 1.0,
   "§5.2 (the largest group); assumed level",
   "Share of residents starting with a social support need.",
   per_wijk=True)
G("initial_individual_need_share", "share", 0.07, 0.0, 1.0,
   "§5.3; Wmo 54 per 1,000 (NUMBERS.md) as an anchor",
   "Share of residents starting with an individual (person-bound) need.",
   per_wijk=True)
G("initial_complex_need_share", "share", 0.012, 0.0, 1.0,
   "§5.4 (the smallest group); VNG: half of costs go to <5% of households",
   "Share of residents starting with a complex multi-problem need.",
   per_wijk=True)
G("life_event_rate", "per person-year", 0.2, 0.0, 1.0,
   "assumed; Haaglanden panel: 'multiple life events' share (data/)",
   "Rate of adverse life events (loss, illness, debt, divorce).",
   prior=(0.05, 0.5),
   label=("Ingrijpende gebeurtenissen (per persoon per jaar)", "Adverse life events (per person per year)"))
G("life_event_severity", "severity", 0.25, 0.0, 1.0,
   "assumed",
   "Severity added by one life event.")
G("deprivation_event_multiplier", "factor", 2.0, 1.0, 5.0,
   "§Capita selecta typology (achterstandswijk); assumed size",
   "How much more often life events hit residents in social housing.",
   prior=(1.0, 4.0))
G("complex_onset_share", "share", 0.25, 0.0, 1.0,
   "§5.4 (problems in several domains fuel each other); assumed",
   "Chance that a life event hitting an individual need makes it complex.")
G("unmet_need_drift", "severity per week", 0.006, 0.0, 0.1,
   "§4 mechanism 1; assumed",
   "Weekly rise in severity of a need that gets no support.")
G("waiting_escalation_factor", "factor", 2.0, 1.0, 10.0,
   "§7.5; NUMBERS.md (complex cases stay too long because of waiting lists)",
   "Multiplier on severity drift while waiting for help.")
G("complex_reinforcement", "severity per week", 0.003, 0.0, 0.1,
   "§5.4 (problems feed each other); assumed",
   "Extra weekly rise of complex severity, proportional to severity.")
G("spontaneous_recovery_rate", "per week", 0.01, 0.0, 0.2,
   "assumed",
   "Weekly chance a mild social need resolves by itself.")
G("transition_severity", "severity", 0.35, 0.0, 1.0,
   "assumed",
   "Severity in the new need kind right after an escalation or de-escalation.")
G("individual_onset_share", "share", 0.015, 0.0, 1.0,
   "§5.3; assumed (more with age: x3 at 75+). 0.15 while help could cure individual needs; since they last (issue 19) a life event starts a lasting condition (an accident, an illness) rarely",
   "Share of new needs from a life event that are individual (person-bound, lasting) rather than social.")
G("lasting_need_floor_severity", "severity", 0.2, 0.0, 1.0,
   "§5.3, §5.5 (help softens a lasting condition and changes its course; it does not cure it); assumed size",
   "Mean severity below which help cannot push an individual (lasting) need: dementia or a disability asks some support however well it is met. Each resident's own floor lies within half of it either side.")
G("isolation_need_onset_rate", "per person-year", 0.2, 0.0, 2.0,
   "Cacioppo et al. 2009; assumed size",
   "Rate at which an isolated resident (no ties) develops a social need.")
G("crisis_severity", "severity", 0.95, 0.5, 1.0,
   "§Capita selecta (needs hidden until a crisis)",
   "Severity of a complex need at which a hidden problem surfaces as a crisis.")
G("individual_onset_weight_75_plus", "factor", 3.0, 1.0, 10.0,
   "§5.3 (frailty and dementia in old age), §7.1; assumed size",
   "How many times more likely a new need from a life event is individual rather than social, for a resident aged 75 or over.")
G("individual_onset_weight_under_18", "factor", 10.0, 1.0, 20.0,
   "§6.1, §7.1 (parenting and development problems); assumed size, set so that youth care lies in the national spread (the fitted pattern level_youth_care; 2.5 while individual needs could be cured)",
   "How many times more likely a new need from a life event is individual rather than social, for a resident under 18.")
G("mild_social_severity", "severity", 0.3, 0.0, 1.0,
   "assumed",
   "Severity below which a social need counts as mild and may resolve by itself (spontaneous_recovery_rate).")
G("individual_remission_rate_under_18", "per year", 0.15, 0.0, 2.0,
   "§5.3 (long-term parenting and developmental problems); assumed: many pass as children grow",
   "Yearly chance that the individual (person-bound) need of a resident under 18 remits; help does not cure it (§5.5).")
G("youth_need_end_at_18_share", "share", 0.5, 0.0, 1.0,
   "§6.1, §7.1 (parenting and development problems belong to growing up); assumed size",
   "Share of the individual needs of residents turning 18 that end then: parenting problems end with childhood, a disability does not.")
G("individual_remission_rate_adult", "per year", 0.05, 0.0, 2.0,
   "§5.3 (serious mental illness, disability: lasting conditions); assumed",
   "Yearly chance that the individual need of a resident aged 18-64 remits.")
G("individual_remission_rate_65_plus", "per year", 0.01, 0.0, 2.0,
   "§5.3 (frailty and dementia in old age do not remit); assumed",
   "Yearly chance that the individual need of a resident aged 65 or over remits.")
G("frailty_onset_rate_75", "per year", 0.03, 0.0, 1.0,
   "NUMBERS.md (CBS 2020: almost 1 in 4 of 75+ receive informal care); size set so that the individual-need share of 75+ is about 1 in 3 (docs/calibration.md §4, defaults of residents over time)",
   "Yearly chance that a resident of 75 without an individual or complex need becomes frail (a lasting individual need); it doubles every frailty_doubling_years of age.")
G("frailty_doubling_years", "years", 8.0, 1.0, 30.0,
   "Gompertz-like rise of frailty and dementia with age; assumed",
   "Years of age over which the frailty onset rate doubles (it applies from 65).")
G("young_adult_escalation_share", "share", 0.3, 0.0, 1.0,
   "issue 19 (young people living alone are often lonely but rarely escalate); assumed",
   "Chance that a social need of a resident aged 18-29 at full severity becomes individual in a week (others: 1).")
# fmt: on

GROUPS = [G]
