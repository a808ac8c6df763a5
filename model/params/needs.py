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
G("individual_onset_share", "share", 0.15, 0.0, 1.0,
   "§5.3; assumed (more with age: x3 at 75+)",
   "Share of new needs from a life event that are individual (person-bound) rather than social.")
G("isolation_need_onset_rate", "per person-year", 0.2, 0.0, 2.0,
   "Cacioppo et al. 2009; assumed size",
   "Rate at which an isolated resident (no ties) develops a social need.")
G("crisis_severity", "severity", 0.95, 0.5, 1.0,
   "§Capita selecta (needs hidden until a crisis)",
   "Severity of a complex need at which a hidden problem surfaces as a crisis.")
G("individual_onset_weight_75_plus", "factor", 3.0, 1.0, 10.0,
   "§5.3 (frailty and dementia in old age), §7.1; assumed size",
   "How many times more likely a new need from a life event is individual rather than social, for a resident aged 75 or over.")
G("individual_onset_weight_under_18", "factor", 2.5, 1.0, 10.0,
   "§6.1, §7.1 (parenting and development problems); assumed size",
   "How many times more likely a new need from a life event is individual rather than social, for a resident under 18.")
G("mild_social_severity", "severity", 0.3, 0.0, 1.0,
   "assumed",
   "Severity below which a social need counts as mild and may resolve by itself (spontaneous_recovery_rate).")
# fmt: on

GROUPS = [G]
