"""Which records cover each sentence of each source, and which sentences are excluded, and why.

A sentence is *covered* when the evidence span (``start``..``end``) of at least one event or claim
overlaps it.  Evidence without valid offsets counts at the first place its quote occurs.  A
sentence is *excluded* when ``exclusions.jsonl`` lists its exact text for that source with a
reason.  Every other sentence is *uncovered*, and the ``sentence-uncovered`` rule reports it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..reading.locations import existing_root
from ..reading.sentences import Span, anchor, overlapping, split_sentences
from ..reading.stream import RecordReader
from ..records.compiled import view_types
from ..rules.index import Index

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset
    from ..models import Evidence

Status = Literal["covered", "excluded", "uncovered"]


@dataclass(frozen=True)
class SentenceCoverage:
    """One sentence of a source and what accounts for it."""

    source: str
    index: int
    line: int
    start: int
    end: int
    text: str
    records: tuple[str, ...]
    exclusion: str | None

    @property
    def status(self) -> Status:
        if self.records:
            return "covered"
        return "excluded" if self.exclusion is not None else "uncovered"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "records": list(self.records), "status": self.status}


@dataclass(frozen=True)
class Coverage:
    """Sentence coverage of every source whose text could be read, by source id."""

    sources: dict[str, tuple[SentenceCoverage, ...]]

    def sentences(self) -> list[SentenceCoverage]:
        return [s for sentences in self.sources.values() for s in sentences]

    def stats(self) -> dict[str, int]:
        counts = {"sentences": 0, "covered": 0, "excluded": 0, "uncovered": 0}
        for sentence in self.sentences():
            counts["sentences"] += 1
            counts[sentence.status] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "stats": self.stats(),
            "sources": {k: [s.to_dict() for s in v] for k, v in self.sources.items()},
        }


def coverage(path: str | Path | None = None) -> Coverage:
    """Sentence coverage of a dataset directory (default: the bundled dataset); sources whose
    text cannot be read are left out.  Problems in the records are for ``validate`` to report."""
    root = existing_root(path)
    reader = RecordReader(root, types=view_types())
    index = Index(root, reader.invalid_ids)
    spans: dict[str, list[Span]] = {}
    bounds: dict[str, tuple[str, list[int], list[int]]] = {}  # text, sentence starts, ends
    covering: dict[tuple[str, int], set[str]] = defaultdict(set)
    reasons: dict[tuple[str, str], str] = {}
    for located in reader:
        index.add(located)
        record = located.record
        if located.kind == "source":
            found = index.source_text(located.id)
            if located.id not in spans and found is not None and found.text is not None:
                spans[located.id] = split_sentences(found.text)
                bounds[located.id] = _bounds(found.text, spans[located.id])
        elif record.status != "active":
            continue
        elif located.kind == "exclusion":
            reasons.setdefault((record.source, record.sentence), record.reason)
        elif located.kind in ("event", "claim"):
            for evidence in record.evidence:
                _cover(bounds, evidence, located.id, covering)
    return _assembled(spans, covering, reasons)


def coverage_of(dataset: Dataset) -> Coverage:
    """Sentence coverage of a loaded dataset, from its records and its texts as loaded (each
    text is checked against its record's SHA-256 again, see :meth:`Dataset.text`): nothing is
    read from the dataset directory that validation did not check."""
    spans: dict[str, list[Span]] = {}
    bounds: dict[str, tuple[str, list[int], list[int]]] = {}
    covering: dict[tuple[str, int], set[str]] = defaultdict(set)
    reasons: dict[tuple[str, str], str] = {}
    for source_id in dataset.sources:
        text = dataset.text(source_id)
        spans[source_id] = split_sentences(text)
        bounds[source_id] = _bounds(text, spans[source_id])
    for records in (dataset.events, dataset.claims):
        for record in records.values():
            if record.status == "active":
                for evidence in record.evidence:
                    _cover(bounds, evidence, record.id, covering)
    for exclusion in dataset.exclusions.values():
        if exclusion.status == "active":
            reasons.setdefault((exclusion.source, exclusion.sentence), exclusion.reason)
    return _assembled(spans, covering, reasons)


def _assembled(
    spans: dict[str, list[Span]],
    covering: dict[tuple[str, int], set[str]],
    reasons: dict[tuple[str, str], str],
) -> Coverage:
    return Coverage(
        {
            sid: tuple(
                SentenceCoverage(
                    sid,
                    number + 1,
                    span.line,
                    span.start,
                    span.end,
                    span.text,
                    tuple(sorted(covering.get((sid, number), ()))),
                    reasons.get((sid, span.text)),
                )
                for number, span in enumerate(sentences)
            )
            for sid, sentences in spans.items()
        }
    )


def _bounds(text: str, spans: list[Span]) -> tuple[str, list[int], list[int]]:
    return text, [s.start for s in spans], [s.end for s in spans]


def _cover(
    bounds: dict[str, tuple[str, list[int], list[int]]],
    evidence: Evidence,
    record_id: str,
    covering: dict[tuple[str, int], set[str]],
) -> None:
    """Count ``record_id`` as covering every sentence its evidence overlaps."""
    if evidence.source not in bounds:
        return  # the source is missing or its text unreadable
    text, starts, ends = bounds[evidence.source]
    anchored = anchor(evidence, text)
    if anchored is not None:
        for number in overlapping(starts, ends, *anchored):
            covering[(evidence.source, number)].add(record_id)
