"""Fuzzing by mutation: each break of a valid dataset is named by its own rule, at its place.

The short run of each property is in the default test run; the long run is marked ``slow``
(see tests/fuzzing.py)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import pytest
from fuzzing import (
    BASE,
    FILE_OF,
    KIND_NAMES,
    LONG,
    Expected,
    Path_,
    at,
    check_codes,
    parent,
    pointer,
    short,
    validate_spec,
    walk,
)
from hypothesis import assume, example, given
from hypothesis import strategies as st

from factory import TEXT, DatasetSpec
from kursk_pows.issues import Report
from kursk_pows.models import DateSpan, Evidence, Participant
from kursk_pows.models.values import VALUE_CLASSES
from kursk_pows.records.kinds import KIND_BY_NAME

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
