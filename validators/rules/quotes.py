"""Evidence quotes: found verbatim in their source, unambiguous, and correctly anchored.

Matching is exact: the quote must equal a substring of the source text as decoded from UTF-8,
code point for code point.  No normalisation is applied (no case folding, no Unicode
normalisation, no whitespace collapsing, no quote-mark substitution).  Offsets count code points
from 0, end exclusive.  A quote that is not found is never re-anchored; the closest passage is
only shown as a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from .index import Index
from .registry import Check, RuleCode, issue_at, rule

if TYPE_CHECKING:
    from ..models import Evidence

NOT_FOUND = RuleCode(
    "quote-not-found",
    "error",
    "An evidence quote does not occur verbatim in its source",
    "Quotes are compared exactly, with no normalisation of case, spaces or quotation marks.",
    "Copy the passage from the source text exactly; the message shows the closest passage.",
)
AMBIGUOUS = RuleCode(
    "quote-ambiguous",
    "error",
    "A quote occurs more than once and has no offsets",
    "When the same words appear twice in a source, start and end say which occurrence is meant.",
    "Add start and end (the message lists the occurrences), or quote a longer passage.",
)
OFFSETS = RuleCode(
    "quote-offsets-mismatch",
    "error",
    "An evidence's offsets do not point at its quote",
    "start and end are code-point offsets into the source text, end exclusive; the text between "
    "them must equal the quote.",
    "Correct start and end (the message gives the quote's occurrences); never move the quote.",
)
NO_OFFSETS = RuleCode(
    "quote-offsets-missing",
    "warning",
    "An evidence quote has no offsets",
    "Offsets anchor a quote so that a reader can find it at once and a later edit to the text "
    "is noticed.",
    "Add the start and end given in the message.",
)

_WORD_START = re.compile(r"(?<!\w)\w")


def occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text`` (overlaps included)."""
    found = []
    start = text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


HINT_MAX_QUOTE = 400
HINT_MAX_TEXT = 50_000
"""Above these lengths (code points) no closest passage is searched."""
HINT_BUDGET = 2_000_000
"""Code points one search may look at in its first pass (a cheap character-count filter);
a text with more candidate passages than that allows is sampled at an even stride."""
HINT_FINALISTS = 8
"""Candidates compared in full (difflib's ratio, quadratic in the quote's length)."""
HINTS_PER_RUN = 50
"""Closest-passage searches in one validation; later quotes not found get no hint."""


