"""Residents over time (issue 19): ageing, deaths, admission to long-term care, births, moves, and kin
outside the wijk. `mechanisms/demography.py` and `mechanisms/kin.py` use them."""

from __future__ import annotations

from .param import Group

# fmt: off
G = Group("demography")
G("demography_projected", "on/off", False, False, True,
   "issue 19 (two modes)",
   "Off (stationary, the default): arrivals keep the wijk's age structure near its scan while people age. On (projected, `--demography projected`): from week 1 (the warm-up stays stationary) cohorts age as they would; births and in-movers follow national patterns.", bool)
G("demography_update_weeks", "weeks", 12, 1, 52,
   "assumed (about quarterly, as CBS reports population change, and a multiple of network_update_weeks so that the network is rebuilt once for both; every 4 weeks cost a fifth of a run's time for changes that are yearly rates)",
   "Weeks between the demographic updates, counted from the start of each model year (ages advance, residents die, move out and in, and are born); the year's last update comes at its end and covers the weeks left, so every year has the same updates (with 12: 12, 12, 12 and 16 weeks).", int)
G("mortality_gompertz_intercept", "log per year", -11.0, -15.0, -5.0,
   "CBS life table 2023, fitted Gompertz (yearly death chance 1.1% at 65, 3.0% at 75, 8.2% at 85, 22% at 95)",
   "Log of the yearly mortality rate at age 0 of the Gompertz law.")
G("mortality_gompertz_slope", "per year of age", 0.1, 0.0, 0.3,
   "CBS life table 2023, fitted Gompertz (mortality doubles about every 7 years of age)",
   "Rise of the log mortality rate per year of age.")
G("individual_need_mortality_factor", "factor", 1.5, 1.0, 5.0,
   "assumed (frailty and disability shorten life)",
   "Mortality of a resident with an individual or complex need, relative to others of the same age.")
G("long_term_care_admission_rate", "per year", 0.5, 0.0, 2.0,
   "assumed, set so that about 2 per 1,000 residents a year move to a nursing home (order of magnitude of Wlz admissions: some 120,000 live in one, for a few years)",
   "Yearly chance that a resident of 75 or over with an individual need at or above long_term_care_min_severity moves to long-term care (Wlz).")
G("long_term_care_min_severity", "severity", 0.4, 0.0, 1.0,
   "assumed (well above lasting_need_floor_severity: the frailest, whose need help does not soften)",
   "Severity of an individual or complex need from which a resident of 75+ may move to long-term care.")
G("move_rate_18_29", "per year", 0.15, 0.0, 1.0,
   "CBS: about 1 in 10 residents move each year, most of them young adults; assumed split by age",
   "Yearly chance that a household whose oldest adult is 18-29 moves out of the wijk.")
G("move_rate_30_44", "per year", 0.08, 0.0, 1.0,
   "CBS moves by age; assumed",
   "The same for a household whose oldest adult is 30-44.")
G("move_rate_45_64", "per year", 0.04, 0.0, 1.0,
   "CBS moves by age; assumed",
   "The same for a household whose oldest adult is 45-64.")
G("move_rate_65_plus", "per year", 0.03, 0.0, 1.0,
   "CBS moves by age; assumed",
   "The same for a household whose oldest adult is 65 or over.")
G("leaving_home_rate", "per year", 0.15, 0.0, 1.0,
   "CBS: young people leave their parents' home at about 23 on average; assumed rate",
   "Yearly chance that a resident aged 18-29 living with a parent leaves home, and the wijk.")
G("birth_rate_20_44", "births per resident-year", 0.03, 0.0, 0.2,
   "CBS 2023: about 165,000 births and 5.4 million residents aged 20-44",
   "Births a year per resident aged 20-44 (projected mode; in the stationary mode births fill the youngest band's deficit).")
G("stationary_balance_years", "years", 1.0, 0.1, 20.0,
   "assumed",
   "Stationary mode: the time over which extra moves out close an age band's surplus over the scan.")
G("parent_generation_gap_years", "years", 30.0, 16.0, 45.0,
   "CBS: mean age of mothers at birth about 30-31",
   "Mean age difference between a resident and their parent (sd 5 years).")
G("children_outside_share", "share", 0.8, 0.0, 1.0,
   "CBS: about 4 in 5 of the elderly have children; assumed that they live outside the wijk",
   "Share of residents aged 45 or over with a child outside the wijk who may care for them.")
G("kin_care_share", "share", 0.8, 0.0, 1.0,
   "CBS 2022: 13% of adults care, most for a parent or partner (NUMBERS.md); size set with the fitted pattern level_informal_carers (docs/calibration.md §4, defaults of residents over time)",
   "Chance that an adult child takes on care when their parent (outside the wijk) or they themselves (for a resident with a child outside) need it.")
G("kin_care_hours", "hours/week", 8.0, 0.0, 40.0,
   "CBS 2022: informal carers give 13.1 hours a week on average, 36% 8 hours or more (NUMBERS.md)",
   "Hours a week a child gives to a parent who needs care.")
# fmt: on

GROUPS = [G]
