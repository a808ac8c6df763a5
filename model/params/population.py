"""Run set-up, the population (set by a preset or a scan row) and the survey levels predicted from demography."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Run set-up ---
SET_UP = Group("set-up")
SET_UP("settled_start", "on/off", True, False, True,
   "issue 19 (conditions that last decades cannot be warmed up in two years)",
   "On: individual needs start at the model's own age-specific equilibrium (onset, remission, mortality); off: at initial_individual_need_share, by risk factors.", bool)
SET_UP("settle_escalation_share", "share", 0.4, 0.0, 1.0,
   "set with the fitted settled-start patterns (docs/calibration.md §4): with 0 individual needs rise by 5% over 10 years, with 1 they fall by 7%",
   "Share of the model's measured rate at which complex needs soften into lasting individual ones (model/starting_state.py ESCALATION_PER_EVENT) that the settled start's life histories use; they lack these needs' other ways in and out.")
SET_UP("burn_in_weeks", "weeks", 208, 0, 520,
   "assumed (standard ABM warm-up: severities, paths and the regional queue settle before week 0); 104 until issue 19, when the paths of lasting needs (case management that returns) needed 3-4 years: the settled-start pattern",
   "Weeks simulated before week 0, before network developers, key facility and flex team start; starting shares of loneliness and informal carers are matched at the end of it.", int)

# --- Population (set by preset or scan row) ---
POPULATION = Group("population")
POPULATION("residents", "persons", 10000, 1, 5000000,
   "assumed (a typical Dutch wijk has 2,000-20,000)",
   "Number of simulated residents.", int,
   per_wijk=True)
POPULATION("share_aged_0_24", "share", 0.27, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of residents aged 0-24.",
   per_wijk=True)
POPULATION("share_aged_65_plus", "share", 0.2, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of residents aged 65 and over.",
   per_wijk=True)
POPULATION("share_one_person_households", "share", 0.37, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of households with one person.",
   per_wijk=True)
POPULATION("share_households_with_children", "share", 0.3, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of households with children.",
   per_wijk=True)
POPULATION("share_social_housing", "share", 0.25, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of dwellings owned by housing corporations; a marker of deprivation.",
   per_wijk=True)
POPULATION("share_born_abroad", "share", 0.15, 0.0, 1.0,
   "CBS KWB 2024 (origin outside NL, median wijk)",
   "Share of residents born abroad (CBS origin outside the Netherlands).",
   per_wijk=True)
POPULATION("initial_lonely_share", "share", 0.43, 0.0, 1.0,
   "RIVM Health Monitor 2020, wijk median 43% (NUMBERS.md)",
   "Share of residents 18+ lonely (De Jong Gierveld >= 3) at the start.",
   per_wijk=True)
POPULATION("initial_severely_lonely_share", "share", 0.089, 0.0, 1.0,
   "RIVM Health Monitor 2020, wijk median 8.9% (NUMBERS.md)",
   "Share of residents 18+ severely lonely (De Jong Gierveld >= 9) at the start.",
   per_wijk=True)
POPULATION("initial_informal_carer_share", "share", 0.15, 0.0, 1.0,
   "RIVM 2020, wijk median 15% (NUMBERS.md)",
   "Share of residents 18+ giving informal care at the start.",
   per_wijk=True)
POPULATION("initial_volunteer_share", "share", 0.29, 0.0, 1.0,
   "RIVM 2020, wijk median 29% (NUMBERS.md)",
   "Share of residents 18+ doing volunteer work at the start.",
   per_wijk=True)

# --- Survey levels predicted from demography (calibration, docs/calibration.md) ---
SURVEY_LEVELS = Group("survey levels")
SURVEY_LEVELS("survey_shares_from_demography", "on/off", False, False, True,
   "docs/calibration.md (validation runs predict from demography alone)",
   "If on, the starting shares of (severely) lonely adults, informal carers and volunteers follow from the cut-offs and propensities below, not from the initial_* shares.", bool)
SURVEY_LEVELS("loneliness_score_cut", "score", 0.36, -3.0, 5.0,
   "assumed; calibrated to RIVM 2020 loneliness (docs/calibration.md)",
   "Latent loneliness score above which an adult counts as lonely (De Jong Gierveld >= 3) when predicting from demography.",
   prior=(-0.5, 1.5))
SURVEY_LEVELS("severe_loneliness_score_cut", "score", 1.7, -3.0, 6.0,
   "assumed; calibrated to RIVM 2020 severe loneliness",
   "Latent loneliness score above which an adult counts as severely lonely (De Jong Gierveld >= 9).",
   prior=(1.0, 3.0))
SURVEY_LEVELS("carer_min_hours", "hours/week", 0.5, 0.05, 20.0,
   "assumed; calibrated to RIVM 2020 informal carers (docs/calibration.md §4; 1.6 while all informal help counted, 0.34 since care counts as CBS counts it: kin, partners, issue 19)",
   "Informal help given (13-week average) from which an adult counts as an informal carer when predicting from demography.",
   prior=(0.3, 4.0))
SURVEY_LEVELS("volunteer_base_share", "share", 0.33, 0.0, 1.0,
   "RIVM 2020 volunteering (wijk median 29%)",
   "Chance that an adult without a serious need volunteers, outside social housing and born in the Netherlands.",
   prior=(0.1, 0.6))
SURVEY_LEVELS("volunteer_deprivation_odds_ratio", "odds ratio", 0.6, 0.05, 2.0,
   "assumed; RIVM 2020 volunteering is lower in deprived wijken (docs/calibration.md)",
   "Odds ratio of volunteering for living in social housing, and again for being born abroad.",
   prior=(0.2, 1.2))
# fmt: on

GROUPS = [SET_UP, POPULATION, SURVEY_LEVELS]
