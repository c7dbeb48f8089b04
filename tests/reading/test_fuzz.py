"""Fuzzing: any content gives a report, never an exception, and each break is named by its rule.

Each property has a short run in the default test run and a long run (10,000 examples) marked
``slow``: ``pytest -m slow tests/reading/test_fuzz.py``.  Mutations that are finitely many (drop a
required field, duplicate a record, re-point a reference, shift an offset) are also all tried in
turn, in the default run.  Hypothesis examples write their datasets to temporary directories of
their own (a function-scoped ``tmp_path`` would be shared by all examples of a test).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import kursk_pows
from factory import TEXT, DatasetSpec
from kursk_pows.issues import Report
from kursk_pows.models import DateSpan, Evidence, Participant
from kursk_pows.models.values import VALUE_CLASSES
from kursk_pows.reading.manifest import MANIFEST, read_version
from kursk_pows.records.kinds import KIND_BY_NAME, KINDS
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

# -- arbitrary content in each record file ---------------------------------------------------

record_files = st.sampled_from([kind.file for kind in KINDS])


@st.composite
def spliced(draw: st.DrawFn, file: str) -> bytes:
    """The valid file with a slice replaced by arbitrary bytes: records near validity."""
    valid = BASE_FILES[file]
    start = draw(st.integers(0, len(valid)))
    end = draw(st.integers(start, min(len(valid), start + 8)))
    return valid[:start] + draw(st.binary(max_size=8)) + valid[end:]


ATTACK_PIECES = [b"[", b"{", b"]", b'"', b'\\"', b".", b" ", b"\n", b"\r", b"\x00", b"\x1b[2J"]
ATTACK_PIECES += ["\u202e".encode(), b"::error::", b"9" * 30, b"NaN", b'{"id": "claim:a\\n::x"}']
attack_bytes = st.lists(st.sampled_from(ATTACK_PIECES), max_size=200).map(b"".join) | st.tuples(
    st.sampled_from([b"[", b'\\"', b".", b" ", b"?", b"A. "]), st.integers(0, 20_000)
).map(lambda run: run[0] * run[1])
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
    "corroborates",
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


@st.composite
def changed_records(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]]]:
    """The records of one file, each possibly with a value set, a key removed or a key added."""
    kind = draw(st.sampled_from(KIND_NAMES))
    records = copy.deepcopy(BASE.records[kind])
    for record in records:
        for _ in range(draw(st.integers(0, 3))):
            paths = [path for path, _ in walk(record)]
            if not paths:
                break
            path = draw(st.sampled_from(paths))
            node = parent(record, path)
            action = draw(st.sampled_from(["set", "delete", "add"]))
            if action == "set":
                node[path[-1]] = draw(near_values)
            elif action == "delete" and isinstance(node, dict):
                del node[path[-1]]
            elif isinstance(node, dict):
                fields = st.sampled_from(["status", "note", "notes", "tense", "links", "via"])
                node[draw(fields | st.text(max_size=6))] = draw(near_values)
    return FILE_OF[kind], records


def changed_records_property(file: str, records: list[dict[str, Any]]) -> None:
    """A change that breaks a record's model is an error at that record's line; a record its
    model accepts raises no model error."""
    ordered = sorted(records, key=lambda r: str(r.get("id")))
    content = json_lines(ordered, False)
    report = validate_with_file(file, content)
    check_report(report, file, content)
    model = KIND_BY_NAME[next(k for k, f in FILE_OF.items() if f == file)].model
    field_codes = {"field-missing", "field-unknown", "field-invalid"}
    for number, record in enumerate(ordered, start=1):
        try:
            model.model_validate(json.loads(json.dumps(record)))
            broken = False
        except (ValueError, TypeError):
            broken = True
        at_line = {i.code for i in report.errors if i.file == file and i.line == number}
        if broken:  # by the model, or earlier by the strict reader (a number beyond 2**53)
            assert at_line, (number, record, report.flatten("code", "line"))
        else:
            assert not at_line & field_codes, (number, record)


@short(80)
@given(changed_records())
def test_changed_records_give_a_report(case: tuple[str, list[dict[str, Any]]]) -> None:
    changed_records_property(*case)


@pytest.mark.slow
@LONG
@given(changed_records())
def test_changed_records_give_a_report_long(case: tuple[str, list[dict[str, Any]]]) -> None:
    changed_records_property(*case)


# -- any source text ----------------------------------------------------------------------------

SOURCE_TEXT = "sources/test.txt"
PIECES = [*TEXT.split(" "), " ", "  ", ". ", "\n", "\r\n", "Mr. ", "U.S. ", "J. ", "?", "!"]
PIECES += ["\u201c", "\u201d", "(", ")", "\t", "\u00a0", "\u2028", "e\u0301", "\U0001f600"]
source_texts = (
    st.binary(max_size=400)
    | st.text(max_size=400).map(str.encode)
    | st.lists(st.sampled_from(PIECES), max_size=60).map(lambda p: "".join(p).encode())
    | attack_bytes
)


def any_source_text_property(content: bytes) -> None:
    """Sentences, coverage and quotes over any text: every quote of the minimal dataset that
    the new text lacks is reported not found, and no quote it holds is; a text that is not
    UTF-8 or is blank is reported as such, and no quote is checked against it."""
    report = validate_with_file(SOURCE_TEXT, content)
    check_report(report)
    not_found = {(i.record, i.pointer) for i in report.issues if i.code == "quote-not-found"}
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if not text.strip():
        assert "source-text-invalid" in report.codes()
        assert not not_found
        return
    expected = {
        (record["id"], f"/evidence/{n}/quote")
        for kind in ("claim", "event")
        for record in BASE.records[kind]
        for n, item in enumerate(record["evidence"])
        if item["quote"] not in text
    }
    assert not_found == expected


@short(40)
@given(source_texts)
def test_any_source_text_gives_a_report(content: bytes) -> None:
    any_source_text_property(content)


@pytest.mark.slow
@LONG
@given(source_texts)
def test_any_source_text_gives_a_report_long(content: bytes) -> None:
    any_source_text_property(content)


# -- any manifest ------------------------------------------------------------------------------

BASE_FILES[MANIFEST] = base_file(MANIFEST)
MANIFEST_CODES = {"manifest-missing", "manifest-mismatch", "version-mismatch"}


@st.composite
def manifests(draw: st.DrawFn) -> bytes:
    """Any bytes, any JSON value, or the right manifest with values set anywhere."""
    choice = draw(st.sampled_from(["bytes", "json", "changed"]))
    if choice == "bytes":
        return draw(st.binary(max_size=500) | spliced(MANIFEST))
    if choice == "json":
        return json.dumps(draw(json_values)).encode()
    manifest = json.loads(BASE_FILES[MANIFEST])
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(walk(manifest))))[0]
        parent(manifest, path)[path[-1]] = draw(near_values)
    return json.dumps(manifest).encode()


def any_manifest_property(content: bytes) -> None:
    report = validate_with_file(MANIFEST, content)
    check_codes(report)
    # the record files are valid: every issue is the manifest's, and says what is wrong with it
    assert {(i.file, i.line) for i in report.issues} <= {(MANIFEST, None)}
    assert set(report.codes()) <= MANIFEST_CODES


@short(40)
@given(manifests())
def test_any_manifest_gives_a_report(content: bytes) -> None:
    any_manifest_property(content)


@pytest.mark.slow
@LONG
@given(manifests())
def test_any_manifest_gives_a_report_long(content: bytes) -> None:
    any_manifest_property(content)


# -- one mutation, reported by its own rule ---------------------------------------------------
#
# Each mutation breaks one rule in one record of the valid minimal dataset.  The issue that must
# name it is (code, file, line, record, pointer); the record is the mutated record's id, or None
# when the mutation took the id away (dropped, or retyped to a non-string).  Mutations are plain
# functions, drawn by hypothesis and, where they are finitely many, also all tried in turn.


@dataclass(frozen=True)
class Mutated:
    """A dataset broken in one place, and the issue that must name the break."""

    what: str
    spec: DatasetSpec = field(repr=False)
    expected: Expected

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Hypothesis prints examples with this: the whole dataset would drown the point."""
        printer.text(repr(self))


