"""Split a source text into sentences, with code-point offsets.

The rules, in order:

1. The text is cut into lines at line feeds; a line that is empty or only white space holds no
   sentence.
2. A line is cut after ``.``, ``!`` or ``?`` (and any closing quotation marks or brackets that
   follow) when white space follows and the next character is an upper-case letter, a digit,
   or an opening quotation mark or bracket.
3. No cut is made after an abbreviation (``No.``, ``Mr.``, ``Dr.``, ``U.S.`` and the others in
   ``ABBREVIATIONS``) or a single capital initial (``J. Smith``).
4. Each sentence is trimmed of surrounding white space; its offsets mark the trimmed text.

A headline, a byline, a photo credit or a list item is a "sentence" too: each line yields at least
one.  The coverage rule asks every sentence to be covered by evidence or excluded with a reason.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Evidence

ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "approx",
    }
)
_CLOSERS = '\u201d\u2019")]'  # closing double and single curly quotes, straight quote, brackets
_OPENERS = '\u201c\u2018"(['  # the opening counterparts
_TERMINATORS = ".!?"
_LONGEST_ABBREVIATION = max(len(word) for word in ABBREVIATIONS)


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence: its text and where it lies in the source text (end exclusive)."""

    start: int
    end: int
    text: str
    line: int


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial (scans back, never
    further than the longest abbreviation)."""
    start = dot
    while (
        start > 0
        and dot - start <= _LONGEST_ABBREVIATION
        and (line[start - 1].isalnum() or line[start - 1] in "._")
    ):
        start -= 1
    word = line[start:dot]
    if not word or dot - start > _LONGEST_ABBREVIATION:
        return False
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


_RUN = re.compile("[" + re.escape(_TERMINATORS) + "]+[" + re.escape(_CLOSERS) + "]*")
"""A run of terminators and the closing marks after it."""
_NEXT = re.compile(r"\s+[A-Z0-9" + re.escape(_OPENERS) + "]")
"""White space, then a character that can begin a sentence: an ASCII capital, a digit or an
opening mark."""


def _cuts(line: str) -> list[int]:
    """Where rule 2 cuts a line.  Each run of terminators is found once and what follows it
    is looked at once, so a run of dots or spaces costs linear time."""
    cuts = []
    for run in _RUN.finditer(line):
        closed = run.end()
        if _NEXT.match(line, closed) and not (
            line[run.start()] == "." and _is_abbreviation(line, run.start())
        ):
            cuts.append(closed)
    return cuts


def split_sentences(text: str) -> list[Span]:
    """Every sentence of ``text``, in order."""
    spans: list[Span] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        previous = 0
        for cut in [*_cuts(line), len(line)]:
            piece = line[previous:cut]
            stripped = piece.strip()
            if stripped:
                start = offset + previous + (len(piece) - len(piece.lstrip()))
                spans.append(Span(start, start + len(stripped), stripped, number))
            previous = cut
        offset += len(line) + 1
    return spans


def overlapping(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> Iterator[int]:
    """The indexes of the sentences (given by their sorted ``starts`` and ``ends``) that share a
    code point with the span ``start``..``end``."""
    for index in range(max(bisect.bisect_right(starts, start) - 1, 0), len(starts)):
        if starts[index] >= end:
            return
        if ends[index] > start:
            yield index


def anchor(evidence: Evidence, text: str) -> tuple[int, int] | None:
    """Where an evidence quote stands in the text: its offsets if right, else first occurrence."""
    start, end = evidence.start, evidence.end
    if start is not None and end is not None and text[start:end] == evidence.quote:
        return start, end
    found = text.find(evidence.quote)
    return (found, found + len(evidence.quote)) if found >= 0 else None
