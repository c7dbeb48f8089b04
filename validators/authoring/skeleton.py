"""Skeleton records for a contributor to fill in (``kursk-pows new claim|entity|event``).

A skeleton has every required field of its model.  A field given as an option holds that value;
a required field that has no safe default holds a placeholder that the validator reports as an
error pointing at it: a reference ``todo:FIELD`` (``ref-missing``), a claim value of type
``todo`` (``schema-invalid``, listing the value types), an evidence item from ``source:todo``
whose quote says how to get the real one.  The record is printed in canonical form, one line,
ready to append to its file.
"""

from __future__ import annotations

import json
from typing import Any

from ..records.kinds import ENTITY_PREFIXES

TODO_QUOTE = "TODO: the exact words; kursk-pows quote SOURCE WORDS prints this evidence item"
KINDS = ("claim", "entity", "event")
TYPES_BY_PREFIX = {prefix: kind for kind, prefix in ENTITY_PREFIXES.items()}


class SkeletonProblem(ValueError):
    """An option cannot go into the record; ``str()`` says which and why."""


def placeholder(field: str) -> str:
    """The placeholder reference for ``field``: ``todo:subject``, ``todo:claimed-by``."""
    return f"todo:{field.replace('_', '-')}"


def todo_evidence() -> dict[str, Any]:
    return {"source": "source:todo", "quote": TODO_QUOTE}


def parse_json(option: str, text: str) -> Any:
    """An option's JSON value (``--value``, ``--evidence``), or a problem naming the option."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkeletonProblem(f"{option}: not JSON ({exc.msg} at column {exc.colno})") from None


def new_proposition(claim_id: str) -> str:
    """The id of a new proposition first stated by ``claim_id`` (``claim:a.b``:
    ``proposition:a.b``)."""
    return "proposition:" + claim_id.split(":", 1)[-1]


def claim(
    record_id: str,
    subject: str | None = None,
    predicate: str | None = None,
    value: Any = None,
    claimed_by: str | None = None,
    evidence: list[Any] | None = None,
    proposition: str | None = None,
) -> dict[str, Any]:
    """A claim; it states a new proposition named after it unless ``proposition`` names the
    existing one another claimant states."""
    return {
        "id": record_id,
        "proposition": proposition or new_proposition(record_id),
        "subject": subject or placeholder("subject"),
        "predicate": predicate or "predicate:todo",
        "value": value if value is not None else {"type": "todo"},
        "claimed_by": claimed_by or placeholder("claimed_by"),
        "evidence": evidence or [todo_evidence()],
    }


def entity(
    record_id: str, name: str, entity_type: str | None = None, description: str | None = None
) -> dict[str, Any]:
    """An entity; its type is read from the id's prefix (``person:``, ``org:``) when not given."""
    prefix = record_id.split(":", 1)[0]
    found = entity_type or TYPES_BY_PREFIX.get(prefix)
    if found is None:
        raise SkeletonProblem(
            f"{record_id}: no entity type has the prefix {prefix!r}; use one of "
            f"{', '.join(p + ':' for p in sorted(TYPES_BY_PREFIX))} or give --type"
        )
    return {"id": record_id, "type": found, "name": name, "description": description}


def event(
    record_id: str,
    event_type: str,
    description: str,
    date: dict[str, Any] | None = None,
    evidence: list[Any] | None = None,
) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": event_type,
        "description": description,
        "date": date,
        "evidence": evidence or [todo_evidence()],
    }


def canonical_line(kind: str, data: dict[str, Any]) -> str:
    """The record as ``kursk-pows fmt`` writes it when the model accepts it (placeholders
    included, which the rules report); else the fields in model order, defaults left out, as
    JSON: the validator then names each field to fill in."""
    from pydantic import ValidationError

    from ..records.canonical import dump_record
    from ..records.kinds import KINDS as RECORD_KINDS

    model = next(k.model for k in RECORD_KINDS if k.name == kind)
    try:
        return dump_record(model.model_validate(data))
    except ValidationError:
        kept = {k: v for k, v in data.items() if v is not None or k in ("date",)}
        return json.dumps(kept, ensure_ascii=False)