Target = tuple[DatasetSpec, str, dict[str, Any]]
"""A fresh valid dataset, a record kind, and one record of that kind in the dataset."""


def targets(kinds: list[str] = KIND_NAMES) -> list[tuple[str, int]]:
    """(kind, index) of every record of the given kinds in the minimal dataset."""
    return [(kind, i) for kind in kinds for i in range(len(BASE.records[kind]))]


def target(kind: str, index: int) -> Target:
    spec = DatasetSpec()
    return spec, kind, spec.records[kind][index]


def line_of(spec: DatasetSpec, kind: str, record: dict[str, Any]) -> int:
    """The line ``record`` is written on: files are sorted by id (``DatasetSpec.write``)."""
    ordered = sorted(spec.records[kind], key=lambda r: str(r.get("id")))
    return 1 + next(i for i, r in enumerate(ordered) if r is record)


def mutated(what: str, aim: Target, code: str, where: str) -> Mutated:
    spec, kind, record = aim
    record_id = record.get("id") if isinstance(record.get("id"), str) else None
    expected = (code, FILE_OF[kind], line_of(spec, kind, record), record_id, where)
    return Mutated(f"{FILE_OF[kind]}: {what}", spec, expected)


def reported(case: Mutated, report: Report) -> bool:
    found = report.flatten("code", "file", "line", "record", "pointer")
    return tuple(case.expected) in {tuple(f) for f in found}  # the very field mutated


