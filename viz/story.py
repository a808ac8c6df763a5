"""The network through the years, the baseline next to one scenario: a single replication of each,
with the same seed (common random numbers), run with its history recorded, with yearly snapshots of
the same readable sample of residents and counts of the whole population.

A resident's story, told from that history, is in `viz/storyline.py`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.codes import FORMAL_PATHS, WEEKS_PER_YEAR, path_table
from .numbers import number
from .runner import Setting, decisions, validate_overrides

#: The population counts shown under each panel, in order: (key, text key).
COUNTS = (
    ("isolated", "count_isolated"),
    ("informal", "count_informal"),
    ("formal", "count_formal"),
)
FORMAL = path_table(*FORMAL_PATHS)


def network_run(setting: Setting, overrides: dict[str, Any], sample_size: int = 400) -> dict[str, Any]:
    """One replication (the first seed) with yearly snapshots of a readable sample of residents."""
    from ..model.neighbourhood import NeighbourhoodModel  # start-up: the page loads without Mesa

    params, changes = validate_overrides(setting, overrides), decisions(overrides)
    model = NeighbourhoodModel(
        rng=setting.seeds()[0], years=setting.years, record_history=True, changes=changes, **params
    )
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


def network_pair(
    setting: Setting, name: str, overrides: dict[str, Any], sample_size: int = 400
) -> dict[str, Any]:
    """The baseline and one scenario, same seed and same sample: the same residents start in the
    same places with the same ties, so what differs in the picture is what the scenario did."""
    return {
        "name": name,
        "baseline": network_run(setting, {}, sample_size),
        "scenario": network_run(setting, overrides, sample_size),
    }


def population_counts(model) -> dict[str, int]:
    """Residents of the whole population (not only the drawn sample) who are isolated, helped
    informally this week, or in formal help, as the indicators of the same names count them:
    isolated as `isolated_share` (no tie, household included), informal as the informal support
    indicators (some of this week's need met by neighbours, household, kin or volunteers), formal as
    the formal support paths (`codes.FORMAL_PATHS`: a professional holds the case, waiting included)."""
    st = model.st
    return {
        "isolated": int(np.count_nonzero(model.network.degree == 0)),
        "informal": int(np.count_nonzero(st.informal_met > 0)),
        "formal": int(np.count_nonzero(FORMAL[st.path])),
        "residents": int(st.n),
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
        "counts": population_counts(model),
    }


def snapshot(net: dict[str, Any], year: int) -> dict[str, Any]:
    """The year's snapshot (the last one if the run was shorter)."""
    return net["snapshots"][min(year, len(net["snapshots"]) - 1)]


def count_values(counts: dict[str, int], lang: str) -> list[str]:
    """Each count with its share of the population ("12 (0,6%)"), in `COUNTS` order."""
    n = max(counts["residents"], 1)
    return [
        f"{number(counts[key], lang, 9)} ({number(100 * counts[key] / n, lang, 2)}%)" for key, _ in COUNTS
    ]


def counts_table(pair: dict[str, Any], year: int, lang: str, t) -> str:
    """The counts as a Markdown table (a row per count, a column for the baseline and for the
    scenario): the picture's numbers as text, which screen readers read."""
    base, scen = (snapshot(pair[side], year) for side in ("baseline", "scenario"))
    rows = [
        f"| {t('counts_in_year').format(year=base['year'])} | {t('baseline')} | {pair['name']} |",
        "|---|---|---|",
        f"| {t('count_residents')} | "
        + " | ".join(number(s["counts"]["residents"], lang, 9) for s in (base, scen))
        + " |",
    ]
    for (_, label), b, s in zip(
        COUNTS, count_values(base["counts"], lang), count_values(scen["counts"], lang), strict=True
    ):
        rows.append(f"| {t(label)} | {b} | {s} |")
    return "\n".join(rows)
