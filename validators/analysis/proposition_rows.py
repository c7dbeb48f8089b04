"""The rows of the derived table ``propositions``: each proposition, its value, its counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..tables.computed import value_cells
from ..tables.layout import value_columns
from ..tables.rows import column_getter
from .propositions import counted_claims

if TYPE_CHECKING:
    from .dataset import Dataset


def proposition_rows(dataset: Dataset) -> Iterator[dict[str, Any]]:
    """One row per proposition, by id: its statement, the value in words and its counts."""
    getters = [(c.name, column_getter(c.path, c.kind == "json")) for c in value_columns()]

    def name_of(record_id: str) -> str:
        entity = dataset.entities.get(record_id)
        return str(entity.name) if entity is not None else record_id

    for pid, proposition in sorted(dataset.propositions.items()):
        lead = counted_claims(proposition, dataset.claims)[0]
        behind = dataset.support(pid)
        row: dict[str, Any] = {
            "id": pid,
            "status": proposition.status,
            "subject": proposition.subject,
            "predicate": proposition.predicate,
        }
        row.update((name, get(lead)) for name, get in getters)
        row.update(value_cells(proposition.value, name_of))
        row["claims"] = len(behind.claims)
        row.update(behind.counts())
        row["superseded_by"] = json.dumps(list(proposition.superseded_by))
        yield row
