"""The weekly row of indicators (DESIGN.md §6): stocks at the end of the week, flows during it.

Every column is described in `registry.WEEKLY`. CBS counts Wmo and youth-care clients with a
provision in the year's first half, so the flags of who had one are kept here too.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..codes import (
    HALF_YEAR_WEEKS,
    PER_RESIDENTS,
    PROVISION_PATHS,
    WEEKS_PER_YEAR,
    Need,
    Path,
    path_table,
    tally,
)
from ..interface import Neighbourhood
from ..mechanisms.help_seeking import hidden_count
from .registry import AGE_BANDS, COST_FUNCTIONS, FLOWS, band_key

PROVISION = path_table(*PROVISION_PATHS)
#: (column, path) of the weekly row's counts by path.
PATH_COLUMNS = tuple((f"path_{Path.key(path)}", int(path)) for path in Path)
#: `by_age`'s metrics, in the order of its columns (lonely and carer shares not for 0-17).
BY_AGE_METRICS = (
    "residents", "need_social_share", "need_individual_share", "need_complex_share", "lonely_share",
    "informal_carer_share", "wmo_clients_h1",
)  # fmt: skip
#: Which of a band's 32 cells (need kind x lonely x carer x Wmo client, `by_age`) each metric counts.
_CELL = np.arange(32)
_CELL_METRICS = np.stack(
    [_CELL >= 0, _CELL >> 3 == Need.SOCIAL, _CELL >> 3 == Need.INDIVIDUAL, _CELL >> 3 == Need.COMPLEX]
    + [((_CELL >> bit) & 1) == 1 for bit in (2, 1, 0)],
    axis=1,
).astype(np.int64)
#: (column, metric, band) of each `by_age` column, in the order of the weekly row.
BY_AGE_COLUMNS = tuple(
    (f"by_age_{band_key(name)}_{metric}", m, b)
    for b, (name, *_) in enumerate(AGE_BANDS)
    for m, metric in enumerate(BY_AGE_METRICS)
    if not (b == 0 and metric in ("lonely_share", "informal_carer_share"))
)


#: The flows' columns, and each cost function's column, made once: the weekly row is made 520 times a
#: run, and unpacking `FLOWS`' 5-tuples and an f-string per cost took half of its 46 µs.
FLOW_COLUMNS = tuple(name for name, *_ in FLOWS)
COST_COLUMN = {fn: f"cost_{fn}_eur" for fn in COST_FUNCTIONS}


def weekly_costs(model: Neighbourhood) -> dict[str, float]:
    p, f = model.p, model.flows
    year = 1.0 / WEEKS_PER_YEAR
    return {
        "neighbourhood_team": model.generalist_fte * p["cost_generalist_fte_eur"] * year,
        "individual_provisions": f["provision_client_weeks"] * p["cost_provision_week_eur"],
        "specialist_care": f["specialist_client_weeks"] * p["cost_specialist_week_eur"],
        "crisis_care": f["crises"] * p["crisis_cost_eur"],
        "bridging_care": f["bridging_client_weeks"] * p["cost_bridging_week_eur"],
        "light_wmo_provisions": f["wmo_light_client_weeks"] * p["cost_wmo_light_week_eur"],
        "informal_support": f["informal_hours"] * p["cost_informal_hour_eur"],
        "network_developers": model.developer_fte * p["cost_developer_fte_eur"] * year,
        # per 10,000 residents: the facility's reach and places grow with the residents simulated
        "key_facility": (
            p["cost_key_facility_eur"] * model.st.n / PER_RESIDENTS * year
            if model.key_facility is not None
            else 0.0
        ),
        "flex_team": model.flex_fte * p["cost_flex_member_eur"] * year,
    }


def reporting_week(week: int) -> bool:
    """Weeks whose stocks the yearly summary reads: the start, each year's end and mid-year."""
    return week <= 0 or week % WEEKS_PER_YEAR in (0, HALF_YEAR_WEEKS)


def flows_row(model: Neighbourhood) -> dict[str, Any]:
    """The part of a weekly row the yearly summary sums or averages over all weeks."""
    cap = float(model.generalist_capacity().sum())
    spec = model.specialist_slots
    row: dict[str, Any] = {
        "week": model.week,
        "year": (model.week - 1) // WEEKS_PER_YEAR + 1 if model.week > 0 else 0,
        "residents": model.st.n,
        "generalist_utilisation": float(model.generalist_load().sum() / cap) if cap > 0 else 0.0,
        "specialist_utilisation": (
            np.count_nonzero(model.st.path == Path.SPECIALIST_CARE) + model.region.in_care
        )
        / spec
        if spec
        else 0.0,
    }
    flows = model.flows
    for k in FLOW_COLUMNS:
        row[k] = float(flows[k])
    for k, v in weekly_costs(model).items():
        row[COST_COLUMN[k]] = float(v)
    return row


