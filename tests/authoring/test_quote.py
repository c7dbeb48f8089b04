"""``kursk-pows quote``: the evidence item for words that occur once, every occurrence to pick
from when they occur more often, the closest passage when they do not occur."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factory import DatasetSpec
from kursk_pows.authoring.quote import find_quote
from kursk_pows.cli import main

SOURCE = "source:test-article"


@pytest.fixture
def root(spec: DatasetSpec, tmp_path: Path) -> str:
    return str(spec.write(tmp_path / "ds"))


def test_words_that_occur_once_give_the_evidence_item(
    root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quote", SOURCE, "born in 1999", "--dataset", root]) == 0
    out = capsys.readouterr().out
    assert out == (
        '{"source": "source:test-article", "quote": "born in 1999", "start": 55, "end": 67}\n'
    )


def test_offsets_count_code_points_not_bytes() -> None:
    found = find_quote("Zoë \u2013 “hi” there", "source:x", "there")
    assert found.evidence() == {"source": "source:x", "quote": "there", "start": 11, "end": 16}


def test_words_that_occur_twice_are_listed_to_pick_from(
    root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quote", SOURCE, "They were moved to Kyiv.", "--dataset", root]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "kursk-pows: 'They were moved to Kyiv.' occurs 2 times in source:test-article; pick one "
        "with --occurrence N (or quote more words, so that they occur once):",
        # 30 code points of context on each side
        "    1. line 1, 127-151: ...a sniper. He is 25 years old. [They were moved to Kyiv.]"
        " They were moved to Kyiv....",
        "    2. line 1, 152-176: ...old. They were moved to Kyiv. [They were moved to Kyiv.]...",
    ]
    assert (
        main(["quote", SOURCE, "They were moved to Kyiv.", "--occurrence", "2", "--dataset", root])
        == 0
    )
    assert json.loads(capsys.readouterr().out) == {
        "source": SOURCE,
        "quote": "They were moved to Kyiv.",
        "start": 152,
        "end": 176,
    }


def test_an_occurrence_that_does_not_exist_is_a_usage_error(
    root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["quote", SOURCE, "They were moved to Kyiv.", "--occurrence", "3", "--dataset", root]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        "kursk-pows: error: quote: --occurrence 3: the words occur 2 time(s); give 1 to 2\n"
    )


def test_words_not_in_the_text_get_the_closest_passage(
    root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quote", SOURCE, "born in 1998", "--dataset", root]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "kursk-pows: 'born in 1998' is not in source:test-article",
        "    hint: closest passage in the source: 'born in 1999'",
    ]


def test_an_unknown_source_gets_a_did_you_mean(
    root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quote", "source:test-articel", "born", "--dataset", root]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kursk-pows: error: quote: no source 'source:test-articel' in ")
    assert "did you mean source:test-article? The ids are: source:test-article\n" in err
    assert "Traceback" not in err


def test_occurrences_name_their_line_and_overlaps_count() -> None:
    found = find_quote("aa\nb aaa\naa", "source:x", "aa")
    assert [(o.start, o.end, o.line, o.before, o.after) for o in found.occurrences] == [
        (0, 2, 1, "", "\nb aaa\naa"),
        (5, 7, 2, "aa\nb ", "a\naa"),
        (6, 8, 2, "aa\nb a", "\naa"),
        (9, 11, 3, "aa\nb aaa\n", ""),
    ]
    assert found.closest is None
    assert find_quote("The first was born in 1999.", "source:x", "born in 1989").closest == (
        "born in 1999"
    )


def test_lines_that_are_not_source_records_are_passed_over(
    root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line that is no JSON object with a text id is the validator's to report; the other
    sources can still be quoted."""
    sources = Path(root) / "sources.jsonl"
    sources.write_text('["a list"]\n{"id": 3}\n' + sources.read_text(encoding="utf-8"))
    assert main(["quote", SOURCE, "as a sniper", "--dataset", root]) == 0
    assert main(["quote", "source:other", "as a sniper", "--dataset", root]) == 2
    assert "The ids are: source:test-article\n" in capsys.readouterr().err
