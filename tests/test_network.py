"""The social network's adjacency matrix: the fast build and product equal scipy's public routes."""

import numpy as np
import scipy.sparse as sp
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.network import spread, symmetric_adjacency


def public_adjacency(n: int, u: np.ndarray, v: np.ndarray) -> sp.csr_matrix:
    keep = u != v
    rows, cols = np.concatenate([u[keep], v[keep]]), np.concatenate([v[keep], u[keep]])
    a = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))
    a.sum_duplicates()
    a.data[:] = 1.0
    return a


def test_fast_adjacency_equals_scipys_public_construction_with_duplicates_self_ties_and_empty_rows():
    rng = np.random.default_rng(3)
    for n, m in [(1, 0), (1, 3), (7, 30), (500, 2_000), (3_000, 200)]:
        u = rng.integers(0, n, m).astype(np.int32)
        v = rng.integers(0, n, m).astype(np.int32)
        fast, public = symmetric_adjacency(n, u, v), public_adjacency(n, u, v)
        assert fast.shape == (n, n) and fast.dtype == np.float32
        assert np.array_equal(fast.indptr, public.indptr)
        assert np.array_equal(fast.indices, public.indices)
        assert np.array_equal(fast.data, public.data)
        x = rng.random(n).astype(np.float32)
        assert np.array_equal(fast @ x, public @ x)  # the same summation order, bit for bit
        y = spread(fast, x)
        assert y.dtype == np.float32 and np.array_equal(y, public @ x)
        x64, strided = x.astype(np.float64), np.repeat(x, 2)[::2]  # the fallback, and a view
        assert spread(fast, x64).dtype == np.float64 and np.array_equal(spread(fast, x64), public @ x64)
        assert np.array_equal(spread(fast, strided), public @ x)


def test_the_models_network_after_turnover_matches_its_ties():
    model = NeighbourhoodModel(rng=5, years=1, residents=800, record_history=False)
    for _ in range(9):  # two network updates
        model.step()
    net = model.network
    u, v = np.concatenate([net.u, net.hh_u]), np.concatenate([net.v, net.hh_v])
    expected = public_adjacency(net.n, u, v)
    assert (net.adjacency != expected).nnz == 0
    assert np.array_equal(net.degree, np.diff(expected.indptr))
    assert net.adjacency.max() == 1.0 and (net.adjacency != net.adjacency.T).nnz == 0
    assert net.adjacency.diagonal().sum() == 0  # nobody is their own tie
