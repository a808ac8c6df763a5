"""Patterns of residents over time (lasting conditions, age, kin across wijken, demography) and of
the levers in moderation (build-up, saturation, bounds, context, the flex team's intake). Each
statistic is fixed in advance (docs/patterns.md)."""

from __future__ import annotations

import numpy as np
from scipy.stats import spearmanr

from ...model.indicators import AGE_BANDS
from .arms import PRESETS, WIJK_SAMPLE, WIJK_YEARS, preset_arm
from .catalog_system import paired
from .core import Estimate, Pattern, Results, Target, mean_se, ratio_of_means, series, years_mean

#: Bootstrap resamples of the wijken for a rank correlation's Monte Carlo error (seeded).
BOOTSTRAP = 400


def lasting_share(r: Results) -> Estimate:
    return ratio_of_means(
        years_mean(r["devmax"], "need_individual_share", 8, 10),
        years_mean(r["base"], "need_individual_share", 8, 10),
    )


def clearance_difference(r: Results) -> Estimate:
    return mean_se(np.array(r["probes"]["devmax"]) - np.array(r["probes"]["base"]))


def wijk_correlation(column: str) -> callable:
    """Spearman's rho over the wijk sample between the model's informal-carer share (year 3, from
    demography alone) and a column of the scan row; its error by a seeded bootstrap over wijken."""

    def compute(r: Results) -> Estimate:
        model = np.array([r[f"wijk/{c}"][0][WIJK_YEARS - 1]["informal_carer_share"] for c in WIJK_SAMPLE])
        rows = r["scan_rows"]
        if column == "share_65_plus":
            x = np.array([float(rows[c]["age_65_plus"]) / float(rows[c]["population"]) for c in WIJK_SAMPLE])
        else:
            x = np.array([float(rows[c][column]) for c in WIJK_SAMPLE])
        rho = float(spearmanr(model, x).statistic)
        rng = np.random.default_rng(0)
        boot = [
            float(spearmanr(model[i], x[i]).statistic) for i in rng.integers(0, len(x), (BOOTSTRAP, len(x)))
        ]
        return Estimate(rho, float(np.nanstd(boot, ddof=1)))

    return compute


def band_ratio(key: str, high: str, low: str, year: int) -> callable:
    """by_age high / low of one band indicator in one year of the base (ratio of means)."""

    def compute(r: Results) -> Estimate:
        return ratio_of_means(
            series(r["base"], f"by_age.{high}.{key}")[:, year - 1],
            series(r["base"], f"by_age.{low}.{key}")[:, year - 1],
        )

    return compute


def highest_band(key: str, expected: str, year: int) -> callable:
    """1 if `expected` is the band of 18-24 ... 75+ with the highest mean (over replications) of a
    band indicator in one year of the base, else 0; every band's mean in the detail."""

    def compute(r: Results) -> Estimate:
        means = {
            band: float(np.mean(series(r["base"], f"by_age.{band}.{key}")[:, year - 1]))
            for band, *_ in AGE_BANDS[1:]
        }
        best = max(means, key=means.__getitem__)
        return Estimate(
            float(best == expected), None, {"by_band": {b: round(v, 4) for b, v in means.items()}}
        )

    return compute


def share_65_slope(r: Results) -> Estimate:
    """Per replication the least-squares slope of share_65_plus over the years, in points a year."""
    s = 100 * series(r["base"], "share_65_plus")
    years = np.arange(1, s.shape[1] + 1)
    return mean_se(np.polyfit(years, s.T, 1)[0])


def fewest_events(r: Results) -> Estimate:
    keys = ("births", "deaths", "moved_in", "moved_out")
    least = {k: float(series(r["base"], k).min()) for k in keys}
    return Estimate(min(least.values()), None, {"smallest": least})


def ratio_of_effects(high: str, low: str, key: str, first: int, last: int, sign: float = 1.0) -> callable:
    """(high - base) / (low - base) of an indicator over years first..last, paired."""

    def compute(r: Results) -> Estimate:
        base = years_mean(r["base"], key, first, last)
        return ratio_of_means(
            sign * (years_mean(r[high], key, first, last) - base),
            sign * (years_mean(r[low], key, first, last) - base),
        )

    return compute


def early_over_late(arm: str, key: str) -> callable:
    """The effect in year 1 relative to the effect in year 5 (paired)."""

    def compute(r: Results) -> Estimate:
        gain = series(r[arm], key) - series(r["base"], key)
        return ratio_of_means(gain[:, 0], gain[:, 4])

    return compute


