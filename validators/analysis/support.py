"""Counting agreement honestly: links seen from either end, and the reports behind a claim.

A link is stored once, on the claim that makes it.  :func:`links_of` shows it from both ends,
named as seen from the claim asked about (``corroborates`` / ``corroborated-by``, ``refines`` /
``refined-by``; ``contradicts`` reads the same both ways).  :func:`support` gathers the reports
behind a claim: the distinct (source, claimant) pairs of its own evidence and of the claims
that corroborate it, directly or along a chain of ``corroborates`` links in either direction
(a corroboration joins claims stating one proposition, so a chain does too), and how many
distinct articles that is: the same from every claim of such a chain.  Two claims resting on
one quoted span are never linked (rule ``link-same-evidence``), so each article counted stands
for a report of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Claim

SEEN_FROM_TARGET = {
    "corroborates": "corroborated-by",
    "contradicts": "contradicts",
    "refines": "refined-by",
}


CORROBORATION = frozenset({"corroborates", "corroborated-by"})


@dataclass(frozen=True)
class Link:
    """A link as seen from one claim: its kind from that side, the other claim, its note."""

    kind: str
    claim: str
    stored_on: str
    note: str | None


@dataclass(frozen=True)
class Support:
    """The reports behind a claim.

    ``reports``: distinct (source, claimant) pairs, from the claim's evidence and that of the
    claims joined to it by ``corroborates`` links, directly or along a chain;
    ``corroborating``: those claims' ids; ``articles``: the distinct sources among the reports,
    whose number is ``independent_articles``.
    """

    claim: str
    reports: tuple[tuple[str, str], ...]
    corroborating: tuple[str, ...]
    articles: tuple[str, ...]

    @property
    def independent_articles(self) -> int:
        return len(self.articles)


def link_index(claims: Mapping[str, Claim]) -> Mapping[str, tuple[Link, ...]]:
    """Every claim's links, both those it stores and those stored on claims pointing at it."""
    found: dict[str, list[Link]] = defaultdict(list)
    for claim in claims.values():
        for link in claim.links:
            found[claim.id].append(Link(link.type, link.claim, claim.id, link.note))
            seen = SEEN_FROM_TARGET[link.type]
            found[link.claim].append(Link(seen, claim.id, claim.id, link.note))
    return {k: tuple(sorted(v, key=lambda x: (x.claim, x.kind))) for k, v in found.items()}


def support(
    claims: Mapping[str, Claim], links: Mapping[str, tuple[Link, ...]], claim_id: str
) -> Support:
    """The reports behind ``claim_id`` (see :class:`Support`); ``KeyError`` if no such claim."""
    claim = claims[claim_id]
    reached = {claim_id}
    todo = [claim_id]
    while todo:  # corroboration is sameness of proposition: it carries along a chain
        for link in links.get(todo.pop(), ()):
            if link.kind in CORROBORATION and link.claim in claims and link.claim not in reached:
                reached.add(link.claim)
                todo.append(link.claim)
    corroborating = sorted(reached - {claim_id})
    reports = {(item.source, claim.claimed_by) for item in claim.evidence}
    for other in corroborating:
        reports |= {(item.source, claims[other].claimed_by) for item in claims[other].evidence}
    return Support(
        claim=claim_id,
        reports=tuple(sorted(reports)),
        corroborating=tuple(corroborating),
        articles=tuple(sorted({source for source, _ in reports})),
    )