def mutation_property(case: Mutated) -> None:
    report = validate_spec(case.spec)
    check_codes(report)
    assert reported(case, report), (case, report.flatten("code", "record", "pointer"))


def unreported(cases: list[Mutated]) -> list[Mutated]:
    return [case for case in cases if not reported(case, validate_spec(case.spec))]


def test_mutations_start_from_a_valid_dataset() -> None:
    """Each mutation is the only break: the dataset it starts from has no issue at all."""
    assert validate_spec(DatasetSpec()).issues == ()


# drop a required field -> field-missing


def required_paths(kind: str, record: dict[str, Any]) -> list[Path_]:
    """Paths of the required fields present in a record, nested ones included."""
    models: list[tuple[Path_, Any]] = [((), KIND_BY_NAME[kind].model)]
    for path, value in walk(record):
        if path[0] == "evidence" and len(path) == 2:
            models.append((path, Evidence))
        elif path[0] == "participants" and len(path) == 2:
            models.append((path, Participant))
        elif path == ("value",):
            models.append((path, VALUE_CLASSES[value["type"]]))
        elif isinstance(value, dict) and "precision" in value:
            models.append((path, DateSpan))
    return [
        (*path, name)
        for path, model in models
        for name, info in model.model_fields.items()
        if info.is_required() and name in at(record, path)
    ]


def drop(aim: Target, path: Path_) -> Mutated:
    del parent(aim[2], path)[path[-1]]
    return mutated(f"drop {pointer(path)}", aim, "field-missing", pointer(path))


@st.composite
def dropped_fields(draw: st.DrawFn) -> Mutated:
    aim = target(*draw(st.sampled_from(targets())))
    return drop(aim, draw(st.sampled_from(required_paths(aim[1], aim[2]))))


def all_drops() -> list[Mutated]:
    return [
        drop(target(kind, i), path)
        for kind, i in targets()
        for path in required_paths(kind, BASE.records[kind][i])
    ]


@short(40)
@given(dropped_fields())
@example(drop(target("claim", 3), ("value", "type")))  # was field-invalid at /value
def test_dropped_field_is_field_missing(case: Mutated) -> None:
    mutation_property(case)


@pytest.mark.slow
@LONG
@given(dropped_fields())
def test_dropped_field_is_field_missing_long(case: Mutated) -> None:
    mutation_property(case)


def test_every_dropped_field_is_field_missing() -> None:
    cases = all_drops()
    assert len(cases) > 100
    assert [(c.what, c.expected) for c in unreported(cases)] == []


# duplicate a record -> id-duplicate


