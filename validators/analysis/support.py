"""Counting agreement honestly: links seen from either end, and the reports behind a claim.

A link is stored once, on the claim that makes it.  :func:`links_of` shows it from both ends,
named as seen from the claim asked about (``corroborates`` / ``corroborated-by``, ``refines`` /
``refined-by``; ``contradicts`` reads the same both ways).  :func:`support` gathers the reports
behind a claim: the distinct (source, claimant) pairs of its own evidence and of the claims
that corroborate it, directly or along a chain of ``corroborates`` links in either direction
(a corroboration joins claims stating one proposition, so a chain does too), and how many
distinct articles that is: the same from every claim of such a chain.  Two claims resting on
one quoted span are never linked (rule ``link-same-evidence``), so each article counted stands
for a report of its own.  A retracted claim is withdrawn: it joins no chain, lending its
evidence to no other claim and taking none from them, so its support is its own evidence and
an active claim counts the same whether retracted records were loaded or not.

:func:`support_rows` is the derived table ``support``: one row per report behind each claim.
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
    whose number is ``independent_articles``; ``supplied_by``: for each report, in the same
    order, the claim whose evidence gives it (the claim itself when its own evidence does,
    else the first such corroborating claim by id).
    """

    claim: str
    reports: tuple[tuple[str, str], ...]
    corroborating: tuple[str, ...]
    articles: tuple[str, ...]
    supplied_by: tuple[str, ...]

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


def _active(claim: Claim) -> bool:
    return claim.status == "active"


def _chain(
    claims: Mapping[str, Claim], links: Mapping[str, tuple[Link, ...]], claim_id: str
) -> list[str]:
    """``claim_id``, then the claims joined to it by corroborations among active claims, by id."""
    reached = {claim_id}
    todo = [claim_id] if _active(claims[claim_id]) else []
    while todo:  # corroboration is sameness of proposition: it carries along a chain
        for link in links.get(todo.pop(), ()):
            other = claims.get(link.claim)
            joins = link.kind in CORROBORATION and other is not None and _active(other)
            if joins and link.claim not in reached:
                reached.add(link.claim)
                todo.append(link.claim)
    return [claim_id, *sorted(reached - {claim_id})]


def support(
    claims: Mapping[str, Claim], links: Mapping[str, tuple[Link, ...]], claim_id: str
) -> Support:
    """The reports behind ``claim_id`` (see :class:`Support`); ``KeyError`` if no such claim."""
    chain = _chain(claims, links, claim_id)
    supplied: dict[tuple[str, str], str] = {}
    for member in chain:  # the claim itself first, then the others by id: the first supplier
        claimant = claims[member].claimed_by
        for item in claims[member].evidence:
            supplied.setdefault((item.source, claimant), member)
    reports = sorted(supplied)
    return Support(
        claim=claim_id,
        reports=tuple(reports),
        corroborating=tuple(chain[1:]),
        articles=tuple(sorted({source for source, _ in reports})),
        supplied_by=tuple(supplied[report] for report in reports),
    )


def support_rows(
    claims: Mapping[str, Claim], links: Mapping[str, tuple[Link, ...]]
) -> list[dict[str, str]]:
    """The rows of table ``support``: each claim's reports, claims in id order, reports sorted."""
    found: list[dict[str, str]] = []
    for claim_id in sorted(claims):
        behind = support(claims, links, claim_id)
        found.extend(
            {"claim": claim_id, "source": source, "claimant": claimant, "supplied_by": supplier}
            for (source, claimant), supplier in zip(behind.reports, behind.supplied_by, strict=True)
        )
    return found
