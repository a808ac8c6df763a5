"""Patterns of the system as a whole: national levels, today's lever directions, a settled start,
waiting for specialist care, and no tipping. Each statistic is fixed in advance (docs/patterns.md)."""

from __future__ import annotations

import numpy as np

from ...model.diagnostics import growing_queue
from ...model.params import REGISTRY
from .core import Estimate, Pattern, Results, Target, mean_se, ratio_of_means, series, years_mean

NATIONAL = "NUMBERS.md, per-wijk spread (P10/P50/P90), RIVM 2020 and CBS 2024 in data/"


def level(arm: str, key: str, scale: float) -> callable:
    def compute(r: Results) -> Estimate:
        return mean_se(series(r[arm], key)[:, -1] * scale)

    return compute


def paired(arm: str, key: str, first: int, last: int, base: str = "base") -> callable:
    """Per replication: arm minus base, each the mean over years first..last."""

    def compute(r: Results) -> Estimate:
        return mean_se(years_mean(r[arm], key, first, last) - years_mean(r[base], key, first, last))

    return compute


def build_up_gap(arm: str, key: str) -> callable:
    """Per replication: the arm's gain over the base in years 4-10 minus its gain in year 1."""

    def compute(r: Results) -> Estimate:
        gain = series(r[arm], key) - series(r["base"], key)
        return mean_se(gain[:, 3:].mean(axis=1) - gain[:, 0])

    return compute


def settled(key: str) -> callable:
    """Per replication: year 1 relative to the mean of years 6-10, minus 1."""

    def compute(r: Results) -> Estimate:
        s = series(r["base"], key)
        return mean_se(s[:, 0] / s[:, 5:10].mean(axis=1) - 1.0)

    return compute


def tipped_share(arm: str) -> callable:
    """The share of replications whose waiting list kept growing to the end (diagnostics)."""

    def compute(r: Results) -> Estimate:
        tipped = [growing_queue(run) is not None for run in r[arm]]
        return Estimate(float(np.mean(tipped)), None, {"tipped_replications": int(sum(tipped))})

    return compute


def _levels() -> list[Pattern]:
    rows = (
        ("level_lonely", "lonely_share", 100, 38, 52, "lonely adults, % (RIVM)"),
        ("level_severely_lonely", "severely_lonely_share", 100, 6.4, 13.7, "severely lonely adults, %"),
        ("level_informal_carers", "informal_carer_share", 100, 12, 17, "informal carers, % of adults"),
        ("level_volunteers", "volunteer_share", 100, 20, 37, "volunteers, % of adults"),
        ("level_wmo", "wmo_clients_per_1000", 1, 29, 92, "Wmo clients per 1,000 residents"),
        ("level_youth_care", "youth_care_per_100_young", 1, 4.7, 10, "youth care per 100 aged 0-24"),
    )
    return [
        Pattern(
            name, "levels", f"The default preset lies inside the national per-wijk P10-P90 of {what}.", NATIONAL,
            f"{key} x {scale:g} in year 10 of the default preset, mean over the replications",
            Target("between", low, high), "fitted", ("base",), level("base", key, scale),
        )
        for name, key, scale, low, high, what in rows
    ]  # fmt: skip


