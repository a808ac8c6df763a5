"""The one parameter registry.

Every model parameter is declared here once, with a self-explaining name, unit, default, plausible
range and source. The CLI (`wijksim params`, `--set`), the docs (docs/ODD.md's table), presets, scan
rows and later sweeps, calibration and app sliders all read this registry; nothing restates it.

Sources cite the book (`003_f09b7e26884f97a7.txt`, by section), a statistic from NUMBERS.md, or say
"assumed" honestly. Severity is a dimensionless 0-1 score within a need kind (see docs/ODD.md).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

#: Parameters read only from week 1 on, by the levers made after the warm-up: runs that differ only
#: in these share their warm-up (`NeighbourhoodModel.warmed_up`).
STARTING_AFTER_WARM_UP = ("network_developers", "key_facility", "flex_team")


class ParameterError(ValueError):
    """Bad parameter input; the message names the field and the value."""

    def __init__(self, field: str, value: Any, reason: str):
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}={value!r}: {reason}")

    def __reduce__(self):  # so that an error raised in a worker process arrives intact
        return (type(self), (self.field, self.value, self.reason))


@dataclass(frozen=True)
class Param:
    name: str
    unit: str
    default: float | int | bool
    low: float | int | bool
    high: float | int | bool
    source: str
    description: str
    group: str
    kind: type = float
    lever: bool = False

    def coerce(self, value: Any) -> float | int | bool:
        """Turn a CLI string or Python value into this parameter's type, or raise ParameterError."""
        if isinstance(value, str):
            text = value.strip().lower()
            if self.kind is bool:
                if text in ("1", "true", "yes", "on"):
                    return True
                if text in ("0", "false", "no", "off"):
                    return False
                raise ParameterError(self.name, value, "expected true/false")
            try:
                value = float(text)
            except ValueError:
                raise ParameterError(self.name, value, f"expected a number ({self.unit})") from None
        if self.kind is bool:
            if isinstance(value, bool | int) and value in (0, 1):
                return bool(value)
            raise ParameterError(self.name, value, "expected true/false")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(self.name, value, f"expected a number ({self.unit})")
        if isinstance(value, float) and not math.isfinite(value):
            raise ParameterError(self.name, value, "must be a finite number")
        if self.kind is int:
            if float(value) != int(value):
                raise ParameterError(self.name, value, "expected a whole number")
            return int(value)
        return float(value)

    def check(self, value: Any) -> float | int | bool:
        """Coerce and check against the hard bounds (shares in [0, 1], counts >= their minimum)."""
        v = self.coerce(value)
        if self.kind is bool:
            return v
        if v < self.low or v > self.high:
            rng = f"[{self.low}, {self.high}]"
            what = "a share must lie in [0, 1]" if self.unit == "share" else f"allowed range {rng}"
            raise ParameterError(self.name, value, f"outside {what} ({self.unit})")
        return v


_P: list[Param] = []


def _p(name, unit, default, low, high, source, description, group, kind=float, lever=False):
    _P.append(Param(name, unit, default, low, high, source, description, group, kind, lever))


# fmt: off

# --- Levers (the user's switches; off in the baseline) -------------------------------------
G = "levers"
_p("network_developers", "FTE", 0, 0, 50,
   "§6.5 (sociale netwerkontwikkelaar), §5.2 'Even Buurten'",
   "Number of social network developers working in the neighbourhood (0 = lever off).", G, int, True)
_p("key_facility", "on/off", False, False, True,
   "§6.4 (sleutelvoorziening)",
   "Whether one bundled, recognisable local place (hub, broad school, village house) exists.", G, bool, True)
_p("flex_team", "members", 0, 0, 50,
   "§6.5 (specialistisch flexteam); §9.2 (pilot results)",
   "Specialists deployed locally for short matched care and coaching (0 = lever off).", G, int, True)
_p("specialist_capacity_factor", "factor", 1.0, 0.0, 3.0,
   "§7.5 (Danish cut in specialist capacity)",
   "Multiplier on specialist treatment slots (1 = normal, 0.5 halves them).", G, float, True)
_p("neighbourhood_team_factor", "factor", 1.0, 0.0, 3.0,
   "§4.2, §6.5; NUMBERS.md (87% of municipalities had teams in 2015)",
   "Multiplier on generalist capacity (0 = no neighbourhood team: GP refers straight to specialist care).", G, float, True)

