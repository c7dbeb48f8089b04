"""Cut a text into segments at every mark boundary, so overlapping marks can all be shown.

A mark is a labelled span of the text (an evidence quote, an excluded sentence).  HTML cannot
nest spans that overlap without one containing the other, so the text is cut wherever a mark
starts or ends; each segment knows which marks cover it.  A sweep over the sorted boundaries
does the work in one pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """A labelled span ``start``..``end`` (end exclusive) of a text."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of the text covered by exactly the marks ``keys`` (in the order they were given)."""

    start: int
    end: int
    keys: tuple[str, ...]


def segments(length: int, marks: Iterable[Mark]) -> list[Segment]:
    """The text ``0..length`` as consecutive segments, each as long as its set of marks holds.

    Marks outside the text are clipped to it; empty marks cover nothing.  Joining the segments
    gives the whole text back, and the segments carrying a key join to exactly its mark.
    """
    order: dict[str, int] = {}
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for mark in marks:
        start, end = max(0, mark.start), min(length, mark.end)
        if start >= end or mark.key in order:
            continue
        order[mark.key] = len(order)
        opening.setdefault(start, []).append(mark.key)
        closing.setdefault(end, []).append(mark.key)
    cuts = sorted({0, length, *opening, *closing})
    active: set[str] = set()
    found: list[Segment] = []
    for here, after in itertools.pairwise(cuts):
        active.difference_update(closing.get(here, ()))
        active.update(opening.get(here, ()))
        keys = tuple(sorted(active, key=order.__getitem__))
        if found and found[-1].keys == keys:
            found[-1] = Segment(found[-1].start, after, keys)
        else:
            found.append(Segment(here, after, keys))
    return found
