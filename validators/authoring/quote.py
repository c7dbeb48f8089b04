"""Find the exact words of an evidence item in a source text (``kursk-pows quote``).

Matching is the validator's (:mod:`kursk_pows.rules.quotes`): exact, code point for code point,
offsets in code points, end exclusive.  Words that occur once give the evidence item; words that
occur more than once give every occurrence with its context, to pick one from; words that do not
occur give the closest passage, as the validator's hint does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONTEXT = 30
"""Code points of context shown on each side of an occurrence."""


class QuoteProblem(ValueError):
    """The source cannot be searched (unknown id, unreadable text); ``str()`` says what to do."""


@dataclass(frozen=True)
class Occurrence:
    """One place the words occur: code-point offsets, the line, and the text around them."""

    start: int
    end: int
    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Found:
    """Where the words occur in the source, and the closest passage when they do not."""

    source: str
    quote: str
    occurrences: tuple[Occurrence, ...]
    closest: str | None = None

    def evidence(self, occurrence: int = 1) -> dict[str, Any]:
        """The evidence item of the ``occurrence``-th place (counted from 1), as JSON data."""
        at = self.occurrences[occurrence - 1]
        return {"source": self.source, "quote": self.quote, "start": at.start, "end": at.end}


def source_text(root: Path, source_id: str) -> str:
    """The text of the source ``source_id`` of the dataset ``root``, read as the validator
    reads it; :class:`QuoteProblem` for an unknown id (with a did-you-mean) or a bad text."""
    from pydantic import ValidationError

    from ..models import Source
    from ..reading.source_texts import read_source_text
    from ..rules.registry import closest_name

    records: dict[str, Any] = {}
    path = root / "sources.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QuoteProblem(f"{path}: cannot be read ({exc})") from None
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # the validator reports it; the other sources can still be searched
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            records[record["id"]] = record
    if source_id not in records:
        close = closest_name(source_id, sorted(records))
        maybe = f"did you mean {close}? " if close else ""
        raise QuoteProblem(
            f"no source {source_id!r} in {path}: {maybe}The ids are: {', '.join(sorted(records))}"
        )
    try:
        source = Source.model_validate(records[source_id])
    except ValidationError:
        raise QuoteProblem(
            f"{path}: the record of {source_id} is not valid; kursk-pows validate says why"
        ) from None
    found = read_source_text(root, source)
    if found.text is None:
        raise QuoteProblem(f"{source_id}: {found.problem}")
    return found.text


def find_quote(text: str, source_id: str, words: str) -> Found:
    """Every occurrence of ``words`` in ``text`` (overlaps included), or the closest passage."""
    from ..rules.quotes import closest_passage, occurrences

    if not words:
        raise QuoteProblem("give the words to look for")
    starts = occurrences(text, words)
    if not starts:
        return Found(source_id, words, (), closest_passage(text, words))
    return Found(
        source_id,
        words,
        tuple(
            Occurrence(
                start,
                start + len(words),
                text.count("\n", 0, start) + 1,
                text[max(0, start - CONTEXT) : start],
                text[start + len(words) : start + len(words) + CONTEXT],
            )
            for start in starts
        ),
    )
