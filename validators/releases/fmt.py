"""``fmt``: rewrite record files in canonical form, losslessly and atomically.

Besides the canonical form itself (see :mod:`kursk_pows.records.canonical`), ``fmt`` fills in
evidence offsets where the quote occurs exactly once in its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..config import Config
from ..models import Claim, Event, Evidence, Record, Source
from ..reading.jsonl import read_jsonl
from ..reading.source_texts import read_source_text
from ..records.canonical import dump_records
from ..records.kinds import KINDS, Kind
from .atomic import write_text_atomic


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
        except ValidationError:
            continue
        text = read_source_text(root, source).text
        if text is not None:
            texts[source.id] = text
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
