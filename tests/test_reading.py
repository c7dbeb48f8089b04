"""The JSON Lines reader: every defect is its own code, on its own line, and reading goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.reading import MAX_LINE_BYTES, read_jsonl

GOOD = b'{"id": "x"}'


def read(tmp_path: Path, content: bytes) -> tuple[list[int], list[tuple[str, int | None]]]:
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    lines, issues = read_jsonl(path, "f.jsonl")
    return [line.number for line in lines], [(i.code, i.line) for i in issues]


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (b'{"id": "x", "id": "y"}', "json-duplicate-key"),
        (b'{"n": NaN}', "json-nonfinite"),
        (b'{"n": -Infinity}', "json-nonfinite"),
        (b'{"n": 1e400}', "json-nonfinite"),
        (b'{"n": 1', "json-invalid"),
        (b'{"id": "x"} trailing', "json-invalid"),
        (b"[1, 2]", "json-not-object"),
        (b'"text"', "json-not-object"),
        (b'{"s": "caf\xe9"}', "utf8-invalid"),
        (b'{"n": ' + b"1" * 5000 + b"}", "json-invalid"),
        (b"[" * 100_000 + b"]" * 100_000, "json-invalid"),
    ],
)
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
        (GOOD, [1], []),
        (b"", [], []),
    ],
)
def test_repairable_defects_are_warnings(
    tmp_path: Path, content: bytes, numbers: list[int], issues: list[tuple[str, int]]
) -> None:
    assert read(tmp_path, content) == (numbers, issues)


def test_overlong_line_is_not_parsed(tmp_path: Path) -> None:
    long_line = b'{"x": "' + b"a" * MAX_LINE_BYTES + b'"}'
    assert read(tmp_path, long_line + b"\n" + GOOD) == ([2], [("line-too-long", 1)])


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
