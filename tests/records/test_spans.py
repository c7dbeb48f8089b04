"""Interval arithmetic, checked against brute force on random dates."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st

from kursk_pows.models import QuantityValue
from kursk_pows.records.spans import (
    age_bounds,
    full_years,
    overlaps,
    quantities_overlap,
    quantity_bounds,
    span_bounds,
    year_bounds,
)

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _span(a: dt.date, b: dt.date) -> tuple[dt.date, dt.date]:
    return (min(a, b), max(a, b))


def _anniversary(born: dt.date, year: int) -> dt.date:
    """The birthday in ``year``; 29 February falls on 1 March in common years."""
    try:
        return born.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


@given(dates, dates)
@example(dt.date(2000, 2, 29), dt.date(2001, 2, 28))
@example(dt.date(2000, 2, 29), dt.date(2001, 3, 1))
def test_full_years_counts_birthdays(born: dt.date, on: dt.date) -> None:
    if on >= born:
        passed = sum(1 for y in range(born.year + 1, on.year + 1) if _anniversary(born, y) <= on)
        assert full_years(born, on) == passed
    else:
        assert full_years(born, on) < 0


@given(dates, dates, dates, dates, st.data())
def test_age_bounds_contain_every_possible_age(
    b1: dt.date, b2: dt.date, o1: dt.date, o2: dt.date, data: st.DataObject
) -> None:
    born, on = _span(b1, b2), _span(o1, o2)
    youngest, oldest = age_bounds(born, on)
    assert youngest is not None
    assert oldest is not None
    birth = data.draw(st.dates(min_value=born[0], max_value=born[1]))
    when = data.draw(st.dates(min_value=on[0], max_value=on[1]))
    assert youngest <= full_years(birth, when) <= oldest


@given(st.integers(1950, 2010), st.integers(1950, 2030))
def test_age_bounds_from_years_are_tight(born: int, on: int) -> None:
    youngest, oldest = age_bounds(year_bounds(born), year_bounds(on))
    assert (youngest, oldest) == (on - born - 1, on - born)


bounds = st.one_of(st.none(), st.integers(-50, 50))


@given(bounds, bounds, bounds, bounds)
def test_overlap_is_symmetric_and_exact(
    a: int | None, b: int | None, c: int | None, d: int | None
) -> None:
    first, second = (a, b), (c, d)
    assert overlaps(first, second) == overlaps(second, first)
    points = range(-60, 61)
    inside = [
        x
        for x in points
        if (a is None or x >= a)
        and (b is None or x <= b)
        and (c is None or x >= c)
        and (d is None or x <= d)
    ]
    assert overlaps(first, second) == bool(inside)


qualifiers = st.sampled_from(["exact", "at-least", "more-than", "up-to", "fewer-than", "range"])


@st.composite
def quantities(draw: st.DrawFn) -> QuantityValue:
    qualifier = draw(qualifiers)
    n = draw(st.integers(0, 20))
    m = draw(st.integers(n, 20))
    fields = {
        "exact": {"nominal": n},
        "at-least": {"nominal": n, "low": n},
        "more-than": {"nominal": n, "low": n},
        "up-to": {"nominal": n, "high": n},
        "fewer-than": {"nominal": n, "high": n},
        "range": {"low": n, "high": m},
    }[qualifier]
    return QuantityValue(type="quantity", qualifier=qualifier, **fields)  # type: ignore[arg-type]


def _members(q: QuantityValue) -> set[float]:
    """The half-integers (-10 to 30) a quantity admits: a brute-force model of the interval."""
    points = {x / 2 for x in range(-20, 61)}
    lo, hi = q.low, q.high
    if q.qualifier == "exact":
        lo = hi = q.nominal
    return {
        x
        for x in points
        if (lo is None or (x > lo if q.qualifier == "more-than" else x >= lo))
        and (hi is None or (x < hi if q.qualifier == "fewer-than" else x <= hi))
    }


@given(quantities(), quantities())
@example(
    QuantityValue(type="quantity", qualifier="more-than", nominal=5, low=5),
    QuantityValue(type="quantity", qualifier="exact", nominal=5),
)
def test_quantities_overlap_matches_brute_force(a: QuantityValue, b: QuantityValue) -> None:
    assert quantities_overlap(a, b) == bool(_members(a) & _members(b))


def test_about_has_no_bounds_and_fits_anything() -> None:
    about = QuantityValue(type="quantity", qualifier="about", nominal=10_000)
    more = QuantityValue(type="quantity", qualifier="more-than", nominal=10_000, low=10_000)
    assert quantities_overlap(about, more)


def test_the_bounds_of_a_span_and_of_none() -> None:
    span = SimpleNamespace(earliest=dt.date(2025, 1, 1), latest=dt.date(2025, 1, 31))
    assert span_bounds(span) == (dt.date(2025, 1, 1), dt.date(2025, 1, 31))  # type: ignore[arg-type]
    assert span_bounds(None) == (None, None)


def test_full_years_on_the_birthday_and_the_day_before() -> None:
    born = dt.date(2000, 3, 15)
    assert full_years(born, dt.date(2025, 3, 15)) == 25
    assert full_years(born, dt.date(2025, 3, 14)) == 24


def test_age_bounds_with_an_open_end() -> None:
    """An unknown earliest birth date or latest day leaves the oldest age open, and an unknown
    latest birth date or earliest day the youngest."""
    born, on = dt.date(2000, 1, 1), dt.date(2025, 6, 1)
    assert age_bounds((born, born), (on, None)) == (25, None)
    assert age_bounds((None, born), (on, on)) == (25, None)
    assert age_bounds((born, None), (on, on)) == (None, 25)
    assert age_bounds((born, born), (None, on)) == (None, 25)


def test_exact_without_a_nominal_keeps_its_bounds() -> None:
    value = QuantityValue(type="quantity", qualifier="exact", low=3, high=3)
    assert quantity_bounds(value) == (3, 3, False, False)
