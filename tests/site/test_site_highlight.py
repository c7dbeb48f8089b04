"""Segments of a text under overlapping marks: nothing lost, each mark exact, runs maximal."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.site.highlight import Mark, Segment, segments


@st.composite
def texts_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet="ab \n", max_size=40))
    bounds = st.integers(min_value=-3, max_value=len(text) + 3)
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=8))
    return text, [Mark(f"m{n}", start, end) for n, (start, end) in enumerate(pairs)]


@given(texts_and_marks())
def test_segments_rebuild_the_text_and_every_mark(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    found = segments(len(text), marks)
    assert "".join(text[s.start : s.end] for s in found) == text
    assert all(s.start < s.end for s in found)
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        covered = "".join(text[s.start : s.end] for s in found if mark.key in s.keys)
        assert covered == (text[start:end] if start < end else "")
        runs = [s for s in found if mark.key in s.keys]
        assert all(a.end == b.start for a, b in itertools.pairwise(runs))


@given(texts_and_marks())
def test_neighbouring_segments_differ_in_their_marks(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    found = segments(len(text), marks)
    assert all(a.keys != b.keys for a, b in itertools.pairwise(found))


def test_overlapping_marks_keep_the_order_they_were_given() -> None:
    found = segments(10, [Mark("late", 4, 10), Mark("early", 0, 6)])
    assert found == [
        Segment(0, 4, ("early",)),
        Segment(4, 6, ("late", "early")),
        Segment(6, 10, ("late",)),
    ]


def test_a_repeated_key_counts_once() -> None:
    assert segments(4, [Mark("a", 0, 2), Mark("a", 2, 4)]) == [
        Segment(0, 2, ("a",)),
        Segment(2, 4, ()),
    ]
