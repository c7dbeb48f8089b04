"""``fmt``: rewrite record files in canonical form, losslessly and atomically.

Besides the canonical form itself (see :mod:`kursk_pows.records.canonical`), ``fmt`` fills in
evidence offsets where the quote occurs exactly once in its source.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..config import Config
from ..models import Claim, Event, Evidence, Record, Source
from ..reading.jsonl import read_jsonl
from ..reading.schema_errors import issues_from_validation_error
from ..reading.source_texts import read_source_text
from ..records.canonical import dump_records
from ..records.kinds import KINDS, Kind
from .atomic import dataset_lock, write_text_atomic


def _anchored(evidence: Evidence, texts: dict[str, str]) -> Evidence | str:
    """The evidence with its offsets, or why they cannot be filled in."""
    if evidence.start is not None or evidence.end is not None:
        return evidence
    text = texts.get(evidence.source)
    if text is None:
        return f"{evidence.source} has no readable text"
    count = text.count(evidence.quote)
    if count != 1:
        return f"the quote occurs {count} times in {evidence.source}"
    start = text.index(evidence.quote)
    return evidence.model_copy(update={"start": start, "end": start + len(evidence.quote)})


def with_offsets(record: Record, texts: dict[str, str], missed: list[str] | None = None) -> Record:
    """The record with offsets filled in where its quote occurs exactly once; why the others
    could not be filled in is added to ``missed`` (``id /evidence/N: why``)."""
    if isinstance(record, Event | Claim):
        evidence = []
        for number, item in enumerate(record.evidence):
            anchored = _anchored(item, texts)
            if isinstance(anchored, str):
                if missed is not None:
                    missed.append(f"{record.id} /evidence/{number}: {anchored}")
                anchored = item
            evidence.append(anchored)
        if evidence != record.evidence:
            return record.model_copy(update={"evidence": evidence})
    return record


@dataclass
class FormatResult:
    """What ``fmt`` changed (or would change), and the files it could not format."""

    changed: list[str] = field(default_factory=list)
    refused: dict[str, list[str]] = field(default_factory=dict)
    """Files left untouched, with their errors (``line N: ...``)."""
    unanchored: dict[str, list[str]] = field(default_factory=dict)
    """Evidence whose offsets could not be filled in, per file (``id /evidence/N: why``)."""


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


def _canonical_file(
    kind: Kind, path: Path, texts: dict[str, str], missed: list[str]
) -> tuple[str | None, list[str]]:
    """The canonical text of a record file, or ``None`` and every error that stops it."""
    lines, issues = read_jsonl(path, kind.file, Config())
    errors = [f"line {i.line}: {i.message}" for i in issues if i.severity == "error"]
    records = []
    for line in lines:
        try:
            records.append(with_offsets(kind.model.model_validate(line.data), texts, missed))
        except ValidationError as exc:
            found = issues_from_validation_error(exc, line.data, kind.file, line.number, None)
            errors += [f"line {line.number}: {i.message}" for i in found]
    if errors:
        return None, errors
    return dump_records(records), []


def format_dataset(root: Path, *, check: bool = False) -> FormatResult:
    """Rewrite every record file of ``root`` in canonical form (atomically), or with ``check``
    only report which would change.  A file with errors is left untouched and reported: fmt
    never drops or guesses at content it cannot read."""
    result = FormatResult()
    with contextlib.nullcontext() if check else dataset_lock(root):
        _format_files(root, check, result)
    return result


def _format_files(root: Path, check: bool, result: FormatResult) -> None:
    texts = _source_texts(root)
    for kind in KINDS:
        path = root / kind.file
        if not path.is_file() or path.is_symlink():
            continue
        missed: list[str] = []
        canonical, errors = _canonical_file(kind, path, texts, missed)
        if canonical is None:
            result.refused[kind.file] = errors
            continue
        if missed:
            result.unanchored[kind.file] = missed
        if path.read_bytes() != canonical.encode("utf-8"):
            result.changed.append(kind.file)
            if not check:
                write_text_atomic(path, canonical)
