"""A care system that has tipped is reported: a waiting list that grows to the end of the run."""

import json

from typer.testing import CliRunner
from wijksim.experiments.run import simulate
from wijksim.model.diagnostics import RUNAWAY_WAITING_PER_1000, growing_queue
from wijksim.model.params import defaults

from wijksim.cli import app


def years(waiting: list[float], residents: int = 2000) -> list[dict]:
    return [{"year": i + 1, "residents": residents, "waiting_list": w} for i, w in enumerate(waiting)]


def test_a_queue_that_grows_every_year_is_reported_and_a_noisy_or_short_one_is_not():
    runaway = growing_queue(years([1, 0, 2, 8, 30, 70, 140]))
    assert runaway is not None and runaway["warning"] == "growing_queue"
    assert runaway["waiting_per_1000_by_year"] == [0.5, 0.0, 1.0, 4.0, 15.0, 35.0, 70.0]
    assert "70 per 1,000" in runaway["message"]
    assert growing_queue(years([2, 0, 1, 0, 2, 1, 0, 1])) is None  # a settled queue's noise
    assert growing_queue(years([1, 2, 3, 4, 5, 6, 7])) is None  # growing, but under 5 per 1,000
    assert growing_queue(years([40, 41, 42, 43])) is None  # growing, but by 1.5 per 1,000 in 3 years
    steady = growing_queue(years([80, 90, 100, 110]))  # a queue growing by the same number each year
    assert steady is not None and "from 40 to 55 per 1,000" in steady["message"]
    assert growing_queue(years([10, 20, 40])) is None  # too short to tell
    assert growing_queue(years([5, 20, 80, 50])) is None  # it fell in the last year
    limit = RUNAWAY_WAITING_PER_1000 * 2000 / 1000
    assert growing_queue(years([0, 1, 3, limit])) is not None  # at the threshold
    assert growing_queue(years([0, 1, 3, limit - 1])) is None


def test_a_wait_that_grows_every_year_is_reported_too():
    def waits(weeks):
        return [
            {"year": i + 1, "residents": 2000, "waiting_list": 10, "regular_wait_weeks": w}
            for i, w in enumerate(weeks)
        ]

    late = growing_queue(waits([12, 13, 12, 20, 33, 45]))
    assert late is not None and "from 12 to 45 weeks" in late["message"]
    assert late["regular_wait_weeks_by_year"] == [12, 13, 12, 20, 33, 45]
    assert growing_queue(waits([12, 13, 14, 15, 16])) is None  # under 26 weeks
    assert growing_queue(waits([40, 41, 42, 43])) is None  # by 3 weeks in 3 years
    assert growing_queue(waits([30, 40, 50, 45])) is None  # it fell in the last year


def test_a_late_deep_cut_in_specialist_places_tips_the_model_and_the_default_does_not():
    """The Danish failure (§7.5): a deep cut late in the run gives a wait that grows to the end; the
    regional queue of the default settles (waiting lists stop growing when people leave them)."""
    base = defaults() | {"residents": 2000}
    for seed in (1, 2, 3):
        _, _, settled = simulate(base, seed, 8, weekly=False)
        cut = [(6, "specialist_capacity_factor", 0.3)]  # the wait levels off about 3 years after a cut
        _, _, tipped = simulate(base, seed, 8, weekly=False, changes=cut)
        assert growing_queue(settled) is None
        assert growing_queue(tipped) is not None, [y["regular_wait_weeks"] for y in tipped]


def test_run_and_compare_record_the_warning(tmp_path):
    runner = CliRunner()
    out = tmp_path / "tipped"
    res = runner.invoke(
        app,
        [
            "run",
            "--residents",
            "1500",
            "--years",
            "8",
            "--change",
            "5:specialist_capacity_factor=0.3",
            "--out",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    (warning,) = json.loads((out / "summary.json").read_text())["warnings"]
    assert warning["warning"] == "growing_queue" and len(warning["waiting_per_1000_by_year"]) == 8
    settled = tmp_path / "settled"
    res = runner.invoke(app, ["run", "--residents", "1500", "--years", "8", "--out", str(settled)])
    assert res.exit_code == 0 and json.loads((settled / "summary.json").read_text())["warnings"] == []

    cmp = tmp_path / "cmp"
    res = runner.invoke(
        app,
        ["compare", "--preset", "default", "--residents", "1000", "--years", "8", "--replications", "2",
         "--scenario", "cut: --change 5:specialist_capacity_factor=0.3", "--scenario", "hub: --key-facility",
         "--out", str(cmp)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    warnings = json.loads((cmp / "comparison.json").read_text())["warnings"]
    assert list(warnings) == ["cut"] and warnings["cut"]["warning"] == "growing_queue"
    assert "warning: cut:" in res.output
