"""Identity and referential integrity: unique, well-formed ids; references that resolve."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from ..records.kinds import ENTITY_PREFIXES, KIND_PREFIXES, expected_prefix
from .index import (
    Entry,
    Index,
    Spot,
    file_of,
    is_active,
    line_of,
    spot,
    type_of,
    unpack,
)
from .registry import (
    ALL_KINDS,
    SUGGEST_AT_MOST,
    Check,
    Place,
    RuleCode,
    article,
    did_you_mean,
    issue_at,
    rule,
)

SLUG = re.compile(r"[a-z]+:[a-z0-9]+(?:[-.][a-z0-9]+)*")
KNOWN_PREFIXES = sorted(set(ENTITY_PREFIXES.values()) | set(KIND_PREFIXES.values()))

ENTITY_TYPES = frozenset(ENTITY_PREFIXES)
ACTORS = frozenset({"person", "group", "organization", "military-unit", "country", "media"})
SUBJECTS = ENTITY_TYPES | {"event"}
CLAIMANTS = ACTORS | {"source"}
PLACES = frozenset({"place", "country"})
EVENTS = frozenset({"event"})
CLAIMS = frozenset({"claim"})
SOURCES = frozenset({"source"})

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


RELIES = RuleCode(
    "ref-retracted",
    "error",
    "A live record relies on a retracted record",
    "Retracted records stay in the files so that their ids are never reused, but no active "
    "record may use one as subject, source, participant, place or link target.",
    "Point the reference at the record that supersedes it, or retract the referring record too.",
)


@rule(DUPLICATE)
class Duplicates(Check):
    kinds = ALL_KINDS

    def see(self, located: Located, out: list[Issue]) -> None:
        first = self.index.codes[located.id]
        if line_of(first) != located.line or file_of(first) != located.file:
            out.append(
                issue_at(
                    located,
                    "id-duplicate",
                    f"id {located.id} is already used at {file_of(first)}:{line_of(first)}",
                    pointer="/id",
                )
            )


@rule(MALFORMED)
class IdSyntax(Check):
    kinds = ALL_KINDS

    def see(self, located: Located, out: list[Issue]) -> None:
        prefix = expected_prefix(located.kind, located.record)
        if not SLUG.fullmatch(located.id):
            message = f"id {located.id!r} is not of the form {prefix}:lowercase-words"
        elif located.id.split(":", 1)[0] != prefix:
            message = f"id {located.id!r} should start with {prefix}: for this record type"
        else:
            return
        out.append(issue_at(located, "id-malformed", message, pointer="/id"))


def references(kind: str, record: Any) -> Iterator[tuple[str, str, frozenset[str]]]:
    """Every (pointer, target id, accepted target types) a record of a kind holds.

    A claim's predicate is left to the ``predicate-unknown`` rule.
    """
    if kind == "claim":
        yield "/subject", record.subject, SUBJECTS
        yield "/claimed_by", record.claimed_by, CLAIMANTS
        if record.value.type == "entity":
            yield "/value/entity", record.value.entity, SUBJECTS
        for i, link in enumerate(record.links):
            yield f"/links/{i}/claim", link.claim, CLAIMS
    elif kind == "entity":
        for i, member in enumerate(record.members):
            yield f"/members/{i}", member, ENTITY_TYPES
    elif kind == "event":
        if record.place is not None:
            yield "/place", record.place, PLACES
        for i, part in enumerate(record.participants):
            yield f"/participants/{i}/entity", part.entity, ENTITY_TYPES
        for i, earlier in enumerate(record.after):
            yield f"/after/{i}", earlier, EVENTS
    elif kind == "exclusion":
        yield "/source", record.source, SOURCES
    if kind in ("event", "claim"):
        for i, ev in enumerate(record.evidence):
            yield f"/evidence/{i}/source", ev.source, SOURCES
            for j, via in enumerate(ev.via):
                yield f"/evidence/{i}/via/{j}", via, ACTORS


Pending = tuple[Spot, bool, str, str, frozenset[str]]
"""A reference to an id not read yet: (where, referrer active, pointer, target, accepted)."""


@rule(REF_MISSING, REF_WRONG_TYPE, RELIES)
class References(Check):
    """References resolve to a record of an accepted type, and live records rely on live ones.

    A reference to an id already read is checked at once; the others (forward references,
    usually within one file) are kept and checked at the end.
    """

    kinds = ALL_KINDS

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.pending: list[Pending] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        active = located.record.status == "active"
        codes = self.index.codes
        for pointer, target, accepted in references(located.kind, located.record):
            code = codes.get(target)
            if code is None:
                self.pending.append((spot(located), active, pointer, target, accepted))
            elif type_of(code) not in accepted or (active and not is_active(code)):
                _check(located, active, pointer, target, accepted, unpack(code), out)

    def finish(self, out: list[Issue]) -> None:
        by_prefix: dict[str, list[str]] | None = None  # built only if an id is missing
        suggested = 0
        for where, active, pointer, target, accepted in self.pending:
            entry = self.index.entry(target)
            if entry is not None:
                _check(where, active, pointer, target, accepted, entry, out)
            elif target not in self.index.invalid_ids:  # else reported already, as invalid
                hint = REF_MISSING.fix
                if suggested < SUGGEST_AT_MOST:
                    if by_prefix is None:
                        by_prefix = {}
                        for known in self.index.codes:
                            by_prefix.setdefault(known.split(":", 1)[0], []).append(known)
                    same_kind = by_prefix.get(target.split(":", 1)[0], [])
                    hint = did_you_mean(target, same_kind, hint)
                    suggested += 1
                out.append(
                    issue_at(
                        where,
                        "ref-missing",
                        f"{pointer} names {target}, which does not exist",
                        pointer=pointer,
                        hint=hint,
                    )
                )


def _check(
    where: Place,
    active: bool,
    pointer: str,
    target: str,
    accepted: frozenset[str],
    entry: Entry,
    out: list[Issue],
) -> None:
    if entry.type not in accepted:
        out.append(
            issue_at(
                where,
                "ref-wrong-type",
                f"{pointer} names {target}, {article(entry.type)}; "
                f"expected one of: {', '.join(sorted(accepted))}",
                pointer=pointer,
            )
        )
    if active and not entry.active:
        out.append(
            issue_at(
                where,
                "ref-retracted",
                f"{pointer} names {target}, which is retracted",
                pointer=pointer,
            )
        )


SORT = RuleCode(
    "records-unsorted",
    "warning",
    "Records in a file are not sorted by id",
    "Files are kept sorted by id so that changes show up as small, reviewable diffs.",
    "Run `kursk-pows fmt`, which sorts every record file by id (or move the record to its "
    "place in id order).",
)


@rule(SORT)
class Sorted(Check):
    kinds = ALL_KINDS

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.previous: tuple[str, str] | None = None
        """The file and id of the record read last."""

    def see(self, located: Located, out: list[Issue]) -> None:
        previous = self.previous
        if previous is not None and previous[0] == located.file and located.id < previous[1]:
            out.append(
                issue_at(
                    located,
                    "records-unsorted",
                    f"comes after {previous[1]} but sorts before it; `kursk-pows fmt` sorts "
                    "the file",
                    pointer="/id",
                )
            )
        self.previous = (located.file, located.id)
