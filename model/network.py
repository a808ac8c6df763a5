"""The neighbourhood social network as edge arrays plus a cached scipy CSR adjacency matrix.

Household ties are permanent. Neighbourhood ties are local (mostly within a small spatial cell),
their number per person is over-dispersed (gamma-distributed sociability, so some residents have
none: De Jong Gierveld & Van Tilburg), they lapse at `tie_decay_rate` and are replaced at the same
rate, so the baseline network is in equilibrium. The key facility adds ties on top that lapse at the
same rate. Ties a network developer made are kept apart (`lever_u`, `lever_v`): without a developer
who keeps them going they fade faster (`introduced_tie_fade_rate`), since nothing yet brings the two
together (§6.2, §6.5).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp

# scipy's own C routines behind csr_matrix((data, (rows, cols))): the public constructor's Python
# checks cost more than the conversion itself, and the network is rebuilt every 4 weeks (private
# module; scipy is pinned, and tests/test_network.py checks the result against the public route).
from scipy.sparse import _sparsetools

from .codes import chance_within


def symmetric_adjacency(n: int, u: np.ndarray, v: np.ndarray) -> sp.csr_matrix:
    """The n x n symmetric 0/1 float32 CSR matrix of the ties u[k]-v[k]: a tie given twice counts
    once and a tie with oneself not at all, as `csr_matrix((ones, (rows, cols)))` over both
    directions with `sum_duplicates()` and the data set to 1 would give.

    Sorted without sorting: the pairs are grouped by row (`coo_tocsr`), then transposed
    (`csr_tocsc`, a counting sort that lists each column's rows in ascending order). The matrix is
    symmetric, so its transpose is itself, now with sorted indices; two linear passes instead of a
    sort per row (the network is rebuilt every 4 weeks). The data are booleans: only the pattern is
    kept."""
    keep = u != v
    if not keep.all():
        u, v = u[keep], v[keep]
    rows = np.concatenate([u, v]).astype(np.int32, copy=False)
    cols = np.concatenate([v, u]).astype(np.int32, copy=False)
    nnz = len(rows)
    flags = np.ones(nnz, dtype=bool)
    by_row_ptr = np.empty(n + 1, dtype=np.int32)
    by_row = np.empty(nnz, dtype=np.int32)
    by_row_flags = np.empty(nnz, dtype=bool)
    _sparsetools.coo_tocsr(n, n, nnz, rows, cols, flags, by_row_ptr, by_row, by_row_flags)
    indptr = np.empty(n + 1, dtype=np.int32)
    indices = np.empty(nnz, dtype=np.int32)
    _sparsetools.csr_tocsc(n, n, by_row_ptr, by_row, by_row_flags, indptr, indices, flags)
    _sparsetools.csr_sum_duplicates(n, n, indptr, indices, flags)
    nnz = int(indptr[-1])
    a = sp.csr_matrix((np.ones(nnz, dtype=np.float32), indices[:nnz], indptr), shape=(n, n), copy=False)
    a.has_sorted_indices = True
    return a


def spread(a: sp.csr_matrix, x: np.ndarray) -> np.ndarray:
    """`a @ x` for the float32 adjacency and a float32 vector, by scipy's own C routine: at a
    neighbourhood's size the public operator's checks and dispatch cost more than the product
    (three products a week; tests/test_network.py checks it against `a @ x`)."""
    if x.dtype != np.float32 or x.ndim != 1 or a.dtype != np.float32:
        return a @ x
    n_rows, n_cols = a.shape
    y = np.zeros(n_rows, dtype=np.float32)
    _sparsetools.csr_matvec(n_rows, n_cols, a.indptr, a.indices, a.data, np.ascontiguousarray(x), y)
    return y


class SocialNetwork:
    """Ties between residents; `adjacency` is an n x n symmetric 0/1 CSR matrix (float32).

    The structure parameters (`long_range_tie_share`, `tie_cell_residents`, `sociability_shape`)
    come from the registry's 'network structure' group."""

    def __init__(
        self,
        n: int,
        x: np.ndarray,
        y: np.ndarray,
        household_ties: tuple,
        rng: np.random.Generator,
        p: dict[str, Any],
    ):
        self.n = n
        self.hh_u, self.hh_v = household_ties
        self.long_range_share = p["long_range_tie_share"]
        shape = p["sociability_shape"]
        self.sociability = rng.gamma(shape, 1.0 / shape, n)
        g = max(1, int(np.sqrt(n / p["tie_cell_residents"])))
        cx = np.minimum((x * g).astype(np.int64), g - 1)
        cy = np.minimum((y * g).astype(np.int64), g - 1)
        self.cell = cy * g + cx
        self._n_cells = g * g
        self._index_cells()
        self.u = np.empty(0, dtype=np.int32)
        self.v = np.empty(0, dtype=np.int32)
        self.baseline_ties = 0
        #: Ties network developers made (they fade without maintenance; `fade_lever_ties`).
        self.lever_u = np.empty(0, dtype=np.int32)
        self.lever_v = np.empty(0, dtype=np.int32)
        #: Neighbourhood ties ended by residents leaving since the last turnover, formed anew then
        #: (so that the network keeps its size as people come and go; newcomers draw them too).
        self.lost = 0
        self._adj: sp.csr_matrix | None = None
        self._cache: dict[str, object] = {}

    def _index_cells(self) -> None:
        """Residents sorted by cell with cumulative sociability, for drawing partners by cell."""
        self._cells_stale = False
        # A stable order is unique, so 16-bit keys (radix sort, 10x faster) give the same one.
        key = self.cell.astype(np.uint16) if self._n_cells <= 2**16 else self.cell
        self._order = np.argsort(key, kind="stable")
        w = self.sociability[self._order]
        self._cumw = np.cumsum(w)
        counts = np.bincount(self.cell, minlength=self._n_cells)
        ends = np.cumsum(counts)
        starts = ends - counts
        self._cell_lo = np.where(starts > 0, self._cumw[np.maximum(starts - 1, 0)], 0.0)
        self._cell_hi = np.where(ends > 0, self._cumw[np.maximum(ends - 1, 0)], 0.0)
        self._p_global = self.sociability / self.sociability.sum()

    # --- residents who come and go (model/mechanisms/demography.py) ----------------------------
    def remove_ties_of(self, rows: np.ndarray) -> None:
        """A departed resident's ties, household ones too, end (a newcomer in the row starts without)."""
        gone = np.zeros(self.n, dtype=bool)
        gone[rows] = True
        keep = ~(gone[self.u] | gone[self.v])
        self.lost += int(np.count_nonzero(~keep))
        self.u, self.v = self.u[keep], self.v[keep]
        keep = ~(gone[self.hh_u] | gone[self.hh_v])
        self.hh_u, self.hh_v = self.hh_u[keep], self.hh_v[keep]
        keep = ~(gone[self.lever_u] | gone[self.lever_v])
        self.lever_u, self.lever_v = self.lever_u[keep], self.lever_v[keep]
        self._adj = None

    def add_household_ties(self, u: np.ndarray, v: np.ndarray) -> None:
        self.hh_u = np.concatenate([self.hh_u, u.astype(np.int32)])
        self.hh_v = np.concatenate([self.hh_v, v.astype(np.int32)])
        self._adj = None

    def relocate(self, rows: np.ndarray, to: np.ndarray) -> None:
        """Rows now live where `to` live: their neighbourhood ties form in that cell (the index of
        cells is rebuilt when ties are next drawn)."""
        self.cell[rows] = self.cell[to]
        self._cells_stale = True

    # --- tie formation -------------------------------------------------------------------
    def _local_partners(self, rng: np.random.Generator, u: np.ndarray) -> np.ndarray:
        """A partner for each u: sociability-weighted, in u's cell (or anywhere, long range)."""
        if self._cells_stale:
            self._index_cells()
        lo, hi = self._cell_lo[self.cell[u]], self._cell_hi[self.cell[u]]
        far = rng.random(len(u)) < self.long_range_share
        lo = np.where(far, 0.0, lo)
        hi = np.where(far, self._cumw[-1], hi)
        r = lo + rng.random(len(u)) * (hi - lo)
        pos = np.minimum(np.searchsorted(self._cumw, r, side="right"), self.n - 1)
        return self._order[pos]

    def random_ties(self, rng: np.random.Generator, m: int) -> tuple[np.ndarray, np.ndarray]:
        if m <= 0 or self.n < 2:
            return np.empty(0, np.int32), np.empty(0, np.int32)
        if self._cells_stale:
            self._index_cells()
        u = rng.choice(self.n, size=m, p=self._p_global)
        return u.astype(np.int32), self._local_partners(rng, u).astype(np.int32)

    def generate(self, rng: np.random.Generator, mean_ties: float) -> None:
        m = int(round(self.n * mean_ties / 2))
        self.u, self.v = self.random_ties(rng, m)
        self.baseline_ties = m
        self._adj = None

    def add_ties(self, u: np.ndarray, v: np.ndarray) -> None:
        """Neighbourhood ties (the key facility's too): they lapse at the ordinary rate."""
        self.u, self.v = self._joined(self.u, self.v, u, v)

    def add_lever_ties(self, u: np.ndarray, v: np.ndarray) -> None:
        """Ties a network developer made: kept apart, they fade without maintenance."""
        self.lever_u, self.lever_v = self._joined(self.lever_u, self.lever_v, u, v)

    def _joined(
        self, have_u: np.ndarray, have_v: np.ndarray, u: np.ndarray, v: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """have + the new pairs that are not a resident with themself (the adjacency is rebuilt)."""
        keep = u != v
        if not keep.any():
            return have_u, have_v
        self._adj = None
        return (
            np.concatenate([have_u, u[keep].astype(np.int32)]),
            np.concatenate([have_v, v[keep].astype(np.int32)]),
        )

    def fade_lever_ties(
        self, rng: np.random.Generator, maintained: np.ndarray, q_maintained: float, q_left: float
    ) -> int:
        """Developers' ties lapse: at chance q_maintained where an end lives in an area a developer
        still works (`maintained`, per resident), else at q_left. Returns how many lapsed."""
        if len(self.lever_u) == 0:
            return 0
        kept = maintained[self.lever_u] | maintained[self.lever_v]
        lapse = rng.random(len(self.lever_u)) < np.where(kept, q_maintained, q_left)
        if lapse.any():
            self.lever_u, self.lever_v = self.lever_u[~lapse], self.lever_v[~lapse]
            self._adj = None
        return int(np.count_nonzero(lapse))

    def turnover(self, rng: np.random.Generator, yearly_rate: float, weeks: int) -> None:
        """Lapse ties at `yearly_rate` and form the baseline's worth anew (an equilibrium)."""
        q = chance_within(yearly_rate, weeks)
        if q <= 0:
            return
        keep = rng.random(len(self.u)) >= q
        self.u, self.v = self.u[keep], self.v[keep]
        nu, nv = self.random_ties(rng, int(rng.binomial(self.baseline_ties, q)) + self.lost)
        self.lost = 0
        self.add_ties(nu, nv)
        self._adj = None

    # --- views -------------------------------------------------------------------------------
    @property
    def adjacency(self) -> sp.csr_matrix:
        if self._adj is None:
            u = np.concatenate([self.u, self.hh_u, self.lever_u])
            v = np.concatenate([self.v, self.hh_v, self.lever_v])
            self._adj = a = symmetric_adjacency(self.n, u, v)
            self._cache = {}
            self._degree = np.diff(a.indptr).astype(np.int32)
        return self._adj

    def cached(self, key: str, compute):
        """A value derived from the network, recomputed only after the network changed."""
        self.adjacency  # noqa: B018 - rebuilds the matrix (and clears the cache) if ties changed
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @property
    def degree(self) -> np.ndarray:
        """Number of distinct people a resident has a tie with (household included)."""
        self.adjacency  # noqa: B018 - the degree is computed with the matrix
        return self._degree
