"""Events on a time axis: each dated event a bar from its earliest to its latest day.

A bound the text leaves open runs to the edge of the axis and is drawn as an open end, so a
reader sees at once whether a date is a day, a month or only "before autumn".  Positions are in
the units of the SVG's view box; the page scales it to the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Event

WIDTH = 1000.0
LEFT = 10.0
RIGHT = 990.0
ROW = 30.0
TOP = 40.0
MIN_BAR = 4.0


@dataclass(frozen=True)
class Bar:
    """One dated event's mark: where it is drawn and which of its ends are open."""

    event: str
    row: int
    x: float
    width: float
    y: float
    open_start: bool
    open_end: bool
    precision: str


@dataclass(frozen=True)
class Axis:
    """The axis's first and last day, its ticks (first day of each year or month) and bars."""

    first: dt.date
    last: dt.date
    ticks: tuple[tuple[float, str], ...]
    bars: tuple[Bar, ...]

    @property
    def height(self) -> float:
        return TOP + ROW * len(self.bars) + 10


def _sort_key(event: Event) -> tuple[dt.date, dt.date, str]:
    date = event.date
    assert date is not None
    lo = date.earliest or dt.date.min
    hi = date.latest or dt.date.max
    return lo, hi, event.id


def dated(events: list[Event]) -> list[Event]:
    """The events with at least one date bound, in date order."""
    return sorted(
        (e for e in events if e.date is not None and (e.date.earliest or e.date.latest)),
        key=_sort_key,
    )


def _ticks(
    first: dt.date, last: dt.date, place: Callable[[dt.date], float]
) -> tuple[tuple[float, str], ...]:
    months = (last.year - first.year) * 12 + last.month - first.month
    found: list[tuple[float, str]] = []
    if months <= 24:
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            day = dt.date(year, month, 1)
            if day >= first:
                found.append((place(day), day.strftime("%Y-%m")))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        step = max(1, (last.year - first.year) // 12)
        for year in range(first.year + 1, last.year + 1, step):
            found.append((place(dt.date(year, 1, 1)), str(year)))
    return tuple(found)


DETAIL_DAYS = 45
"""The detail axis shows the last this many days before the latest date bound."""


def axis(events: list[Event], window: tuple[dt.date, dt.date] | None = None) -> Axis | None:
    """The time axis of the dated ``events`` (``None`` when none has a date).

    With ``window``, the axis covers just those days and shows the events that overlap them;
    an event reaching beyond the window is drawn with an open end there.
    """
    chosen = dated(events)
    if window is not None:
        chosen = [e for e in chosen if e.date and _within(e.date.earliest, e.date.latest, window)]
        first, last = window
    else:
        bounds = _bounds(chosen)
        if not bounds:
            return None
        first, last = _padded(min(bounds), max(bounds))
    if not chosen:
        return None
    days = max((last - first).days + 1, 1)

    def x(day: dt.date) -> float:
        return LEFT + (RIGHT - LEFT) * (day - first).days / days

    bars = []
    for row, event in enumerate(chosen):
        assert event.date is not None
        lo, hi = event.date.earliest, event.date.latest
        open_start, open_end = lo is None or lo < first, hi is None or hi > last
        start = LEFT if open_start or lo is None else x(lo)
        end = RIGHT if open_end or hi is None else x(hi) + (RIGHT - LEFT) / days
        width = max(end - start, MIN_BAR)
        bars.append(
            Bar(
                event.id,
                row,
                start,
                width,
                TOP + ROW * row,
                open_start,
                open_end,
                event.date.precision,
            )
        )
    return Axis(first, last, _ticks(first, last, x), tuple(bars))


def detail_window(events: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The last :data:`DETAIL_DAYS` days up to the latest bound, when the whole axis is
    longer than four times that (so that a cluster of days is not squeezed into a line)."""
    bounds = _bounds(dated(events))
    if not bounds or (max(bounds) - min(bounds)).days <= 4 * DETAIL_DAYS:
        return None
    last = max(bounds)
    return last - dt.timedelta(days=DETAIL_DAYS - 1), last


def _bounds(events: list[Event]) -> list[dt.date]:
    return [b for e in events if e.date for b in (e.date.earliest, e.date.latest) if b]


def _within(lo: dt.date | None, hi: dt.date | None, window: tuple[dt.date, dt.date]) -> bool:
    return (lo is None or lo <= window[1]) and (hi is None or hi >= window[0])


def _padded(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    pad = dt.timedelta(days=3)
    return (
        first - pad if first > dt.date.min + pad else first,
        last + pad if last < dt.date.max - pad else last,
    )
