"""Fuzzing the record files: any bytes give a report, each bad line an error at its line.

The short run of each property is in the default test run; the long run is marked ``slow``
(see tests/fuzzing.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fuzzing import (
    ATTACK_PIECES,
    LONG,
    attack_bytes,
    check_report,
    json_lines,
    json_values,
    short,
    spliced,
    validate_with_file,
)
from hypothesis import example, given
from hypothesis import strategies as st

from kursk_pows.records.kinds import KINDS

# -- arbitrary content in each record file ---------------------------------------------------

record_files = st.sampled_from([kind.file for kind in KINDS])
ATTACK_PIECES += ["\u202e".encode(), b"::error::", b"9" * 30, b"NaN", b'{"id": "claim:a\\n::x"}']
"""The shapes of known attacks: runs of brackets, escaped quotes, dots and spaces, controls,
bidi marks, workflow commands, huge numbers (see tests/test_resources.py)."""


@st.composite
def file_and_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    file = draw(record_files)
    return file, draw(st.binary(max_size=2000) | spliced(file) | attack_bytes)


def unparsable_lines(content: bytes) -> list[int]:
    """The numbers of the lines that are not one JSON object even to Python's lenient reader
    (BOM, CR and blank lines aside): each must be an error at its line."""
    found = []
    for number, line in enumerate(content.split(b"\n"), start=1):
        line = line.removeprefix(b"\xef\xbb\xbf" if number == 1 else b"").removesuffix(b"\r")
        if not line.strip(b" \t\r\n"):
            continue
        try:
            parsed = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            parsed = None
        if not isinstance(parsed, dict):
            found.append(number)
    return found


def any_bytes_property(file: str, content: bytes) -> None:
    """Every line that is not a JSON object is an error at that line, and the report is not
    valid; a report is the same when the same bytes are validated twice."""
    report = validate_with_file(file, content)
    check_report(report, file, content)
    errors_at = {i.line for i in report.errors if i.file == file}
    bad = unparsable_lines(content)
    assert set(bad) <= errors_at, (bad, report.flatten("code", "line"))
    if bad:
        assert not report.valid
    assert validate_with_file(file, content).issues == report.issues


@short(80)
@given(file_and_bytes())
@example(("sources.jsonl", b"\xef\xbb\xbf\xef\xbb\xbf{}\r\n\r\n"))  # BOM twice, CRLF, blank line
def test_any_bytes_give_a_report(case: tuple[str, bytes]) -> None:
    any_bytes_property(*case)


@pytest.mark.slow
@LONG
@given(file_and_bytes())
def test_any_bytes_give_a_report_long(case: tuple[str, bytes]) -> None:
    any_bytes_property(*case)


def any_json_property(file: str, values: list[Any], ascii_only: bool) -> None:
    content = json_lines(values, ascii_only)
    report = validate_with_file(file, content)
    check_report(report, file, content)
    # every line is a value, so every issue on a line is about the value, not its syntax
    assert not {"json-invalid", "json-trailing-data", "utf8-invalid"} & set(report.codes())


@short(60)
@given(record_files, st.lists(json_values, max_size=5), st.booleans())
def test_any_json_values_give_a_report(file: str, values: list[Any], ascii_only: bool) -> None:
    any_json_property(file, values, ascii_only)


@pytest.mark.slow
@LONG
@given(record_files, st.lists(json_values, max_size=5), st.booleans())
def test_any_json_values_give_a_report_long(file: str, values: list[Any], ascii_only: bool) -> None:
    any_json_property(file, values, ascii_only)