def duplicate(aim: Target) -> Mutated:
    spec, kind, record = aim
    twin = copy.deepcopy(record)
    spec.records[kind].append(twin)  # written right after the original: the sort is stable
    return mutated(f"duplicate {record['id']}", (spec, kind, twin), "id-duplicate", "/id")


@short(20)
@given(st.sampled_from(targets()))
def test_duplicated_record_is_id_duplicate(where: tuple[str, int]) -> None:
    mutation_property(duplicate(target(*where)))


def test_every_duplicated_record_is_id_duplicate() -> None:
    cases = [duplicate(target(*where)) for where in targets()]
    assert [(c.what, c.expected) for c in unreported(cases)] == []


# retype a value -> field-invalid


def json_type(value: Any) -> str:
    return "bool" if isinstance(value, bool) else type(value).__name__


OTHER_TYPE = {
    "str": st.text(max_size=8),
    "int": st.integers(-(2**53), 2**53),  # within range: the JSON layer must not refuse it
    "list": st.lists(st.integers(0, 3) | st.text(max_size=3), max_size=2),
    "dict": st.dictionaries(st.text(max_size=4), st.integers(0, 3), max_size=2),
}


def retype(aim: Target, path: Path_, new: Any) -> Mutated:
    node = parent(aim[2], path)
    old, node[path[-1]] = node[path[-1]], new
    return mutated(f"{pointer(path)}: {old!r} -> {new!r}", aim, "field-invalid", pointer(path))


@st.composite
def retyped_fields(draw: st.DrawFn) -> Mutated:
    """A value of another JSON type (string, integer, array, object) anywhere in a record.

    Floats are not used: 3.0 is an integer to JSON Schema and to the models.  Null values are
    left alone: a nullable field accepts null and one other type, which may be the new one.
    """
    aim = target(*draw(st.sampled_from(targets())))
    path = draw(st.sampled_from([p for p, v in walk(aim[2]) if v is not None]))
    old_type = json_type(at(aim[2], path))
    new_type = draw(st.sampled_from(sorted(set(OTHER_TYPE) - {old_type})))
    return retype(aim, path, draw(OTHER_TYPE[new_type]))


@short(60)
@given(retyped_fields())
def test_retyped_field_is_field_invalid(case: Mutated) -> None:
    mutation_property(case)


@pytest.mark.slow
@LONG
@given(retyped_fields())
def test_retyped_field_is_field_invalid_long(case: Mutated) -> None:
    mutation_property(case)


# re-point a reference at a missing id -> ref-missing (predicate-unknown for a predicate)


def reference_paths(kind: str, record: dict[str, Any]) -> list[Path_]:
    """Paths of every field that names another record by id."""
    found: list[Path_] = []
    for path, _ in walk(record):
        key, tail = path[0], path[1:]
        if (
            (kind == "entity" and key == "members" and len(tail) == 1)
            or (kind == "event" and key == "place")
            or (kind == "event" and key == "after" and len(tail) == 1)
            or (kind == "event" and key == "participants" and tail[1:] == ("entity",))
            or (kind == "claim" and key in ("subject", "claimed_by", "predicate"))
            or (kind == "claim" and key == "links" and tail[1:] == ("claim",))
            or (kind == "claim" and path == ("value", "entity"))
            or (kind in ("event", "claim") and key == "evidence" and tail[1:] == ("source",))
            or (kind in ("event", "claim") and key == "evidence" and tail[1:2] == ("via",))
            or (kind == "exclusion" and key == "source")
        ):
            found.append(path)
    return found


REFERENCES = [
    (kind, i, path)
    for kind, i in targets()
    for path in reference_paths(kind, BASE.records[kind][i])
]


def repoint(aim: Target, path: Path_, missing: str) -> Mutated:
    parent(aim[2], path)[path[-1]] = missing
    code = "predicate-unknown" if path == ("predicate",) else "ref-missing"
    return mutated(f"{pointer(path)} -> {missing}", aim, code, pointer(path))


missing_ids = st.builds(
    "{}:missing-{}".format,
    st.sampled_from(["person", "place", "group", "event", "source", "predicate", "claim"]),
    st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True),
)


