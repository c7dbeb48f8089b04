"""Hints a contributor can act on: whole passages, suggestions for mistyped ids."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.rules.quotes import closest_passage, whole_words

TEXT = "It was the military intelligence agency of Ukraine that said so."


def test_closest_passage_ends_on_a_word_boundary() -> None:
    assert closest_passage(TEXT, "the militry intelligence agency") == (
        "the military intelligence agency"
    )
    assert closest_passage(TEXT, "militry") == "military"
    assert closest_passage(TEXT, "the military intelligence agency of Ukrain") == (
        "the military intelligence agency of Ukraine"
    )


words = st.lists(st.text("abcé", min_size=1, max_size=6), min_size=1, max_size=8)


@given(words, st.data())
def test_whole_words_never_cuts_a_word(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    end = data.draw(st.integers(1, len(text)))
    passage = whole_words(text, 0, end)
    assert text.startswith(passage)
    assert passage.split() == text[: len(passage)].split()
    assert set(passage.split()) <= set(parts)  # only whole words of the text
