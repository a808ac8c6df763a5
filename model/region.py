"""The rest of the region: specialist care is organised regionally (§7), so the wijk's residents
wait in a regional queue with everybody else's.

The simulated wijk is one part of a region of `region_residents`. The rest of the region is not
simulated resident by resident: its referrals arrive as counts, at the rate per resident that the
wijk itself produced during the warm-up (before any lever; so the wijk's share of capacity matches
its share of demand), held back by the region's gatekeepers as the wijk's are when waits grow. Its
clients wait in weekly cohorts (first come, first served, within urgency), drop out at the same
weekly rate as the wijk's, and stay in care for a mean of `specialist_weeks`. Waits then do not
depend on how many residents are simulated, and a few extra complex cases in a small wijk cannot
tip the region. A full multi-wijk region is later work (docs/ODD.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: Weeks over which the current wait is smoothed (EMA).
SMOOTHING_WEEKS = 13
#: Longest memory (weeks) of the referral rates learnt in the warm-up: a running mean of all warm-up
#: weeks up to this many, then an EMA. A region's demand is large and steady; a short memory would
#: let a small wijk's last few weeks set the region's capacity and queue a year-long wait spike.
LEARNING_WEEKS = 104
#: The rest of the region's referrals of a week are split into equal parts of these severities
#: relative to the mean severity of those waiting (so that, as with the wijk's own residents, the
#: more severe go first and waits spread; assumed).
SEVERITY_OFFSETS = (-0.2, 0.0, 0.2)


@dataclass(eq=False)  # compared by identity: `==` on its array fields would be ambiguous
class Region:
    #: Residents of the region outside the simulated wijk.
    others: int
    #: Their clients in specialist care now.
    in_care: int = 0
    #: Their non-urgent waiting clients in cohorts, oldest first: each cohort's arrival week, count and
    #: severity offset (arrays: a queue a year long holds ~150 cohorts, every one touched each week).
    waiting_week: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    waiting_count: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    waiting_offset: np.ndarray = field(default_factory=lambda: np.empty(0, np.float64))
    #: Their urgent (crisis) clients waiting.
    urgent: int = 0
    #: Referral candidates per resident per week (regular and urgent), the wijk's own during the
    #: warm-up (EMA), frozen when the levers start.
    rate_regular: float = 0.0
    rate_urgent: float = 0.0
    frozen: bool = False
    #: True once the rates are learnt from at least one warm-up week (capacity then follows them).
    learnt: bool = False
    #: Warm-up weeks learnt from so far.
    weeks_learnt: int = 0
    #: Mean severity of the wijk's waiting residents (the background's place in the order).
    severity: float = 0.6
    #: Smoothed regular queue length and regular arrivals per week, region-wide: their ratio is the
    #: current wait by Little's law, which gatekeepers react to.
    queue_ema: float = 0.0
    arrivals_ema: float = 0.0

    @property
    def waiting_total(self) -> int:
        return int(self.waiting_count.sum())

    def join_queue(self, week: int, counts: np.ndarray, offsets: np.ndarray | tuple[float, ...]) -> None:
        """New cohorts, arrived in `week`, at the end of the queue (those of a count of 0 left out)."""
        counts, offsets = np.asarray(counts, np.int64), np.asarray(offsets, np.float64)
        keep = counts > 0
        self.waiting_week = np.concatenate([self.waiting_week, np.full(int(keep.sum()), week, np.int64)])
        self.waiting_count = np.concatenate([self.waiting_count, counts[keep]])
        self.waiting_offset = np.concatenate([self.waiting_offset, offsets[keep]])

    def _drop_empty_cohorts(self) -> None:
        keep = self.waiting_count > 0
        if not keep.all():
            self.waiting_week = self.waiting_week[keep]
            self.waiting_count = self.waiting_count[keep]
            self.waiting_offset = self.waiting_offset[keep]

    def places_demanded(self, residents: int, mean_stay_weeks: float) -> float:
        """The places the region's referral candidates would fill without gatekeeping (Little's law:
        arrivals per week times the mean stay), the wijk's residents included."""
        return (residents + self.others) * (self.rate_regular + self.rate_urgent) * mean_stay_weeks

    def current_wait(self) -> float:
        """The regular wait now (weeks), by Little's law on the smoothed queue and arrivals."""
        return self.queue_ema / self.arrivals_ema if self.arrivals_ema > 0 else 0.0

    def learn(self, regular: float, urgent: float, residents: int) -> None:
        """During the warm-up: follow the wijk's referral candidates per resident."""
        if self.frozen or residents <= 0:
            return
        self.weeks_learnt += 1
        a = 1.0 / min(self.weeks_learnt, LEARNING_WEEKS)
        self.rate_regular += a * (regular / residents - self.rate_regular)
        self.rate_urgent += a * (urgent / residents - self.rate_urgent)
        self.learnt = True

    def observe(self, queue: int, arrivals: int) -> None:
        a = 1.0 / SMOOTHING_WEEKS
        self.queue_ema += a * (queue - self.queue_ema)
        self.arrivals_ema += a * (arrivals - self.arrivals_ema)

    def arrive(self, rng: np.random.Generator, week: int, held_back: float) -> tuple[int, int]:
        """This week's referrals from the rest of the region (regular, urgent); a share `held_back`
        of the regular ones is kept in lighter help by the region's gatekeepers."""
        regular = int(rng.poisson(self.others * self.rate_regular * (1.0 - held_back)))
        urgent = int(rng.poisson(self.others * self.rate_urgent))
        if regular:
            parts = rng.multinomial(regular, [1 / len(SEVERITY_OFFSETS)] * len(SEVERITY_OFFSETS))
            self.join_queue(week, parts, SEVERITY_OFFSETS)
        self.urgent += urgent
        return regular, urgent

    def leave_care(self, rng: np.random.Generator, mean_weeks: float) -> None:
        if self.in_care:
            self.in_care -= int(rng.binomial(self.in_care, min(1.0, 1.0 / max(mean_weeks, 1.0))))

    def drop_out(self, rng: np.random.Generator, hazard: float) -> int:
        if not len(self.waiting_count) or hazard <= 0:
            return 0
        gone = rng.binomial(self.waiting_count, hazard)
        self.waiting_count = self.waiting_count - gone
        self._drop_empty_cohorts()
        return int(gone.sum())

    def keys(self, weeks_per_severity: float) -> np.ndarray:
        """Each waiting cohort's place in the admission order (lower first), as the wijk's residents'."""
        return self.waiting_week - weeks_per_severity * (self.severity + self.waiting_offset)

    def admit(self, cohorts: np.ndarray, room: int) -> tuple[np.ndarray, np.ndarray]:
        """Admit clients of the waiting `cohorts` (indices, in admission order) into `room` places,
        each cohort whole while there is room (the last may be partly taken). Returns the arrival
        week and count of those admitted."""
        counts = self.waiting_count[cohorts]
        ahead = np.cumsum(counts) - counts  # admitted before each cohort if all before fit
        taken = np.minimum(counts, np.maximum(room - ahead, 0))
        weeks = self.waiting_week[cohorts]
        self.waiting_count[cohorts] -= taken
        self._drop_empty_cohorts()
        self.in_care += int(taken.sum())
        return weeks, taken
