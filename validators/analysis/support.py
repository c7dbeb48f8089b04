"""Links seen from either end.

A link is stored once, on the claim that makes it.  :func:`link_index` shows it from both
ends, named as seen from the claim asked about (``refines`` / ``refined-by``; ``contradicts``
reads the same both ways).  Agreement is not a link: claims stating one proposition share it
(:mod:`kursk_pows.analysis.propositions`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Claim

SEEN_FROM_TARGET = {
    "contradicts": "contradicts",
    "refines": "refined-by",
}


@dataclass(frozen=True)
class Link:
    """A link as seen from one claim: its kind from that side, the other claim, the claim that
    stores it, its note."""

    kind: str
    claim: str
    stored_on: str
    note: str | None


def link_index(claims: Mapping[str, Claim]) -> Mapping[str, tuple[Link, ...]]:
    """Every claim's links, both those it stores and those stored on claims pointing at it."""
    found: dict[str, list[Link]] = defaultdict(list)
    for claim in claims.values():
        for link in claim.links:
            found[claim.id].append(Link(link.type, link.claim, claim.id, link.note))
            seen = SEEN_FROM_TARGET[link.type]
            found[link.claim].append(Link(seen, claim.id, claim.id, link.note))
    return {k: tuple(sorted(v, key=lambda x: (x.claim, x.kind))) for k, v in found.items()}
