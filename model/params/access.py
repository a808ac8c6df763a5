"""Access: help seeking and hidden need (§5.5, §6.1), generalists' triage and help (§4.2, §7.4)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Help seeking and hidden need (§5.5 vraagverlegenheid, §6.1) ---
HELP_SEEKING = Group("help seeking")
HELP_SEEKING("help_seeking_threshold", "severity", 0.4, 0.0, 1.0,
   "§5.5 (vraagverlegenheid), §6.1 (vraag- en aanbodverlegenheid); assumed level",
   "Mean unmet severity at which a resident seeks formal help.",
   prior=(0.2, 0.7),
   label=("Drempel om hulp te vragen (0-1)", "Threshold to ask for help (0-1)"))
HELP_SEEKING("help_seeking_threshold_spread", "severity", 0.15, 0.0, 0.5,
   "assumed",
   "Spread (sd) of the help-seeking threshold between residents.")
HELP_SEEKING("youth_threshold_reduction", "severity", 0.25, 0.0, 1.0,
   "§6.1 (youth & family centres, schools and youth doctors signal); size set so that youth care lies in the national spread (the fitted pattern level_youth_care; no longer fitted to the scan data, docs/calibration.md §4; 0.15 until issue 19, when a lasting need that help has softened stopped asking for help by itself)",
   "Fall in the help-seeking threshold for residents under 18.",
   prior=(0.0, 0.35))
HELP_SEEKING("hidden_need_severity", "severity", 0.4, 0.0, 1.0,
   "assumed",
   "Severity above which an unserved social need counts as hidden need.")
HELP_SEEKING("gp_first_contact_share", "share", 0.15, 0.0, 1.0,
   "CBS youth care 2024: 32% of trajectories referred by the GP, 32% by the municipal team (NUMBERS.md)",
   "Share of help requests for an individual or complex need made to the GP, who refers them straight to specialist care.",
   prior=(0.0, 0.8))
HELP_SEEKING("gp_team_routing_share", "share", 0.3, 0.0, 1.0,
   "seed 003 (social neighbourhood teams: a GP told of the team by leaflet keeps referring; where the team was built up with the GP, as in Enschede, the GP sends cases); assumed",
   "Share of the GP's referrals of individual and complex needs that the GP sends to the neighbourhood team instead once the team has earned full trust (gp_trust 1). At the start trust is 0, the calibrated baseline.")
HELP_SEEKING("gp_trust_build_up_years", "years", 2.0, 0.1, 10.0,
   "seed 003 (trust grows in a gradual process); assumed",
   "Time scale on which the GP's trust follows the team's record: the share of the way from the starting skill to full skill the team has come (coaching), times min(1, neighbourhood_team_factor).")
HELP_SEEKING("private_solution_share", "share", 0.1, 0.0, 1.0,
   "§Capita selecta (affluent: private solutions)",
   "Share of help-seekers with individual needs who buy help privately instead.")

HELP_SEEKING("informal_softening_social", "share", 0.7, 0.0, 1.0,
   "§5.2 (a fitting social context meets social needs), §6.2 ('vaak met mate'); assumed",
   "How far met informal support lowers the severity with which a social need is felt when deciding to seek help. Below 1, part of a social need (practical questions, money, a life event) still brings a resident to the team however much company their ties give.")
HELP_SEEKING("informal_softening_individual", "share", 0.5, 0.0, 1.0,
   "§5.5 ('citizen power within its limits': softens, does not cure)",
   "How far met informal support lowers the severity with which an individual need is felt when deciding to seek help (a social need: informal_softening_social; a complex one: not at all).")
HELP_SEEKING("private_solution_relief", "severity", 0.3, 0.0, 1.0,
   "§Capita selecta (affluent: private solutions); assumed",
   "Severity a privately bought solution takes off an individual need at once.")
HELP_SEEKING("help_retry_weeks", "weeks", 8, 1, 104,
   "assumed",
   "Weeks a resident sent home without help waits before asking again.", int)
HELP_SEEKING("min_help_seeking_threshold", "severity", 0.02, 0.0, 0.5,
   "assumed",
   "Lowest help-seeking threshold after the reductions for youth, an introduction and the key facility.")

# --- Generalists: access and triage (§4.2, §7.4) ---
GENERALISTS = Group("generalists")
GENERALISTS("residents_per_generalist", "residents/FTE", 1500.0, 300.0, 20000.0,
   "assumed (NUMBERS.md: no national norm)",
   "Residents per neighbourhood-team FTE.",
   per_wijk=True)
GENERALISTS("generalist_caseload", "cases/FTE", 40.0, 5.0, 150.0,
   "assumed (NUMBERS.md: no national norm; guardians 15-24)",
   "Cases one generalist FTE can hold.")
GENERALISTS("triage_accuracy", "share", 0.75, 0.0, 1.0,
   "§7.4 (the quick scan, CAF example); assumed",
   "Chance that a generalist of skill 0 judges the need kind right.")
GENERALISTS("skill_accuracy_gain", "share", 0.2, 0.0, 1.0,
   "§6.5 (coaching by specialists); assumed",
   "Extra triage accuracy at full generalist skill.")
GENERALISTS("initial_generalist_skill", "share", 0.3, 0.0, 1.0,
   "assumed",
   "Generalists' skill at the start (0-1).")
GENERALISTS("skill_decay_rate", "per year", 0.2, 0.0, 1.0,
   "assumed (staff turnover in neighbourhood teams; 0.1 until issue 21, when coached skill levelled off near 0.9)",
   "Yearly loss of generalist skill without coaching.")
GENERALISTS("light_help_weeks", "weeks", 8.0, 1.0, 52.0,
   "assumed (NUMBERS.md: not found)",
   "Length of light help by a generalist.")
GENERALISTS("light_help_effect", "severity per week", 0.05, 0.0, 0.3,
   "assumed",
   "Weekly severity reduction of light help on a social need.")
GENERALISTS("case_management_effect", "severity per week", 0.008, 0.0, 0.2,
   "§5.3 (routing); assumed",
   "Weekly severity reduction of case management on an individual need.")
GENERALISTS("case_management_weeks", "weeks", 39.0, 4.0, 260.0,
   "assumed",
   "Length of a case-management episode.")
GENERALISTS("case_management_slot_weight", "case slots", 0.3, 0.05, 1.0,
   "§5.3 (a case manager follows a stable individual need at low intensity); assumed",
   "Case slots a routed individual need occupies.")
GENERALISTS("combined_team_effect", "severity per week", 0.035, 0.0, 0.2,
   "§5.4 (de-escalate by combining and dosing); assumed",
   "Weekly severity reduction of a combined case team at full skill.")
GENERALISTS("combined_team_slots", "cases", 3.0, 1.0, 10.0,
   "§5.4, §5.5 (overkill wastes capacity); assumed",
   "Generalist case slots one combined team occupies.")
GENERALISTS("combined_team_weeks", "weeks", 26.0, 2.0, 156.0,
   "§5.4; assumed",
   "Length of a combined case team's de-escalation episode.")
GENERALISTS("specialist_referral_severity", "severity", 0.6, 0.0, 1.0,
   "assumed",
   "Severity of an individual need above which generalists refer to specialists.")
GENERALISTS("skill_referral_reduction", "severity", 0.25, 0.0, 1.0,
   "§6.5 (skilled generalists handle more); assumed",
   "Rise of that referral threshold at full skill.")
GENERALISTS("misjudge_up_share", "share", 0.5, 0.0, 1.0,
   "§5.5 (both mismatches occur); assumed",
   "Share of wrong judgements of an individual need that take it for complex (the rest take it for social).")
GENERALISTS("light_help_individual_share", "share", 0.2, 0.0, 1.0,
   "§5.5 (light help barely touches a person-bound condition); assumed",
   "Effect of light help on an individual need, as a share of its effect on a social need.")
GENERALISTS("waiting_light_help_share", "share", 0.5, 0.0, 1.0,
   "§7.5 (people stuck in too-light help); assumed",
   "Effect on a social need of the help a generalist keeps giving while the resident waits for specialist care, as a share of light help's effect.")
GENERALISTS("combined_team_unskilled_share", "share", 0.5, 0.0, 1.0,
   "§5.4, §6.5 (skill grows with coaching); assumed",
   "A combined team's effect at generalist skill 0, as a share of its effect at full skill.")

# --- Light Wmo provisions (mechanisms/wmo_light.py) ---
WMO = Group("light Wmo provisions")
WMO("wmo_light_request_rate", "per year", 0.1, 0.0, 5.0,
   "CBS: Wmo use (mostly household help, aids, transport) rises steeply with age; assumed size, set so that Wmo clients lie in the national spread (the fitted pattern level_wmo)",
   "Yearly chance that an adult with an individual or complex need asks the municipality for a light provision (twice as often from 75).")
WMO("wmo_light_end_rate", "per year", 0.1, 0.0, 5.0,
   "assumed (yearly reviews end some provisions)",
   "Yearly chance that a light provision ends while the need lasts.")
WMO("wmo_light_hours_share", "share", 0.3, 0.0, 1.0,
   "assumed (household help and aids take over part of the care)",
   "Share of the support hours an individual need asks of informal helpers that a light provision takes over.")
# fmt: on

GROUPS = [HELP_SEEKING, GENERALISTS, WMO]
