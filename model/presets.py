"""Neighbourhood presets: the book's typology of neighbourhoods and villages (§6.1 and the Capita
selecta 'Typologie van wijken en dorpen'), each a documented set of parameter values.

Values not given here are the registry defaults (a middle-class wijk, anchored on the median Dutch
wijk of the scan data). Demographic values are typical of wijken of that type in the 2024 scan data;
behavioural values (need prevalence, cohesion, reluctance to ask, private solutions) follow the
book's description of the type, with sizes assumed.
"""

from __future__ import annotations

from typing import Any

from .params import ParameterError, validate

PRESETS: dict[str, dict[str, Any]] = {
    "middle-class": {
        "rationale": "The reference: a middle-class wijk, set to the median Dutch wijk of the 2024 scan "
        "and the RIVM 2020 survey. Needs and cohesion average; help is sought when needed.",
        "values": {},
    },
    "deprived": {
        "rationale": "Achterstandswijk: much social housing, many residents born abroad and living "
        "alone; needs of all three kinds more common and more often complex; weaker ties "
        "and fewer volunteers; reluctance to ask and distrust of institutions keep needs "
        "hidden until they escalate (§6.1, Capita selecta). Municipalities staff teams and buy "
        "care by need, so capacity per resident is higher (sizes assumed).",
        "values": {
            "share_social_housing": 0.60,
            "share_born_abroad": 0.40,
            "share_one_person_households": 0.48,
            "share_aged_0_24": 0.31,
            "share_aged_65_plus": 0.13,
            "share_households_with_children": 0.30,
            "initial_lonely_share": 0.52,
            "initial_severely_lonely_share": 0.15,
            "initial_informal_carer_share": 0.13,
            "initial_volunteer_share": 0.20,
            "initial_social_need_share": 0.20,
            "initial_individual_need_share": 0.09,
            "initial_complex_need_share": 0.03,
            "mean_neighbourhood_ties": 3.0,
            "help_seeking_threshold": 0.50,
            "private_solution_share": 0.02,
            "residents_per_generalist": 900.0,
            "specialist_slots_per_1000": 24.0,
        },
    },
    "affluent": {
        "rationale": "Voorstandswijk: owner-occupied, high incomes; fewer and milder needs; many "
        "volunteers; residents buy private solutions and ask the municipality late "
        "(Capita selecta).",
        "values": {
            "share_social_housing": 0.06,
            "share_born_abroad": 0.12,
            "share_one_person_households": 0.28,
            "share_aged_0_24": 0.27,
            "share_aged_65_plus": 0.24,
            "share_households_with_children": 0.34,
            "initial_lonely_share": 0.37,
            "initial_severely_lonely_share": 0.06,
            "initial_informal_carer_share": 0.16,
            "initial_volunteer_share": 0.37,
            "initial_social_need_share": 0.09,
            "initial_individual_need_share": 0.06,
            "initial_complex_need_share": 0.005,
            "mean_neighbourhood_ties": 4.5,
            "help_seeking_threshold": 0.50,
            "private_solution_share": 0.45,
        },
    },
    "commuter-village": {
        "rationale": "Forenzendorp: families who work and socialise elsewhere; few local ties and "
        "little daytime presence, so informal help nearby is thin; needs modest; private "
        "solutions common (Capita selecta).",
        "values": {
            "share_social_housing": 0.12,
            "share_born_abroad": 0.06,
            "share_one_person_households": 0.24,
            "share_aged_0_24": 0.29,
            "share_aged_65_plus": 0.20,
            "share_households_with_children": 0.38,
            "initial_lonely_share": 0.39,
            "initial_severely_lonely_share": 0.065,
            "initial_informal_carer_share": 0.16,
            "initial_volunteer_share": 0.32,
            "initial_social_need_share": 0.11,
            "initial_individual_need_share": 0.06,
            "initial_complex_need_share": 0.008,
            "mean_neighbourhood_ties": 3.2,
            "help_seeking_threshold": 0.45,
            "private_solution_share": 0.25,
        },
    },
    "town-without-cohesion": {
        "rationale": "'Storp': a grown village that is neither town nor village; old and new residents "
        "live apart, cohesion is low, informal help is thin and needs stay hidden until a "
        "crisis (Capita selecta).",
        "values": {
            "share_social_housing": 0.30,
            "share_born_abroad": 0.10,
            "share_one_person_households": 0.35,
            "share_aged_0_24": 0.27,
            "share_aged_65_plus": 0.22,
            "share_households_with_children": 0.30,
            "initial_lonely_share": 0.47,
            "initial_severely_lonely_share": 0.10,
            "initial_informal_carer_share": 0.14,
            "initial_volunteer_share": 0.24,
            "initial_social_need_share": 0.16,
            "initial_individual_need_share": 0.08,
            "initial_complex_need_share": 0.016,
            "mean_neighbourhood_ties": 2.8,
            "help_seeking_threshold": 0.52,
            "private_solution_share": 0.10,
            "residents_per_generalist": 1300.0,
            "specialist_slots_per_1000": 16.0,
        },
    },
    "traditional-village": {
        "rationale": "Traditional village: strong cohesion, many ties, much informal care and "
        "volunteering; 'we solve it ourselves' also means shame to ask, so some needs stay "
        "hidden (Capita selecta).",
        "values": {
            "share_social_housing": 0.18,
            "share_born_abroad": 0.03,
            "share_one_person_households": 0.27,
            "share_aged_0_24": 0.27,
            "share_aged_65_plus": 0.23,
            "share_households_with_children": 0.32,
            "initial_lonely_share": 0.37,
            "initial_severely_lonely_share": 0.06,
            "initial_informal_carer_share": 0.18,
            "initial_volunteer_share": 0.38,
            "initial_social_need_share": 0.10,
            "initial_individual_need_share": 0.07,
            "initial_complex_need_share": 0.008,
            "mean_neighbourhood_ties": 6.0,
            "help_seeking_threshold": 0.55,
            "private_solution_share": 0.10,
        },
    },
    "small-residential-village": {
        "rationale": "Small residential village: ageing, few facilities nearby, reasonable ties; "
        "individual needs of older residents weigh on a small pool of carers (Capita "
        "selecta).",
        "values": {
            "share_social_housing": 0.10,
            "share_born_abroad": 0.03,
            "share_one_person_households": 0.28,
            "share_aged_0_24": 0.22,
            "share_aged_65_plus": 0.30,
            "share_households_with_children": 0.26,
            "initial_lonely_share": 0.40,
            "initial_severely_lonely_share": 0.07,
            "initial_informal_carer_share": 0.17,
            "initial_volunteer_share": 0.35,
            "initial_social_need_share": 0.11,
            "initial_individual_need_share": 0.08,
            "initial_complex_need_share": 0.006,
            "mean_neighbourhood_ties": 4.5,
            "help_seeking_threshold": 0.50,
            "private_solution_share": 0.20,
        },
    },
}
PRESETS["default"] = {
    "rationale": "The embedded default: the middle-class neighbourhood.",
    "values": PRESETS["middle-class"]["values"],
    "alias_of": "middle-class",
}

PRESET_NAMES = (
    "default",
    "deprived",
    "middle-class",
    "affluent",
    "commuter-village",
    "town-without-cohesion",
    "traditional-village",
    "small-residential-village",
)


def preset_values(name: str) -> dict[str, Any]:
    if name not in PRESETS:
        raise ParameterError("preset", name, f"unknown preset; choose one of {', '.join(PRESET_NAMES)}")
    return dict(PRESETS[name]["values"])


def check_presets() -> None:
    """Every preset is a valid parameter set (used by the tests)."""
    for name in PRESET_NAMES:
        validate(preset_values(name))
