"""Which records cover each sentence of each source, and which sentences are excluded, and why.

A sentence is *covered* when the evidence span (``start``..``end``) of at least one event or claim
overlaps it.  Evidence without valid offsets counts at the first place its quote occurs.  A
sentence is *excluded* when ``exclusions.jsonl`` lists its exact text for that source with a
reason.  Every other sentence is *uncovered*, and the ``sentence-uncovered`` rule reports it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .loading import LoadedDataset
from .sentences import Span, split_sentences

if TYPE_CHECKING:
    from .models import Evidence, Exclusion, Source

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


def anchor(evidence: Evidence, text: str) -> tuple[int, int] | None:
    """Where an evidence quote stands in the text: its offsets if right, else first occurrence."""
    start, end = evidence.start, evidence.end
    if start is not None and end is not None and text[start:end] == evidence.quote:
        return start, end
    found = text.find(evidence.quote)
    return (found, found + len(evidence.quote)) if found >= 0 else None


def _covering_records(
    ds: LoadedDataset, texts: dict[str, str], spans: dict[str, list[Span]]
) -> dict[tuple[str, int], list[str]]:
    """(source id, sentence index) -> ids of records whose evidence overlaps that sentence."""
    starts = {sid: [s.start for s in sentences] for sid, sentences in spans.items()}
    covering: dict[tuple[str, int], list[str]] = defaultdict(list)
    for located in [*ds.live("event"), *ds.live("claim")]:
        for evidence in located.record.evidence:
            text = texts.get(evidence.source)
            found = anchor(evidence, text) if text is not None else None
            if found is None:
                continue
            sentences = spans[evidence.source]
            first = max(bisect.bisect_right(starts[evidence.source], found[0]) - 1, 0)
            for index in range(first, len(sentences)):
                sentence = sentences[index]
                if sentence.start >= found[1]:
                    break
                if sentence.end > found[0] and located.id not in covering[(evidence.source, index)]:
                    covering[(evidence.source, index)].append(located.id)
    return covering


def coverage_of(ds: LoadedDataset) -> Coverage:
    """Sentence coverage of a loaded dataset (sources whose text cannot be read are left out)."""
    texts: dict[str, str] = {}
    for located in ds.records["source"]:
        source: Source = located.record
        text = ds.source_text(source).text
        if text is not None:
            texts[source.id] = text
    spans = {sid: split_sentences(text) for sid, text in texts.items()}
    reasons: dict[tuple[str, str], str] = {}
    for located in ds.live("exclusion"):
        exclusion: Exclusion = located.record
        reasons.setdefault((exclusion.source, exclusion.sentence), exclusion.reason)
    covering = _covering_records(ds, texts, spans)
    return Coverage(
        {
            sid: tuple(
                SentenceCoverage(
                    sid,
                    index + 1,
                    span.line,
                    span.start,
                    span.end,
                    span.text,
                    tuple(sorted(covering.get((sid, index), ()))),
                    reasons.get((sid, span.text)),
                )
                for index, span in enumerate(sentences)
            )
            for sid, sentences in spans.items()
        }
    )


def coverage(path: str | Path | None = None) -> Coverage:
    """Sentence coverage of a dataset directory (default: the bundled dataset)."""
    from .validation import existing_root

    return coverage_of(LoadedDataset(existing_root(path)))
