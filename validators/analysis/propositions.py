"""Propositions, and counting who reports them.

A proposition is one statement (subject, predicate, value) whoever makes it; each claim names
its proposition, and the claims of one proposition are its reports by different claimants.
:class:`Support` counts what stands behind a proposition, each count under its own name:

- ``reports``: distinct (article, claimant) pairs: one article reporting one claimant;
- ``articles``: distinct reporting articles;
- ``origins``: distinct claimants.  A claim's claimant is its original speaker (intermediaries
  are ``via``), so the NIS relaying a prisoner is one origin, the prisoner, and four articles
  relaying one post are one origin; an article's own voice is its own origin;
- ``outlets``: reporting articles, where articles that share a wire credit count once (see
  :func:`outlet_index`).

A proposition is active while one of its claims is; only active claims count for it, so an
active proposition counts the same whether retracted records were loaded or not.  A
proposition all of whose claims are retracted is retracted, superseded by the propositions of
its claims' successors, and counts its own (retracted) claims' reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..models import Claim, Source, Value

WIRE_ROLES = frozenset({"wire-service", "news-agency"})
"""The credit roles that make articles one outlet: the same wire story, carried twice."""


@dataclass(frozen=True)
class Proposition:
    """One statement independent of who makes it, and the claims that state it (by id).

    ``subject``, ``predicate`` and ``value`` are those its claims share (rule
    ``proposition-disagrees`` checks that they do); ``value`` is read from its first claim
    by id among those that count.
    """

    id: str
    subject: str
    predicate: str
    value: Value
    claims: tuple[str, ...]
    status: Literal["active", "retracted"]
    superseded_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Support:
    """What stands behind a proposition: its reports and what they come to.

    ``reports`` are sorted (article, claimant) pairs and ``supplied_by`` names, in the same
    order, the claim whose evidence gives each; ``articles``, ``origins`` and ``outlets`` are
    sorted ids (an outlet is named by the first article, by id, of its group).
    """

    proposition: str
    claims: tuple[str, ...]
    reports: tuple[tuple[str, str], ...]
    supplied_by: tuple[str, ...]
    articles: tuple[str, ...]
    origins: tuple[str, ...]
    outlets: tuple[str, ...]

    def counts(self) -> dict[str, int]:
        """The four counts by name: reports, articles, origins, outlets."""
        return {
            "reports": len(self.reports),
            "articles": len(self.articles),
            "origins": len(self.origins),
            "outlets": len(self.outlets),
        }


def outlet_index(sources: Mapping[str, Source]) -> dict[str, str]:
    """Each source's outlet: the first source id (in id order) of its group, where two sources
    are in one group when they share a credit with role ``wire-service`` or ``news-agency``
    (names compared case-insensitively, with spaces folded), directly or through others."""
    parent = {sid: sid for sid in sources}

    def root(sid: str) -> str:
        while parent[sid] != sid:
            parent[sid] = parent[parent[sid]]
            sid = parent[sid]
        return sid

    first_with: dict[str, str] = {}
    for sid in sorted(sources):
        for credit in sources[sid].credits:
            if credit.role not in WIRE_ROLES:
                continue
            name = " ".join(credit.name.split()).casefold()
            other = first_with.setdefault(name, sid)
            a, b = root(sid), root(other)
            parent[max(a, b)] = min(a, b)
    return {sid: root(sid) for sid in sources}


def build_propositions(claims: Mapping[str, Claim]) -> dict[str, Proposition]:
    """Every proposition the claims name, by id (claims iterated in any order)."""
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims.values():
        members[claim.proposition].append(claim)
    found: dict[str, Proposition] = {}
    for pid in sorted(members):
        every = sorted(members[pid], key=lambda c: c.id)
        active = [c for c in every if c.status == "active"]
        counted = active or every
        successors: set[str] = set()
        if not active:
            for claim in every:
                after = claim.retraction.superseded_by if claim.retraction else None
                if after is not None and after in claims:
                    successors.add(claims[after].proposition)
        lead = counted[0]
        found[pid] = Proposition(
            id=pid,
            subject=lead.subject,
            predicate=lead.predicate,
            value=lead.value,
            claims=tuple(c.id for c in every),
            status="active" if active else "retracted",
            superseded_by=tuple(sorted(successors - {pid})),
        )
    return found


def counted_claims(proposition: Proposition, claims: Mapping[str, Claim]) -> list[Claim]:
    """The claims that count for a proposition: its active ones, or all when none is."""
    every = [claims[c] for c in proposition.claims]
    return [c for c in every if c.status == "active"] or every


def support(
    proposition: Proposition, claims: Mapping[str, Claim], outlets: Mapping[str, str]
) -> Support:
    """The reports behind ``proposition`` and their counts (see :class:`Support`)."""
    counted = counted_claims(proposition, claims)
    supplied: dict[tuple[str, str], str] = {}
    for claim in counted:  # by claim id: the first claim giving a report supplies it
        for item in claim.evidence:
            supplied.setdefault((item.source, claim.claimed_by), claim.id)
    reports = sorted(supplied)
    articles = sorted({source for source, _ in reports})
    return Support(
        proposition=proposition.id,
        claims=tuple(c.id for c in counted),
        reports=tuple(reports),
        supplied_by=tuple(supplied[r] for r in reports),
        articles=tuple(articles),
        origins=tuple(sorted({claimant for _, claimant in reports})),
        outlets=tuple(sorted({outlets.get(a, a) for a in articles})),
    )


def support_rows(
    propositions: Mapping[str, Proposition],
    claims: Mapping[str, Claim],
    outlets: Mapping[str, str],
) -> Iterator[dict[str, Any]]:
    """The rows of table ``support``: one per (proposition, report), propositions by id."""
    for pid in sorted(propositions):
        behind = support(propositions[pid], claims, outlets)
        for (source, claimant), claim in zip(behind.reports, behind.supplied_by, strict=True):
            yield {
                "proposition": pid,
                "source": source,
                "claimant": claimant,
                "status": propositions[pid].status,
                "claim": claim,
                "outlet": outlets.get(source, source),
            }
