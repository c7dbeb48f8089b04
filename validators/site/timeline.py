"""Events on a time axis: each event with both date bounds a bar from its earliest to its
latest day; events the texts give only one bound for are listed apart, not drawn.

A bar is as wide as its date is uncertain, so a reader sees at once whether a date is a day, a
month or a season.  On the detailed axis a bar reaching beyond the window is drawn with an open
end there.  An axis of up to :data:`DAY_TICKS` days has a tick per day, labelled with its day
of the month, and a row naming the months; a longer one has a tick per month or per year.
Positions are in the units of the SVG's view box; the page scales it to the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .words import MONTHS

if TYPE_CHECKING:
    from ..models import Event

WIDTH = 1000.0
LEFT = 10.0
RIGHT = 990.0
ROW = 30.0
TOP = 56.0
MIN_BAR = 4.0
DAY_TICKS = 62
"""An axis of at most this many days gets a tick per day."""
EDGE = 90.0
"""A label starting closer than this to the right edge is drawn ending at its mark instead."""
LABEL_LENGTH = 60
"""How many characters of an event's name its bar's label shows at most."""


@dataclass(frozen=True)
class Tick:
    """A tick at ``x``; its label ends there (``anchor`` ``end``) near the right edge."""

    x: float
    label: str
    day: str
    anchor: str


@dataclass(frozen=True)
class Bar:
    """One event's mark: where it is drawn and which of its ends run past the axis."""

    event: str
    row: int
    x: float
    width: float
    y: float
    open_start: bool
    open_end: bool
    precision: str

    @property
    def label_x(self) -> float:
        """Where the label is anchored: the bar's start, or its end in the right half."""
        return self.x if self.x < WIDTH / 2 else self.x + self.width

    @property
    def label_anchor(self) -> str:
        return "start" if self.x < WIDTH / 2 else "end"


@dataclass(frozen=True)
class Arrow:
    """An ``after`` ordering drawn: from the end of the earlier event's bar to the start of the
    later one's, both at mid-height (the later may start left of where the earlier ends, when
    their dates overlap)."""

    earlier: str
    later: str
    x1: float
    y1: float
    x2: float
    y2: float


def arrows(bars: tuple[Bar, ...], events: list[Event]) -> tuple[Arrow, ...]:
    """An arrow for each event's ``after`` entry whose two events both have a bar here."""
    at = {bar.event: bar for bar in bars}
    found = []
    for event in events:
        later = at.get(event.id)
        if later is None:
            continue
        for earlier_id in event.after:
            earlier = at.get(earlier_id)
            if earlier is not None:
                found.append(
                    Arrow(
                        earlier_id,
                        event.id,
                        earlier.x + earlier.width,
                        earlier.y + BAR_MIDDLE,
                        later.x,
                        later.y + BAR_MIDDLE,
                    )
                )
    return tuple(found)


BAR_MIDDLE = 18.0
"""The middle of a bar below its row's top (bars are drawn 12 to 24 below it)."""


@dataclass(frozen=True)
class Axis:
    """The axis's first and last day, its ticks, the month names of a day axis, its bars and
    the arrows of ``after`` orderings between them."""

    first: dt.date
    last: dt.date
    ticks: tuple[Tick, ...]
    months: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    arrows: tuple[Arrow, ...] = ()

    @property
    def height(self) -> float:
        return TOP + ROW * len(self.bars) + 10


def _bounded(event: Event) -> bool:
    return event.date is not None and bool(event.date.earliest and event.date.latest)


def _half_open(event: Event) -> bool:
    date = event.date
    return date is not None and (date.earliest is None) != (date.latest is None)


def _sort_key(event: Event) -> tuple[dt.date, dt.date, str]:
    date = event.date
    assert date is not None
    lo = date.earliest or date.latest or dt.date.min
    hi = date.latest or date.earliest or dt.date.max
    return lo, hi, event.id


def dated(events: list[Event]) -> list[Event]:
    """The events with at least one date bound, in date order (of the bound they have)."""
    return sorted(
        (e for e in events if e.date is not None and (e.date.earliest or e.date.latest)),
        key=_sort_key,
    )


def drawn(events: list[Event]) -> list[Event]:
    """The events with both date bounds, in date order: those the axis draws."""
    return [e for e in dated(events) if _bounded(e)]


def half_open(events: list[Event]) -> list[Event]:
    """The events with exactly one date bound, in the order of that bound: listed apart."""
    return [e for e in dated(events) if _half_open(e)]


def _tick(x: float, label: str, day: dt.date, room: float = EDGE) -> Tick:
    return Tick(x, label, day.isoformat(), "end" if x > RIGHT - room else "start")


def _month_ticks(
    first: dt.date, last: dt.date, place: Callable[[dt.date], float]
) -> tuple[Tick, ...]:
    months = (last.year - first.year) * 12 + last.month - first.month
    found: list[Tick] = []
    if months <= 24:
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            day = dt.date(year, month, 1)
            if day >= first:
                found.append(_tick(place(day), day.strftime("%Y-%m"), day, 50.0))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        step = max(1, (last.year - first.year) // 12)
        for year in range(first.year + 1, last.year + 1, step):
            day = dt.date(year, 1, 1)
            found.append(_tick(place(day), str(year), day, 40.0))
    return tuple(found)


def _day_ticks(
    first: dt.date, last: dt.date, place: Callable[[dt.date], float]
) -> tuple[tuple[Tick, ...], tuple[Tick, ...]]:
    """A tick in the middle of each day, and the name of each month at its first day shown
    (the window's first month only when there is room before the next)."""
    days, months = [], []
    width = (RIGHT - LEFT) / ((last - first).days + 1)
    for n in range((last - first).days + 1):  # not past `last`: it may be the calendar's end
        day = first + dt.timedelta(days=n)
        x = place(day) + width / 2
        days.append(Tick(x, str(day.day), day.isoformat(), "middle"))
        if day == first or day.day == 1:
            months.append(_tick(place(day), f"{MONTHS[day.month - 1]} {day.year}", day, 110.0))
    nexts: list[Tick | None] = [*months[1:], None]
    roomy = [m for m, after in zip(months, nexts, strict=True) if not after or after.x - m.x >= 110]
    return tuple(days), tuple(roomy)


DETAIL_DAYS = 45
"""The detail axis shows the last this many days before the latest date bound."""


def axis(events: list[Event], window: tuple[dt.date, dt.date] | None = None) -> Axis | None:
    """The time axis of the ``events`` with both date bounds (``None`` when none has them).

    With ``window``, the axis covers just those days and shows the events that overlap them;
    an event reaching beyond the window is drawn with an open end there.
    """
    chosen = drawn(events)
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
        assert lo is not None
        assert hi is not None
        open_start, open_end = lo < first, hi > last
        start = LEFT if open_start else x(lo)
        end = RIGHT if open_end else x(hi) + (RIGHT - LEFT) / days
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
    if days <= DAY_TICKS:
        ticks, months = _day_ticks(first, last, x)
    else:
        ticks, months = _month_ticks(first, last, x), ()
    drawn_bars = tuple(bars)
    return Axis(first, last, ticks, months, drawn_bars, arrows(drawn_bars, chosen))


def detail_window(events: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The last :data:`DETAIL_DAYS` days up to the latest bound of the drawn events, when
    their axis is longer than four times that (so that a cluster of days is not squeezed
    into a line)."""
    bounds = _bounds(drawn(events))
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
        first - pad if first >= dt.date.min + pad else first,
        last + pad if last <= dt.date.max - pad else last,
    )
