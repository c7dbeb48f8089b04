"""Shared strategies and checks of the fuzz tests (tests/*/test_fuzz_*.py): any content gives a
report, never an exception, and each break is named by its rule.

Each property has a short run in the default test run and a long run (10,000 examples) marked
``slow``: ``pytest -m slow -k fuzz``.  Mutations that are finitely many (drop a
required field, duplicate a record, re-point a reference, shift an offset) are also all tried in
turn, in the default run.  Hypothesis examples write their datasets to temporary directories of
their own (a function-scoped ``tmp_path`` would be shared by all examples of a test).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import kursk_pows
from factory import TEXT, DatasetSpec
from kursk_pows.issues import Report
from kursk_pows.reading.manifest import MANIFEST, read_version
from kursk_pows.records.kinds import KINDS
from kursk_pows.releases.manifest import write_manifest
from kursk_pows.rules import CODES

DEFAULT = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(DEFAULT, max_examples=10_000)


def short(examples: int) -> settings:
    """Settings of a property's short run, in the default test run."""
    return settings(DEFAULT, max_examples=examples)


BASE = DatasetSpec()
"""The valid minimal dataset; never changed (mutations work on copies)."""
KIND_NAMES = [kind.name for kind in KINDS]
FILE_OF = {kind.name: kind.file for kind in KINDS}
Path_ = tuple[str | int, ...]
"""A path into a record: keys and list indices (a JSON Pointer, unescaped)."""
Expected = tuple[str, str, int, str | None, str]
"""(code, file, line, record, pointer) of the issue a mutation must produce."""


def validate_spec(spec: DatasetSpec) -> Report:
    with tempfile.TemporaryDirectory() as tmp:
        return kursk_pows.validate(spec.write(Path(tmp) / "ds"))


def rewrite(root: Path, file: str, content: bytes) -> None:
    """Replace a file of a written dataset, and the manifest, which pins every file's content."""
    (root / file).write_bytes(content)
    if file != MANIFEST:
        write_manifest(root, read_version(root) or "")


def validate_with_file(file: str, content: bytes) -> Report:
    """Validate the minimal dataset with ``content`` as the whole of one file."""
    with tempfile.TemporaryDirectory() as tmp:
        root = BASE.write(Path(tmp) / "ds")
        rewrite(root, file, content)
        return kursk_pows.validate(root)


def check_codes(report: Report) -> None:
    """Every issue has a registered code, with the severity registered for it."""
    assert isinstance(report, Report)
    for issue in report.issues:
        assert issue.code in CODES, issue
        assert issue.severity == CODES[issue.code].severity, issue


RECORD_FILES = {kind.file for kind in KINDS}


def check_report(report: Report, file: str | None = None, content: bytes = b"") -> None:
    """The invariants of every report, and a line for every issue in a record file.

    An issue in the record ``file`` whose ``content`` was fuzzed has a line within that content.
    """
    check_codes(report)
    lines = content.count(b"\n") + 1
    for issue in report.issues:
        if issue.file in RECORD_FILES:
            assert issue.line is not None, issue
        if issue.file == file:
            assert issue.line is not None, issue
            assert 1 <= issue.line <= lines, issue


def base_file(file: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return (BASE.write(Path(tmp) / "ds") / file).read_bytes()


BASE_FILES = {kind.file: base_file(kind.file) for kind in KINDS}


@st.composite
def spliced(draw: st.DrawFn, file: str) -> bytes:
    """The valid file with a slice replaced by arbitrary bytes: records near validity."""
    valid = BASE_FILES[file]
    start = draw(st.integers(0, len(valid)))
    end = draw(st.integers(start, min(len(valid), start + 8)))
    return valid[:start] + draw(st.binary(max_size=8)) + valid[end:]


ATTACK_PIECES = [b"[", b"{", b"]", b'"', b'\\"', b".", b" ", b"\n", b"\r", b"\x00", b"\x1b[2J"]
attack_bytes = st.lists(st.sampled_from(ATTACK_PIECES), max_size=200).map(b"".join) | st.tuples(
    st.sampled_from([b"[", b'\\"', b".", b" ", b"?", b"A. "]), st.integers(0, 20_000)
).map(lambda run: run[0] * run[1])


def containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    containers,
    max_leaves=16,
)


def json_lines(values: list[Any], ascii_only: bool) -> bytes:
    return b"".join(json.dumps(v, ensure_ascii=ascii_only).encode() + b"\n" for v in values)


# -- valid records with any value anywhere ----------------------------------------------------

IDS = sorted({r["id"] for records in BASE.records.values() for r in records})
WORDS = [  # literals the models know, so that changed records often still pass their model
    "active",
    "retracted",
    "past",
    "ongoing",
    "expected",
    "day",
    "month",
    "year",
    "range",
    "date",
    "quantity",
    "age",
    "entity",
    "text",
    "text-list",
    "boolean",
    "exact",
    "about",
    "more-than",
    "fewer-than",
    "person",
    "group",
    "place",
    "country",
    "event",
    "contradicts",
    "refines",
]
DATES = ["0001-01-01", "1999-12-31", "2024-02-29", "2025-01-09", "2025-02-29", "9999-12-31"]
NUMBERS = [0, -1, 1, 200, 201, 1999, 2016, 9999, 10_000, 2**53, -(2**53), 0.5, 1e300]
near_values = (
    st.sampled_from([*IDS, *WORDS, *DATES, *NUMBERS, None, True, False, [], {}])
    | st.sampled_from(TEXT.split(". "))
    | json_values
)


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, value) under ``node``, the root excluded."""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        yield (*path, key), value
        yield from walk(value, (*path, key))


def at(record: Any, path: Path_) -> Any:
    for key in path:
        record = record[key]
    return record


def parent(record: Any, path: Path_) -> Any:
    return at(record, path[:-1])


def pointer(path: Path_) -> str:
    return "".join(f"/{key}" for key in path)