@short(40)
@given(st.sampled_from(REFERENCES), missing_ids)
def test_repointed_reference_is_ref_missing(ref: tuple[str, int, Path_], missing: str) -> None:
    kind, index, path = ref
    mutation_property(repoint(target(kind, index), path, missing))


@pytest.mark.slow
@LONG
@given(st.sampled_from(REFERENCES), missing_ids)
def test_repointed_reference_is_ref_missing_long(ref: tuple[str, int, Path_], missing: str) -> None:
    kind, index, path = ref
    mutation_property(repoint(target(kind, index), path, missing))


def test_every_repointed_reference_is_ref_missing() -> None:
    assert {path[0] for _, _, path in REFERENCES} == {
        "members",
        "place",
        "participants",
        "after",
        "evidence",
        "subject",
        "predicate",
        "claimed_by",
        "source",
    }
    cases = [repoint(target(k, i), path, "person:missing") for k, i, path in REFERENCES]
    assert [(c.what, c.expected) for c in unreported(cases)] == []


# shift an evidence offset by 1 to 5 -> quote-offsets-mismatch (field-invalid below 0)

EVIDENCE = [
    (kind, i, e)
    for kind, i in targets(["event", "claim"])
    for e in range(len(BASE.records[kind][i]["evidence"]))
]
MOVES = [("start",), ("end",), ("start", "end")]
DELTAS = [d for d in range(-5, 6) if d]


def shift(aim: Target, index: int, moved: tuple[str, ...], delta: int) -> Mutated:
    """Move start, end or both.

    A negative offset is refused by the model (field-invalid at that offset); any other shift
    leaves offsets that do not mark the quote (quote-offsets-mismatch, which points at start):
    no quote of the minimal dataset recurs within 5 code points of itself.
    """
    evidence = aim[2]["evidence"][index]
    for key in moved:
        evidence[key] += delta
    start, end, quote = evidence["start"], evidence["end"], evidence["quote"]
    assert start < 0 or TEXT[start:end] != quote
    where = f"/evidence/{index}"
    what = f"{where} {'+'.join(moved)} {delta:+d}"
    if start < 0:
        return mutated(what, aim, "field-invalid", f"{where}/start")
    return mutated(what, aim, "quote-offsets-mismatch", f"{where}/start")


@short(40)
@given(st.sampled_from(EVIDENCE), st.sampled_from(MOVES), st.sampled_from(DELTAS))
def test_shifted_offset_is_quote_offsets_mismatch(
    evidence: tuple[str, int, int], moved: tuple[str, ...], delta: int
) -> None:
    kind, i, e = evidence
    mutation_property(shift(target(kind, i), e, moved, delta))


def test_every_shifted_offset_is_quote_offsets_mismatch() -> None:
    cases = [
        shift(target(kind, i), e, moved, delta)
        for kind, i, e in EVIDENCE
        for moved in MOVES
        for delta in DELTAS
    ]
    codes = {c.expected[0] for c in cases}
    assert codes == {"quote-offsets-mismatch", "field-invalid"}  # capture's quote starts at 0
    assert [(c.what, c.expected) for c in unreported(cases)] == []


# change one character of a quote -> quote-not-found (quote-offsets-mismatch if found elsewhere)


def change_quote(aim: Target, index: int, at: int, char: str) -> Mutated:
    """Replace one character of a quote, keeping the offsets.

    If the new quote occurs nowhere in the text: quote-not-found.  If it occurs elsewhere, the
    offsets still mark the old passage, which differs from the new quote:
    quote-offsets-mismatch.
    """
    evidence = aim[2]["evidence"][index]
    quote = evidence["quote"]
    assert char != quote[at]
    evidence["quote"] = new = quote[:at] + char + quote[at + 1 :]
    where = f"/evidence/{index}"
    what = f"{where}/quote {quote!r} -> {new!r}"
    if new in TEXT:
        return mutated(what, aim, "quote-offsets-mismatch", f"{where}/start")
    return mutated(what, aim, "quote-not-found", f"{where}/quote")


