"""Propositions keep counting honest: one statement, its claims, one claim per claimant.

Claims name their proposition; what a proposition's counts mean rests on these rules.  Its
claims agree on subject, predicate and value; one statement is not split over two
propositions unless a link says how they differ; one claimant states a proposition in one
claim; and a speaker quoted in an event's evidence has a claim of his own there, so his
report counts.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from .attribution import Span, evidence_span
from .ids import SLUG
from .index import Index, Spot, spot
from .per_record import NO_LINKS, Statement, statement
from .registry import Check, RuleCode, issue_at, rule

MALFORMED = RuleCode(
    "proposition-malformed",
    "error",
    "A proposition id is not of the form proposition:words",
    "A claim's `proposition` names the statement it makes: an id such as "
    "`proposition:pow-born-1999.birth-year`, the prefix `proposition:` and lowercase words "
    "joined by hyphens or dots.",
    "Name the proposition like the claim it was first stated by, with the prefix proposition:.",
)
DISAGREES = RuleCode(
    "proposition-disagrees",
    "error",
    "A claim differs from the other claims of its proposition",
    "The claims of one proposition state one thing: the same subject, predicate and value "
    "(dates and ages compare without their basis, texts without regard to case or spacing). "
    "A claim that says something else belongs to another proposition, or its value is wrong.",
    "Give the claim the proposition's subject, predicate and value, or move it to a "
    "proposition of its own (and link it with refines or contradicts if it differs).",
)
DUPLICATED = RuleCode(
    "proposition-duplicated",
    "error",
    "The same statement in two propositions",
    "Two active claims with the same subject, predicate and value state one proposition; "
    "filed under two proposition ids, each is counted apart and neither count is true.",
    "Merge them: give both claims one proposition id. If they differ in a way the value does "
    "not show, say how with a refines or contradicts link between them.",
)
SAME_CLAIMANT = RuleCode(
    "proposition-same-claimant",
    "error",
    "One claimant has two claims in one proposition",
    "One claimant stating one proposition is one claim, with an evidence item for each "
    "article that reports it. Two claims of one claimant in a proposition are that claim split "
    "in two.",
    "Move the evidence of one claim into the other, and retract the emptied claim with "
    "superseded_by naming the one that stays.",
)
UNCLAIMED = RuleCode(
    "statement-not-claimed",
    "warning",
    "An event's evidence quotes a speaker whose statement is no claim",
    "When an event's evidence reports what someone said (its `via` names the speaker), the "
    "speaker's statement is a report that "
    "counts only when it is a claim: every part of the passage must be quoted by the "
    "evidence of a speaker's claim in the same article.",
    "Add a claim of the speaker with this passage as its evidence (and the rest of the via "
    "chain), or correct the via when it names someone who did not say it.",
)


SPEAKING = re.compile(
    r"\b(?:said|says|told|wrote|writes|stated|noted|added|claimed|claims|revealed|confirmed|"
    r"announced|admitted|explained|accused|alleges|denied|praised|reported|according to|"
    r"reportedly)\b|^[\u201c\"\u2018]",
    re.I,
)
"""Words by which an article says that someone else stated what the quote holds, and an
opening quotation mark: the quote is a speaker's own words."""

