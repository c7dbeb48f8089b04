"""value_key: equal for values that say the same thing, different otherwise."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.models import DateSpan, DateValue, TextListValue, TextValue, YearValue
from kursk_pows.records.sameness import value_key

words = st.text(alphabet="abc XYZ", min_size=1, max_size=12).filter(lambda t: t.strip())


@given(words, st.sampled_from(["  ", "\t", " \n "]))
def test_texts_compare_without_case_or_runs_of_space(text: str, space: str) -> None:
    spaced = space.join(text.upper().split())
    assert value_key(TextValue(type="text", text=text)) == value_key(
        TextValue(type="text", text=f" {spaced} ")
    )


@given(st.dates(), st.dates(), st.text(max_size=20), st.text(max_size=20))
def test_dates_compare_without_their_basis(a: dt.date, b: dt.date, one: str, other: str) -> None:
    first = DateValue(
        type="date", date=DateSpan(earliest=a, latest=b, precision="range", basis=one)
    )
    second = DateValue(
        type="date", date=DateSpan(earliest=a, latest=b, precision="range", basis=other)
    )
    assert value_key(first) == value_key(second)


@given(st.dates(), st.sampled_from([None, "source:a", "source:b"]), st.booleans())
def test_dates_compare_without_the_article_that_bounds_them(
    day: dt.date, source: str | None, before: bool
) -> None:
    """Which article's publication bounds a date says how one report was read, not when."""
    tie = {"before_publication_of" if before else "after_publication_of": source}
    first = DateValue(type="date", date=DateSpan(earliest=day, latest=day, precision="day"))
    second = DateValue(type="date", date=DateSpan(earliest=day, latest=day, precision="day", **tie))
    assert value_key(first) == value_key(second)


@given(st.dates(), st.dates())
def test_dates_with_other_bounds_differ(a: dt.date, b: dt.date) -> None:
    first = DateValue(type="date", date=DateSpan(earliest=a, latest=a, precision="day"))
    second = DateValue(type="date", date=DateSpan(earliest=b, latest=b, precision="day"))
    assert (value_key(first) == value_key(second)) == (a == b)


def test_text_lists_compare_as_sets_and_other_kinds_differ() -> None:
    assert value_key(TextListValue(type="text-list", items=["a", "B"])) == value_key(
        TextListValue(type="text-list", items=["b", "a"])
    )
    assert value_key(YearValue(type="year", year=1999)) != value_key(
        YearValue(type="year", year=2005)
    )
    assert value_key(TextValue(type="text", text="1999")) != value_key(
        YearValue(type="year", year=1999)
    )


def test_private_attributes_do_not_count() -> None:
    """An object's attributes named with ``_`` (a cache, say) are not part of what it says."""
    one = SimpleNamespace(type="text", text="Sniper", _seen=1)
    other = SimpleNamespace(type="text", text="sniper ", _seen=2)
    assert value_key(one) == value_key(other) == (("text", "type"), "sniper", "text")
