"""Who says what: the attribution convention, enforced so that claims can be counted.

A claim is one proposition asserted by one claimant; each evidence item is one article's report
that this claimant asserted it.  An article's own voice is a claim whose claimant is the source.
These rules catch the ways that convention breaks and a count goes wrong: a pair of claims
linked twice, a source credited with another source's words, an article's reporting verb
("said", "according to") left out of a claim filed in the article's own voice, and a mention
without its identification.  The rules on propositions are in :mod:`.propositions`.  That a
claimant can assert at all (a person, group, organization, unit, country, media outlet or
source; never a place, document or event) is checked with the other references, as
``ref-wrong-type`` on ``/claimed_by``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..config import Config
from ..issues import Issue
from ..reading.sentences import anchor
from ..reading.stream import Located
from .index import Index, Spot, spot
from .registry import Check, RuleCode, issue_at, rule

if TYPE_CHECKING:
    from ..models import Evidence

SOURCE_VOICE = RuleCode(
    "claimant-source-evidence",
    "error",
    "A claim in a source's own voice cites another source",
    "When the claimant is a source (the article speaking for itself), every evidence item must "
    "come from that source: one article cannot report another article's own voice.",
    "Split the claim: one claim per article whose own voice states it, in one proposition.",
)
HEDGE = RuleCode(
    "attribution-not-recorded",
    "warning",
    "A claim in a source's own voice quotes a reporting word",
    'The quote holds "said", "according to", "reportedly", "allegedly" or "claimed", yet the '
    "claim is filed in the article's own voice with no `hedge` and no `via` chain: the words "
    "say someone else asserts it, or that the article keeps its distance.",
    "Credit the speaker in `claimed_by` (and intermediaries in `via`), or record the word as "
    "the evidence's `hedge`.",
)

REPORTING = re.compile(r"\b(?:said|according to|reportedly|allegedly|claimed)\b", re.I)

MENTION = RuleCode(
    "mention-invalid",
    "error",
    "An evidence mention is not in its quote, or lacks its identification",
    "When a quote does not name the claim's subject, `mention` records the quote's own words for "
    'it ("the other") and `identification` says how they were identified with the subject; '
    "`speaker_mention` and `speaker_identification` do the same for a claimant the quote does "
    'not name ("One soldier"). A mention must occur in the quote, and each field of a pair '
    "needs the other: an identification made by inference is data, not a note.",
    "Copy the words for the subject (or the speaker) from the quote into the mention, and state "
    "the basis in its identification (or remove both when the quote names them).",
)

HEDGE_IN_VALUE = RuleCode(
    "hedge-in-value",
    "warning",
    "A claim's hedge is part of what the claim states",
    '`hedge` records the report\'s own distance from what it reports ("reportedly", '
    '"believed"). When the claim\'s value holds the same words ("appeared to be in good '
    'condition" hedged "appeared"), they are the proposition itself, not a report\'s '
    "distance from it, and a reader filtering hedged reports would drop a plain one.",
    "Remove the hedge, or take the hedging words out of the value if the article keeps its "
    "distance from a plainer statement.",
)

MENTION_PAIRS = (("mention", "identification"), ("speaker_mention", "speaker_identification"))

LINKED_TWICE = RuleCode(
    "link-duplicated",
    "error",
    "Two claims are linked more than once",
    "A link is stored once, on one of the two claims, and `Dataset.links_of` shows it from both "
    "ends. A second link between the same pair (on the same claim, or stored back on the other "
    "one) adds nothing a reader can count, and two different kinds between one pair (refines "
    "both ways, or refines and contradicts) cannot both be true.",
    "Keep one link between the two claims, on either of them, with the kind that holds.",
)

Span = tuple[str, int, int]


@rule(SOURCE_VOICE, HEDGE, MENTION, LINKED_TWICE, HEDGE_IN_VALUE)
class Attribution(Check):
    """Claims (and, for mentions, events).  Spans and links are kept per claim (a few integers
    each) and compared once every claim is read, since a link may point forward."""

    kinds = frozenset({"claim", "event"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.links: list[tuple[Spot, str, str, int]] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        claim = located.record
        if claim.status != "active":
            return
        _check_mentions(located, out)
        if located.kind == "event":
            return  # the rest concerns claims
        for number, link in enumerate(claim.links):
            self.links.append((spot(located), claim.id, link.claim, number))
        _check_hedges_in_value(located, out)
        if self.index.type(claim.claimed_by) == "source":  # sources are read before claims
            _check_own_voice(located, out)

    def finish(self, out: list[Issue]) -> None:
        first_link: dict[frozenset[str], str] = {}
        for where, own, other, number in self.links:
            pair = frozenset((own, other))
            if pair in first_link:
                out.append(
                    issue_at(
                        where,
                        "link-duplicated",
                        f"{own} and {other} are already linked (by a link on {first_link[pair]})",
                        pointer=f"/links/{number}",
                    )
                )
            first_link.setdefault(pair, own)


def evidence_span(index: Index, item: Evidence) -> Span | None:
    """Where an evidence quote stands: its offsets when they mark it, else its first
    occurrence in the source text; ``None`` when it is not found (reported elsewhere)."""
    found = index.source_text(item.source)
    if found is None or found.text is None:
        return None
    at = anchor(item, found.text)
    return None if at is None else (item.source, at[0], at[1])


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share a character of one source."""
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _check_hedges_in_value(located: Located, out: list[Issue]) -> None:
    claim = located.record
    if claim.value.type != "text":
        return
    value = claim.value.text.casefold()
    for number, item in enumerate(claim.evidence):
        if item.hedge is not None and item.hedge.casefold() in value:
            message = f"the hedge {item.hedge!r} is part of the value {claim.value.text!r}"
            pointer = f"/evidence/{number}/hedge"
            out.append(issue_at(located, "hedge-in-value", message, pointer=pointer))


def _check_own_voice(located: Located, out: list[Issue]) -> None:
    claim = located.record
    for number, item in enumerate(claim.evidence):
        if item.source != claim.claimed_by:
            out.append(
                issue_at(
                    located,
                    "claimant-source-evidence",
                    f"claimed by {claim.claimed_by}, but evidence {number} is from {item.source}",
                    pointer=f"/evidence/{number}/source",
                )
            )
        elif item.hedge is None and not item.via and (word := REPORTING.search(item.quote)):
            out.append(
                issue_at(
                    located,
                    "attribution-not-recorded",
                    f"the quote says {word.group(0)!r}, but the claim is in "
                    f"{claim.claimed_by}'s own voice with no hedge or via",
                    pointer=f"/evidence/{number}/quote",
                )
            )


def _check_mentions(located: Located, out: list[Issue]) -> None:
    for number, item in enumerate(located.record.evidence):
        for mention_field, basis_field in MENTION_PAIRS:
            found = mention_problem(item, mention_field, basis_field)
            if found is not None:
                problem, field = found
                pointer = f"/evidence/{number}/{field}"
                out.append(issue_at(located, "mention-invalid", problem, pointer=pointer))


def mention_problem(item: Evidence, mention_field: str, basis_field: str) -> tuple[str, str] | None:
    """What is wrong with one mention and its identification, and in which field; ``None``
    when both are absent or both are right."""
    mention: str | None = getattr(item, mention_field)
    basis: str | None = getattr(item, basis_field)
    if mention is None and basis is None:
        return None
    if mention is None:
        return f"{basis_field} without the {mention_field} it identifies", basis_field
    if basis is None:
        return f"{mention_field} {mention!r} without its {basis_field}", mention_field
    if mention not in item.quote:
        return f"{mention_field} {mention!r} does not occur in the quote", mention_field
    return None
