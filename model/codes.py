"""Named codes of the resident columns and the model's unit of time: a leaf module that the agents,
the mechanisms and the indicators all read, and that imports nothing of the project.

Time: one step is one week, a year is `WEEKS_PER_YEAR` weeks. Yearly rates (per person-year) are
turned into weekly chances in two ways, both on purpose for now:
- `weekly_share(rate)` = rate / 52: a small yearly rate spread evenly (life events, activation decay,
  isolation onset, skill decay and coaching);
- `chance_within(rate, weeks)` = 1 - exp(-rate * weeks / 52): the chance of at least one event of a
  Poisson process over `weeks` (tie turnover every 4 weeks; developers' build-up).
For rates of 0.1-0.3 a year the two differ by well under 1% of the weekly chance; unifying them
would change results, which the model issues do deliberately, not this module.
"""

from __future__ import annotations

import math

import numpy as np

#: Weeks in a model year (a step is a week).
WEEKS_PER_YEAR = 52
#: Half a model year: CBS counts Wmo and youth-care clients with a provision in the first half.
HALF_YEAR_WEEKS = 26
#: Week stamp meaning 'long before the start' (weeks before the warm-up count as negative weeks).
LONG_AGO = -100_000


def weekly_share(yearly_rate: float) -> float:
    """A yearly rate spread evenly over the weeks: rate / 52."""
    return yearly_rate / WEEKS_PER_YEAR


def chance_within(yearly_rate: float, weeks: float) -> float:
    """Chance of at least one event of a Poisson process with this yearly rate within `weeks`.
    (numpy's exp, not math.exp: the two may differ in the last bit, and results are kept bit for bit.)"""
    return float(1.0 - np.exp(-yearly_rate * weeks / WEEKS_PER_YEAR))


def years_in_weeks(years: float) -> float:
    return years * WEEKS_PER_YEAR


class Codes(type):
    """Named integer codes of a column, like an IntEnum whose members are plain ints: numpy compares
    an array with a plain int about twice as fast as with an IntEnum member (an int subclass), and
    the weekly mechanisms make dozens of such comparisons. `len(Path)`, `for code in Path` (the codes
    in order) and `Path.key(code)` ('waiting_generalist') give the rest."""

    _keys: dict[int, str]

    def __new__(mcls, name: str, bases: tuple, namespace: dict):
        cls = super().__new__(mcls, name, bases, namespace)
        cls._keys = {v: k.lower() for k, v in namespace.items() if k.isupper() and type(v) is int}
        return cls

    def __iter__(cls):
        return iter(sorted(cls._keys))

    def __len__(cls) -> int:
        return len(cls._keys)

    def key(cls, code: int) -> str:
        return cls._keys[int(code)]


class Need(metaclass=Codes):
    """The three kinds of support need (§5), ordered by escalation."""

    NONE = 0
    SOCIAL = 1
    INDIVIDUAL = 2
    COMPLEX = 3


class Path(metaclass=Codes):
    """A resident's current support path (DESIGN.md 'one reading of a resident's week')."""

    NONE = 0
    INFORMAL_ONLY = 1
    WAITING_GENERALIST = 2
    LIGHT_HELP = 3
    CASE_MANAGEMENT = 4
    COMBINED_TEAM = 5
    WAITING_SPECIALIST = 6
    SPECIALIST_CARE = 7
    RETURNING = 8
    FLEX_CARE = 9


def path_table(*paths: int) -> np.ndarray:
    """A boolean lookup table over Path values: `table[st.path]` is a fast membership test."""
    table = np.zeros(len(Path), dtype=bool)
    table[list(paths)] = True
    return table


#: Paths in which a professional holds the resident's case.
FORMAL_PATHS = (
    Path.WAITING_GENERALIST,
    Path.LIGHT_HELP,
    Path.CASE_MANAGEMENT,
    Path.COMBINED_TEAM,
    Path.WAITING_SPECIALIST,
    Path.SPECIALIST_CARE,
    Path.FLEX_CARE,
)
#: Paths that count as a customised provision (Wmo for 18+, youth care for 0-22); see docs/ODD.md.
PROVISION_PATHS = (Path.CASE_MANAGEMENT, Path.COMBINED_TEAM, Path.SPECIALIST_CARE, Path.FLEX_CARE)
#: Paths from which a resident can turn to formal help (not already in it).
OUTSIDE_PATHS = (Path.NONE, Path.INFORMAL_ONLY, Path.RETURNING)
#: Paths in which the resident waits (needs drift faster, §7.5).
WAITING_PATHS = (Path.WAITING_GENERALIST, Path.WAITING_SPECIALIST)

#: Provider codes stored in `ResidentState.provider` for help outside the neighbourhood team.
PROVIDER_NONE = -1
PROVIDER_KEY_FACILITY = -2


def posts(fte: float) -> list[float]:
    """Working time per professional for a dose in FTE: whole posts, and the rest as one part-time
    post (a small wijk gets part of a developer)."""
    whole = int(math.floor(fte + 1e-9))
    rest = fte - whole
    return [1.0] * whole + ([rest] if rest > 1e-9 else [])


#: Residents a lever's dose is given per (the app's sliders, the pattern report), and whom a key
#: facility's yearly cost is for (`cost_key_facility_eur`).
PER_RESIDENTS = 10_000


def dose_for(per_10k: float, residents: int) -> float:
    """A lever dose per 10,000 residents as FTE or members for this many residents (fractions
    allowed, rounded to 4 decimals so that a dose prints as the user would type it)."""
    return round(per_10k * residents / PER_RESIDENTS, 4) if per_10k > 0 else 0.0


def band_of(edges: np.ndarray, x: np.ndarray) -> np.ndarray:
    """`np.searchsorted(edges, x, side="right")` (how many of the sorted edges are at or below each
    x) for a few edges: counted edge by edge, as a binary search per resident mispredicts its branches
    and costs 10x more at 100,000 residents. Edges that x's dtype cannot hold exactly use the search."""
    own = np.asarray(edges).astype(x.dtype)
    if len(own) > 255 or not np.array_equal(own, edges) or x.dtype.kind != "f":
        return np.searchsorted(edges, x, side="right")
    count = np.zeros(len(x), dtype=np.uint8)
    for e in own:
        count += x >= e
    return count.astype(np.intp)


def tally(codes: np.ndarray, k: int) -> np.ndarray:
    """`np.bincount(codes, minlength=k)` for codes 0..k-1 of a small integer type: one vectorised count
    per code is 2-7x faster than bincount, which converts the codes and tallies them one by one."""
    return np.array([np.count_nonzero(codes == c) for c in range(k)], dtype=np.intp)
