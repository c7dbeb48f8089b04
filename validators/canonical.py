"""The canonical text of a record: one JSON object per line, fields in model order."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .models import Record


def dump_record(record: Record) -> str:
    """A record as one JSON line (no newline): UTF-8 text, every field present."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def dump_records(records: Iterable[Record]) -> str:
    """Records sorted by id, one per line, each line ending in a newline."""
    ordered = sorted(records, key=lambda r: str(getattr(r, "id", "")))
    return "".join(dump_record(r) + "\n" for r in ordered)
