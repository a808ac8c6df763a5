"""The core's fast formulations give the same bits as the plain ones they replaced (issue 19's speed)."""

import numpy as np
from wijksim.model.codes import Need, band_of, tally
from wijksim.model.indicators import weekly
from wijksim.model.indicators.registry import AGE_BANDS, band_key
from wijksim.model.mechanisms.informal_support import _household_sum, share
from wijksim.model.neighbourhood import NeighbourhoodModel


def test_share_has_the_bits_of_dividing_by_inf_where_the_whole_is_not_positive():
    rng = np.random.default_rng(7)
    tiny = np.finfo(np.float32).smallest_subnormal
    specials = np.array([0.0, -0.0, tiny, 2 * tiny, 1e-40, 1e-30, -1e-7, 1.0, 3e38], dtype=np.float32)
    for _ in range(20):
        part = rng.choice(specials, 500) * rng.choice([1.0, -1.0, rng.random()], 500).astype(np.float32)
        whole = rng.choice(specials, 500) * rng.choice([1.0, rng.random()], 500).astype(np.float32)
        part, whole = part.astype(np.float32), whole.astype(np.float32)
        with np.errstate(over="ignore"):  # huge / subnormal is inf both ways
            fast, plain = share(part, whole), part / np.where(whole > 0, whole, np.inf)
        assert fast.dtype == plain.dtype == np.float32
        assert fast.tobytes() == plain.tobytes()  # signs of zeros included


def test_household_sum_is_the_others_total_as_before():
    rng = np.random.default_rng(3)
    household = rng.integers(0, 400, 1_000).astype(np.int32)
    x = (rng.random(1_000) * (rng.random(1_000) < 0.4)).astype(np.float32)
    total = np.bincount(household, weights=x, minlength=int(household.max()) + 1)
    plain = np.maximum(total[household] - x, 0.0).astype(np.float32)
    fast = _household_sum(household.astype(np.intp), x, int(household.max()) + 1)
    assert fast.dtype == np.float32 and fast.tobytes() == plain.tobytes()
    alone = np.bincount(household)[household] == 1
    assert alone.any() and not fast[alone].any() and fast[~alone].any()


def plain_by_age(model: NeighbourhoodModel) -> dict:
    """The by-age columns as first written: one weighted count per metric."""
    st, band, k = model.st, model.age_band, len(AGE_BANDS)
    residents = np.bincount(band, minlength=k)
    per = np.maximum(residents, 1)

    def part(mask: np.ndarray) -> np.ndarray:
        return np.bincount(band, weights=mask, minlength=k) / per

    columns = {
        "residents": residents,
        "need_social_share": part(st.need == Need.SOCIAL),
        "need_individual_share": part(st.need == Need.INDIVIDUAL),
        "need_complex_share": part(st.need == Need.COMPLEX),
        "lonely_share": part(st.lonely),
        "informal_carer_share": part((st.care_given_avg >= model.carer_cut) & model.adults),
        "wmo_clients_h1": np.bincount(band, weights=st.provision_h1 & model.adults, minlength=k),
    }
    row = {}
    for b, (name, *_) in enumerate(AGE_BANDS):
        for metric, values in columns.items():
            if b == 0 and metric in ("lonely_share", "informal_carer_share"):
                continue
            whole = metric in ("residents", "wmo_clients_h1")
            row[f"by_age_{band_key(name)}_{metric}"] = int(values[b]) if whole else float(values[b])
    return row


def test_by_age_counts_once_and_gives_the_columns_of_one_count_per_metric():
    model = NeighbourhoodModel(rng=4, years=1, residents=3_000, record_history=False)
    for _ in range(20):
        model.step()
    fast, plain = weekly.by_age(model), plain_by_age(model)
    assert list(fast) == list(plain)
    assert all(type(fast[k]) is type(plain[k]) and fast[k] == plain[k] for k in plain)
    assert any(v > 0 for k, v in fast.items() if "lonely" in k)  # the checks are not all zeros
    assert any(v > 0 for k, v in fast.items() if "wmo" in k)


def test_band_of_counts_the_edges_at_or_below_as_searchsorted_does():
    rng = np.random.default_rng(5)
    for edges in (np.arange(0, 111, 10), np.array([0, 18, 25, 45, 65, 75], dtype=np.float32), [0.1, 0.2]):
        edges = np.asarray(edges)
        for dtype in (np.float32, np.float64):
            x = (rng.random(2_000) * 120).astype(dtype)
            x[: len(edges)] = edges  # exactly on an edge: counted
            x[len(edges) : 2 * len(edges)] = np.nextafter(edges.astype(dtype), dtype(-1))  # just below
            fast, plain = band_of(edges, x), np.searchsorted(edges, x, side="right")
            assert fast.dtype == plain.dtype and np.array_equal(fast, plain)


def test_tally_is_bincount_for_small_codes():
    rng = np.random.default_rng(2)
    for k, dtype in ((4, np.int8), (12, np.int8), (3, np.int32)):
        codes = rng.choice(k - 1, 5_000).astype(dtype)  # the last code never occurs: a zero count
        fast, plain = tally(codes, k), np.bincount(codes, minlength=k)
        assert fast.dtype == plain.dtype and np.array_equal(fast, plain) and fast[-1] == 0
