"""The runs the battery needs ("arms"), each once, shared by every pattern that reads it.

Arms of the same neighbourhood run with the same seeds (paired replications), so differences
between them are differences of policy, not of chance. Lever doses are per 10,000 residents and
become FTE or members for the simulated size (fractions allowed since issue 21); `max` is the
registry's largest value, whatever the size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...model.codes import dose_for
from ...model.params import REGISTRY

#: The book's seven neighbourhood types (`default` is the middle-class wijk).
PRESETS = (
    "default",
    "deprived",
    "affluent",
    "commuter-village",
    "town-without-cohesion",
    "traditional-village",
    "small-residential-village",
)
#: A fixed sample of 40 shipped wijken (model/data/wijken_2024.csv) with complete demography and
#: survey cells and at least 1,000 residents, the first 40 by sha256('wijksim-patterns-v1:' + code).
WIJK_SAMPLE = (
    "WK026202", "WK016012", "WK053703", "WK032702", "WK008062", "WK079613", "WK194203", "WK040533",
    "WK040520", "WK170602", "WK037504", "WK177417", "WK036102", "WK048920", "WK038403", "WK021306",
    "WK172301", "WK165503", "WK193112", "WK054601", "WK011850", "WK053103", "WK051837", "WK172405",
    "WK076203", "WK079606", "WK016407", "WK024315", "WK050314", "WK079604", "WK031004", "WK051844",
    "WK195910", "WK051201", "WK196311", "WK037508", "WK014701", "WK077241", "WK051839", "WK037505",
)  # fmt: skip
#: Groningen Centrum, the student district that tipped in every run tried (docs/ODD.md §9).
GRONINGEN_CENTRUM = "WK001400"
#: Years the across-wijken arms run (from demography alone, one replication each).
WIJK_YEARS = 3


@dataclass(frozen=True)
class Arm:
    name: str
    preset: str | None = "default"
    wijk: str | None = None
    #: Lever doses per 10,000 residents (network_developers, flex_team), booleans and factors as given.
    levers: tuple[tuple[str, Any], ...] = ()
    years: int = 10
    #: "all": every replication; "one": the first seed only (the wijken sample).
    replications: str = "all"
    #: Wijk arms: start from the row's observed survey shares (True) or from demography alone.
    observed_survey: bool = True
    #: Extra per-resident statistic computed inside the run ("clearance").
    probe: str | None = None
    #: Policy that changes during the run: (year, parameter, value).
    changes: tuple[tuple[int, str, Any], ...] = ()

    @property
    def neighbourhood(self) -> str:
        return self.wijk or self.preset or "default"


def lever_values(arm: Arm, residents: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in arm.levers:
        if name in ("network_developers", "flex_team") and value != "max":
            out[name] = dose_for(value, residents)
        elif value == "max":
            out[name] = REGISTRY[name].high
        else:
            out[name] = value
    return out


#: The largest network-developer dose the registry allows (FTE, whatever the size).
DEV_MAX = (("network_developers", "max"),)
FACILITY = (("key_facility", True),)
#: Today's tests/test_levers.py doses, per 10,000 (2 developers and 3 flex members at 4,000 residents).
DEV_TEST = (("network_developers", 5.0),)
FLEX_TEST = (("flex_team", 7.5),)


def default_arms() -> list[Arm]:
    """The arms on the default preset."""
    return [
        Arm("base", probe="clearance"),
        Arm("dev1", levers=(("network_developers", 1.0),)),
        Arm("dev5", levers=DEV_TEST),
        Arm("devmax", levers=DEV_MAX, probe="clearance"),
        Arm("facility", levers=FACILITY),
        Arm("flex2", levers=(("flex_team", 2.0),)),
        Arm("flex_test", levers=FLEX_TEST),
        Arm("all_test", levers=DEV_TEST + FACILITY + FLEX_TEST),
        Arm("all_moderate", levers=(("network_developers", 1.0),) + FACILITY + (("flex_team", 2.0),)),
        Arm("cut50", levers=(("specialist_capacity_factor", 0.5),)),
        Arm("cut85", levers=(("specialist_capacity_factor", 0.85),)),
        Arm(
            "danish",
            levers=(("specialist_capacity_factor", 0.5),),
            changes=((5, "specialist_capacity_factor", 1.0),),
        ),
        Arm("no_team", levers=(("neighbourhood_team_factor", 0.0),)),
    ]


def preset_arms() -> list[Arm]:
    """Baseline and developer doses in every other preset (the bounds and the context)."""
    out = []
    for preset in PRESETS[1:]:
        out += [
            Arm(f"{preset}/base", preset=preset),
            Arm(f"{preset}/dev1", preset=preset, levers=(("network_developers", 1.0),)),
            Arm(f"{preset}/dev5", preset=preset, levers=DEV_TEST),
            Arm(f"{preset}/devmax", preset=preset, levers=DEV_MAX),
        ]
    return out


def wijk_arms() -> list[Arm]:
    out = [
        Arm(
            f"wijk/{code}",
            preset=None,
            wijk=code,
            years=WIJK_YEARS,
            replications="one",
            observed_survey=False,
        )
        for code in WIJK_SAMPLE
    ]
    out.append(Arm("groningen_centrum", preset=None, wijk=GRONINGEN_CENTRUM))
    return out


def all_arms() -> dict[str, Arm]:
    arms = default_arms() + preset_arms() + wijk_arms()
    return {a.name: a for a in arms}


def preset_arm(preset: str, lever: str) -> str:
    """The name of a preset's arm: 'base', 'dev1', ... on the default preset, else 'preset/lever'."""
    return lever if preset == "default" else f"{preset}/{lever}"
