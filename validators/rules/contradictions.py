"""A contradiction needs two different values: claims that state the same thing cannot be linked
as contradicting each other."""

from __future__ import annotations

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from .index import Index, Spot, spot
from .per_record import Statement, statement
from .registry import Check, RuleCode, issue_at, rule

SAME_VALUE = RuleCode(
    "link-contradicts-same-value",
    "error",
    "Two claims linked as contradicting state the same value",
    "`contradicts` links claims that cannot both be true. Two claims about the same subject, "
    "with the same predicate and the same value (as `proposition-disagrees` compares values: "
    "a date's `basis` aside, texts without regard to case or spacing, a text list's items in "
    "any order) state one proposition: they agree, and the "
    "disagreements page and every count of disagreements would show one that is not there.",
    "If the two claims say the same, give them one proposition and remove the link (or merge "
    "them, when one claimant makes both); if the sources differ, correct the value that was "
    "copied wrong.",
)


@rule(SAME_VALUE)
class ContradictsSameValue(Check):
    """Active claims.  Each claim's (subject, predicate, value) is kept, and its
    ``contradicts`` links; they are compared once every claim is read, since a link may point
    forward."""

    kinds = frozenset({"claim"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.stated: dict[str, Statement] = {}
        self.links: list[tuple[Spot, str, str, int]] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        claim = located.record
        if claim.status != "active":
            return
        self.stated.setdefault(claim.id, statement(located))
        for number, link in enumerate(claim.links):
            if link.type == "contradicts":
                self.links.append((spot(located), claim.id, link.claim, number))

    def finish(self, out: list[Issue]) -> None:
        for where, own, other, number in self.links:
            stated = self.stated.get(own)
            if stated is not None and stated == self.stated.get(other):
                subject, predicate, _ = stated
                out.append(
                    issue_at(
                        where,
                        "link-contradicts-same-value",
                        f"{own} links {other} as contradicting it, but both give {subject} "
                        f"the same {predicate} value",
                        pointer=f"/links/{number}",
                    )
                )
