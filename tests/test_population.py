"""Population building from parameters and from real scan rows."""

import numpy as np
import pytest
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.params import ParameterError, validate
from wijksim.model.population import build_population
from wijksim.model.scan import params_from_row, read_row
from wijksim.model.state import Need


def test_population_matches_demography():
    p = validate(
        {
            "residents": 20_000,
            "share_aged_0_24": 0.3,
            "share_aged_65_plus": 0.15,
            "share_one_person_households": 0.4,
        }
    )
    st, (hu, hv) = build_population(np.random.default_rng(3), p)
    assert st.n == 20_000
    assert abs((st.age < 25).mean() - 0.3) < 0.005
    assert abs((st.age >= 65).mean() - 0.15) < 0.005
    sizes = np.bincount(st.household)
    sizes = sizes[sizes > 0]
    assert abs((sizes == 1).mean() - 0.4) < 0.05
    assert (st.household[hu] == st.household[hv]).all()
    # Initial need shares are exact, before the warm-up.
    for kind, name in (
        (Need.SOCIAL, "initial_social_need_share"),
        (Need.INDIVIDUAL, "initial_individual_need_share"),
        (Need.COMPLEX, "initial_complex_need_share"),
    ):
        assert abs((st.need == kind).mean() - p[name]) < 1e-3
    # Deprivation raises the risk of complex need.
    assert st.need[st.social_housing].mean() > st.need[~st.social_housing].mean()


def test_starting_shares_of_loneliness_carers_volunteers_are_matched():
    m = NeighbourhoodModel(
        rng=5,
        years=1,
        residents=8000,
        initial_lonely_share=0.5,
        initial_severely_lonely_share=0.12,
        initial_informal_carer_share=0.1,
        initial_volunteer_share=0.33,
    )
    row = m.latest
    assert row["week"] == 0
    assert abs(row["lonely_share"] - 0.5) < 0.01
    assert abs(row["severely_lonely_share"] - 0.12) < 0.01
    # Carers are those who care for a household member or a parent (issue 19), so a share is
    # reachable only up to the share who give such care at all.
    assert abs(row["informal_carer_share"] - 0.1) < 0.02
    assert abs(row["volunteer_share"] - 0.33) < 0.02


def test_scan_row_sets_demography_and_uses_observed_targets(scan_file):
    row = read_row(scan_file, "WK001403")
    params, prov = params_from_row(row)
    pop = float(row["population"])
    assert params["residents"] == round(pop)
    assert params["share_aged_65_plus"] == pytest.approx(float(row["age_65_plus"]) / pop)
    assert params["share_social_housing"] == pytest.approx(float(row["pct_social_housing"]) / 100)
    if row["lonely_pct_18plus_2020"]:
        assert params["initial_lonely_share"] == pytest.approx(float(row["lonely_pct_18plus_2020"]) / 100)
        assert prov["initial_values"]["initial_lonely_share"]["from"] == "observed"
    validate(params)


def test_scan_row_without_survey_values_predicts_them(scan_file):
    row = dict(read_row(scan_file, "WK001403"))
    for col in (
        "lonely_pct_18plus_2020",
        "severely_lonely_pct_18plus_2020",
        "informal_carer_pct_18plus_2020",
        "volunteer_pct_18plus_2020",
    ):
        row[col] = ""
    params, prov = params_from_row(row)
    assert all(v["from"] == "predicted from demography" for v in prov["initial_values"].values())
    assert params["survey_shares_from_demography"] is True
    full, _ = params_from_row(dict(read_row(scan_file, "WK001403")))
    assert full["survey_shares_from_demography"] is False
    validate(params)


def test_scan_errors_name_the_problem(scan_file, tmp_path):
    with pytest.raises(ParameterError, match="WK999999"):
        read_row(scan_file, "WK999999")
    bad = tmp_path / "bad.csv"
    bad.write_text("wijk_code,population\nWK1,100\n")
    with pytest.raises(ParameterError, match="missing column"):
        read_row(bad, "WK1")
    row = dict(read_row(scan_file, "WK001403"))
    row["age_65_plus"] = ""
    with pytest.raises(ParameterError, match="age_65_plus"):
        params_from_row(row)


def test_age_group_rounding_never_overshoots_the_population():
    from wijksim.model.neighbourhood import NeighbourhoodModel

    m = NeighbourhoodModel(
        rng=1, years=1, residents=151, share_aged_0_24=0.5, share_aged_65_plus=0.5,
        share_one_person_households=0.3, share_households_with_children=0.2, burn_in_weeks=0,
    )  # fmt: skip
    assert m.st.n == 151


def test_weighted_pick_is_a_weighted_draw_without_replacement():
    """Distinct picks, never a zero weight, first pick proportional to weight, and the order of a
    one-by-one draw (so the second pick is the first among the rest)."""
    from wijksim.model.sampling import weighted_pick

    rng = np.random.default_rng(7)
    w = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 0.0])
    first, second = np.zeros(len(w)), np.zeros(len(w))
    draws = 40_000
    for _ in range(draws):
        pick = weighted_pick(rng, w, 3)
        assert len(set(pick)) == 3 and w[pick].min() > 0
        first[pick[0]] += 1
        second[pick[1]] += 1
    np.testing.assert_allclose(first / draws, w / w.sum(), atol=0.01)
    # P(second = j) = sum over i != j of p_i * w_j / (W - w_i): sequential sampling, not a shuffle.
    p = w / w.sum()
    expected = np.array(
        [sum(p[i] * w[j] / (w.sum() - w[i]) for i in range(len(w)) if i != j) for j in range(len(w))]
    )
    np.testing.assert_allclose(second / draws, expected, atol=0.01)
    assert len(weighted_pick(rng, w, 10)) == 4  # no more than the positive weights
    assert len(weighted_pick(rng, np.zeros(5), 2)) == 0
    # one pick (its own short path) is the first of a longer pick from the same uniforms
    many = np.random.default_rng(3).random(500) ** 2
    for seed in range(200):
        one = weighted_pick(np.random.default_rng(seed), many, 1)
        assert (
            one.dtype == np.int64
            and one.tolist() == weighted_pick(np.random.default_rng(seed), many, 5)[:1].tolist()
        )
