"""Identity and referential integrity: unique, well-formed ids; references that resolve."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..kinds import ENTITY_PREFIXES, KIND_PREFIXES, KINDS, expected_prefix
from ..loading import LoadedDataset, Located
from ..models import Claim, Entity, Event, Exclusion, Record
from ..report import Issue
from .registry import RuleCode, issue_at, rule

SLUG = re.compile(r"[a-z]+:[a-z0-9]+(?:[-.][a-z0-9]+)*")
KNOWN_PREFIXES = sorted(set(ENTITY_PREFIXES.values()) | set(KIND_PREFIXES.values()))

ENTITY_TYPES = frozenset(ENTITY_PREFIXES)
ACTORS = frozenset({"person", "group", "organization", "military-unit", "country", "media"})

DUPLICATE = RuleCode(
    "id-duplicate",
    "error",
    "Two records share an id",
    "Ids are unique across the whole dataset, whatever the record type.",
    "Give the later record a new id; never reuse an id, even of a removed record.",
)
MALFORMED = RuleCode(
    "id-malformed",
    "error",
    "An id is not a lowercase slug with the right type prefix",
    "Ids look like `person:pow-born-1999`: a prefix naming the record type "
    f"({', '.join(KNOWN_PREFIXES)}), a colon, and lowercase words joined by hyphens.",
    "Rename the id to the form prefix:words-with-hyphens, with the prefix for its type.",
)
REF_MISSING = RuleCode(
    "ref-missing",
    "error",
    "A reference to a record that does not exist",
    "A field that names another record by id must name one that is in the dataset.",
    "Correct the id, or add the record it should point to.",
)
REF_WRONG_TYPE = RuleCode(
    "ref-wrong-type",
    "error",
    "A reference to a record of the wrong type",
    "Each reference field accepts certain record types (a place must be a place, a source "
    "must be a source).",
    "Point the field at a record of an accepted type.",
)


@rule(DUPLICATE)
def check_duplicates(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.all_records():
        first = ds.by_id[located.id]
        if first is not located:
            yield issue_at(
                located,
                "id-duplicate",
                f"id {located.id} is already used at {first.file}:{first.line}",
                pointer="/id",
            )


@rule(MALFORMED)
def check_id_syntax(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.all_records():
        prefix = expected_prefix(located.record)
        if not SLUG.fullmatch(located.id):
            message = f"id {located.id!r} is not of the form {prefix}:lowercase-words"
        elif located.id.split(":", 1)[0] != prefix:
            message = f"id {located.id!r} should start with {prefix}: for this record type"
        else:
            continue
        yield issue_at(
            located,
            "id-malformed",
            message,
            pointer="/id",
        )


def references(record: Record) -> Iterator[tuple[str, str, frozenset[str]]]:
    """Every (pointer, target id, accepted target types) a record holds.

    A claim's predicate is left to the ``predicate-unknown`` rule.
    """
    if isinstance(record, Entity):
        for i, member in enumerate(record.members):
            yield f"/members/{i}", member, ENTITY_TYPES
    if isinstance(record, Event):
        if record.place is not None:
            yield "/place", record.place, frozenset({"place", "country"})
        for i, part in enumerate(record.participants):
            yield f"/participants/{i}/entity", part.entity, ENTITY_TYPES
        for i, earlier in enumerate(record.after):
            yield f"/after/{i}", earlier, frozenset({"event"})
    if isinstance(record, Claim):
        yield "/subject", record.subject, ENTITY_TYPES | {"event"}
        yield "/claimed_by", record.claimed_by, ACTORS | {"source"}
        if record.value.type == "entity":
            yield "/value/entity", record.value.entity, ENTITY_TYPES | {"event"}
        for i, link in enumerate(record.links):
            yield f"/links/{i}/claim", link.claim, frozenset({"claim"})
    if isinstance(record, Exclusion):
        yield "/source", record.source, frozenset({"source"})
    if isinstance(record, Event | Claim):
        for i, ev in enumerate(record.evidence):
            yield f"/evidence/{i}/source", ev.source, frozenset({"source"})
            for j, via in enumerate(ev.via):
                yield f"/evidence/{i}/via/{j}", via, ACTORS


def record_type(located: Located) -> str:
    """An entity's type, or the kind of any other record (``source``, ``event``, ...)."""
    if isinstance(located.record, Entity):
        return str(located.record.type)
    return located.kind


@rule(REF_MISSING, REF_WRONG_TYPE)
def check_references(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.all_records():
        for pointer, target, accepted in references(located.record):
            found = ds.by_id.get(target)
            if found is None and target in ds.invalid_ids:
                continue  # the target exists but failed its model, which is reported already
            if found is None:
                yield issue_at(
                    located,
                    "ref-missing",
                    f"{pointer} names {target}, which does not exist",
                    pointer=pointer,
                )
            elif record_type(found) not in accepted:
                yield issue_at(
                    located,
                    "ref-wrong-type",
                    f"{pointer} names {target}, a {record_type(found)}; "
                    f"expected one of: {', '.join(sorted(accepted))}",
                    pointer=pointer,
                )


SORT = RuleCode(
    "records-unsorted",
    "warning",
    "Records in a file are not sorted by id",
    "Files are kept sorted by id so that changes show up as small, reviewable diffs.",
    "Move the record to its place in id order.",
)


@rule(SORT)
def check_sorted(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for kind in KINDS:
        previous: Located | None = None
        for located in ds.records[kind.name]:
            if previous is not None and located.id < previous.id:
                yield issue_at(
                    located,
                    "records-unsorted",
                    f"{located.id} comes after {previous.id} but sorts before it",
                    pointer="/id",
                )
            previous = located