def weekly_row(model: Neighbourhood) -> dict[str, Any]:
    """Every indicator of the week just run (see docs/ODD.md §8)."""
    row = flows_row(model)
    if not model.full_weekly_rows and not reporting_week(model.week):
        return row
    st = model.st
    n = st.n
    adults = model.adults
    n_adults = max(model.n_adults, 1)
    degree = model.network.degree
    paths = tally(st.path, len(Path))
    kinds = tally(st.need, len(Need))
    needs = kinds / n
    needy = (st.need != Need.NONE).nonzero()[0]  # a mask: 5x faster than the int8 codes' nonzero
    sev = st.severity[needy]
    above_social = kinds[Need.INDIVIDUAL] + 2 * kinds[Need.COMPLEX]  # the needy's (need - 1), summed
    count = np.count_nonzero
    row |= {
        "need_social_share": float(needs[Need.SOCIAL]),
        "need_individual_share": float(needs[Need.INDIVIDUAL]),
        "need_complex_share": float(needs[Need.COMPLEX]),
        "mean_severity": float(sev.mean()) if len(needy) else 0.0,
        "self_reliance": float(1.0 - (above_social + sev.sum()) / (3.0 * n)),
        "hidden_need_share": hidden_count(model, needy) / n,
        "waiting_list": int(paths[Path.WAITING_SPECIALIST]),
        "waiting_generalist": int(paths[Path.WAITING_GENERALIST]),
        "isolated_share": len(model.network.cached("isolated", lambda: (degree == 0).nonzero()[0])) / n,
        "mean_ties": model.network.cached("mean_ties", lambda: float(degree.mean())),
        "lonely_share": count(st.lonely) / n_adults,
        "severely_lonely_share": count((model.loneliness > model.severe_cut) & adults) / n_adults,
        "informal_carer_share": count((st.care_given_avg >= model.carer_cut) & adults) / n_adults,
        "volunteer_share": count(st.volunteer & adults & (st.burnout_until <= model.week)) / n_adults,
        "generalist_skill": model.team_skill(),
        "provision_h1_adults": count(st.provision_h1 & adults),
        "light_provision_h1_adults": count(st.wmo_light_h1 & adults),
        "provision_h1_young": count(st.provision_h1 & model.youth_care_age),
        "young_0_24": model.n_young_0_24,
        "cost_total_eur": float(sum(row[f"cost_{k}_eur"] for k in COST_FUNCTIONS)),
        "share_65_plus": count(st.age >= 65) / n,
    }
    row |= by_age(model)
    on_path = paths.tolist()
    for column, path in PATH_COLUMNS:
        row[column] = on_path[path]
    return row


def by_age(model: Neighbourhood) -> dict[str, Any]:
    """The flat `by_age_<band>_<metric>` columns (`registry.AGE_BANDS`, `registry.BAND_METRICS`).

    One count of the residents by band x need kind x lonely x carer x Wmo client (32 cells a band),
    not one weighted count per metric (3x faster; counts are exact, so the shares are the same)."""
    st, adults = model.st, model.adults
    k = len(AGE_BANDS)
    code = model.age_band << 5
    code |= st.need.astype(np.intp) << 3
    code |= st.lonely.astype(np.intp) << 2
    code |= ((st.care_given_avg >= model.carer_cut) & adults).astype(np.intp) << 1
    code |= st.provision_h1 & adults
    counts = np.bincount(code, minlength=k * 32).reshape(k, 32) @ _CELL_METRICS  # exact: integers
    per = np.maximum(counts[:, 0], 1)
    shares = (counts[:, 1:6] / per[:, None]).T
    columns = (counts[:, 0], *shares, counts[:, 6])
    values = [c.tolist() for c in columns]  # Python ints and floats, as int() and float() give
    return {name: values[m][b] for name, m, b in BY_AGE_COLUMNS}


def update_provision_flags(model: Neighbourhood) -> None:
    """CBS counts clients with at least one provision in the first half-year."""
    week_in_year = (model.week - 1) % WEEKS_PER_YEAR
    st = model.st
    if week_in_year == 0:
        st.provision_h1[:] = False
        st.wmo_light_h1[:] = False
    if week_in_year < HALF_YEAR_WEEKS:
        st.provision_h1 |= PROVISION[st.path] | st.wmo_light
        st.wmo_light_h1 |= st.wmo_light