def _directions() -> list[Pattern]:
    rows = (
        ("direction_developers_isolation", "dev5", "isolated_share", 4, 10, "negative",
         "Network developers (5 per 10,000) reduce isolation.", "§6.5, §5.2"),
        ("direction_developers_informal_hours", "dev5", "informal_support_hours_per_resident", 4, 10, "positive",
         "Network developers (5 per 10,000) raise informal support.", "§6.5, §6.3"),
        ("direction_key_facility_hidden_need", "facility", "hidden_need_share", 1, 10, "negative",
         "A key facility lowers hidden need.", "§6.4"),
        ("direction_key_facility_relapse", "facility", "relapses", 4, 10, "negative",
         "A key facility, a landing place, lowers relapse.", "§6.4; Capita selecta (strengths)"),
        ("direction_flex_referrals", "flex_test", "heavy_care_referrals_per_1000", 4, 10, "negative",
         "A flex team (7.5 per 10,000) lowers referrals to heavy care.", "§6.5, §9.2"),
        ("direction_flex_skill", "flex_test", "generalist_skill", 10, 10, "positive",
         "A flex team's coaching raises generalists' skill.", "§6.5"),
        ("direction_danish_waiting", "cut50", "waiting_list", 10, 10, "positive",
         "Halving specialist capacity makes a waiting list (the Danish failure).", "§7.5"),
        ("direction_danish_escalations", "cut50", "escalations", 4, 10, "positive",
         "Halving specialist capacity raises escalations.", "§7.5"),
        ("direction_all_levers_heavy_care", "all_test", "heavy_care_referrals_per_1000", 4, 10, "negative",
         "All levers together lower referrals to heavy care.", "§6.2, §6.5"),
        ("direction_no_team_referrals", "no_team", "heavy_care_referrals_per_1000", 1, 10, "positive",
         "Without a neighbourhood team the GP refers more to specialist care.", "§4.2"),
    )  # fmt: skip
    out = [
        Pattern(
            name, "directions", meaning, f"{source}; tests/test_levers.py (by sign)",
            f"paired difference {arm} minus base of {key}, mean over years {first}-{last}, per replication",
            Target(sign), "held_out", (arm, "base"), paired(arm, key, first, last),
        )
        for name, arm, key, first, last, sign, meaning, source in rows
    ]  # fmt: skip
    out.insert(
        2,
        Pattern(
            "direction_developers_slow_build_up", "directions",
            "The developers' gain in informal support is larger in years 4-10 than in year 1.",
            "§6.5 ('a few years'); tests/test_levers.py (by sign)",
            "per replication: (dev5 - base) informal hours per resident, mean of years 4-10 minus year 1",
            Target("positive"), "held_out", ("dev5", "base"),
            build_up_gap("dev5", "informal_support_hours_per_resident"),
        ),
    )  # fmt: skip
    return out


def _settled_start() -> list[Pattern]:
    rows = (
        ("settled_start_cost", "cost_total_eur", "total cost"),
        ("settled_start_wmo", "wmo_clients_per_1000", "Wmo clients"),
        ("settled_start_youth_care", "youth_care_per_100_young", "youth care"),
        (
            "settled_start_informal_hours",
            "informal_support_hours_per_resident",
            "informal hours per resident",
        ),
    )
    return [
        Pattern(
            name, "settled start",
            f"The baseline starts settled: {what} in year 1 is within 5% of its mean over years 6-10, so "
            "a workshop does not read the model's settling as policy.",
            "issue 19 (a settled start); docs/ODD.md §9",
            f"per replication: {key} in year 1 / its mean over years 6-10 - 1 (base)",
            Target("between", -0.05, 0.05), "fitted", ("base",), settled(key),
        )  # fitted: settle_escalation_share was set with them (docs/calibration.md §4)
        for name, key, what in rows
    ]  # fmt: skip


def _waiting() -> list[Pattern]:
    wait = "regular_wait_weeks"
    return [
        Pattern("baseline_regular_wait", "waiting",
                "At baseline people wait for specialist care, about as long as in the Netherlands.",
                "NUMBERS.md: basic GGZ 14.1 weeks (NZa 2023); ambulant youth help 13-14 weeks",
                f"{wait} in year 10 of the base, mean over the replications", Target("between", 6, 26),
                "held_out", ("base",), level("base", wait, 1), needs=(wait,), measurable_from="issue 20"),
        Pattern("baseline_wait_trend", "waiting", "The baseline's wait neither grows nor shrinks for years.",
                "issue 20", f"least-squares slope of {wait} over years 3-10 (weeks per year), base",
                Target("between", -1, 1), "held_out", ("base",), _slope("base", wait, 3, 10), needs=(wait,),
                measurable_from="issue 20"),
        Pattern("baseline_no_tipping", "waiting", "The default baseline does not tip into a growing queue.",
                "DESIGN.md §8 (levels in range)", "share of base replications with a growing-queue warning",
                Target("at_most", high=0.0), "held_out", ("base",), tipped_share("base")),
        Pattern("cut15_wait_rises", "waiting", "A 15% cut in specialist capacity makes people wait longer.",
                "§7.5", f"paired difference cut85 - base of {wait} in year 10", Target("positive"), "held_out",
                ("cut85", "base"), paired("cut85", wait, 10, 10), needs=(wait,), measurable_from="issue 20"),
        Pattern("cut15_wait_under_a_year", "waiting", "After a 15% cut the wait stays under a year.", "§7.5",
                f"{wait} in year 10 of cut85, mean over the replications", Target("below", high=52), "held_out",
                ("cut85",), level("cut85", wait, 1), needs=(wait,), measurable_from="issue 20"),
        Pattern("cut15_no_tipping", "waiting", "A 15% cut does not tip the system.", "§7.5",
                "share of cut85 replications with a growing-queue warning", Target("at_most", high=0.0),
                "held_out", ("cut85",), tipped_share("cut85")),
    ] + [
        Pattern(name, "waiting", meaning, "§7.5; §9.2 (recovery took 'ruim vijf jaar')", statistic, target,
                "held_out", ("danish", "base"), compute, needs=("--change", wait) + extra, measurable_from="issue 20")
        for name, meaning, statistic, target, extra, compute in (
            ("danish_wait_tripled", "Halving capacity triples the wait by year 5.",
             f"danish (capacity 0.5, restored at the start of year 5) / base, {wait} in year 5 (ratio of means)",
             Target("at_least", 3.0), (), ratio_in_year("danish", wait, 5)),
            ("danish_crises_up", "While capacity is halved, crises rise.",
             "paired difference danish - base of crises, mean of years 1-4", Target("positive"), (),
             paired("danish", "crises", 1, 4)),
            ("danish_treeknorm_down", "While capacity is halved, fewer are seen within 14 weeks.",
             "paired difference danish - base of share_within_treeknorm, mean of years 1-4", Target("negative"),
             ("share_within_treeknorm",), paired("danish", "share_within_treeknorm", 1, 4)),
            ("danish_slow_repair", "After capacity is restored the wait stays >20% above baseline for years.",
             f"danish / base of {wait} (ratio of means), the smallest of years 5, 6 and 7", Target("above", 1.2), (),
             slow_repair),
            ("danish_cost", "What the episode costs over 10 years, and the waiting cost at which it breaks even.",
             "paired difference danish - base of cost_total_eur summed over years 1-10 (EUR); the detail gives "
             "the cost of a week of bridging care at which the two cost the same", Target("report"), (), danish_cost),
        )
    ]  # fmt: skip


