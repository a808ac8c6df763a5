"""The yearly summary (`summary.json`'s `yearly` list, a sweep's result rows): one object per year.

Stocks are read at year end, flows summed over the year, utilisation averaged over the year, and Wmo
and youth-care clients counted as CBS counts them (at least one provision in the year's first
half). Every key is described in `registry.YEARLY`, in this order.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..codes import HALF_YEAR_WEEKS
from .registry import AGE_BANDS, BAND_METRICS, COST_FUNCTIONS, FLOWS, band_key


def yearly_summary(weekly: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One object per simulated year (1..Y); no year 0 (week 0 is the starting state)."""
    years: dict[int, list[dict]] = {}
    for row in weekly:
        if row["week"] > 0:
            years.setdefault(row["year"], []).append(row)
    out = []
    for year, rows in sorted(years.items()):
        end = rows[-1]
        total = {k: sum(r[k] for r in rows) for k, *_ in FLOWS}
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
                "regular_wait_weeks": (
                    total["region_regular_queue_weeks"] / total["region_regular_arrivals"]
                    if total["region_regular_arrivals"]
                    else 0.0
                ),
                "share_within_treeknorm": (
                    total["region_admitted_within_norm"] / total["region_regular_admitted"]
                    if total["region_regular_admitted"]
                    else 1.0
                ),
                "escalations": int(total["escalations"]),
                "deescalations": int(total["deescalations"]),
                "relapses": int(total["relapses"]),
                "crises": int(total["crises"]),
                "crises_while_waiting": int(total["crises_while_waiting"]),
                "dropped_out_of_queue": int(total["dropped_out_of_queue"]),
                "isolated_share": end["isolated_share"],
                "mean_ties": end["mean_ties"],
                "lonely_share": end["lonely_share"],
                "severely_lonely_share": end["severely_lonely_share"],
                "informal_carer_share": end["informal_carer_share"],
                "volunteer_share": end["volunteer_share"],
                "share_65_plus": end["share_65_plus"],
                "births": int(total["births"]),
                "deaths": int(total["deaths"]),
                "moved_in": int(total["moved_in"]),
                "moved_out": int(total["moved_out"]),
                "admitted_long_term_care": int(total["admitted_long_term_care"]),
                "wmo_clients_per_1000": 1000 * mid["provision_h1_adults"] / residents,
                "wmo_light_clients_per_1000": 1000 * mid["light_provision_h1_adults"] / residents,
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
                "heavy_care_client_weeks": int(total["heavy_care_client_weeks"]),
                "citizen_hours_per_professional_hour": (
                    total["activated_hours"] / total["developer_hours"]
                    if total["developer_hours"] > 0
                    else None
                ),
                "cost_total_eur": float(sum(costs.values())),
                "cost_by_function_eur": costs,
                "by_age": by_age(end, mid),
            }
        )
    return out


def by_age(end: dict[str, Any], mid: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`by_age`: each band's stocks at year end, its Wmo clients as CBS counts them (first half)."""
    out = {}
    for band, *_ in AGE_BANDS:
        key = f"by_age_{band_key(band)}_"
        residents = end[key + "residents"]
        values: dict[str, Any] = {}
        for metric, *_rest, adults_only in BAND_METRICS:
            if metric == "residents":
                values[metric] = int(residents)
            elif metric == "wmo_clients_per_1000":
                values[metric] = 1000 * mid[key + "wmo_clients_h1"] / residents if residents else 0.0
            elif adults_only and band == AGE_BANDS[0][0]:
                values[metric] = None
            else:
                values[metric] = end[key + metric]
        out[band] = values
    return out
