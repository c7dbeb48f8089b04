"""Interval arithmetic on dates, years, ages and quantities.

Every bound is inclusive and ``None`` means unbounded.  The rules use these functions to flag
only what cannot be true: two intervals conflict when they do not overlap at all.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ..models import DateSpan, QuantityValue

T = TypeVar("T", int, float, dt.date)
Bounds = tuple[T | None, T | None]


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a calendar year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the month that ``day`` falls in."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def span_bounds(span: DateSpan | None) -> tuple[dt.date | None, dt.date | None]:
    """The inclusive bounds of a date span (``(None, None)`` when there is none)."""
    if span is None:
        return None, None
    return span.earliest, span.latest


def overlaps(a: Bounds[T], b: Bounds[T]) -> bool:
    """True when two inclusive intervals share at least one point (an inverted one has none)."""
    a_lo, a_hi = a
    b_lo, b_hi = b
    if (a_lo is not None and a_hi is not None and a_lo > a_hi) or (
        b_lo is not None and b_hi is not None and b_lo > b_hi
    ):
        return False
    if a_lo is not None and b_hi is not None and a_lo > b_hi:
        return False
    return not (b_lo is not None and a_hi is not None and b_lo > a_hi)


def full_years(born: dt.date, on: dt.date) -> int:
    """Completed years of age on ``on`` of someone born on ``born`` (negative before birth)."""
    before_birthday = (on.month, on.day) < (born.month, born.day)
    return on.year - born.year - int(before_birthday)


def age_bounds(born: Bounds[dt.date], on: Bounds[dt.date]) -> Bounds[int]:
    """The youngest and oldest age possible for a birth date in ``born`` at a date in ``on``."""
    born_lo, born_hi = born
    on_lo, on_hi = on
    youngest = full_years(born_hi, on_lo) if born_hi and on_lo else None
    oldest = full_years(born_lo, on_hi) if born_lo and on_hi else None
    return youngest, oldest


QuantityBounds = tuple[float | None, float | None, bool, bool]
"""Low and high bound (``None``: unbounded), and whether each is exclusive."""


def quantity_bounds(value: QuantityValue) -> QuantityBounds:
    """Bounds of a quantity, and whether each is exclusive (``more-than``, ``fewer-than``)."""
    low, high = value.low, value.high
    if value.qualifier == "exact" and value.nominal is not None:
        low = high = value.nominal
    return low, high, value.qualifier == "more-than", value.qualifier == "fewer-than"


def quantities_overlap(a: QuantityValue, b: QuantityValue) -> bool:
    """True when two quantities (read as intervals) can both be true."""
    return quantity_bounds_overlap(quantity_bounds(a), quantity_bounds(b))


def quantity_bounds_overlap(a: QuantityBounds, b: QuantityBounds) -> bool:
    """True when two quantities' bounds (see :func:`quantity_bounds`) share a point."""
    a_lo, a_hi, a_lo_x, a_hi_x = a
    b_lo, b_hi, b_lo_x, b_hi_x = b
    return _below(a_lo, a_lo_x, b_hi, b_hi_x) and _below(b_lo, b_lo_x, a_hi, a_hi_x)


def _below(lo: float | None, lo_x: bool, hi: float | None, hi_x: bool) -> bool:
    if lo is None or hi is None:
        return True
    return lo < hi if (lo_x or hi_x) else lo <= hi
