"""Coverage: every sentence of every source is covered by evidence or excluded with a reason."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..loading import LoadedDataset
from ..models import Exclusion
from ..report import Issue
from ..sentence_coverage import coverage_of
from .registry import RuleCode, issue, issue_at, rule

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


@rule(UNCOVERED, UNMATCHED, NEEDLESS)
def check_coverage(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    result = coverage_of(ds)
    by_source = {loc.id: loc for loc in ds.records["source"]}
    for sid, sentences in result.sources.items():
        located = by_source[sid]
        for sentence in sentences:
            if sentence.status == "uncovered":
                yield issue(
                    "sentence-uncovered",
                    f"sentence {sentence.index} (text line {sentence.line}) is neither covered "
                    f"nor excluded: {_clip(sentence.text)!r}",
                    file=located.file,
                    line=located.line,
                    record=sid,
                )
    for located in ds.live("exclusion"):
        exclusion: Exclusion = located.record
        matching = [
            s for s in result.sources.get(exclusion.source, ()) if s.text == exclusion.sentence
        ]
        if exclusion.source not in result.sources:
            continue  # the source is missing or unreadable: reported by other rules
        if not matching:
            yield issue_at(
                located,
                "exclusion-unmatched",
                f"{exclusion.source} has no sentence {_clip(exclusion.sentence)!r}",
                pointer="/sentence",
            )
        elif all(s.records for s in matching):
            records = sorted({r for s in matching for r in s.records})
            yield issue_at(
                located,
                "exclusion-needless",
                f"the sentence is covered by {', '.join(records[:3])}",
                pointer="/sentence",
            )


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
