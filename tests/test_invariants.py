"""Invariants under random parameters (Hypothesis): residents counted once, no negative hours or
queues, no NaN, over 50 years."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.params import REGISTRY, SHARES_ADDING_TO_ONE
from wijksim.model.state import Path

#: Mechanism parameters drawn over their whole registry range (demographic shares are constrained
#: together and drawn separately).
FREE = [
    n
    for n, p in REGISTRY.items()
    if p.kind is float
    and p.group not in ("population", "set-up")
    and not n.startswith("initial_")
    and not any(n in names for names in SHARES_ADDING_TO_ONE)
]


def values(name):
    p = REGISTRY[name]
    return st.floats(p.low, p.high, allow_nan=False)


params = st.fixed_dictionaries(
    {n: values(n) for n in FREE}
    | {
        "residents": st.integers(150, 500),
        "network_developers": st.integers(0, 3),
        "flex_team": st.integers(0, 4),
        "key_facility": st.booleans(),
        "burn_in_weeks": st.integers(0, 30),
        "share_aged_0_24": st.floats(0, 0.5),
        "share_aged_65_plus": st.floats(0, 0.5),
        "share_one_person_households": st.floats(0, 0.7),
        "share_households_with_children": st.floats(0, 0.3),
        "initial_social_need_share": st.floats(0, 0.5),
        "initial_individual_need_share": st.floats(0, 0.3),
        "initial_complex_need_share": st.floats(0, 0.2),
        "initial_lonely_share": st.floats(0.2, 0.9),
        "initial_severely_lonely_share": st.floats(0, 0.2),
    }
)


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(params=params, seed=st.integers(0, 2**31 - 1))
@pytest.mark.slow
def test_fifty_years_keep_the_books_straight(params, seed):
    m = NeighbourhoodModel(rng=seed, years=50, record_history=False, **params)
    m.run()
    n = params["residents"]
    assert len(m.weekly_rows) == 50 * 52 + 1
    for row in m.weekly_rows:
        assert sum(row[f"path_{Path.key(p)}"] for p in Path) == n
        assert row["residents"] == n
        for k, v in row.items():
            assert not (isinstance(v, float) and math.isnan(v)), k
            assert v >= 0 or k in ("week", "year"), (k, v)
        for k in (
            "need_social_share",
            "need_individual_share",
            "need_complex_share",
            "hidden_need_share",
            "isolated_share",
            "lonely_share",
            "informal_carer_share",
            "volunteer_share",
        ):
            assert 0.0 <= row[k] <= 1.0, k
    s = m.st
    assert (s.severity >= 0).all() and (s.severity <= 1).all()
    assert (s.care_given_avg >= 0).all() and (s.slots >= 0).all()
