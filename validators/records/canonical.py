"""The canonical form of record files (``fmt``, in :mod:`kursk_pows.releases.fmt`, writes it).

Canonical form: UTF-8 without BOM; LF line endings and a final newline; no blank lines; one
record per line, sorted by id; keys in model order with default values left out; ``", "`` and
``": "`` as separators; every string in Unicode NFC, except evidence quotes, which must stay
exactly as the source text has them.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Record


_encode = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(value, ensure_ascii=False)``, without its per-call set-up."""


def _nfc(value: Any, key: str | None = None) -> Any:
    if isinstance(value, str):
        return value if key == "quote" else unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: _nfc(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v, key) for v in value]
    return value


def canonical_data(record: Record) -> dict[str, Any]:
    """The JSON data of a record in canonical form (defaults left out, strings in NFC)."""
    data: dict[str, Any] = _nfc(record.model_dump(mode="json", exclude_defaults=True))
    return data


def dump_record(record: Record) -> str:
    """A record as one canonical JSON line (no line feed)."""
    return json.dumps(canonical_data(record), ensure_ascii=False)


def is_canonical_line(text: str, dumped: dict[str, Any]) -> bool:
    """Whether ``text`` is the canonical line of a record whose JSON data, default values left
    out, is ``dumped``.  A line already in NFC needs no string-by-string normalisation, which is
    the costly part, so that case is checked fast."""
    if unicodedata.is_normalized("NFC", text):
        return text == _encode(dumped)
    return text == _encode(_nfc(dumped))


def dump_records(records: Iterable[Record]) -> str:
    """Records sorted by id, one canonical line each, each ending in a line feed."""
    ordered = sorted(records, key=lambda r: str(getattr(r, "id", "")))
    return "".join(dump_record(r) + "\n" for r in ordered)
