"""Coverage: which records account for each sentence, through the API and the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.reports.coverage import coverage_of


def test_each_sentence_has_its_records_or_reason(spec: DatasetSpec, tmp_path: Path) -> None:
    result = kursk_pows.coverage(spec.write(tmp_path / "ds"))
    rows = [(s.text, s.status, s.records, s.exclusion) for s in result.sentences()]
    assert rows == [
        ("Two soldiers were captured on January 9.", "covered", ("event:capture",), None),
        (
            "The first was born in 1999 and has served since 2016 as a sniper.",
            "covered",
            ("claim:a.birth-year", "claim:a.role", "claim:a.service-start"),
            None,
        ),
        ("He is 25 years old.", "covered", ("claim:a.age",), None),
        (
            "They were moved to Kyiv.",
            "covered",
            ("event:transfer",),
            "the sentence is printed twice; the first is covered",
        ),
        (
            "They were moved to Kyiv.",
            "excluded",
            (),
            "the sentence is printed twice; the first is covered",
        ),
    ]
    assert result.stats() == {"sentences": 5, "covered": 4, "excluded": 1, "uncovered": 0}


def test_a_quote_spanning_sentences_covers_each(spec: DatasetSpec, tmp_path: Path) -> None:
    quote = "He is 25 years old. They were moved to Kyiv."
    start = spec.texts["sources/test.txt"].decode().index(quote)
    spec.one("claim:a.age")["evidence"] = [
        {"source": "source:test-article", "quote": quote, "start": start, "end": start + len(quote)}
    ]
    result = kursk_pows.coverage(spec.write(tmp_path / "ds"))
    assert [s.records for s in result.sentences()][2:4] == [
        ("claim:a.age",),
        ("claim:a.age", "event:transfer"),
    ]


def test_cli_lists_every_sentence_and_json_equals_api(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")
    text = subprocess.run(
        [sys.executable, "-m", "kursk_pows", "coverage", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert text.returncode == 0
    assert "  1 [line 1] Two soldiers were captured on January 9." in text.stdout
    assert "      -> excluded: the sentence is printed twice; the first is covered" in text.stdout
    assert text.stdout.splitlines()[-1] == "5 sentences: 4 covered, 1 excluded, 0 uncovered"
    as_json = subprocess.run(
        [sys.executable, "-m", "kursk_pows", "coverage", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(as_json.stdout) == kursk_pows.coverage(root).to_dict()


def test_cli_exits_1_when_a_sentence_is_uncovered(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.records["exclusion"].clear()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kursk_pows",
            "coverage",
            str(spec.write(tmp_path / "ds")),
            "--uncovered",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:3] == [
        "  5 [line 1] They were moved to Kyiv.",
        "      -> UNCOVERED",
    ]


def test_bundled_dataset_is_fully_covered() -> None:
    stats = kursk_pows.coverage().stats()
    assert stats["uncovered"] == 0
    assert stats["covered"] + stats["excluded"] == stats["sentences"] > 100


def test_coverage_of_a_loaded_dataset_is_the_coverage_of_its_directory() -> None:
    assert coverage_of(kursk_pows.load(include_retracted=True)) == kursk_pows.coverage()


def test_a_text_changed_after_loading_is_not_covered_silently(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")
    dataset = kursk_pows.load(root)
    (root / "sources" / "test.txt").write_text("Something else entirely.", encoding="utf-8")
    with pytest.raises(kursk_pows.DatasetInvalid, match="changed after the dataset was loaded"):
        coverage_of(dataset)


def test_sources_without_a_readable_text_are_left_out(spec: DatasetSpec, tmp_path: Path) -> None:
    """A second record with the first one's id, one whose text is missing and one whose text
    is not UTF-8: only the first source is covered, as its own text has it."""
    first = spec.one("source:test-article")
    for sid, path in (
        ("source:test-article", "sources/again.txt"),
        ("source:missing", "sources/missing.txt"),
        ("source:latin1", "sources/latin1.txt"),
    ):
        spec.records["source"].append({**first, "id": sid, "path": path})
    spec.texts["sources/again.txt"] = b"Another text entirely."
    spec.texts["sources/latin1.txt"] = b"caf\xe9"
    result = kursk_pows.coverage(spec.write(tmp_path / "ds"))
    assert list(result.sources) == ["source:test-article"]
    assert result.stats()["sentences"] == 5
