"""Retracted records: withdrawn with a reason, never deleted, replaced by their own type."""

from __future__ import annotations

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from .index import Index, Spot, record_type, spot
from .registry import ALL_KINDS, Check, Place, RuleCode, article, issue_at, rule

INCONSISTENT = RuleCode(
    "retraction-inconsistent",
    "error",
    "A record's status and retraction do not agree",
    "A record with `status: retracted` must say why in `retraction` (reason, and superseded_by "
    "where a replacement exists); an active record has no `retraction`.",
    'Add `retraction: {"reason": ...}` to the retracted record, or remove it from the active one.',
)
SUPERSEDED = RuleCode(
    "superseded-by-invalid",
    "error",
    "superseded_by names a missing record or one of another type",
    "A retracted record's successor must exist, be active, and be of the same record type.",
    "Name the id of the active record of the same type that replaces it.",
)


@rule(INCONSISTENT, SUPERSEDED)
class Retractions(Check):
    """Status and retraction agree; a successor exists, is active and of the same type.

    A successor not read yet (usually later in the same file) is checked at the end.
    """

    kinds = ALL_KINDS

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.pending: list[tuple[Spot, str, str]] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if (record.status == "retracted") != (record.retraction is not None):
            state = (
                "retracted without a retraction"
                if record.retraction is None
                else ("active but has a retraction")
            )
            out.append(
                issue_at(
                    located, "retraction-inconsistent", f"the record is {state}", pointer="/status"
                )
            )
            return
        successor_id = record.retraction.superseded_by if record.retraction else None
        if successor_id is None:
            return
        if successor_id in self.index:
            _check_successor(self.index, located, record_type(located), successor_id, out)
        else:
            self.pending.append((spot(located), record_type(located), successor_id))

    def finish(self, out: list[Issue]) -> None:
        for where, own_type, successor_id in self.pending:
            _check_successor(self.index, where, own_type, successor_id, out)


def _check_successor(
    index: Index, where: Place, own_type: str, successor_id: str, out: list[Issue]
) -> None:
    successor = index.entry(successor_id)
    if successor is None:
        problem = "does not exist"
    elif successor.type != own_type:
        problem = f"is {article(successor.type)}, not {article(own_type)}"
    elif not successor.active:
        problem = "is itself retracted"
    else:
        return
    out.append(
        issue_at(
            where,
            "superseded-by-invalid",
            f"successor {successor_id} {problem}",
            pointer="/retraction/superseded_by",
        )
    )