def reanchor(aim: Target, index: int, start: int, end: int) -> Target:
    """Quote a (valid) other passage of the text, so that changed quotes may occur in it."""
    aim[2]["evidence"][index].update(quote=TEXT[start:end], start=start, end=end)
    return aim


@st.composite
def changed_quotes(draw: st.DrawFn) -> Mutated:
    kind, i, e = draw(st.sampled_from(EVIDENCE))
    aim = target(kind, i)
    if draw(st.booleans()):  # a short passage: a changed one is often found elsewhere
        start = draw(st.integers(0, len(TEXT) - 1))
        aim = reanchor(aim, e, start, draw(st.integers(start + 1, min(len(TEXT), start + 6))))
    quote = aim[2]["evidence"][e]["quote"]
    at = draw(st.integers(0, len(quote) - 1))
    char = draw(st.sampled_from(sorted(set(TEXT))) | st.characters(codec="utf-8"))
    assume(char != quote[at])
    return change_quote(aim, e, at, char)


HAS = TEXT.index("has")


@short(40)
@given(changed_quotes())
@example(change_quote(reanchor(target("claim", 3), 0, HAS, HAS + 3), 0, 0, "w"))  # has -> was
@example(change_quote(target("event", 0), 0, 0, "t"))  # "two soldiers" is nowhere
def test_changed_quote_is_not_found_or_mismatched(case: Mutated) -> None:
    mutation_property(case)


@pytest.mark.slow
@LONG
@given(changed_quotes())
def test_changed_quote_is_not_found_or_mismatched_long(case: Mutated) -> None:
    mutation_property(case)


# -- validation never writes ------------------------------------------------------------------

Snapshot = dict[str, tuple[int, int, int, str | None]]


def snapshot(top: Path) -> Snapshot:
    """Every path under ``top`` (``top`` too): its type, mtime, size and, for files, SHA-256."""
    found: Snapshot = {}
    for path in [top, *top.rglob("*")]:
        info = path.lstat()
        digest = (
            hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else None
        )
        found[str(path.relative_to(top))] = (
            stat.S_IFMT(info.st_mode),
            info.st_mtime_ns,
            info.st_size,
            digest,
        )
    return found


def invalid_dataset(root: Path) -> Path:
    """A dataset with errors, and with defects that ``fmt`` would repair by rewriting files."""
    spec = DatasetSpec()
    spec.one("claim:a.role")["subject"] = "person:nobody"
    spec.one("claim:a.age")["evidence"][0]["start"] += 1
    spec.write(root)
    entities = (root / "entities.jsonl").read_bytes()
    rewrite(root, "entities.jsonl", b"\xef\xbb\xbf" + entities.replace(b"\n", b"\r\n"))
    events = (root / "events.jsonl").read_bytes().splitlines()
    rewrite(root, "events.jsonl", b"\n".join(reversed(events)) + b"\n\n")
    predicates = (root / "predicates.jsonl").read_bytes()
    rewrite(root, "predicates.jsonl", predicates.replace(b'": ', b'":'))
    return root


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kursk_pows", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "invalid"])
def test_validation_never_writes(broken: bool, tmp_path: Path) -> None:
    root = tmp_path / "ds"
    invalid_dataset(root) if broken else DatasetSpec().write(root)
    before = snapshot(tmp_path)
    report = kursk_pows.validate(root)
    assert report.valid is not broken
    if broken:  # the defects fmt repairs are there, and were reported, not repaired
        repairable = {"file-bom", "line-crlf", "line-blank", "records-unsorted"}
        assert repairable | {"line-not-canonical"} <= set(report.codes())
    assert snapshot(tmp_path) == before
    result = run_cli("validate", str(root), "--format", "json", cwd=tmp_path)
    assert result.returncode == (1 if broken else 0), result.stderr
    assert json.loads(result.stdout) == report.to_dict()
    assert snapshot(tmp_path) == before
    # fmt --check and coverage are documented as read-only too; fmt --check says it would write
    result = run_cli("fmt", "--check", str(root), cwd=tmp_path)
    assert result.returncode == (1 if broken else 0), result.stderr
    assert snapshot(tmp_path) == before
    result = run_cli("coverage", "--format", "json", str(root), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path) == before
