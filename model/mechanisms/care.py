"""Effects of formal help on severity, and what happens when an episode ends.

The effect of a path depends on the true need kind (§5.5): light help barely touches an individual
need and not a complex one (problems proliferate); a combined team de-escalates complex needs, the
better the more skilled the generalists; treating a simpler need with a heavier path works but
wastes capacity. Specialists and the flex team hand residents back: to case management while an
individual need remains (§5.3 routing), otherwise to ordinary life (mechanism 6).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..state import Need, Path, path_table

#: Paths that are an episode of help with a planned end.
EPISODE = path_table(
    Path.LIGHT_HELP, Path.CASE_MANAGEMENT, Path.COMBINED_TEAM, Path.SPECIALIST_CARE, Path.FLEX_CARE
)


def effect_table(model, skill: float) -> np.ndarray:
    """Weekly severity reduction by path (rows) and true need kind (columns); read-only."""
    p = model.p
    team = p["combined_team_effect"] * (0.5 + 0.5 * skill)
    return _effect_table(
        p["light_help_effect"], p["case_management_effect"], team, p["specialist_effect"], p["flex_effect"]
    )


@lru_cache(maxsize=256)  # the table changes only when the team's skill does
def _effect_table(light: float, cm: float, team: float, spec: float, flex: float) -> np.ndarray:
    e = np.zeros((len(Path), len(Need)), dtype=np.float32)
    e[Path.LIGHT_HELP] = [0, light, 0.2 * light, 0]
    e[Path.WAITING_SPECIALIST] = [0, 0.5 * light, 0, 0]  # stuck in too-light help (§7.5)
    e[Path.CASE_MANAGEMENT] = [0, light, cm, 0]
    e[Path.COMBINED_TEAM] = [0, light, cm, team]
    e[Path.SPECIALIST_CARE] = [0, 0.5 * spec, spec, 0.8 * spec]
    e[Path.FLEX_CARE] = [0, flex, flex, 0.8 * flex]
    e.flags.writeable = False
    return e


def care_effects(model) -> None:
    st = model.st
    e = effect_table(model, model.team_skill())
    effect = e[st.path, st.need]
    # Waiting residents are only held by a generalist if one referred them.
    effect = np.where((st.path == Path.WAITING_SPECIALIST) & (st.provider < 0), 0.0, effect)
    model.dsev -= effect.astype(np.float32)
    counts = np.bincount(st.path, minlength=len(Path))
    model.flows["specialist_client_weeks"] += int(counts[Path.SPECIALIST_CARE])
    model.flows["provision_client_weeks"] += int(counts[Path.CASE_MANAGEMENT] + counts[Path.COMBINED_TEAM])


def end_episodes(model) -> None:
    st, p, w = model.st, model.p, model.week
    # Needs that resolved while waiting leave the queue (no longer a case for specialists).
    gone = (
        ((st.path == Path.WAITING_SPECIALIST) & (st.need <= Need.SOCIAL))
        | ((st.path == Path.WAITING_GENERALIST) & (st.need == Need.NONE))
    ).nonzero()[0]
    if len(gone):
        st.crisis[gone] = False
        model.start_return(gone)
    active = EPISODE[st.path]
    done = (active & ((st.path_end <= w) | (st.need == Need.NONE))).nonzero()[0]
    if len(done) == 0:
        return
    path, need = st.path[done], st.need[done]
    recovered = done[need <= Need.SOCIAL]
    model.release(recovered)
    model.start_return(recovered)
    ind = need == Need.INDIVIDUAL
    # Individual need after light help: back home; the resident will ask again when needed.
    back = done[ind & (path == Path.LIGHT_HELP)]
    model.release(back)
    model.set_path(back, Path.NONE)
    # Routing: the case manager stays with an individual need; specialists hand back.
    keep = done[ind & (path != Path.LIGHT_HELP)]
    model.release(keep)
    model.hand_back(keep)
    cx = need == Need.COMPLEX
    stay = done[cx & (path == Path.SPECIALIST_CARE)]
    st.path_end[stay] = w + int(p["specialist_weeks"] // 2)
    onward = done[cx & (path != Path.SPECIALIST_CARE)]
    model.release(onward)
    model.refer_onwards(onward)
