"""Retracted records: withdrawn with a reason, never deleted, never relied on by live records."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..loading import LoadedDataset
from ..report import Issue
from .ids import record_type, references
from .registry import RuleCode, issue_at, rule

INCONSISTENT = RuleCode(
    "retraction-inconsistent",
    "error",
    "A record's status and retraction do not agree",
    "A record with `status: retracted` must say why in `retraction` (reason, and superseded_by "
    "where a replacement exists); an active record has no `retraction`.",
    'Add `retraction: {"reason": ...}` to the retracted record, or remove it from the active one.',
)
RELIES = RuleCode(
    "ref-retracted",
    "error",
    "A live record relies on a retracted record",
    "Retracted records stay in the files so that their ids are never reused, but no active "
    "record may use one as subject, source, participant, place or link target.",
    "Point the reference at the record that supersedes it, or retract the referring record too.",
)
SUPERSEDED = RuleCode(
    "superseded-by-invalid",
    "error",
    "superseded_by names a missing record or one of another type",
    "A retracted record's successor must exist, be active, and be of the same record type.",
    "Name the id of the active record of the same type that replaces it.",
)


@rule(INCONSISTENT, SUPERSEDED)
def check_retractions(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.all_records():
        record = located.record
        if (record.status == "retracted") != (record.retraction is not None):
            state = (
                "retracted without a retraction"
                if record.retraction is None
                else ("active but has a retraction")
            )
            yield issue_at(
                located, "retraction-inconsistent", f"the record is {state}", pointer="/status"
            )
            continue
        successor_id = record.retraction.superseded_by if record.retraction else None
        if successor_id is None:
            continue
        successor = ds.by_id.get(successor_id)
        problem = None
        if successor is None:
            problem = "does not exist"
        elif record_type(successor) != record_type(located):
            problem = f"is a {record_type(successor)}, not a {record_type(located)}"
        elif successor.record.status != "active":
            problem = "is itself retracted"
        if problem:
            yield issue_at(
                located,
                "superseded-by-invalid",
                f"successor {successor_id} {problem}",
                pointer="/retraction/superseded_by",
            )


@rule(RELIES)
def check_live_references(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for kind in ds.records:
        for located in ds.live(kind):
            for pointer, target, _ in references(located.record):
                found = ds.by_id.get(target)
                if found is not None and found.record.status == "retracted":
                    yield issue_at(
                        located,
                        "ref-retracted",
                        f"{pointer} names {target}, which is retracted",
                        pointer=pointer,
                    )
