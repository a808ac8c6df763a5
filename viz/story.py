"""The network through the years and one resident's story: a single replication, run with its
history recorded, with yearly snapshots of a readable sample of residents."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.codes import WEEKS_PER_YEAR
from .runner import Setting, validate_overrides


def network_run(setting: Setting, overrides: dict[str, Any], sample_size: int = 400) -> dict[str, Any]:
    """One replication (the first seed) with yearly snapshots of a readable sample of residents."""
    from ..model.neighbourhood import NeighbourhoodModel  # start-up: the page loads without Mesa

    params = validate_overrides(setting, overrides)
    model = NeighbourhoodModel(rng=setting.seeds()[0], years=setting.years, record_history=True, **params)
    rng = np.random.default_rng(0)
    n = model.st.n
    sample = np.sort(rng.choice(n, size=min(sample_size, n), replace=False))
    snapshots = [_snapshot(model, sample)]
    while model.running:
        model.step()
        if model.week % WEEKS_PER_YEAR == 0:
            snapshots.append(_snapshot(model, sample))
    kf = model.key_facility
    return {
        "model": model,
        "sample": sample,
        "snapshots": snapshots,
        "facility": (kf.x, kf.y, kf.radius) if kf is not None else None,
    }


def _snapshot(model, sample: np.ndarray) -> dict[str, Any]:
    st = model.st
    a = model.network.adjacency[sample][:, sample].tocoo()
    keep = a.row < a.col
    return {
        "year": model.week // WEEKS_PER_YEAR,
        "x": st.x[sample].copy(),
        "y": st.y[sample].copy(),
        "need": st.need[sample].copy(),
        "path": st.path[sample].copy(),
        "volunteer": (st.volunteer | st.activated)[sample].copy(),
        "edges": (a.row[keep], a.col[keep]),
    }


def resident_story(model, i: int, t) -> list[str]:
    """A resident's pathway as short sentences: who they are, then what happened, week by week."""
    r = model.resident(i)
    age = int(r.age)
    who = t("story_intro").format(
        i=i, age=age, alone=t("alone") if r.lives_alone else t("with_others"), ties=len(r.ties)
    )
    lines = [who]
    for e in r.history():
        week = e["week"]
        when = (
            t("before_start")
            if week <= 0
            else t("week_year").format(
                week=(week - 1) % WEEKS_PER_YEAR + 1, year=(week - 1) // WEEKS_PER_YEAR + 1
            )
        )
        lines.append(f"{when}: {t(e['event'])}")
    lines.append(t("story_now").format(need=t(f"need_{r.need_kind}"), path=t(f"path_{r.support_path}")))
    return lines


def interesting_residents(model, k: int = 12) -> list[int]:
    """Residents whose story has something in it (most events), for the story picker."""
    return model.events.most_eventful(k, since_week=1)