def bound(key: str, worst: str, relative: bool) -> callable:
    """Over every preset, developer dose (1 and 5 per 10,000, the registry's maximum) and year: the
    highest (worst='max') or lowest mean over replications, of the level or its ratio to the preset's
    base. The detail names the cell."""

    def compute(r: Results) -> Estimate:
        cells = []
        for preset in (
            p for p in PRESETS if preset_arm(p, "devmax") in r
        ):  # the robustness sets: default only
            base = series(r[preset_arm(preset, "base")], key)
            for lever in ("dev1", "dev5", "devmax"):
                s = series(r[preset_arm(preset, lever)], key)
                v = s / np.where(base > 0, base, np.nan) if relative else s
                for year in range(v.shape[1]):
                    col = v[:, year]
                    cells.append((float(np.nanmean(col)), col, preset, lever, year + 1))
        pick = max if worst == "max" else min
        value, col, preset, lever, year = pick(cells, key=lambda c: c[0])
        se = float(np.nanstd(col, ddof=1) / np.sqrt(len(col))) if len(col) > 1 else None
        return Estimate(value, se, {"preset": preset, "arm": lever, "year": year})

    return compute


#: The per-preset lever table (docs/patterns.md): indicator, and whether it is shown as a ratio to
#: the preset's base (else as the difference, or the level for volunteer_share).
LEVER_TABLE = (
    ("isolated_share", "ratio"),
    ("informal_support_hours_per_resident", "difference"),
    ("volunteer_share", "level"),
    ("light_help_per_1000", "ratio"),
    ("wmo_clients_per_1000", "ratio"),
    ("heavy_care_client_weeks", "ratio"),
)


def lever_table(r: Results, preset: str) -> dict[str, dict[str, float]]:
    """Per developer dose run for this preset: each LEVER_TABLE indicator, years 6-10, mean over
    replications (ratio of means, difference or level)."""
    base = r[preset_arm(preset, "base")]
    table = {}
    for dose in ("dev1", "dev5", "devmax"):
        arm = preset_arm(preset, dose)
        if arm not in r:
            continue
        cells = {}
        for key, form in LEVER_TABLE:
            if key not in r[arm][0][0]:
                continue
            lever, ref = (
                float(np.mean(years_mean(r[arm], key, 6, 10))),
                float(np.mean(years_mean(base, key, 6, 10))),
            )
            cells[key] = lever if form == "level" else (lever / ref if form == "ratio" else lever - ref)
        table[dose] = cells
    return table


def context(r: Results) -> Estimate:
    """Per preset, the effect of 1 developer per 10,000 on informal hours per resident (years 6-10);
    the detail holds the whole lever table per preset and dose."""
    key = "informal_support_hours_per_resident"
    presets = [p for p in PRESETS if preset_arm(p, "dev1") in r]
    effects = {
        preset: float(
            np.mean(
                years_mean(r[preset_arm(preset, "dev1")], key, 6, 10)
                - years_mean(r[preset_arm(preset, "base")], key, 6, 10)
            )
        )
        for preset in presets
    }
    table = {preset: lever_table(r, preset) for preset in presets}
    return Estimate(
        max(effects.values()) - min(effects.values()), None, {"effect_by_preset": effects, "by_preset": table}
    )


def flex_cases(r: Results) -> Estimate:
    s = series(r["flex2"], "flex_team_cases")
    return Estimate(float(s.min()), None, {"mean_by_year": s.mean(axis=0).round(1).tolist()})


def skill_levelling(r: Results) -> Estimate:
    """Gain of skill in year 10 relative to the gain in year 1, with the flex team (2 per 10,000)."""
    s = series(r["flex2"], "generalist_skill")
    start = series(r["base"], "generalist_skill")[:, 0]
    return ratio_of_means(s[:, 9] - s[:, 8], s[:, 0] - start)