SPEECH_EVENTS = ("announcement", "confirmation", "interview", "news-report", "statement")
"""Event types that are themselves a statement: their evidence reports the saying directly."""
NO_SPEAKER = RuleCode(
    "event-speaker-not-recorded",
    "warning",
    "An event's evidence quotes a speaker but records no via",
    'An event\'s evidence that reports what someone said (a reporting word such as "said" or '
    '"according to", or a quotation opening the quote) names that speaker in `via`, and '
    "whoever passed the words on after him, so that the report can be traced; the article "
    "keeping its distance is a `hedge`. Events that are themselves statements (of type "
    + ", ".join(SPEECH_EVENTS)
    + ") are reported directly and need neither.",
    "List the speaker (then any intermediaries) in the evidence's `via`, or record the word as "
    "its `hedge`.",
)


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the rules keep of one active claim."""

    where: Spot
    proposition: str
    statement: Statement
    claimant: str
    spans: tuple[Span, ...]
    linked: frozenset[str]


@rule(MALFORMED, DISAGREES, DUPLICATED, SAME_CLAIMANT, UNCLAIMED, NO_SPEAKER)
class Propositions(Check):
    """Active claims and the evidence of active events; compared once all are read."""

    kinds = frozenset({"claim", "event"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.claims: list[_Seen] = []
        self.speakers: list[tuple[Spot, int, Span, str]] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if record.status != "active":
            return
        if located.kind == "event":
            if record.type not in SPEECH_EVENTS:
                self._see_event(located, out)
            return
        if not SLUG.fullmatch(record.proposition) or not record.proposition.startswith(
            "proposition:"
        ):
            message = f"{record.proposition!r} is not of the form proposition:lowercase-words"
            out.append(issue_at(located, "proposition-malformed", message, "/proposition"))
        spans = tuple(s for item in record.evidence if (s := evidence_span(self.index, item)))
        self.claims.append(
            _Seen(
                spot(located),
                record.proposition,
                statement(located),
                record.claimed_by,
                spans,
                frozenset(link.claim for link in record.links) if record.links else NO_LINKS,
            )
        )

    def _see_event(self, located: Located, out: list[Issue]) -> None:
        for number, item in enumerate(located.record.evidence):
            if not item.via:
                word = SPEAKING.search(item.quote)
                if word is not None and item.hedge is None:
                    said = word.group(0) or "a quotation"
                    message = f"evidence {number} reports a statement ({said!r}) with no via"
                    pointer = f"/evidence/{number}/via"
                    out.append(issue_at(located, "event-speaker-not-recorded", message, pointer))
                continue
            span = evidence_span(self.index, item)
            if span is not None:
                self.speakers.append((spot(located), number, span, f"via {', '.join(item.via)}"))

    def finish(self, out: list[Issue]) -> None:
        members: dict[str, list[_Seen]] = defaultdict(list)
        for seen in sorted(self.claims, key=lambda seen: seen.where.id):  # as in any file order
            members[seen.proposition].append(seen)
        members = dict(sorted(members.items()))
        for claims in members.values():
            _check_members(claims, out)
        _check_duplicates(members, out)
        self._check_speakers(out)

    def _check_speakers(self, out: list[Issue]) -> None:
        if not self.speakers:
            return
        spoken: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for seen in self.claims:
            for source, start, end in seen.spans:
                if seen.claimant != source:  # a speaker's claim, not the article's own voice
                    spoken[source].append((start, end))
        merged = {source: _merged(spans) for source, spans in spoken.items()}
        for where, number, span, said in self.speakers:
            if not _covered(merged.get(span[0], []), span[1], span[2]):
                message = (
                    f"evidence {number} reports a statement ({said}) that no claim of a "
                    f"speaker quotes in {span[0]} at {span[1]}-{span[2]}"
                )
                out.append(issue_at(where, "statement-not-claimed", message, f"/evidence/{number}"))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of spans as sorted, disjoint intervals (touching ones joined)."""
    found: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], end))
        else:
            found.append((start, end))
    return found


def _covered(merged: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one interval of ``merged`` holds all of ``start``-``end``."""
    at = bisect_right(merged, (start, sys.maxsize)) - 1  # the last interval starting by then
    return at >= 0 and end <= merged[at][1]


def _check_members(claims: list[_Seen], out: list[Issue]) -> None:
    """One proposition's claims: one statement, one claim per claimant."""
    counted = Counter(seen.statement for seen in claims)
    top = max(counted.values())
    common = next(s.statement for s in claims if counted[s.statement] == top)
    lead = next(s for s in claims if s.statement == common)
    claimants: dict[str, _Seen] = {}
    for seen in claims:
        if seen.statement != common:
            parts = ("subject", "predicate", "value")
            differ = [p for p, a, b in zip(parts, seen.statement, common, strict=True) if a != b]
            message = (
                f"its {' and '.join(differ)} differ from those of {lead.where.id}, which "
                f"{counted[common]} of the {len(claims)} claims of {seen.proposition} share"
            )
            out.append(issue_at(seen.where, "proposition-disagrees", message, f"/{differ[0]}"))
        first = claimants.setdefault(seen.claimant, seen)
        if first is not seen:
            message = f"{first.where.id} is also {seen.claimant}'s claim in {seen.proposition}"
            out.append(issue_at(seen.where, "proposition-same-claimant", message, "/claimed_by"))


def _check_duplicates(members: dict[str, list[_Seen]], out: list[Issue]) -> None:
    """One statement in two propositions, with no link between their claims saying why."""
    first_of: dict[tuple[str, str, Hashable], str] = {}
    for pid, claims in members.items():
        ids = {seen.where.id for seen in claims}
        linked = set().union(*(seen.linked for seen in claims))
        for seen in claims:
            other = first_of.setdefault(seen.statement, pid)
            if other == pid:
                continue
            others = {s.where.id for s in members[other]}
            back = set().union(*(s.linked for s in members[other]))
            if not (linked & others or back & ids):
                message = (
                    f"{seen.where.id} states what {other} states ({members[other][0].where.id})"
                )
                out.append(issue_at(seen.where, "proposition-duplicated", message, "/proposition"))
            break
