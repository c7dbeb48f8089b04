"""Coverage: every sentence of every source is covered by evidence or excluded with a reason."""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

from ..config import Config
from ..issues import Issue
from ..reading.sentences import anchor, overlapping, split_sentences
from ..reading.stream import Located
from .index import Index
from .registry import Check, RuleCode, issue, issue_at, rule

if TYPE_CHECKING:
    from ..models import Exclusion

UNCOVERED = RuleCode(
    "sentence-uncovered",
    "error",
    "A sentence of a source is neither covered by evidence nor excluded",
    "Every sentence of every article must be accounted for: either an event or claim quotes it "
    "(its evidence overlaps the sentence), or exclusions.jsonl lists it with the reason it "
    "states no fact. This keeps the dataset complete by construction.",
    "Record the facts the sentence states as claims or events with evidence from it, or add "
    "an exclusion with the sentence's exact text and a reason (`kursk-pows coverage` lists "
    "the sentences).",
)
UNMATCHED = RuleCode(
    "exclusion-unmatched",
    "error",
    "An exclusion names a sentence its source does not have",
    "An exclusion's `sentence` must equal, exactly, a sentence that the splitter finds in the "
    "source (see `kursk-pows coverage`).",
    "Copy the sentence text from `kursk-pows coverage` output, or delete the exclusion.",
)
NEEDLESS = RuleCode(
    "exclusion-needless",
    "warning",
    "An excluded sentence is covered by evidence everywhere it occurs",
    "A sentence that records quote states facts; excluding it as fact-free contradicts them.",
    "Delete the exclusion, or check that the covering evidence is right.",
)


MAX_SHOWN = 3
"""How many covering records an ``exclusion-needless`` message names."""


class _Sentences:
    """Where a source's sentences lie, and the first few records (by id) covering each."""

    def __init__(self, text: str) -> None:
        spans = split_sentences(text)
        self.text = text
        self.starts = array("q", (s.start for s in spans))
        self.ends = array("q", (s.end for s in spans))
        self.covering: list[str | list[str] | None] = [None] * len(spans)
        """Per sentence: no record, the one record, or the lowest few ids covering it."""
        self._by_text: dict[str, list[int]] | None = None

    def cover(self, start: int, end: int, record_id: str) -> None:
        """Count the records whose evidence overlaps each sentence (keeping the lowest ids)."""
        covering = self.covering
        for index in overlapping(self.starts, self.ends, start, end):
            ids = covering[index]
            if ids is None:
                covering[index] = record_id
            elif isinstance(ids, str):
                if ids != record_id:
                    covering[index] = [ids, record_id]
            elif record_id not in ids:
                ids.append(record_id)
                if len(ids) > MAX_SHOWN:
                    ids.remove(max(ids))

    def matching(self, sentence: str) -> list[int]:
        """The indexes of the sentences whose text is exactly ``sentence``."""
        if self._by_text is None:
            self._by_text = {}
            for index, span in enumerate(split_sentences(self.text)):
                self._by_text.setdefault(span.text, []).append(index)
        return self._by_text.get(sentence, [])


@rule(UNCOVERED, UNMATCHED, NEEDLESS)
class Coverage(Check):
    """Sentences are mapped as sources are read, covered as events and claims are read, and
    checked against exclusions, which come last; what stays uncovered is reported at the end."""

    kinds = frozenset({"source", "event", "claim", "exclusion"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.sources: dict[str, _Sentences] = {}
        self.places: dict[str, Located] = {}
        self.excluded: set[tuple[str, str]] = set()

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if located.kind == "source":
            self._source(located)
        elif record.status != "active":
            return
        elif located.kind == "exclusion":
            self._exclusion(located, record, out)
        else:
            for evidence in record.evidence:
                sentences = self.sources.get(evidence.source)
                found = anchor(evidence, sentences.text) if sentences is not None else None
                if sentences is not None and found is not None:
                    sentences.cover(found[0], found[1], located.id)

    def _source(self, located: Located) -> None:
        self.places[located.id] = located  # the last source of an id is where issues go
        if located.id in self.sources:
            return
        found = self.index.text_of(located.record)
        if found.text is not None:
            self.sources[located.id] = _Sentences(found.text)

    def _exclusion(self, located: Located, exclusion: Exclusion, out: list[Issue]) -> None:
        self.excluded.add((exclusion.source, exclusion.sentence))
        sentences = self.sources.get(exclusion.source)
        if sentences is None:
            return  # the source is missing or unreadable: reported by other rules
        matching = sentences.matching(exclusion.sentence)
        if not matching:
            out.append(
                issue_at(
                    located,
                    "exclusion-unmatched",
                    f"{exclusion.source} has no sentence {_clip(exclusion.sentence)!r}",
                    pointer="/sentence",
                )
            )
            return
        covering = [sentences.covering[i] for i in matching]
        if all(covering):
            records = sorted(
                {r for ids in covering for r in ([ids] if isinstance(ids, str) else ids or ())}
            )
            out.append(
                issue_at(
                    located,
                    "exclusion-needless",
                    f"the sentence is covered by {', '.join(records[:MAX_SHOWN])}",
                    pointer="/sentence",
                )
            )

    def finish(self, out: list[Issue]) -> None:
        for sid, sentences in self.sources.items():
            if all(sentences.covering):
                continue
            located = self.places[sid]
            for index, span in enumerate(split_sentences(sentences.text)):
                if sentences.covering[index] or (sid, span.text) in self.excluded:
                    continue
                out.append(
                    issue(
                        "sentence-uncovered",
                        f"sentence {index + 1} (text line {span.line}) is neither covered "
                        f"nor excluded: {_clip(span.text)!r}",
                        file=located.file,
                        line=located.line,
                        record=sid,
                    )
                )


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