def closest_passage(text: str, quote: str) -> str | None:
    """The passage of ``text`` most like ``quote``, for a hint; ``None`` when nothing is close
    or the texts are too long.  The work is bounded by counts, not time: at most
    ``HINT_BUDGET`` code points in the first pass, then ``HINT_FINALISTS`` full comparisons."""
    if len(quote) > HINT_MAX_QUOTE or len(text) > HINT_MAX_TEXT:
        return None
    import difflib  # only needed when a quote is not found

    width = len(quote)
    starts = [match.start() for match in _WORD_START.finditer(text)]
    stride = max(1, -(-len(starts) * width // HINT_BUDGET))
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)  # difflib caches the second sequence: the quote is fixed
    scored = []
    for start in starts[::stride]:
        matcher.set_seq1(text[start : start + width])
        scored.append((matcher.real_quick_ratio() and matcher.quick_ratio(), -start))
    finalists = sorted(scored, reverse=True)[:HINT_FINALISTS]
    best, best_ratio = None, 0.6
    for quick, negative_start in finalists:
        if quick <= best_ratio:
            break
        matcher.set_seq1(text[-negative_start : -negative_start + width])
        if (ratio := matcher.ratio()) > best_ratio:
            best, best_ratio = -negative_start, ratio
    return None if best is None else whole_words(text, best, best + width)


def whole_words(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to end on a word boundary (a word cut in two is finished)
    and without trailing white space: a passage that can be copied as it stands."""
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return text[start:end].rstrip()


def _check_evidence(
    located: Located, index: int, evidence: Evidence, text: str, hints: list[int]
) -> Iterator[Issue]:
    """The quote issues of one evidence item; ``hints`` holds the closest-passage searches
    left in this run (one is spent per quote not found)."""
    start, quote = evidence.start, evidence.quote
    if start is not None and evidence.end == start + len(quote) and text.startswith(quote, start):
        return  # anchored where the quote is: the common case, decided without a search
    pointer = f"/evidence/{index}"
    quote = evidence.quote
    found = occurrences(text, evidence.quote)
    spans = ", ".join(f"{s}-{s + len(evidence.quote)}" for s in found[:5])
    if not found:
        near = None
        if hints[0] > 0:
            hints[0] -= 1
            near = closest_passage(text, evidence.quote)
        hint = f"closest passage in the source: {near!r}" if near else None
        yield issue_at(
            located,
            "quote-not-found",
            f"quote {_clip(evidence.quote)!r} is not in {evidence.source}",
            pointer=f"{pointer}/quote",
            hint=hint,
        )
    elif evidence.start is None and evidence.end is None:
        if len(found) > 1:
            yield issue_at(
                located,
                "quote-ambiguous",
                f"quote occurs {len(found)} times in {evidence.source} (at {spans})",
                pointer=f"{pointer}/quote",
            )
        else:
            yield issue_at(
                located,
                "quote-offsets-missing",
                f"quote has no offsets; it is at start={found[0]}, end={found[0] + len(quote)}",
                pointer=pointer,
            )
    elif (
        evidence.start is None
        or evidence.end is None
        or evidence.start not in found
        or (evidence.end != evidence.start + len(evidence.quote))
    ):
        yield issue_at(
            located,
            "quote-offsets-mismatch",
            f"offsets {evidence.start}-{evidence.end} do not mark the quote, which is at {spans}",
            pointer=f"{pointer}/start",
        )


def _clip(quote: str, width: int = 60) -> str:
    return quote if len(quote) <= width else quote[: width - 3] + "..."


@rule(NOT_FOUND, AMBIGUOUS, OFFSETS, NO_OFFSETS)
class Quotes(Check):
    """Every quote, retracted records' included: a retraction keeps its words on record."""

    kinds = frozenset({"event", "claim"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.hints = [HINTS_PER_RUN]
        """Closest-passage searches left in this run (a list, so that helpers can spend it)."""

    def see(self, located: Located, out: list[Issue]) -> None:
        for index, evidence in enumerate(located.record.evidence):
            if self.index.type(evidence.source) != "source":
                continue  # reported by the reference rules
            found = self.index.source_text(evidence.source)
            if found is None or found.text is None:
                continue  # reported by the source rules
            out.extend(_check_evidence(located, index, evidence, found.text, self.hints))


HEDGE = RuleCode(
    "hedge-not-in-quote",
    "error",
    "An evidence hedge is not among the quoted words",
    '`hedge` repeats the report\'s own qualifier ("reportedly", "believed"); it must occur in '
    "the quote, so that the qualifier is evidence, not an interpretation.",
    "Extend the quote to include the qualifier, or correct the hedge.",
)


DATE_WORDS = RuleCode(
    "date-words-not-in-quote",
    "error",
    "An evidence's date_words are not among the quoted words",
    '`date_words` name the words of the quote that state the record\'s date ("on January 9"), '
    "so that the articles giving a date can be listed with their wording; they must occur in "
    "the quote.",
    "Copy the date's words from the quote, or extend the quote to include them.",
)


@rule(HEDGE, DATE_WORDS)
class Hedges(Check):
    """Words an evidence item picks out of its quote (its hedge, its date) are in the quote."""

    kinds = frozenset({"event", "claim"})

    def see(self, located: Located, out: list[Issue]) -> None:
        if located.record.status != "active":
            return
        for index, evidence in enumerate(located.record.evidence):
            for field, code, words in (
                ("hedge", "hedge-not-in-quote", evidence.hedge),
                ("date_words", "date-words-not-in-quote", evidence.date_words),
            ):
                if words is not None and words not in evidence.quote:
                    out.append(
                        issue_at(
                            located,
                            code,
                            f"{field} {words!r} does not occur in the quote",
                            pointer=f"/evidence/{index}/{field}",
                        )
                    )
