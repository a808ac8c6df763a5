"""The structure the mechanisms work on: how the network forms, how the population is built, and how
a scan row's demography sets need prevalence, capacity and ties (`wijksim.model.scan`)."""

from __future__ import annotations

from .param import Group

# fmt: off
# --- Network structure ---
NETWORK = Group("network structure")
NETWORK("long_range_tie_share", "share", 0.2, 0.0, 1.0,
   "assumed",
   "Share of new neighbourhood ties that go to anyone in the neighbourhood rather than nearby.")
NETWORK("tie_cell_residents", "residents", 40, 2, 100000,
   "assumed",
   "Residents per spatial cell within which the other ties form.", int)
NETWORK("sociability_shape", "gamma shape", 0.8, 0.05, 20.0,
   "De Jong Gierveld & Van Tilburg (some residents have no ties); assumed: gives 4-6% isolated",
   "Gamma shape of residents' sociability (lower: more residents with few ties).")
NETWORK("network_update_weeks", "weeks", 4, 1, 52,
   "assumed",
   "Weeks between updates of the network (tie turnover and new ties from the levers).", int)

# --- Population structure ---
POPULATION = Group("population structure")
POPULATION("single_parent_share", "share", 0.2, 0.0, 1.0,
   "CBS 2024: about 1 in 5 households with children; assumed",
   "Share of households with children headed by a single parent.")
POPULATION("old_age_mean_excess_years", "years", 10.0, 1.0, 30.0,
   "CBS 2024: residents aged 65+ are about 75 on average, and a quarter of them are 80+ (11.0, exponentially distributed, until issue 19)",
   "Mean number of years residents aged 65 and over are older than 65 (the life table's survivors, tilted towards younger ages to this mean; at most the life table's own mean, 11.7 at the default mortality).")
POPULATION("helping_capacity_shape", "gamma shape", 2.0, 0.1, 50.0,
   "assumed",
   "Gamma shape of residents' willingness to help (mean 1 times informal_hours_per_helper).")
POPULATION("teen_helping_share", "share", 0.3, 0.0, 1.0,
   "assumed",
   "Helping capacity of residents aged 12-17, as a share of an adult's.")

# --- How a scan row sets need, capacity and ties (wijksim.model.scan) ---
SCAN = Group("scan relations")
SCAN("scan_need_social_housing_weight", "factor per share", 1.5, 0.0, 10.0,
   "§Capita selecta (achterstandswijk); assumed, to be calibrated",
   "Rise of a wijk's need prevalence per unit of social-housing share above the median wijk (0.19).")
SCAN("scan_need_born_abroad_weight", "factor per share", 1.0, 0.0, 10.0,
   "§Capita selecta; assumed, to be calibrated",
   "Rise of a wijk's need prevalence per unit of born-abroad share above the median wijk (0.18).")
SCAN("scan_complex_need_exponent", "exponent", 2.0, 0.0, 5.0,
   "§5.4 (multi-problem needs cluster in deprived wijken); assumed",
   "Power of the deprivation factor by which complex-need prevalence scales (social and individual: 1).")
SCAN("scan_specialist_slots_exponent", "exponent", 1.5, 0.0, 5.0,
   "assumed (municipal allocations follow need)",
   "Power of the deprivation factor by which specialist slots per 1,000 scale (team capacity: 1).")
SCAN("scan_ties_per_urbanity_step", "ties per step", 0.4, 0.0, 3.0,
   "assumed (rural wijken have more local ties)",
   "Extra mean ties per step of CBS urbanity above 3 (1 = very strongly urban, 5 = not urban).")
# fmt: on

GROUPS = [NETWORK, POPULATION, SCAN]
