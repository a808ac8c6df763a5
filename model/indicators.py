"""Weekly indicators and their yearly summary (DESIGN.md §6, the issue's `summary.json` keys).

Weekly rows hold stocks (shares at the end of the week) and flows (counts and hours during the week).
A year is 52 weeks. Yearly: stocks at year end, flows summed over the year, utilisation averaged
over the year, Wmo and youth-care clients counted as CBS counts them (at least one provision in the
year's first half).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .codes import HALF_YEAR_WEEKS, PROVISION_PATHS, WEEKS_PER_YEAR, Need, Path, path_table
from .interface import Neighbourhood
from .mechanisms.help_seeking import hidden_count

#: The key policy indicators: drawn in comparisons and the app, analysed by default in sensitivity.
KEY_INDICATORS = (
    "informal_support_hours_per_resident",
    "hidden_need_share",
    "light_help_per_1000",
    "heavy_care_referrals_per_1000",
    "waiting_list",
    "isolated_share",
    "cost_total_eur",
)

#: Cost functions, in the order of `cost_by_function_eur`.
COST_FUNCTIONS = (
    "neighbourhood_team",
    "individual_provisions",
    "specialist_care",
    "crisis_care",
    "informal_support",
    "network_developers",
    "key_facility",
    "flex_team",
)

#: Headline indicators in the Mesa DataCollector (`model.datacollector`); every indicator is in
#: `model.weekly_rows` (and `weekly.parquet`).
HEADLINE = (
    "need_social_share",
    "need_individual_share",
    "need_complex_share",
    "hidden_need_share",
    "informal_hours",
    "light_help_started",
    "heavy_care_referrals",
    "waiting_list",
    "isolated_share",
    "lonely_share",
    "generalist_utilisation",
    "specialist_utilisation",
    "cost_total_eur",
)

#: Weekly flow counters (reset every week).
FLOWS = (
    "life_events",
    "informal_hours",
    "need_hours",
    "help_requests",
    "private_solutions",
    "light_help_started",
    "heavy_care_referrals",
    "gp_referrals",
    "gp_advice",
    "youth_team_referrals",
    "youth_gp_referrals",
    "crises",
    "misjudged",
    "admitted_specialist",
    "wait_weeks_sum",
    "flex_admitted",
    "escalations",
    "deescalations",
    "relapses",
    "carer_burnouts",
    "developer_ties",
    "developer_activations",
    "developer_moves",
    "facility_ties",
    "signalled",
    "specialist_client_weeks",
    "provision_client_weeks",
)

#: Yearly totals are sums of the weekly flows.
SUMMED = FLOWS

PROVISION = path_table(*PROVISION_PATHS)


def weekly_costs(model: Neighbourhood) -> dict[str, float]:
    p, f = model.p, model.flows
    year = 1.0 / WEEKS_PER_YEAR
    return {
        "neighbourhood_team": model.generalist_fte * p["cost_generalist_fte_eur"] * year,
        "individual_provisions": f["provision_client_weeks"] * p["cost_provision_week_eur"],
        "specialist_care": f["specialist_client_weeks"] * p["cost_specialist_week_eur"],
        "crisis_care": f["crises"] * p["crisis_cost_eur"],
        "informal_support": f["informal_hours"] * p["cost_informal_hour_eur"],
        "network_developers": len(model.network_developers) * p["cost_developer_fte_eur"] * year,
        "key_facility": (p["cost_key_facility_eur"] * year) if model.key_facility is not None else 0.0,
        "flex_team": len(model.flex_team) * p["cost_flex_member_eur"] * year,
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
        "specialist_utilisation": np.count_nonzero(model.st.path == Path.SPECIALIST_CARE) / spec
        if spec
        else 0.0,
    }
    for k in FLOWS:
        row[k] = float(model.flows[k])
    for k, v in weekly_costs(model).items():
        row[f"cost_{k}_eur"] = float(v)
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
    paths = np.bincount(st.path, minlength=len(Path))
    needs = np.bincount(st.need, minlength=len(Need)) / n
    needy = st.need.nonzero()[0]
    sev = st.severity[needy]
    count = np.count_nonzero
    row |= {
        "need_social_share": float(needs[Need.SOCIAL]),
        "need_individual_share": float(needs[Need.INDIVIDUAL]),
        "need_complex_share": float(needs[Need.COMPLEX]),
        "mean_severity": float(sev.mean()) if len(needy) else 0.0,
        "self_reliance": float(1.0 - ((st.need[needy] - 1).sum() + sev.sum()) / (3.0 * n)),
        "hidden_need_share": hidden_count(model) / n,
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
        "provision_h1_young": count(st.provision_h1 & model.youth_care_age),
        "young_0_24": model.n_young_0_24,
        "cost_total_eur": float(sum(row[f"cost_{k}_eur"] for k in COST_FUNCTIONS)),
    }
    for path in Path:
        row[f"path_{Path.key(path)}"] = int(paths[path])
    return row


def update_provision_flags(model: Neighbourhood) -> None:
    """CBS counts clients with at least one provision in the first half-year."""
    week_in_year = (model.week - 1) % WEEKS_PER_YEAR
    if week_in_year == 0:
        model.st.provision_h1[:] = False
    if week_in_year < HALF_YEAR_WEEKS:
        model.st.provision_h1 |= PROVISION[model.st.path]


def yearly_summary(weekly: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One object per simulated year (1..Y); no year 0 (week 0 is the starting state)."""
    years: dict[int, list[dict]] = {}
    for row in weekly:
        if row["week"] > 0:
            years.setdefault(row["year"], []).append(row)
    out = []
    for year, rows in sorted(years.items()):
        end = rows[-1]
        total = {k: sum(r[k] for r in rows) for k in SUMMED}
        residents = end["residents"]
        mid = rows[min(HALF_YEAR_WEEKS, len(rows)) - 1]
        costs = {k: sum(r[f"cost_{k}_eur"] for r in rows) for k in COST_FUNCTIONS}
        admitted = total["admitted_specialist"]
        out.append(
            {
                "year": year,
                "residents": residents,
                "need_social_share": end["need_social_share"],
                "need_individual_share": end["need_individual_share"],
                "need_complex_share": end["need_complex_share"],
                "hidden_need_share": end["hidden_need_share"],
                "informal_support_hours_per_resident": total["informal_hours"] / residents,
                "share_needs_met_informally": (
                    total["informal_hours"] / total["need_hours"] if total["need_hours"] > 0 else 0.0
                ),
                "light_help_per_1000": 1000 * total["light_help_started"] / residents,
                "heavy_care_referrals_per_1000": 1000 * total["heavy_care_referrals"] / residents,
                "waiting_list": end["waiting_list"],
                "mean_wait_weeks": total["wait_weeks_sum"] / admitted if admitted else 0.0,
                "escalations": int(total["escalations"]),
                "deescalations": int(total["deescalations"]),
                "relapses": int(total["relapses"]),
                "crises": int(total["crises"]),
                "isolated_share": end["isolated_share"],
                "mean_ties": end["mean_ties"],
                "lonely_share": end["lonely_share"],
                "severely_lonely_share": end["severely_lonely_share"],
                "informal_carer_share": end["informal_carer_share"],
                "volunteer_share": end["volunteer_share"],
                "wmo_clients_per_1000": 1000 * mid["provision_h1_adults"] / residents,
                "youth_care_per_100_young": (
                    100 * mid["provision_h1_young"] / mid["young_0_24"] if mid["young_0_24"] else 0.0
                ),
                "generalist_utilisation": float(np.mean([r["generalist_utilisation"] for r in rows])),
                "specialist_utilisation": float(np.mean([r["specialist_utilisation"] for r in rows])),
                "generalist_skill": end["generalist_skill"],
                "self_reliance": end["self_reliance"],
                "help_requests": int(total["help_requests"]),
                "gp_referrals": int(total["gp_referrals"]),
                "youth_team_referrals": int(total["youth_team_referrals"]),
                "youth_gp_referrals": int(total["youth_gp_referrals"]),
                "carer_burnouts": int(total["carer_burnouts"]),
                "ties_created_by_developers": int(total["developer_ties"]),
                "residents_activated": int(total["developer_activations"]),
                "ties_created_at_key_facility": int(total["facility_ties"]),
                "needs_signalled_at_key_facility": int(total["signalled"]),
                "flex_team_cases": int(total["flex_admitted"]),
                "cost_total_eur": float(sum(costs.values())),
                "cost_by_function_eur": costs,
            }
        )
    return out
