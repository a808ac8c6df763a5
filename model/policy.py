"""Policy that changes during a run (`--change YEAR:NAME=VALUE`): from the start of a year a
parameter takes a new value, e.g. specialist capacity cut now and restored later.

Most parameters are read by the mechanisms every week, so a new value simply holds from then on.
Those that the model turned into agents or derived values at set-up are applied here: the levers
(developers, flex-team members and the key facility come and go), team and specialist capacity
(raised specialist capacity grows back over years, `mechanisms.specialist_care.rebuild`), and the
rates derived from ages. Parameters that shape the neighbourhood itself cannot change
(`params.changeable`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .codes import WEEKS_PER_YEAR, posts
from .interface import Neighbourhood
from .mechanisms import flex_team, key_facility, network_developers
from .params import check_change

#: Parameters whose new value takes more than storing it.
DERIVED_FROM_AGES = (
    "life_event_rate",
    "deprivation_event_multiplier",
    "individual_onset_weight_75_plus",
    "individual_onset_weight_under_18",
)
TEAM = ("neighbourhood_team_factor", "residents_per_generalist", "generalist_caseload")


def schedule(changes, years: float) -> dict[int, list[tuple[str, Any]]]:
    """Checked changes by the week they take effect (the first week of their year)."""
    out: dict[int, list[tuple[str, Any]]] = {}
    for year, name, value in changes:
        year, name, value = check_change(year, name, value, int(np.ceil(years)))
        out.setdefault((year - 1) * WEEKS_PER_YEAR + 1, []).append((name, value))
    return out


def apply(model: Any, name: str, value: Any) -> None:
    """Give a parameter a new value from this week on."""
    p = model.p
    if name == "specialist_capacity_factor":
        model.specialist_capacity_target = value
        if value < p[name]:  # a cut takes effect at once; capacity raised grows back (rebuild)
            model.set_specialist_capacity(value)
        return
    p[name] = value
    if name in TEAM:
        model.set_neighbourhood_team(p["neighbourhood_team_factor"])
    elif name in DERIVED_FROM_AGES:
        model.derive_from_ages()
    elif name == "network_developers":
        _developers(model, float(value))
    elif name == "flex_team":
        _flex_team(model, float(value))
    elif name == "key_facility":
        if value and model.key_facility is None:
            model.key_facility = key_facility.open_facility(model)
        elif not value and model.key_facility is not None:
            model.key_facility.remove()
            model.key_facility = None
            model.st.in_reach[:] = False


def _developers(model: Neighbourhood, fte: float) -> None:
    """The new dose: developers who stay keep their area and their work; posts are added or removed
    at the end, and the last post takes the fraction."""
    want = posts(fte)
    while len(model.network_developers) > len(want):
        model.network_developers.pop().remove()
    for developer, share in zip(model.network_developers, want, strict=False):
        developer.fte = share
    if len(model.network_developers) < len(want):
        taken = {d.area for d in model.network_developers}
        isolated = model.isolated_share_by_area()
        free = [int(a) for a in np.argsort(-isolated) if int(a) not in taken] or [int(np.argmax(isolated))]
        for i, share in enumerate(want[len(model.network_developers) :]):
            model.network_developers.append(
                network_developers.NetworkDeveloper(model, free[i % len(free)], share)
            )


def _flex_team(model: Neighbourhood, fte: float) -> None:
    want = posts(fte)
    while len(model.flex_team) > len(want):
        model.flex_team.pop().remove()
    for member, share in zip(model.flex_team, want, strict=False):
        member.fte = share
    for share in want[len(model.flex_team) :]:
        model.flex_team.append(flex_team.FlexTeamMember(model, share))
