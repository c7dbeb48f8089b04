"""The canonical form of record files, and ``fmt``, which writes it.

Canonical form: UTF-8 without BOM; LF line endings and a final newline; no blank lines; one
record per line, sorted by id; keys in model order with default values left out; ``", "`` and
``": "`` as separators; every string in Unicode NFC, except evidence quotes, which must stay
exactly as the source text has them.  ``fmt`` also fills in evidence offsets where the quote
occurs exactly once in its source.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .atomic import write_text_atomic
from .config import Config
from .kinds import KINDS, Kind
from .models import Claim, Event, Evidence, Record, Source
from .reading import read_jsonl


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


def is_canonical_line(text: str, record: Record) -> bool:
    """Whether ``text`` is the canonical line of ``record``.  A line already in NFC needs no
    string-by-string normalisation, which is the costly part, so that case is checked fast."""
    if unicodedata.is_normalized("NFC", text):
        plain = record.model_dump(mode="json", exclude_defaults=True)
        return text == json.dumps(plain, ensure_ascii=False)
    return text == dump_record(record)


def dump_records(records: Iterable[Record]) -> str:
    """Records sorted by id, one canonical line each, each ending in a line feed."""
    ordered = sorted(records, key=lambda r: str(getattr(r, "id", "")))
    return "".join(dump_record(r) + "\n" for r in ordered)


def _anchored(evidence: Evidence, texts: dict[str, str]) -> Evidence:
    if evidence.start is not None or evidence.end is not None:
        return evidence
    text = texts.get(evidence.source)
    if text is None or text.count(evidence.quote) != 1:
        return evidence
    start = text.index(evidence.quote)
    return evidence.model_copy(update={"start": start, "end": start + len(evidence.quote)})


def with_offsets(record: Record, texts: dict[str, str]) -> Record:
    """The record with offsets filled in where its quote occurs exactly once."""
    if isinstance(record, Event | Claim):
        evidence = [_anchored(ev, texts) for ev in record.evidence]
        if evidence != record.evidence:
            return record.model_copy(update={"evidence": evidence})
    return record


@dataclass
class FormatResult:
    """What ``fmt`` changed (or would change), and the files it could not format."""

    changed: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)


def _source_texts(root: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    lines, _ = read_jsonl(root / "sources.jsonl", "sources.jsonl")
    for line in lines:
        try:
            source = Source.model_validate(line.data)
            path = (root / source.path).resolve()
            if (root / "sources").resolve() in path.parents and path.is_file():
                texts[source.id] = path.read_text(encoding="utf-8")
        except (ValidationError, OSError, UnicodeDecodeError):
            continue
    return texts


def _canonical_file(kind: Kind, path: Path, texts: dict[str, str]) -> tuple[str | None, str]:
    """The canonical text of a record file, or ``None`` and why it cannot be formatted."""
    lines, issues = read_jsonl(path, kind.file, Config())
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        first = errors[0]
        return None, f"line {first.line}: {first.message}"
    records = []
    for line in lines:
        try:
            records.append(with_offsets(kind.model.model_validate(line.data), texts))
        except ValidationError as exc:
            return None, f"line {line.number}: not a valid record ({exc.error_count()} error(s))"
    return dump_records(records), ""


def format_dataset(root: Path, *, check: bool = False) -> FormatResult:
    """Rewrite every record file of ``root`` in canonical form (atomically), or with ``check``
    only report which would change.  A file with errors is left untouched and reported: fmt
    never drops or guesses at content it cannot read."""
    result = FormatResult()
    texts = _source_texts(root)
    for kind in KINDS:
        path = root / kind.file
        if not path.is_file() or path.is_symlink():
            continue
        canonical, why = _canonical_file(kind, path, texts)
        if canonical is None:
            result.refused[kind.file] = why
            continue
        if path.read_bytes() != canonical.encode("utf-8"):
            result.changed.append(kind.file)
            if not check:
                write_text_atomic(path, canonical)
    return result