def ratio_in_year(arm: str, key: str, year: int) -> callable:
    def compute(r: Results) -> Estimate:
        return ratio_of_means(series(r[arm], key)[:, year - 1], series(r["base"], key)[:, year - 1])

    return compute


def slow_repair(r: Results) -> Estimate:
    ratios = [ratio_in_year("danish", "regular_wait_weeks", y)(r) for y in (5, 6, 7)]
    low = min(ratios, key=lambda e: e.measured)
    return Estimate(
        low.measured,
        low.se,
        {"ratio_by_year": {y: round(e.measured, 3) for y, e in zip((5, 6, 7), ratios, strict=True)}},
    )


def danish_cost(r: Results) -> Estimate:
    """The 10-year cost difference; and b*, the bridging cost per week at which it is zero: the
    difference in the other costs divided by the difference in weeks of waiting (negated)."""
    per_week = REGISTRY["cost_bridging_week_eur"].default
    total = series(r["danish"], "cost_total_eur").sum(axis=1) - series(r["base"], "cost_total_eur").sum(
        axis=1
    )
    bridging = series(r["danish"], "cost_by_function_eur.bridging_care") - series(
        r["base"], "cost_by_function_eur.bridging_care"
    )
    weeks = bridging.sum(axis=1) / per_week if per_week else np.full(len(total), np.nan)
    other = total - bridging.sum(axis=1)
    est = mean_se(total)
    break_even = float(-np.mean(other) / np.mean(weeks)) if np.mean(weeks) else float("nan")
    return Estimate(
        est.measured,
        est.se,
        {
            "bridging_eur_per_week_at_break_even": round(break_even, 1),
            "extra_weeks_waiting": round(float(np.mean(weeks)), 1),
        },
    )


def _slope(arm: str, key: str, first: int, last: int) -> callable:
    def compute(r: Results) -> Estimate:
        s = series(r[arm], key)[:, first - 1 : last]
        years = np.arange(first, first + s.shape[1])
        return mean_se([np.polyfit(years, row, 1)[0] for row in s])

    return compute


def _groningen() -> list[Pattern]:
    return [
        Pattern(
            "groningen_centrum_no_tipping", "levels",
            "Groningen Centrum, a student district, runs without tipping, through the general mechanisms.",
            "DESIGN.md §8 (no shipped wijk tips); docs/ODD.md §9",
            "share of replications of WK001400 (observed survey shares, 10 years) with a growing-queue warning",
            Target("at_most", high=0.0), "held_out", ("groningen_centrum",), tipped_share("groningen_centrum"),
        )
    ]  # fmt: skip


def system_patterns() -> list[Pattern]:
    return _levels() + _groningen() + _directions() + _settled_start() + _waiting()
