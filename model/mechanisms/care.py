"""What formal help does (DESIGN.md §4 mechanisms 4-6): its effect on severity, and what happens
when an episode ends.

The effect of a path depends on the true need kind (§5.5): light help barely touches an individual
need and not a complex one (problems proliferate); a combined team de-escalates complex needs, the
better the more skilled the generalists; treating a simpler need with a heavier path works but
wastes capacity. Specialists and the flex team hand residents back: to case management while an
individual need remains (§5.3 routing), otherwise to ordinary life (mechanism 6).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .. import transitions
from ..codes import Need, Path, path_table
from ..interface import Neighbourhood
from . import help_seeking
from .flex_team import refer_onwards
from .specialist_care import held_back

#: Paths that are an episode of help with a planned end.
EPISODE = path_table(
    Path.LIGHT_HELP, Path.CASE_MANAGEMENT, Path.COMBINED_TEAM, Path.SPECIALIST_CARE, Path.FLEX_CARE
)


#: The shares of `effect_table`, by their registry names.
EFFECT_SHARES = (
    "light_help_individual_share",
    "waiting_light_help_share",
    "specialist_effect_social_share",
    "specialist_effect_complex_share",
    "flex_effect_complex_share",
)


def effect_table(model: Neighbourhood, skill: float) -> np.ndarray:
    """Weekly severity reduction by path (rows) and true need kind (columns); read-only."""
    p = model.p
    unskilled = p["combined_team_unskilled_share"]
    team = p["combined_team_effect"] * (unskilled + (1.0 - unskilled) * skill)
    return _effect_table(
        p["light_help_effect"],
        p["case_management_effect"],
        team,
        p["specialist_effect"],
        p["flex_effect"],
        tuple(p[k] for k in EFFECT_SHARES),
    )


@lru_cache(maxsize=256)  # the table changes only when the team's skill does
def _effect_table(
    light: float, cm: float, team: float, spec: float, flex: float, shares: tuple[float, ...]
) -> np.ndarray:
    light_on_individual, waiting_light, spec_on_social, spec_on_complex, flex_on_complex = shares
    e = np.zeros((len(Path), len(Need)), dtype=np.float32)
    e[Path.LIGHT_HELP] = [0, light, light_on_individual * light, 0]
    e[Path.WAITING_SPECIALIST] = [0, waiting_light * light, 0, 0]  # stuck in too-light help (§7.5)
    e[Path.CASE_MANAGEMENT] = [0, light, cm, 0]
    e[Path.COMBINED_TEAM] = [0, light, cm, team]
    e[Path.SPECIALIST_CARE] = [0, spec_on_social * spec, spec, spec_on_complex * spec]
    e[Path.FLEX_CARE] = [0, flex, flex, flex_on_complex * flex]
    e.flags.writeable = False
    return e


def care_effects(model: Neighbourhood) -> None:
    st = model.st
    e = effect_table(model, model.team_skill())
    effect = e.ravel()[st.path.astype(np.intp) * len(Need) + st.need]  # e[path, need], 2x faster
    # Waiting residents are only held by a generalist if one referred them.
    effect[(st.path == Path.WAITING_SPECIALIST) & (st.provider < 0)] = 0.0
    model.dsev -= effect
    # Client-weeks of the paths the costs count (four of the twelve paths, so no full tally).
    path = st.path
    specialist = np.count_nonzero(path == Path.SPECIALIST_CARE)
    flex = np.count_nonzero(path == Path.FLEX_CARE)
    waiting_crises = np.count_nonzero(st.crisis & (path == Path.WAITING_SPECIALIST))
    provision = np.count_nonzero(path == Path.CASE_MANAGEMENT) + np.count_nonzero(path == Path.COMBINED_TEAM)
    model.flows["specialist_client_weeks"] += specialist
    model.flows["heavy_care_client_weeks"] += specialist + flex + waiting_crises
    model.flows["provision_client_weeks"] += provision


def end_episodes(model: Neighbourhood) -> None:
    st, p, w = model.st, model.p, model.week
    # Needs that resolved while waiting leave the queue (no longer a case for specialists).
    gone = (
        ((st.path == Path.WAITING_SPECIALIST) & (st.need <= Need.SOCIAL))
        | ((st.path == Path.WAITING_GENERALIST) & (st.need == Need.NONE))
    ).nonzero()[0]
    if len(gone):
        st.crisis[gone] = False
        transitions.start_return(model, gone)
    active = EPISODE[st.path]
    done = (active & ((st.path_end <= w) | (st.need == Need.NONE))).nonzero()[0]
    if len(done) == 0:
        return
    path, need = st.path[done], st.need[done]
    recovered = done[need <= Need.SOCIAL]
    transitions.release(model, recovered)
    transitions.start_return(model, recovered)
    ind = need == Need.INDIVIDUAL
    # Individual need after light help: back home; the resident will ask again when needed.
    back = done[ind & (path == Path.LIGHT_HELP)]
    transitions.release(model, back)
    transitions.set_path(model, back, Path.NONE)
    # Routing: the case manager stays with an individual need that still asks for help;
    # specialists hand back. A lasting need that help has softened below the resident's own
    # threshold goes home: it lasts, but it does not hold a case manager's place for years.
    keep = done[ind & (path != Path.LIGHT_HELP)]
    asks = help_seeking.unmet_severity(model, keep) > help_seeking.effective_threshold(model, keep)
    transitions.start_return(model, keep[~asks])
    keep = keep[asks]
    transitions.release(model, keep)
    transitions.hand_back(model, keep)
    cx = need == Need.COMPLEX
    stay = done[cx & (path == Path.SPECIALIST_CARE)]
    st.path_end[stay] = w + int(p["specialist_weeks"] * p["complex_stay_share"])
    onward = done[cx & (path != Path.SPECIALIST_CARE)]
    model.flows["referral_candidates"] += len(onward)
    held = held_back(model, onward)  # a long wait: the combined team keeps the case longer (§7.5)
    st.path_end[onward[held]] = w + int(p["combined_team_weeks"])
    onward = onward[~held]
    transitions.release(model, onward)
    refer_onwards(model, onward)
