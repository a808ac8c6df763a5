"""Searching the shipped wijk table as a person types (issue 23): accents, apostrophes, hyphens and
case do not matter, common names find the official ones (Den Haag finds 's-Gravenhage), every match
is shown a page at a time, and a search that finds nothing says what the table covers.

Pure functions over (municipality, wijk, code) rows; `viz.runner` gives them the shipped table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .numbers import number

#: Matches shown per page.
PER_PAGE = 20

#: What people type (normalised) and the official name it stands for (normalised). CBS lists
#: municipalities by their official names; the table's only ones that people call otherwise are
#: the two "'s-" cities, and Dantumadiel (Dantumadeel until 2009).
ALIASES = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "den bosch": "s hertogenbosch",
    "dantumadeel": "dantumadiel",
}


@dataclass(frozen=True)
class Place:
    gemeente: str
    wijk: str
    code: str

    @property
    def label(self) -> str:
        return f"{self.gemeente} — {self.wijk} ({self.code})"


@dataclass(frozen=True)
class Coverage:
    """What the table holds: wijken and municipalities, the first and last municipality by name."""

    wijken: int
    gemeenten: int
    first: str
    last: str


@dataclass(frozen=True)
class Page:
    items: tuple[Place, ...]
    page: int  # from 0
    pages: int
    start: int  # 1-based position of the first item shown; 0 when nothing was found
    end: int
    total: int


def normalise(text: str) -> str:
    """Lower case without accents; apostrophes dropped; other punctuation a space."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`´]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def sort_name(gemeente: str) -> str:
    """A municipality's place in the alphabet as Dutch lists have it: 's-Gravenhage under G."""
    return normalise(re.sub(r"^['’‘`´]s[- ]", "", gemeente))


def variants(text: str) -> list[str]:
    """The query as typed and with each alias it contains replaced by the official name."""
    query = normalise(text)
    out = [query] if query else []
    for alias, official in ALIASES.items():
        replaced = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", official, query)
        if replaced != query and replaced not in out:
            out.append(replaced)
    return out


def matches(places: Iterable[Place], text: str) -> list[Place]:
    """Every place whose municipality, name or code holds each word of the query (or of an alias's
    official name): first those whose municipality alone matches (Amsterdam before Amstelveen's
    Amsterdamse Bos), each group in table order."""
    wanted = [v.split() for v in variants(text)]
    if not wanted:
        return []
    hits: list[tuple[bool, Place]] = []
    for place in places:
        haystack = normalise(f"{place.gemeente} {place.wijk} {place.code}")
        if any(all(word in haystack for word in words) for words in wanted):
            gemeente = normalise(place.gemeente)
            hits.append((not any(all(w in gemeente for w in words) for words in wanted), place))
    return [place for _, place in sorted(hits, key=lambda hit: hit[0])]


def page_of(items: list[Place], page: int, per_page: int = PER_PAGE) -> Page:
    """One page of the matches; a page number beyond the last shows the last."""
    pages = max(1, math.ceil(len(items) / per_page))
    page = min(max(page, 0), pages - 1)
    shown = tuple(items[page * per_page : (page + 1) * per_page])
    start = page * per_page + 1 if shown else 0
    return Page(shown, page, pages, start, start + len(shown) - 1 if shown else 0, len(items))


def coverage(places: Iterable[Place]) -> Coverage:
    places = list(places)
    names = sorted({p.gemeente for p in places}, key=sort_name)
    return Coverage(len(places), len(names), names[0] if names else "", names[-1] if names else "")


def count_text(page: Page, t: Callable[[str], str], lang: str) -> str:
    """ "1–20 van 108": which matches this page shows."""
    return t("search_count").format(
        start=number(page.start, lang, 6), end=number(page.end, lang, 6), total=number(page.total, lang, 6)
    )


def no_match_message(text: str, cov: Coverage, t: Callable[[str], str], lang: str) -> str:
    """Nothing found: say so, and what the shipped table does and does not cover."""
    return t("search_none").format(
        query=text.strip(),
        wijken=number(cov.wijken, lang, 6),
        gemeenten=number(cov.gemeenten, lang, 6),
        first=cov.first,
        last=cov.last,
    )