def people_patterns() -> list[Pattern]:
    return [
        Pattern("lasting_conditions_share", "lasting conditions",
                "Person-bound conditions last: the largest developer dose does not make them disappear.",
                "§5.3, §5.5 ('citizen power within its limits')",
                "devmax / base of need_individual_share, mean of years 8-10 (ratio of means, paired)",
                Target("at_least", 0.9), "held_out", ("devmax", "base"), lasting_share),
        Pattern("lasting_conditions_clearance", "lasting conditions",
                "Informal support softens individual needs but does not cure them faster.",
                "§5.3, §5.5",
                "of residents with an individual need at the end of year 3, the share whose need is social or none "
                "at the end of year 5: devmax minus base, paired",
                Target("within_error"), "held_out", ("devmax", "base"), clearance_difference),
        *[
            Pattern(name, "age", meaning, source, statistic, target, "held_out", ("base",), compute,
                    needs=("by_age",), measurable_from="issue 19")
            for name, meaning, source, statistic, target, compute in (
                ("age_individual_need_gradient", "The very old need most individual support.",
                 "§5.3; DESIGN.md §8", "by_age 75+ / 25-44 need_individual_share, year 10 of the base",
                 Target("at_least", 3.0), band_ratio("need_individual_share", "75+", "25-44", 10)),
                ("age_carers_peak", "Informal carers are most common at 45-64.",
                 "NUMBERS.md: carers peak at 21.5% at age 50-59 (CBS 2022)",
                 "the band of 18-24 ... 75+ with the highest informal_carer_share, year 10 (1 if 45-64)",
                 Target("at_least", 1.0), highest_band("informal_carer_share", "45-64", 10)),
                ("age_wmo_highest_old", "Wmo use per 1,000 is highest among the 75+.",
                 "CBS Wmo by age", "the band with the highest wmo_clients_per_1000, year 10 (1 if 75+)",
                 Target("at_least", 1.0), highest_band("wmo_clients_per_1000", "75+", 10)),
            )
        ],
        Pattern("across_wijken_carers_older", "across wijken",
                "Across wijken, informal carers are more common where more residents are 65+.",
                "docs/calibration.md §4 (observed: positive); NUMBERS.md (carers care for parents and partners)",
                "Spearman's rho over the 40-wijk sample, model carer share (year 3, from demography alone) vs "
                "the row's share 65+; s.e. by bootstrap",
                Target("above", 0.0), "held_out", tuple(f"wijk/{c}" for c in WIJK_SAMPLE),
                wijk_correlation("share_65_plus"), in_robustness=False),
        Pattern("across_wijken_carers_observed", "across wijken",
                "Across wijken, the model's carer share ranks as the observed one.",
                "RIVM 2020 informal carers per wijk (data/)",
                "Spearman's rho over the 40-wijk sample, model carer share (year 3, from demography alone) vs "
                "informal_carer_pct_18plus_2020; s.e. by bootstrap",
                Target("above", 0.0), "held_out", tuple(f"wijk/{c}" for c in WIJK_SAMPLE),
                wijk_correlation("informal_carer_pct_18plus_2020"), in_robustness=False),
        Pattern("stationary_share_65_plus", "demography",
                "In the stationary mode the wijk's age structure stays near its scan while people age.",
                "issue 19", "slope of share_65_plus over years 1-10 (points per year), base",
                Target("interval_between", -0.3, 0.3), "held_out", ("base",), share_65_slope, needs=("share_65_plus",),
                measurable_from="issue 19"),
        Pattern("demographic_events_every_year", "demography",
                "There are births, deaths and moves in every year.", "issue 19",
                "smallest over years and replications of births, deaths, moved_in, moved_out (base)",
                Target("above", 0.0), "held_out", ("base",), fewest_events,
                needs=("births", "deaths", "moved_in", "moved_out"), measurable_from="issue 19"),
        Pattern("all_levers_heavy_care_moderate", "levers",
                "All levers together lower heavy care, but modestly.", "§6.2 ('vaak met mate'); DESIGN.md §8",
                "all_moderate (1 developer, 2 flex members per 10,000, key facility) / base of "
                "heavy_care_client_weeks, years 6-10", Target("between", 0.6, 0.95), "held_out",
                ("all_moderate", "base"),
                lambda r: ratio_of_means(years_mean(r["all_moderate"], "heavy_care_client_weeks", 6, 10),
                                         years_mean(r["base"], "heavy_care_client_weeks", 6, 10)),
                needs=("heavy_care_client_weeks",), measurable_from="issue 21"),
        Pattern("developers_build_up", "levers", "A developer's effect builds up: small in year 1.",
                "§6.5 ('a few years')", "(dev1 - base) informal hours per resident: year 1 / year 5, paired",
                Target("below", high=1 / 3), "held_out", ("dev1", "base"),
                early_over_late("dev1", "informal_support_hours_per_resident")),
        Pattern("developers_saturation_hours", "levers",
                "The response flattens: 5 developers per 10,000 do at most twice what 1 does.",
                "§6.2 ('vaak met mate'); DESIGN.md §8",
                "(dev5 - base) / (dev1 - base) informal hours per resident, years 6-10, paired",
                Target("at_most", high=2.0), "held_out", ("dev5", "dev1", "base"),
                ratio_of_effects("dev5", "dev1", "informal_support_hours_per_resident", 6, 10)),
        Pattern("developers_saturation_isolation", "levers",
                "The response flattens on isolation too.", "§6.2; DESIGN.md §8",
                "(base - dev5) / (base - dev1) isolated share, years 6-10, paired",
                Target("at_most", high=2.0), "held_out", ("dev5", "dev1", "base"),
                ratio_of_effects("dev5", "dev1", "isolated_share", 6, 10, sign=-1.0)),
        *[
            Pattern(name, "levers", meaning, "§6.2; DESIGN.md §8 (moderation)", statistic, target, "held_out",
                    tuple(preset_arm(p, a) for p in PRESETS for a in ("base", "dev1", "dev5", "devmax")),
                    bound(key, worst, relative), in_robustness=True)
            for name, meaning, statistic, target, key, worst, relative in (
                ("developers_bounds_volunteers", "No dose turns most adults into volunteers.",
                 "highest volunteer_share over presets, doses (1, 5 per 10,000, registry max) and years",
                 Target("at_most", high=0.40), "volunteer_share", "max", False),
                ("developers_bounds_isolation", "No dose ends isolation.",
                 "lowest isolated share / the preset's base, over presets, doses and years",
                 Target("at_least", 1 / 3), "isolated_share", "min", True),
                ("developers_bounds_light_help", "No dose empties light help.",
                 "lowest light_help_per_1000 / the preset's base, over presets, doses and years",
                 Target("at_least", 0.5), "light_help_per_1000", "min", True),
                ("developers_bounds_wmo", "No dose empties Wmo provisions.",
                 "lowest wmo_clients_per_1000 / the preset's base, over presets, doses and years",
                 Target("at_least", 0.5), "wmo_clients_per_1000", "min", True),
            )
        ],
        Pattern("developers_bounds_heavy_care", "levers", "No dose empties heavy care.", "§6.2; DESIGN.md §8",
                "lowest heavy_care_client_weeks / the preset's base, over presets, doses and years",
                Target("at_least", 0.5), "held_out",
                tuple(preset_arm(p, a) for p in PRESETS for a in ("base", "dev1", "dev5", "devmax")),
                bound("heavy_care_client_weeks", "min", True), needs=("heavy_care_client_weeks",),
                measurable_from="issue 21", in_robustness=True),
        Pattern("developers_context", "levers",
                "A developer's work depends on the local society: the effect differs between presets.",
                "§ micro-analyses (Drents village vs anonymous urban neighbourhood)",
                "per preset, dev1 - base informal hours per resident, years 6-10; measured: the range over presets",
                Target("report"), "held_out",
                tuple(preset_arm(p, a) for p in PRESETS for a in ("base", "dev1", "dev5", "devmax")), context),
        Pattern("developers_multiplier", "levers",
                "A developer's hour brings citizens' hours (§6.3 claims a multiplier; the book gives no value).",
                "§6.3", "citizen_hours_per_professional_hour, mean of years 6-10, dev1", Target("report"),
                "held_out", ("dev1",), lambda r: mean_se(years_mean(r["dev1"], "citizen_hours_per_professional_hour", 6, 10)),
                needs=("citizen_hours_per_professional_hour",), measurable_from="issue 21"),
        Pattern("flex_cases_every_year", "levers", "The flex team takes cases every year, not only at the start.",
                "§6.5 (matched care early)", "smallest flex_team_cases over years and replications, flex2",
                Target("above", 0.0), "held_out", ("flex2",), flex_cases),
        Pattern("flex_skill_rises", "levers", "Coaching by the flex team raises generalists' skill.", "§6.5",
                "paired difference flex2 - base of generalist_skill in year 10", Target("positive"), "held_out",
                ("flex2", "base"), paired("flex2", "generalist_skill", 10, 10)),
        Pattern("flex_skill_levels_off", "levers", "Skill levels off below its maximum.", "§6.5",
                "gain of generalist_skill in year 10 / gain in year 1, flex2 (ratio of means)",
                Target("at_most", high=0.25), "held_out", ("flex2", "base"), skill_levelling),
        Pattern("stubborn_complex_needs", "lasting conditions",
                "Multi-problem situations can at most be contained: how far all levers lower them.",
                "§6.2 ('kan hoogstens worden ingetoomd')",
                "all_test / base of need_complex_share, years 8-10 (ratio of means, paired)", Target("report"),
                "held_out", ("all_test", "base"),
                lambda r: ratio_of_means(years_mean(r["all_test"], "need_complex_share", 8, 10),
                                         years_mean(r["base"], "need_complex_share", 8, 10))),
    ]  # fmt: skip
