"""The JSON Lines reader: every defect is its own code, on its own line, and reading goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.config import Config
from kursk_pows.reading.jsonl import nesting_depth, read_jsonl
from kursk_pows.rules.structure import STRUCTURE_CODES

GOOD = b'{"id": "x"}'


def read(tmp_path: Path, content: bytes) -> tuple[list[int], list[tuple[str, int | None]]]:
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    lines, issues = read_jsonl(path, "f.jsonl")
    return [line.number for line in lines], [(i.code, i.line) for i in issues]


BAD_LINES = [
    (b'{"id": "x", "id": "y"}', "json-duplicate-key"),
    (b'{"n": NaN}', "json-nonfinite"),
    (b'{"n": -Infinity}', "json-nonfinite"),
    (b'{"n": 1e400}', "json-nonfinite"),
    (b'{"n": 1', "json-invalid"),
    (b'{"id": "x"} trailing', "json-trailing-data"),
    (b'{"id": "x"}{"id": "y"}', "json-trailing-data"),
    (b'{"n": 9007199254740993}', "json-number-range"),
    (b'{"s": "\\ud800"}', "json-lone-surrogate"),
    (b'{"s": ["ok", {"k\\udfff": 1}]}', "json-lone-surrogate"),
    (b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}", "json-too-deep"),
    (b"[1, 2]", "json-not-object"),
    (b'"text"', "json-not-object"),
    (b'{"s": "caf\xe9"}', "utf8-invalid"),
    (b'{"n": ' + b"1" * 5000 + b"}", "json-number-range"),
    (b"[" * 100_000 + b"]" * 100_000, "json-too-deep"),
    (b"[" * 100_000, "json-too-deep"),
]


@pytest.mark.parametrize(("bad", "code"), BAD_LINES)
def test_bad_line_is_reported_and_rest_read(tmp_path: Path, bad: bytes, code: str) -> None:
    numbers, issues = read(tmp_path, GOOD + b"\n" + bad + b"\n" + GOOD + b"\n")
    assert numbers == [1, 3]
    assert issues == [(code, 2)]


@pytest.mark.parametrize(
    ("content", "numbers", "issues"),
    [
        (b"\xef\xbb\xbf" + GOOD + b"\n", [1], [("file-bom", 1)]),
        (GOOD + b"\r\n" + GOOD + b"\r\n", [1, 2], [("line-crlf", 1), ("line-crlf", 2)]),
        (GOOD + b"\n\n  \n" + GOOD + b"\n", [1, 4], [("line-blank", 2), ("line-blank", 3)]),
        (GOOD, [1], [("line-not-canonical", 1)]),  # no final line feed, as fmt --check says
        (b"", [], []),
    ],
)
def test_repairable_defects_are_warnings(
    tmp_path: Path, content: bytes, numbers: list[int], issues: list[tuple[str, int]]
) -> None:
    assert read(tmp_path, content) == (numbers, issues)


def test_overlong_line_is_skipped_unparsed(tmp_path: Path) -> None:
    limit = Config().max_line_bytes
    long_line = b'{"x": "' + b"a" * (3 * limit) + b'"}'
    assert read(tmp_path, long_line + b"\n" + GOOD + b"\n") == ([2], [("line-too-long", 1)])
    assert read(tmp_path, GOOD + b"\n" + long_line) == ([1], [("line-too-long", 2)])


def test_line_at_the_limit_is_read(tmp_path: Path) -> None:
    limit = 64
    line = b'{"x": "' + b"a" * (limit - 9) + b'"}'
    assert len(line) == limit
    path = tmp_path / "f.jsonl"
    path.write_bytes(line + b"\r\n" + line + b"x\n")
    lines, issues = read_jsonl(path, "f.jsonl", Config(max_line_bytes=limit))
    assert [n.number for n in lines] == [1]
    assert [(i.code, i.line) for i in issues] == [("line-crlf", 1), ("line-too-long", 2)]


def test_pair_of_surrogates_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"s": "\\ud83d\\ude00"}\n')
    lines, issues = read_jsonl(path, "f.jsonl")
    assert (lines[0].data, issues) == ({"s": "\U0001f600"}, [])


def test_depth_ignores_brackets_in_strings() -> None:
    assert nesting_depth('{"a": "[[[[{{{{", "b": [{"c": "\\"]]"}]}') == 3


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(GOOD + b"\n" + GOOD + b"\n")
    lines, issues = read_jsonl(path, "f.jsonl", Config(max_file_bytes=10))
    assert (lines, [(i.code, i.line) for i in issues]) == ([], [("file-too-large", None)])


def test_symlinked_record_file_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.jsonl"
    outside.write_bytes(GOOD + b"\n")
    (tmp_path / "f.jsonl").symlink_to(outside)
    lines, issues = read_jsonl(tmp_path / "f.jsonl", "f.jsonl")
    assert (lines, [i.code for i in issues]) == ([], ["file-unreadable"])


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "f.jsonl").mkdir()
    lines, issues = read_jsonl(tmp_path / "f.jsonl", "f.jsonl")
    assert (lines, [i.code for i in issues]) == ([], ["file-unreadable"])


@given(st.binary(max_size=300))
def test_any_bytes_give_lines_or_issues(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.jsonl"
        path.write_bytes(data)
        lines, issues = read_jsonl(path, "f.jsonl")
    line_count = len(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"))
    assert all(1 <= line.number <= line_count for line in lines)
    assert all(i.line is not None and 1 <= i.line <= line_count for i in issues)


def test_every_reader_code_is_exercised_here() -> None:
    exercised = {code for _, code in BAD_LINES} | {
        "file-bom",
        "line-crlf",
        "line-blank",
        "line-too-long",
        "file-unreadable",
        "file-too-large",
    }
    model_codes = {  # in test_rules.py
        "file-missing",
        "field-missing",
        "field-unknown",
        "field-invalid",
        "line-not-canonical",
    }
    assert {c.code for c in STRUCTURE_CODES} - model_codes == exercised
