"""The yearly summary (`summary.json`'s `yearly` list, a sweep's result rows): one object per year.

Stocks are read at year end, flows summed over the year, utilisation averaged over the year, and Wmo
and youth-care clients counted as CBS counts them (at least one provision in the year's first
half). Every key is described in `registry.YEARLY`, in this order.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..codes import HALF_YEAR_WEEKS
from .registry import COST_FUNCTIONS, FLOWS


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
