"""The sentence splitter, on made-up edge cases and on the real article texts."""

from __future__ import annotations

import itertools
import json

import bundled_snapshot
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.reading.locations import bundled
from kursk_pows.reading.sentences import overlapping, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_cuts_after_terminal_punctuation_before_a_capital() -> None:
    assert texts("One. Two! Three? four. 5 five.") == ["One.", "Two!", "Three? four.", "5 five."]


def test_keeps_closing_quotes_with_their_sentence() -> None:
    assert texts("He said: “Go.” Then left. “Why?” she asked.") == [
        "He said: “Go.”",
        "Then left.",
        "“Why?” she asked.",
    ]


def test_does_not_cut_after_abbreviations_or_initials() -> None:
    assert texts("Tactical Group No. 84 held. A U.S. official spoke. J. Smith came.") == [
        "Tactical Group No. 84 held.",
        "A U.S. official spoke.",
        "J. Smith came.",
    ]


def test_lines_are_sentences_and_blank_lines_are_not() -> None:
    text = "Headline\n\n  \nBy [AFP](#)\n- A list item: born 1999.\n"
    spans = split_sentences(text)
    assert [(s.text, s.line) for s in spans] == [
        ("Headline", 1),
        ("By [AFP](#)", 4),
        ("- A list item: born 1999.", 5),
    ]


@given(st.text(alphabet="ab .!?\n“”AB1", max_size=60))
def test_offsets_mark_trimmed_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    assert all(text[s.start : s.end] == s.text == s.text.strip() and s.text for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in spans)


def test_real_articles_split_where_a_reader_would() -> None:
    root = bundled("dataset")
    sources = [json.loads(line) for line in (root / "sources.jsonl").read_text().splitlines()]
    sentences = {s["id"]: texts((root / s["path"]).read_text(encoding="utf-8")) for s in sources}
    images = sentences["source:see-the-images-captured-in-kursk"]
    assert "Let's explore their story." in images
    assert any(
        s.startswith("“I am grateful to the soldiers of Tactical Group No. 84 of") for s in images
    )
    assert "The other had no documents at all,” the SBU report noted." in images
    glimpse = sentences["source:rare-glimpse-pyongyang-participation"]
    assert "The pair speak no foreign languages." in glimpse
    assert glimpse[-1].startswith("The 274-metre-long vessel with 24 crew members")
    counts = {sid: len(found) for sid, found in sentences.items()}
    assert counts == bundled_snapshot.expected()["sentences"], (
        f"the articles split differently from {bundled_snapshot.SNAPSHOT.name}: if the data "
        f"or the splitter changed on purpose, run {bundled_snapshot.REGENERATE} and review "
        "the diff"
    )


@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(1, 6)), max_size=12),
    st.integers(0, 80),
    st.integers(0, 20),
)
def test_overlapping_finds_exactly_the_sentences_a_span_touches(
    gaps_and_lengths: list[tuple[int, int]], start: int, length: int
) -> None:
    starts, ends, position = [], [], 0
    for gap, size in gaps_and_lengths:  # sentences in order, never overlapping one another
        starts.append(position + gap)
        ends.append(position + gap + size)
        position = ends[-1]
    end = start + length
    expected = [i for i in range(len(starts)) if starts[i] < end and ends[i] > start]
    assert list(overlapping(starts, ends, start, end)) == expected
