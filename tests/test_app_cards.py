"""The scenario cards of the workshop app (issue 23): the result at a glance, in plain words with
the interval, and "no clear difference" where the interval holds 0."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from wijksim.experiments.compare import net_costs
from wijksim.viz.cards import scenario_cards
from wijksim.viz.i18n import translator
from wijksim.viz.numbers import in_language, number

YEARS = 10
LEVELS = {
    "heavy_care_referrals_per_1000": 15.0,
    "informal_support_hours_per_resident": 28.0,
    "isolated_share": 0.04,
}


def runs(effect: dict[str, float], noise: float = 0.0, replications: int = 5) -> pd.DataFrame:
    """Baseline and scenario 'S' whose indicators differ by `effect` from year 6 on."""
    rng = np.random.default_rng(1)
    rows = []
    for name in ("baseline", "S"):
        for rep in range(replications):
            for year in range(1, YEARS + 1):
                row = {"scenario": name, "replication": rep, "year": year}
                for ind in (
                    "heavy_care_referrals_per_1000",
                    "informal_support_hours_per_resident",
                    "isolated_share",
                ):
                    base = LEVELS[ind]
                    shift = effect.get(ind, 0.0) if (name == "S" and year >= 6) else 0.0
                    row[ind] = base + shift + noise * base * rng.normal()  # relative to the level
                for col in ("cost_network_developers_eur", "cost_light_help_eur", "cost_specialist_care_eur"):
                    row[col] = 0.0
                rows.append(row)
    return pd.DataFrame(rows)


def result_of(frame: pd.DataFrame, net: tuple[float, float, float]) -> dict:
    costs = pd.DataFrame(
        [{"scenario": "S", "net_cost_eur": net[0], "net_cost_ci_low": net[1], "net_cost_ci_high": net[2]}]
    )
    return {"runs": frame, "net_costs": costs, "warnings": {}}


def test_a_card_says_saving_and_changes_with_their_intervals_in_dutch():
    frame = runs({"heavy_care_referrals_per_1000": -3.0, "informal_support_hours_per_resident": 1.5,
                  "isolated_share": -0.01}, noise=0.05)  # fmt: skip
    (card,) = scenario_cards(result_of(frame, (-1.1e6, -1.6e6, -0.6e6)), YEARS, "nl", translator("nl"))
    assert card["name"] == "S"
    assert card["net"] == "bespaart netto € 1,1 mln over 10 jaar (0,6 – 1,6)"
    heavy, informal, isolated = card["changes"]

    def lead(line: str, phrase: str) -> float:
        value, rest = line.split(" ", 1)
        assert rest.startswith(phrase), line
        return float(value.replace(",", "."))

    assert lead(heavy, "minder verwijzingen naar zware zorg per 1.000 inwoners per jaar (") == pytest.approx(
        3, abs=0.6
    )
    assert lead(informal, "uur meer informele hulp per inwoner per jaar (") == pytest.approx(1.5, abs=0.3)
    assert lead(isolated, "procentpunt minder bewoners zonder contacten (") == pytest.approx(1, abs=0.2)
    assert "jaar 6–10" in card["period"]


def test_an_interval_that_holds_zero_is_no_clear_difference():
    frame = runs({"heavy_care_referrals_per_1000": 0.05}, noise=0.5)
    (card,) = scenario_cards(result_of(frame, (0.2e6, -0.3e6, 0.7e6)), YEARS, "nl", translator("nl"))
    assert card["net"].startswith("netto kosten over 10 jaar: geen duidelijk verschil (€ −0,3 – 0,7 mln)")
    assert card["changes"][0].startswith("verwijzingen naar zware zorg: geen duidelijk verschil (")
    (en,) = scenario_cards(result_of(frame, (0.8e6, 0.5e6, 1.1e6)), YEARS, "en", translator("en"))
    assert en["net"] == "costs EUR 0.8 m net over 10 years (0.5 – 1.1)"
    assert en["changes"][0].startswith("referrals to heavy care: no clear difference (")


def test_the_card_uses_the_paired_second_half_of_the_period():
    """A build-up in the first half does not count; the change is (scenario − baseline) per seed."""
    frame = runs({"isolated_share": -0.02})
    frame.loc[(frame.scenario == "S") & (frame.year <= 5), "isolated_share"] += 0.5  # early years ignored
    (card,) = scenario_cards(result_of(frame, (0, -1, 1)), YEARS, "en", translator("en"))
    assert card["changes"][2].startswith("2 percentage points fewer residents without ties")


def test_dutch_numbers_have_a_decimal_comma_point_thousands_and_a_real_minus():
    assert number(-0.45, "nl") == "−0,45" and number(1_600_000, "nl") == "1.600.000"
    assert number(-0.45, "en") == "-0.45" and number(1_600_000, "en") == "1,600,000"
    assert in_language("1,234.5", "nl") == "1.234,5"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cards_from_a_real_comparison_name_every_scenario(lang):
    from wijksim.viz import runner

    setting = runner.Setting(residents=300, years=4, replications=3)
    res = runner.comparison(setting, [("hub", {"key_facility": True}), ("dev", {"network_developers": 2.0})])
    cards = scenario_cards(res, 4, lang, translator(lang))
    assert [c["name"] for c in cards] == ["hub", "dev"]
    assert all(len(c["changes"]) == 3 and c["net"] for c in cards)
    assert net_costs(res["runs"]).scenario.tolist() == ["hub", "dev"]


def test_the_csv_export_is_dutch_in_the_dutch_view():
    from io import StringIO

    from wijksim.viz.export import differences_csv

    d = pd.DataFrame(
        [{"scenario": "A", "year": 1, "indicator": "isolated_share", "baseline": 0.0412345678,
          "scenario_mean": 0.03, "difference": -0.0112345678, "ci_low": -0.02, "ci_high": -1234567.891}]
    )  # fmt: skip
    nl = differences_csv(d, "nl", translator("nl"))
    header, row = nl.strip().splitlines()
    assert header.split(";")[:3] == ["scenario", "jaar", "indicator"] and "verschil" in header
    assert "isolated_share" not in row and "0,04123" in row and "-0,01123" in row and "-1235000" in row
    back = pd.read_csv(StringIO(nl), sep=";", decimal=",")
    assert back.iloc[0, 5] == pytest.approx(-0.01123)
    # a tiny difference written out in full, never as 2,139e-05; none (NaN) as an empty cell
    tiny = d.assign(baseline=float("nan"), difference=2.139e-05, ci_low=-4.691e-06, ci_high=8e-5)
    row = differences_csv(tiny, "nl", translator("nl")).strip().splitlines()[1]
    assert "e-0" not in row and "0,00002139" in row and "-0,000004691" in row and ";;" in row
    assert pd.read_csv(StringIO(differences_csv(tiny, "en", translator("en")))).iloc[0, 5] == 2.139e-05
    en = differences_csv(d, "en", translator("en"))
    assert en.splitlines()[0].startswith("scenario,year,indicator,no new decisions (mean)")


def test_the_summary_gives_a_sure_change_as_sizes_in_its_direction():
    """'2,3 procentpunt lager (95%-interval 1,5 tot 3,1)', not the double negative (−3,1 tot −1,5)."""
    from wijksim.viz.summary import summary_sentences

    rows = [
        {"scenario": "A", "year": 3, "indicator": ind, "difference": diff, "ci_low": lo, "ci_high": hi}
        for ind, diff, lo, hi in (
            ("informal_support_hours_per_resident", 6.1, 5.0, 7.2),
            ("hidden_need_share", -0.023, -0.031, -0.015),
            ("heavy_care_referrals_per_1000", 0.4, -2.6, 4.2),
            ("waiting_list", 0.0, -1.0, 1.0),
            ("isolated_share", -0.01, -0.02, -0.001),
        )
    ]
    costs = pd.DataFrame(
        [{"scenario": "A", "net_cost_eur": 1e5, "net_cost_ci_low": -6.6e4, "net_cost_ci_high": 1.8e6}]
    )
    (line,) = summary_sentences(
        {"differences": pd.DataFrame(rows), "net_costs": costs}, translator("nl"), "nl"
    )
    assert "2,3 procentpunt lager (95%-interval 1,5 tot 3,1)" in line
    assert "6,1 hoger (95%-interval 5 tot 7,2)" in line
    assert (
        "geen duidelijk verschil (95%-interval −2,6 tot 4,2)" in line
    )  # an interval across 0 keeps its signs


def test_an_estimate_and_its_interval_share_one_precision_and_it_never_sits_on_a_bound():
    from wijksim.viz.cards import _at, _interval, _step

    assert _interval(-0.066, 1.8, "nl") == "−0,1 – 1,8"  # not "−0,066 – 1,8"
    step = _step(118.2, 134.4)
    assert (
        f"{_at(127.3, step, 'nl')} ({_interval(118.2, 134.4, 'nl')})" == "127 (118 – 134)"
    )  # not 130 (120 – 130)
    assert _interval(0.6, 1.6, "nl") == "0,6 – 1,6"
