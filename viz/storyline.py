"""A resident's story from a run's recorded history (`model.events`), told so that it reads: who the
resident is in words, the events of a week on one line, repeats merged into one line with their
weeks ("jaar 3, week 12–25: ..."), and only the resident who lives there now (a row of the
population is reused when someone dies or moves and a newcomer arrives)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model.codes import LONG_AGO, WEEKS_PER_YEAR

#: Events with which a new resident takes over a row: the story starts after the last of them.
ARRIVALS = ("born", "moved in")
#: Two occurrences merge only if in adjacent weeks; three or more merge however far apart.
MERGE_ALWAYS_FROM = 3
#: An alternation (A, B, A, B, ...) merges from this many weeks with events.
ALTERNATION_FROM = 4

Moment = tuple[int, tuple[str, ...]]  # a week and the events in it, in order


@dataclass(frozen=True)
class Span:
    """One line of a story: the weeks `first`..`last` with events, `times` of them; `blocks` holds
    the week's events (one block), or the two weeks' events that alternate (two blocks)."""

    first: int
    last: int
    times: int
    blocks: tuple[tuple[str, ...], ...]


def own_history(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events since the row's current resident arrived (all of them if no one arrived)."""
    starts = [k for k, e in enumerate(history) if e["event"] in ARRIVALS]
    return history[starts[-1] + 1 :] if starts else history


def moments(history: list[dict[str, Any]]) -> list[Moment]:
    """Events grouped by week; a repeated event within a week counts once."""
    out: list[tuple[int, list[str]]] = []
    for e in history:
        if out and out[-1][0] == e["week"]:
            if e["event"] not in out[-1][1]:
                out[-1][1].append(e["event"])
        else:
            out.append((e["week"], [e["event"]]))
    return [(week, tuple(events)) for week, events in out]


def merge(weeks: list[Moment]) -> list[Span]:
    """Repeats as one span each: a week's events repeated (in adjacent weeks, or three or more
    times), or two weeks' events alternating at least `ALTERNATION_FROM` times; otherwise a span per
    week. Weeks before the start (warm-up) become a single span of their events, each once."""
    before = [events for week, events in weeks if week <= 0]
    spans = []
    if before:
        seen = tuple(dict.fromkeys(e for events in before for e in events))
        spans.append(Span(weeks[0][0], weeks[len(before) - 1][0], len(before), (seen,)))
    rest = weeks[len(before) :]
    i = 0
    while i < len(rest):
        same = _run(rest, i, 1)
        alternating = _run(rest, i, 2) if i + 1 < len(rest) and rest[i + 1][1] != rest[i][1] else 1
        if same >= MERGE_ALWAYS_FROM or (same == 2 and rest[i + 1][0] == rest[i][0] + 1):
            take, blocks = same, (rest[i][1],)
        elif alternating >= ALTERNATION_FROM:
            take, blocks = alternating, (rest[i][1], rest[i + 1][1])
        else:
            take, blocks = 1, (rest[i][1],)
        spans.append(Span(rest[i][0], rest[i + take - 1][0], take, blocks))
        i += take
    return spans


def _run(weeks: list[Moment], i: int, period: int) -> int:
    """How many weeks from i on repeat the pattern of the first `period` weeks."""
    j = i + period
    while j < len(weeks) and weeks[j][1] == weeks[j - period][1]:
        j += 1
    return j - i


def year_week(week: int) -> tuple[int, int]:
    """Model week 1 is week 1 of year 1; week 52 the last week of year 1."""
    return (week - 1) // WEEKS_PER_YEAR + 1, (week - 1) % WEEKS_PER_YEAR + 1


def when(first: int, last: int, t) -> str:
    """'jaar 3, week 12', 'jaar 3, week 12–25' or 'jaar 3, week 50 – jaar 4, week 6'."""
    if last <= 0:
        return t("before_start")
    (y1, w1), (y2, w2) = year_week(first), year_week(last)
    if first == last:
        return t("year_week").format(year=y1, week=w1)
    if y1 == y2:
        return t("year_weeks").format(year=y1, first=w1, last=w2)
    return t("year_week_to").format(year=y1, week=w1, to_year=y2, to_week=w2)


def span_line(span: Span, t) -> str:
    """A span as a sentence; the number of times is said when not every week in it had the events."""
    what = ["; ".join(t(e) for e in block) for block in span.blocks]
    period = when(span.first, span.last, t)
    if span.last <= 0 or span.times == 1:
        line = f"{period}: {what[0]}"
    elif len(what) == 2:
        line = t("alternating").format(when=period, times=span.times, first=what[0], second=what[1])
    elif span.times == span.last - span.first + 1:
        line = f"{period}: {what[0]}"
    else:
        line = t("times").format(when=period, times=span.times, what=what[0])
    return line[:1].upper() + line[1:]


def describe(model, i: int, t) -> str:
    """The resident in words, from what the model knows of them now (it has no sex or diagnosis):
    '78 jaar, woont alleen, 2 contacten, individuele hulpvraag, eenzaam'."""
    st = model.st
    age = int(st.age[i])
    parts = [t("age_years").format(age=age)]
    if age >= 18:
        parts.append(t("alone") if st.lives_alone[i] else t("with_others"))
    ties = int(model.network.degree[i])
    parts.append(t("one_tie") if ties == 1 else t("ties_count").format(ties=ties))
    parts.append(t(f"need_{model.resident(i).need_kind}"))
    if st.lonely[i]:
        parts.append(t("lonely"))
    if st.volunteer[i] or st.activated[i]:
        parts.append(t("helps_others"))
    return ", ".join(parts)


def resident_story(model, i: int, t) -> list[str]:
    """The current resident's events, a line per week or merged span, and where they ended."""
    spans = merge(moments(own_history(model.history(i))))
    r = model.resident(i)
    end = t("story_now").format(need=t(f"need_{r.need_kind}"), path=t(f"path_{r.support_path}"))
    return [span_line(s, t) for s in spans] + [end]


def interesting_residents(model, k: int = 12, other=None) -> list[int]:
    """Residents whose story has something in it, for the story picker: most kinds of events since
    the start (then most weeks with events), among those who lived there from the start to the end,
    in this run and in `other` (then the same person in both runs, which started alike). "From the
    start" is the population as set up, before the warm-up: a lever that acts during the warm-up
    (team or specialist capacity) gives the two runs different newcomers in the same rows."""
    st = model.st
    stayed = st.arrived_week == LONG_AGO
    if other is not None:
        stayed &= other.st.arrived_week == LONG_AGO
    kinds: dict[str, int] = {}
    who, kind = [], []
    for week, idx, event in model.events.entries():
        if week >= 1:
            who.append(idx)
            kind.append(np.full(len(idx), kinds.setdefault(event, len(kinds)), dtype=np.int64))
    if not who:
        return []
    pairs = np.unique(np.concatenate(who).astype(np.int64) * max(len(kinds), 1) + np.concatenate(kind))
    variety = np.bincount(pairs // max(len(kinds), 1), minlength=st.n)
    events = np.bincount(np.concatenate(who), minlength=st.n)
    score = np.where(stayed, variety * (events.max() + 1) + events, -1)
    order = np.argsort(-score, kind="stable")[:k]
    return [int(i) for i in order if score[i] > 0]


def picker_labels(model, people: list[int], t) -> dict[str, int]:
    """The picker's entries: each resident described, made unique by a number if two read alike."""
    out: dict[str, int] = {}
    for i in people:
        label = describe(model, i, t)
        n = 2
        while label in out:
            label = f"{describe(model, i, t)} ({n})"
            n += 1
        out[label] = i
    return out