# --- Run set-up ------------------------------------------------------------------------------
G = "set-up"
_p("burn_in_weeks", "weeks", 104, 0, 520,
   "assumed (standard ABM warm-up: the starting severities and paths settle before week 0)",
   "Weeks simulated before week 0, before network developers, key facility and flex team start; starting shares of loneliness and informal carers are matched at the end of it.", G, int)

# --- Population (set by preset or scan row) ---------------------------------------------------
G = "population"
_p("residents", "persons", 10000, 1, 5000000,
   "assumed (a typical Dutch wijk has 2,000-20,000)",
   "Number of simulated residents.", G, int)
_p("share_aged_0_24", "share", 0.27, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of residents aged 0-24.", G)
_p("share_aged_65_plus", "share", 0.2, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of residents aged 65 and over.", G)
_p("share_one_person_households", "share", 0.37, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of households with one person.", G)
_p("share_households_with_children", "share", 0.3, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of households with children.", G)
_p("share_social_housing", "share", 0.25, 0.0, 1.0,
   "CBS KWB 2024 (scan data, median wijk)",
   "Share of dwellings owned by housing corporations; a marker of deprivation.", G)
_p("share_born_abroad", "share", 0.15, 0.0, 1.0,
   "CBS KWB 2024 (origin outside NL, median wijk)",
   "Share of residents born abroad (CBS origin outside the Netherlands).", G)
_p("initial_lonely_share", "share", 0.43, 0.0, 1.0,
   "RIVM Health Monitor 2020, wijk median 43% (NUMBERS.md)",
   "Share of residents 18+ lonely (De Jong Gierveld >= 3) at the start.", G)
_p("initial_severely_lonely_share", "share", 0.089, 0.0, 1.0,
   "RIVM Health Monitor 2020, wijk median 8.9% (NUMBERS.md)",
   "Share of residents 18+ severely lonely (De Jong Gierveld >= 9) at the start.", G)
_p("initial_informal_carer_share", "share", 0.15, 0.0, 1.0,
   "RIVM 2020, wijk median 15% (NUMBERS.md)",
   "Share of residents 18+ giving informal care at the start.", G)
_p("initial_volunteer_share", "share", 0.29, 0.0, 1.0,
   "RIVM 2020, wijk median 29% (NUMBERS.md)",
   "Share of residents 18+ doing volunteer work at the start.", G)

# --- Survey levels predicted from demography (calibration, docs/calibration.md) ----------------
G = "survey levels"
_p("survey_shares_from_demography", "on/off", False, False, True,
   "docs/calibration.md (validation runs predict from demography alone)",
   "If on, the starting shares of (severely) lonely adults, informal carers and volunteers follow from the cut-offs and propensities below, not from the initial_* shares.", G, bool)
_p("loneliness_score_cut", "score", 0.36, -3.0, 5.0,
   "assumed; calibrated to RIVM 2020 loneliness (docs/calibration.md)",
   "Latent loneliness score above which an adult counts as lonely (De Jong Gierveld >= 3) when predicting from demography.", G)
_p("severe_loneliness_score_cut", "score", 1.7, -3.0, 6.0,
   "assumed; calibrated to RIVM 2020 severe loneliness",
   "Latent loneliness score above which an adult counts as severely lonely (De Jong Gierveld >= 9).", G)
_p("carer_min_hours", "hours/week", 1.5, 0.05, 20.0,
   "assumed; calibrated to RIVM 2020 informal carers",
   "Informal help given (13-week average) from which an adult counts as an informal carer when predicting from demography.", G)
_p("volunteer_base_share", "share", 0.33, 0.0, 1.0,
   "RIVM 2020 volunteering (wijk median 29%)",
   "Chance that an adult without a serious need volunteers, outside social housing and born in the Netherlands.", G)
_p("volunteer_deprivation_odds_ratio", "odds ratio", 0.6, 0.05, 2.0,
   "assumed; RIVM 2020 volunteering is lower in deprived wijken (docs/calibration.md)",
   "Odds ratio of volunteering for living in social housing, and again for being born abroad.", G)

# --- Needs: prevalence, life events, escalation (§3, §5) --------------------------------------
G = "needs"
_p("initial_social_need_share", "share", 0.14, 0.0, 1.0,
   "§5.2 (the largest group); assumed level",
   "Share of residents starting with a social support need.", G)
_p("initial_individual_need_share", "share", 0.07, 0.0, 1.0,
   "§5.3; Wmo 54 per 1,000 (NUMBERS.md) as an anchor",
   "Share of residents starting with an individual (person-bound) need.", G)
_p("initial_complex_need_share", "share", 0.012, 0.0, 1.0,
   "§5.4 (the smallest group); VNG: half of costs go to <5% of households",
   "Share of residents starting with a complex multi-problem need.", G)
_p("life_event_rate", "per person-year", 0.2, 0.0, 1.0,
   "assumed; Haaglanden panel: 'multiple life events' share (data/)",
   "Rate of adverse life events (loss, illness, debt, divorce).", G)
_p("life_event_severity", "severity", 0.25, 0.0, 1.0,
   "assumed",
   "Severity added by one life event.", G)
_p("deprivation_event_multiplier", "factor", 2.0, 1.0, 5.0,
   "§Capita selecta typology (achterstandswijk); assumed size",
   "How much more often life events hit residents in social housing.", G)
_p("complex_onset_share", "share", 0.25, 0.0, 1.0,
   "§5.4 (problems in several domains fuel each other); assumed",
   "Chance that a life event hitting an individual need makes it complex.", G)
_p("unmet_need_drift", "severity per week", 0.006, 0.0, 0.1,
   "§4 mechanism 1; assumed",
   "Weekly rise in severity of a need that gets no support.", G)
_p("waiting_escalation_factor", "factor", 2.0, 1.0, 10.0,
   "§7.5; NUMBERS.md (complex cases stay too long because of waiting lists)",
   "Multiplier on severity drift while waiting for help.", G)
_p("complex_reinforcement", "severity per week", 0.003, 0.0, 0.1,
   "§5.4 (problems feed each other); assumed",
   "Extra weekly rise of complex severity, proportional to severity.", G)
_p("spontaneous_recovery_rate", "per week", 0.01, 0.0, 0.2,
   "assumed",
   "Weekly chance a mild social need resolves by itself.", G)
_p("transition_severity", "severity", 0.35, 0.0, 1.0,
   "assumed",
   "Severity in the new need kind right after an escalation or de-escalation.", G)
_p("individual_onset_share", "share", 0.15, 0.0, 1.0,
   "§5.3; assumed (more with age: x3 at 75+)",
   "Share of new needs from a life event that are individual (person-bound) rather than social.", G)
_p("isolation_need_onset_rate", "per person-year", 0.2, 0.0, 2.0,
   "Cacioppo et al. 2009; assumed size",
   "Rate at which an isolated resident (no ties) develops a social need.", G)
_p("crisis_severity", "severity", 0.95, 0.5, 1.0,
   "§Capita selecta (needs hidden until a crisis)",
   "Severity of a complex need at which a hidden problem surfaces as a crisis.", G)

# --- Informal support over the network (§5.2, §6.3) ------------------------------------------
G = "informal support"
_p("mean_neighbourhood_ties", "ties per person", 4.0, 0.0, 30.0,
   "De Jong Gierveld & Van Tilburg 2007 (4-5 good contacts protect); assumed level",
   "Mean number of ties outside the household.", G)
_p("tie_decay_rate", "per year", 0.1, 0.0, 1.0,
   "assumed",
   "Yearly chance that a neighbourhood tie lapses.", G)
_p("informal_hours_per_helper", "hours/week", 3.0, 0.0, 20.0,
   "CBS: volunteers a little over 4 h/week; carers 13.1 h/week (NUMBERS.md)",
   "Hours a willing resident can give per week.", G)
_p("need_hours_social", "hours/week", 5.0, 0.0, 40.0,
   "assumed",
   "Support hours a social need at full severity asks for per week.", G)
_p("need_hours_individual", "hours/week", 20.0, 0.0, 60.0,
   "CBS: carers mean 13.1 h/week; assumed",
   "Support hours an individual need at full severity asks for per week.", G)
_p("companionship_hours", "hours/week", 1.0, 0.0, 10.0,
   "§5.2 (isolated elderly: a fitting social context); assumed",
   "Informal contact a lonely adult asks of their ties per week.", G)
_p("companionship_loneliness_relief", "score", 0.8, 0.0, 3.0,
   "De Jong Gierveld & Van Tilburg 2007; assumed size",
   "Fall in the latent loneliness score when companionship is fully met.", G)
_p("informal_effect_social", "severity per week", 0.012, 0.0, 0.2,
   "§5.2 (fitting social context); assumed",
   "Severity reduction per week of fully met informal support for a social need.", G)
_p("informal_effect_individual", "severity per week", 0.004, 0.0, 0.1,
   "§5.5 ('citizen power within its limits': softens, does not cure)",
   "Severity reduction per week of full informal support, individual need.", G)
_p("helping_relief", "severity per hour", 0.004, 0.0, 0.05,
   "§5.2 (helping others lowers own need)",
   "Reduction of a helper's own social-need severity per hour given.", G)
_p("carer_overload_hours", "hours/week", 8.0, 1.0, 40.0,
   "CBS 2022: 36% of carers give >= 8 h/week, 19% heavily burdened",
   "Weekly hours above which a helper is overloaded.", G)
_p("carer_burnout_weeks", "weeks", 12.0, 1.0, 104.0,
   "assumed",
   "Consecutive overloaded weeks after which a helper burns out and withdraws.", G)
_p("carer_recovery_weeks", "weeks", 26.0, 1.0, 208.0,
   "assumed",
   "Weeks a burnt-out helper stays withdrawn.", G)

# --- Help seeking and hidden need (§5.5 vraagverlegenheid, §6.1) --------------------------------
G = "help seeking"
_p("help_seeking_threshold", "severity", 0.4, 0.0, 1.0,
   "§5.5 (vraagverlegenheid), §6.1 (vraag- en aanbodverlegenheid); assumed level",
   "Mean unmet severity at which a resident seeks formal help.", G)
_p("help_seeking_threshold_spread", "severity", 0.15, 0.0, 0.5,
   "assumed",
   "Spread (sd) of the help-seeking threshold between residents.", G)
_p("youth_threshold_reduction", "severity", 0.15, 0.0, 1.0,
   "§6.1 (youth & family centres, schools and youth doctors signal); assumed",
   "Fall in the help-seeking threshold for residents under 18.", G)
_p("hidden_need_severity", "severity", 0.4, 0.0, 1.0,
   "assumed",
   "Severity above which an unserved social need counts as hidden need.", G)
_p("gp_first_contact_share", "share", 0.15, 0.0, 1.0,
   "CBS youth care 2024: 32% of trajectories referred by the GP, 32% by the municipal team (NUMBERS.md)",
   "Share of help requests for an individual or complex need made to the GP, who refers them straight to specialist care.", G)
_p("private_solution_share", "share", 0.1, 0.0, 1.0,
   "§Capita selecta (affluent: private solutions)",
   "Share of help-seekers with individual needs who buy help privately instead.", G)

# --- Generalists: access and triage (§4.2, §7.4) ----------------------------------------------
G = "generalists"
_p("residents_per_generalist", "residents/FTE", 1500.0, 300.0, 20000.0,
   "assumed (NUMBERS.md: no national norm)",
   "Residents per neighbourhood-team FTE.", G)
_p("generalist_caseload", "cases/FTE", 40.0, 5.0, 150.0,
   "assumed (NUMBERS.md: no national norm; guardians 15-24)",
   "Cases one generalist FTE can hold.", G)
_p("triage_accuracy", "share", 0.75, 0.0, 1.0,
   "§7.4 (the quick scan, CAF example); assumed",
   "Chance that a generalist of skill 0 judges the need kind right.", G)
_p("skill_accuracy_gain", "share", 0.2, 0.0, 1.0,
   "§6.5 (coaching by specialists); assumed",
   "Extra triage accuracy at full generalist skill.", G)
_p("initial_generalist_skill", "share", 0.3, 0.0, 1.0,
   "assumed",
   "Generalists' skill at the start (0-1).", G)
_p("skill_decay_rate", "per year", 0.1, 0.0, 1.0,
   "assumed (staff turnover)",
   "Yearly loss of generalist skill without coaching.", G)
_p("light_help_weeks", "weeks", 8.0, 1.0, 52.0,
   "assumed (NUMBERS.md: not found)",
   "Length of light help by a generalist.", G)
_p("light_help_effect", "severity per week", 0.05, 0.0, 0.3,
   "assumed",
   "Weekly severity reduction of light help on a social need.", G)
_p("case_management_effect", "severity per week", 0.008, 0.0, 0.2,
   "§5.3 (routing); assumed",
   "Weekly severity reduction of case management on an individual need.", G)
_p("case_management_weeks", "weeks", 39.0, 4.0, 260.0,
   "assumed",
   "Length of a case-management episode.", G)
_p("case_management_slot_weight", "case slots", 0.3, 0.05, 1.0,
   "§5.3 (a case manager follows a stable individual need at low intensity); assumed",
   "Case slots a routed individual need occupies.", G)
_p("combined_team_effect", "severity per week", 0.035, 0.0, 0.2,
   "§5.4 (de-escalate by combining and dosing); assumed",
   "Weekly severity reduction of a combined case team at full skill.", G)
_p("combined_team_slots", "cases", 3.0, 1.0, 10.0,
   "§5.4, §5.5 (overkill wastes capacity); assumed",
   "Generalist case slots one combined team occupies.", G)
_p("combined_team_weeks", "weeks", 26.0, 2.0, 156.0,
   "§5.4; assumed",
   "Length of a combined case team's de-escalation episode.", G)
_p("specialist_referral_severity", "severity", 0.6, 0.0, 1.0,
   "assumed",
   "Severity of an individual need above which generalists refer to specialists.", G)
_p("skill_referral_reduction", "severity", 0.25, 0.0, 1.0,
   "§6.5 (skilled generalists handle more); assumed",
   "Rise of that referral threshold at full skill.", G)

# --- Specialists and waiting (§7, §7.5) --------------------------------------------------------
G = "specialists"
_p("specialist_slots_per_1000", "slots per 1,000 residents", 13.0, 0.5, 100.0,
   "assumed; anchored on youth care 7.3 per 100 aged 0-24 (NUMBERS.md)",
   "Specialist treatment slots per 1,000 residents.", G)
_p("specialist_weeks", "weeks", 30.0, 4.0, 156.0,
   "NUMBERS.md (GGZ 51% recovered after 1 year); assumed",
   "Mean length of a specialist trajectory.", G)
_p("specialist_effect", "severity per week", 0.03, 0.0, 0.3,
   "van Straten et al. 2006 (NUMBERS.md); assumed scale",
   "Weekly severity reduction in specialist care.", G)
_p("crisis_cost_eur", "EUR per crisis", 6000.0, 0.0, 100000.0,
   "assumed; NJi: multi-problem family EUR 40-114k/year",
   "Cost of one crisis intervention.", G)

# --- Return to ordinary life and relapse (§4 mechanism 6) -------------------------------------
G = "return"
_p("return_weeks", "weeks", 26.0, 1.0, 104.0,
   "assumed",
   "Weeks after help ends during which a resident is 'returning' and may relapse.", G)
_p("relapse_rate", "per week", 0.012, 0.0, 0.2,
   "assumed (NUMBERS.md: not found)",
   "Weekly relapse chance of a returning resident without ties or landing place.", G)
_p("tie_relapse_protection", "share", 0.5, 0.0, 1.0,
   "De Jong Gierveld & Van Tilburg 2007; assumed",
   "Relapse reduction for a returning resident with a protective network.", G)
_p("protective_ties", "ties", 4.0, 1.0, 20.0,
   "De Jong Gierveld & Van Tilburg 2007 (4-5 good contacts)",
   "Number of ties that protects fully.", G)

# --- Network developers (§6.5, §5.2, §6.3) ----------------------------------------------------
G = "network developers"
_p("developer_ties_per_week", "ties per FTE-week", 3.0, 0.0, 50.0,
   "§6.5; assumed",
   "Introductions between vulnerable and vital residents a developer makes per week at full build-up.", G)
_p("developer_activations_per_week", "residents per FTE-week", 1.5, 0.0, 50.0,
   "§6.3 (professional hour yields citizen hours); assumed",
   "Residents a developer activates to help per week at full build-up.", G)
_p("developer_build_up_years", "years", 2.0, 0.1, 10.0,
   "§6.5 ('a few years' before mutual help takes off)",
   "Time scale on which a developer's effect in an area builds up.", G)
_p("developer_area_size", "residents", 2500.0, 200.0, 50000.0,
   "assumed",
   "Residents in one developer's area of work.", G)
_p("self_sustaining_isolated_share", "share", 0.015, 0.0, 1.0,
   "§6.5 (move on when the area carries itself); assumed",
   "Isolated share in an area at or below which it carries itself and its developer moves on to the area with the most isolation.", G)
_p("activation_decay_rate", "per year", 0.1, 0.0, 1.0,
   "assumed",
   "Yearly chance an activated resident stops helping.", G)
_p("introduction_threshold_reduction", "severity", 0.1, 0.0, 1.0,
   "§4 mechanism 3; assumed",
   "Fall in the help-seeking threshold of a resident a network developer introduced.", G)

# --- Key facility (§6.4) --------------------------------------------------------------------
G = "key facility"
_p("key_facility_reach", "share", 0.5, 0.0, 1.0,
   "§6.4; assumed",
   "Share of residents living within reach of the key facility.", G)
_p("key_facility_tie_rate", "ties per 1,000 in reach per week", 2.0, 0.0, 50.0,
   "§6.4 (meeting place); assumed",
   "Extra tie formation among residents within reach.", G)
_p("key_facility_threshold_reduction", "severity", 0.15, 0.0, 1.0,
   "§6.4 (near, recognisable); assumed",
   "Fall in the help-seeking threshold for residents within reach.", G)
_p("key_facility_signalling_rate", "per week", 0.03, 0.0, 1.0,
   "§6.4 (early signalling); assumed",
   "Weekly chance a hidden need within reach is signalled and offered help.", G)
_p("key_facility_light_slots", "cases per 1,000 in reach", 4.0, 0.0, 50.0,
   "§6.4 (functions under one roof); assumed",
   "Light-help places at the facility, without referral.", G)
_p("landing_place_relapse_reduction", "share", 0.4, 0.0, 1.0,
   "§Capita selecta (landing place); assumed",
   "Relapse reduction for returning residents within reach.", G)

# --- Flex team (§6.5) ------------------------------------------------------------------------
G = "flex team"
_p("flex_caseload", "cases per member", 5.0, 1.0, 40.0,
   "assumed",
   "Short intensive cases one flex-team member holds.", G)
_p("flex_weeks", "weeks", 10.0, 1.0, 52.0,
   "§6.5 (short intensive help); NUMBERS.md matched care",
   "Length of a flex-team trajectory.", G)
_p("flex_effect", "severity per week", 0.05, 0.0, 0.3,
   "§6.5; §9.2 (flex pilots cut inflow to intensive care by tens of percent within a year); NUMBERS.md (matched vs stepped care)",
   "Weekly severity reduction of flex-team care.", G)
_p("flex_max_severity", "severity", 0.85, 0.0, 1.0,
   "§6.5 (matched care early, before problems are entrenched); assumed",
   "Severity above which the flex team leaves an individual need to regional specialists.", G)
_p("flex_coaching_gain", "skill per member-year", 0.3, 0.0, 3.0,
   "§6.5 (coaching generalists); assumed",
   "Skill gain of the whole neighbourhood team per flex member per year, at team size 5.", G)

# --- Costs (§4 mechanism 10) -------------------------------------------------------------------
G = "costs"
_p("cost_generalist_fte_eur", "EUR per FTE-year", 85000.0, 0.0, 300000.0,
   "assumed (CAO Sociaal Werk scale 9-10 incl. overhead)",
   "Yearly cost of one neighbourhood-team FTE.", G)
_p("cost_specialist_week_eur", "EUR per client-week", 260.0, 0.0, 5000.0,
   "NUMBERS.md: ~EUR 11-12k per youth-care user per year",
   "Cost of one week of specialist care.", G)
_p("cost_provision_week_eur", "EUR per client-week", 90.0, 0.0, 2000.0,
   "NUMBERS.md: ~EUR 4.6k per Wmo client per year (derived)",
   "Cost of a week of individual provisions arranged by case management.", G)
_p("cost_developer_fte_eur", "EUR per FTE-year", 80000.0, 0.0, 300000.0,
   "assumed",
   "Yearly cost of one network developer.", G)
_p("cost_key_facility_eur", "EUR per year", 250000.0, 0.0, 5000000.0,
   "assumed",
   "Yearly cost of running the key facility.", G)
_p("cost_flex_member_eur", "EUR per member-year", 110000.0, 0.0, 300000.0,
   "assumed",
   "Yearly cost of one flex-team member.", G)
_p("cost_informal_hour_eur", "EUR per hour", 1.5, 0.0, 50.0,
   "assumed (volunteer support, respite care; informal help costs the municipality little)",
   "Municipal cost per informal hour.", G)
# fmt: on


#: The shipped calibrated parameter set (`wijksim calibrate` on the training wijken of
#: calibration/data/training_wijken.txt; docs/calibration.md). Its values become the defaults,
#: used whenever the user names no other value; each source says so and keeps the assumed value.
CALIBRATED_FILE = Path(__file__).resolve().parent / "data" / "calibrated_params.json"


def _apply_calibration() -> dict[str, Any]:
    if not CALIBRATED_FILE.is_file():
        return {}
    try:
        values = json.loads(CALIBRATED_FILE.read_text(encoding="utf-8"))["parameters"]
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise RuntimeError(f"{CALIBRATED_FILE}: not a fitted parameter file ({e})") from None
    names = {p.name for p in _P}
    unknown = sorted(set(values) - names)
    if unknown:
        raise RuntimeError(f"{CALIBRATED_FILE}: unknown parameter(s) {', '.join(unknown)}")
    for i, p in enumerate(_P):
        if p.name in values:
            try:
                v = p.check(values[p.name])
            except ParameterError as e:
                raise RuntimeError(f"{CALIBRATED_FILE}: {e}") from None
            v = round(v, 4) if isinstance(v, float) else v
            source = f"{p.source}; calibrated (docs/calibration.md; assumed before: {p.default:g})"
            _P[i] = replace(p, default=v, source=source)
    return dict(values)


CALIBRATED = _apply_calibration()

REGISTRY: dict[str, Param] = {p.name: p for p in _P}
if len(REGISTRY) != len(_P):
    raise RuntimeError("duplicate parameter name in the registry")

LEVERS = [p.name for p in _P if p.lever]


def defaults() -> dict[str, Any]:
    return {p.name: p.default for p in _P}


def validate(values: dict[str, Any]) -> dict[str, Any]:
    """Merge over the defaults and check every value; raise ParameterError naming the field."""
    out = defaults()
    for name, value in values.items():
        if name not in REGISTRY:
            close = [n for n in REGISTRY if n.startswith(name[:4])][:3]
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ParameterError(name, value, f"unknown parameter{hint}")
        out[name] = REGISTRY[name].check(value)
    if out["share_aged_0_24"] + out["share_aged_65_plus"] > 1.0:
        raise ParameterError(
            "share_aged_65_plus", out["share_aged_65_plus"], "share_aged_0_24 + share_aged_65_plus exceeds 1"
        )
    if out["share_one_person_households"] + out["share_households_with_children"] > 1.0:
        raise ParameterError(
            "share_households_with_children",
            out["share_households_with_children"],
            "one-person + with-children household shares exceed 1",
        )
    if out["initial_severely_lonely_share"] > out["initial_lonely_share"]:
        raise ParameterError(
            "initial_severely_lonely_share",
            out["initial_severely_lonely_share"],
            "exceeds initial_lonely_share",
        )
    needs = (
        out["initial_social_need_share"]
        + out["initial_individual_need_share"]
        + out["initial_complex_need_share"]
    )
    if needs > 1.0:
        raise ParameterError(
            "initial_social_need_share",
            out["initial_social_need_share"],
            "the three initial need shares add up to more than 1",
        )
    return out


def parse_set(items: list[str]) -> dict[str, Any]:
    """Parse `--set name=value` items; unknown names and bad values raise ParameterError."""
    out: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise ParameterError("--set", item, "expected name=value")
        name, value = item.split("=", 1)
        name = name.strip()
        if name not in REGISTRY:
            raise ParameterError(name, value, "unknown parameter (see `wijksim params`)")
        out[name] = REGISTRY[name].check(value)
    return out


def _number(x: float) -> str:
    """As written in the docs: 5,000,000 rather than 5e+06."""
    return f"{x:,.0f}" if float(x).is_integer() and abs(x) >= 10_000 else f"{x:g}"


def markdown_table() -> str:
    """The registry as a Markdown table, by group (docs/ODD.md embeds it; a test checks they agree)."""
    lines = []
    group = None
    for p in _P:
        if p.group != group:
            group = p.group
            lines += [
                "",
                f"**{group.capitalize()}**",
                "",
                "| name | unit | default | range | source | meaning |",
                "|---|---|---|---|---|---|",
            ]
        rng = "on/off" if p.kind is bool else f"{_number(p.low)} – {_number(p.high)}"
        default = str(p.default).lower() if p.kind is bool else _number(p.default)
        lines.append(f"| `{p.name}` | {p.unit} | {default} | {rng} | {p.source} | {p.description} |")
    return "\n".join(lines).strip() + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
