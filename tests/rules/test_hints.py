"""Hints a contributor can act on: whole passages, suggestions for mistyped ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec
from kursk_pows.releases.manifest import write_manifest
from kursk_pows.rules.quotes import HINT_MAX_QUOTE, HINT_MAX_TEXT, closest_passage, whole_words
from kursk_pows.rules.registry import SUGGEST_AMONG, closest_name

TEXT = "It was the military intelligence agency of Ukraine that said so."


def test_closest_passage_ends_on_a_word_boundary() -> None:
    assert closest_passage(TEXT, "the militry intelligence agency") == (
        "the military intelligence agency"
    )
    assert closest_passage(TEXT, "militry") == "military"
    assert closest_passage(TEXT, "the military intelligence agency of Ukrain") == (
        "the military intelligence agency of Ukraine"
    )


@pytest.mark.parametrize(
    ("quote_length", "text_length", "searched"),
    [
        (HINT_MAX_QUOTE, 1_000, True),
        (HINT_MAX_QUOTE + 1, 1_000, False),
        (10, HINT_MAX_TEXT, True),
        (10, HINT_MAX_TEXT + 1, False),
    ],
)
def test_a_closest_passage_is_searched_up_to_both_limits_included(
    quote_length: int, text_length: int, searched: bool
) -> None:
    quote = ("abcde " * quote_length)[:quote_length]
    passage = "x" + quote[1:]  # one code point off: close enough for a hint
    text = passage + " " + "z" * (text_length - quote_length - 1)
    assert len(text) == text_length
    found = closest_passage(text, quote)
    assert (found is not None) == searched
    assert found is None or found.startswith(passage[:5])


def test_of_equally_close_passages_the_first_is_given() -> None:
    assert closest_passage("It says abcdeX here and abcdeY there.", "abcdef") == "abcdeX"


def test_a_passage_must_be_closer_than_three_fifths_to_be_given() -> None:
    # "abdcx" shares "ab" and one of "c" or "d" with "abcde" in order: 2 * 3 / 10 = 0.6
    assert closest_passage("abdcx", "abcde") is None
    assert closest_passage("abdcx", "abcdx") == "abdcx"  # 2 * 4 / 10


words = st.lists(st.text("abcé", min_size=1, max_size=6), min_size=1, max_size=8)


@given(words, st.data())
def test_whole_words_never_cuts_a_word(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    end = data.draw(st.integers(0, len(text)))
    passage = whole_words(text, 0, end)
    assert text.startswith(passage)
    assert passage.split() == text[: len(passage)].split()
    assert set(passage.split()) <= set(parts)  # only whole words of the text
    # and no more than that: the word cut at ``end`` is finished, and nothing after it taken
    cut = 0 < end < len(text) and text[end - 1] != " " and text[end] != " "
    assert passage == (text[:end] + (text[end:].split(" ", 1)[0] if cut else "")).rstrip()


@pytest.mark.parametrize(
    ("package", "changelog", "expected"),
    [
        (
            "2.0.0",
            "2.0.0",
            ["manifest.json says 1.0.0, validators/_version.py and CHANGELOG.md say 2.0.0"],
        ),
        (
            "2.0.0",
            "3.0.0",
            [
                "manifest.json says 1.0.0, validators/_version.py says 2.0.0",
                "manifest.json says 1.0.0, CHANGELOG.md says 3.0.0",
            ],
        ),
        ("1.0.0", "1.0.0", []),
    ],
)
def test_one_version_mismatch_per_cause(
    spec: DatasetSpec, tmp_path: Path, package: str, changelog: str, expected: list[str]
) -> None:
    root = spec.write(tmp_path / "dataset")  # manifest at 1.0.0
    (tmp_path / "validators").mkdir()
    (tmp_path / "validators" / "_version.py").write_text(f'__version__ = "{package}"\n')
    (tmp_path / "CHANGELOG.md").write_text(f"# Changes\n\n## [{changelog}] - 2025-01-01\n")
    report = kursk_pows.validate(root)
    assert [i.message for i in report.issues if i.code == "version-mismatch"] == expected


def test_messages_use_the_right_article(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one("claim:a.role")["subject"] = "event:capture"
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "message") == [
        (
            "subject-type-mismatch",
            "predicate:military-role describes person, but event:capture is an event",
        )
    ]


@pytest.mark.parametrize(
    ("length", "shown"), [(60, "x" * 60), (61, "x" * 57 + "...")], ids=["60", "61"]
)
def test_a_quote_not_found_is_shown_whole_up_to_60_characters(
    length: int, shown: str, spec: DatasetSpec, tmp_path: Path
) -> None:
    evidence = spec.one("claim:a.role")["evidence"][0]
    evidence["quote"] = "x" * length
    del evidence["start"], evidence["end"]
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "message") == [
        ("quote-not-found", f"quote {shown!r} is not in source:test-article")
    ]


def test_records_unsorted_says_fmt_sorts_and_names_the_id_once(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")
    events = (root / "events.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (root / "events.jsonl").write_text("".join(reversed(events)), encoding="utf-8")
    write_manifest(root, "1.0.0")
    report = kursk_pows.validate(root)
    assert report.flatten("code", "record", "message", "hint") == [
        (
            "records-unsorted",
            "event:capture",
            "comes after event:transfer but sorts before it; `kursk-pows fmt` sorts the file",
            "Run `kursk-pows fmt`, which sorts every record file by id (or move the record to "
            "its place in id order).",
        )
    ]


def test_unknown_ids_and_predicates_get_did_you_mean(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one("claim:a.role")["subject"] = "person:soldier-aa"
    spec.one("claim:a.age")["predicate"] = "predicate:agee"
    spec.one("claim:a.birth-year")["claimed_by"] = "source:zzzzzz"  # nothing close
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "record", "hint") == [
        (
            "predicate-unknown",
            "claim:a.age",
            "did you mean predicate:age? Otherwise: Use an existing predicate id, or add the "
            "predicate to predicates.jsonl.",
        ),
        (
            "ref-missing",
            "claim:a.birth-year",
            "Correct the id, or add the record it should point to.",
        ),
        (
            "ref-missing",
            "claim:a.role",
            "did you mean person:soldier-a? Otherwise: Correct the id, or add the record it "
            "should point to.",
        ),
    ]


def test_did_you_mean_is_bounded() -> None:
    assert closest_name("person:ab", ["person:abc"]) == "person:abc"
    assert (
        closest_name("person:ab", [f"person:x{i}" for i in range(SUGGEST_AMONG)] + ["person:abc"])
        is None
    )


def test_a_did_you_mean_is_searched_among_up_to_suggest_among_names() -> None:
    names = [f"x{n}" for n in range(SUGGEST_AMONG - 1)] + ["person:soldier-a"]
    assert closest_name("person:soldier-b", names) == "person:soldier-a"
    assert closest_name("person:soldier-b", [*names, "person:other"]) is None
