"""Claims against the predicate vocabulary: known predicate, right value and subject types,
and no silent disagreement on a single-valued predicate."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING, Any, NamedTuple

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from ..records.spans import overlaps, quantity_bounds, quantity_bounds_overlap
from .index import Index, Spot, spot
from .per_record import NO_LINKS, once_per_record
from .registry import (
    SUGGEST_AT_MOST,
    Check,
    Place,
    RuleCode,
    article,
    did_you_mean,
    issue,
    issue_at,
    rule,
)

if TYPE_CHECKING:
    from ..models import Claim, Predicate

UNKNOWN = RuleCode(
    "predicate-unknown",
    "error",
    "A claim uses a predicate that is not in the vocabulary",
    "Predicates are kept as data in predicates.jsonl; each claim's predicate must be one of them.",
    "Use an existing predicate id, or add the predicate to predicates.jsonl.",
)
VALUE_TYPE = RuleCode(
    "value-type-mismatch",
    "error",
    "A claim's value is not of its predicate's value type",
    "Each predicate declares the type of value it takes (year, date, quantity, ...).",
    "Give the value the type the predicate declares, or use a different predicate.",
)
SUBJECT_TYPE = RuleCode(
    "subject-type-mismatch",
    "error",
    "A claim's subject is of a type its predicate does not describe",
    "Each predicate lists the entity types (or event) it may describe.",
    "Point the claim at a subject of an accepted type, or use a different predicate.",
)
CONFLICT = RuleCode(
    "single-value-conflict",
    "error",
    "Two values of a single-valued predicate cannot both be true, and are not linked",
    "When sources disagree, both claims are kept and one links to the other as `contradicts`. "
    "Values are compared as intervals: `born in 1999` and `born in 2005` conflict; "
    "`more than 10,000` and `about 10,000` do not.",
    'Add a link {"type": "contradicts", "claim": ...} from one claim to the other, or '
    "correct the value that is wrong.",
)


@rule(UNKNOWN, VALUE_TYPE, SUBJECT_TYPE)
class PredicateUse(Check):
    """Claims use a known predicate, with a value and a subject of the types it declares.

    Predicates come first in the files, so a claim's predicate is known when the claim is
    read; a subject not read yet is checked at the end.
    """

    kinds = frozenset({"predicate", "claim"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.predicates: dict[str, Predicate] = {}
        self.pending: list[tuple[Spot, str, Predicate]] = []
        self.suggested = 0

    def _suggest(self, name: str) -> str:
        """The fix, with a "did you mean" for the first few unknown predicates."""
        self.suggested += 1
        if self.suggested > SUGGEST_AT_MOST:
            return UNKNOWN.fix
        return did_you_mean(name, self.predicates, UNKNOWN.fix)

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if located.kind == "predicate":
            self.predicates.setdefault(record.id, record)
            return
        if record.status != "active":
            return
        claim: Claim = record
        predicate = self.predicates.get(claim.predicate)
        if predicate is None:
            out.append(
                issue_at(
                    located,
                    "predicate-unknown",
                    f"predicate {claim.predicate} is not in the vocabulary",
                    pointer="/predicate",
                    hint=self._suggest(claim.predicate),
                )
            )
            return
        if claim.value.type != predicate.value_type:
            out.append(
                issue_at(
                    located,
                    "value-type-mismatch",
                    f"{predicate.id} takes {article(predicate.value_type)} value, "
                    f"not {article(claim.value.type)}",
                    pointer="/value/type",
                )
            )
        if claim.subject in self.index:
            self._check_subject(located, claim.subject, predicate, out)
        else:
            self.pending.append((spot(located), claim.subject, predicate))

    def finish(self, out: list[Issue]) -> None:
        for where, subject, predicate in self.pending:
            self._check_subject(where, subject, predicate, out)

    def _check_subject(
        self, where: Place, subject: str, predicate: Predicate, out: list[Issue]
    ) -> None:
        subject_type = self.index.type(subject)
        if subject_type is not None and subject_type not in predicate.subject_types:
            out.append(
                issue_at(
                    where,
                    "subject-type-mismatch",
                    f"{predicate.id} describes {', '.join(predicate.subject_types)}, "
                    f"but {subject} is {article(subject_type)}",
                    pointer="/subject",
                )
            )


ValueKey = tuple[Any, ...]
"""A claim's value reduced to plain data: all that the interval rules compare (see
:func:`value_key`).  Kept instead of the value itself, so memory stays small."""


def value_key(value: Any) -> ValueKey:
    """The value as a tuple led by its type: a date's bounds; a quantity's bounds; a list's
    items as a set; an age's years and the date span it was stated at; any other value's
    fields, which are compared for equality."""
    kind = value.type
    if kind == "date":
        return (kind, value.date.earliest, value.date.latest)
    if kind == "quantity":
        return (kind, *quantity_bounds(value))
    if kind == "text-list":
        return (kind, frozenset(value.items))
    if kind == "age":
        at = value.at
        return (kind, value.years, at.earliest, at.latest, at.precision, at.basis)
    return tuple(vars(value).values())


def compatible(a: ValueKey, b: ValueKey) -> bool:
    """True when both values can be true of one subject at once (intervals overlap)."""
    kind = a[0]
    if kind != b[0]:
        return True  # a type error is reported elsewhere; do not pile on
    if kind == "date":
        return overlaps((a[1], a[2]), (b[1], b[2]))
    if kind == "quantity":
        return quantity_bounds_overlap((a[1], a[2], a[3], a[4]), (b[1], b[2], b[3], b[4]))
    if kind == "age":
        same_time = a[4] == "day" and a[2:] == b[2:]
        return not same_time or a[1] == b[1]
    return a == b


class Stated(NamedTuple):
    """What the interval rules keep of a live claim: where it is, its value as plain data,
    and the claims it links as contradicting it."""

    file: str
    line: int
    id: str
    value: ValueKey
    contradicts: frozenset[str]


@once_per_record
def stated(located: Located) -> Stated:
    """The facts the interval rules keep of a claim (two checks keep them)."""
    claim: Claim = located.record
    contradicts = (
        frozenset(link.claim for link in claim.links if link.type == "contradicts")
        if claim.links
        else NO_LINKS
    )
    return Stated(located.file, located.line, located.id, value_key(claim.value), contradicts)


def linked_as_contradicting(a: Stated, b: Stated) -> bool:
    """Whether either claim links the other as contradicting it."""
    return b.id in a.contradicts or a.id in b.contradicts


@rule(CONFLICT)
class SingleValued(Check):
    """Claims of one subject and single-valued predicate must agree or be linked."""

    kinds = frozenset({"predicate", "claim"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.single: set[str] = set()
        self.known: set[str] = set()
        self.groups: dict[tuple[str, str], list[Stated]] = defaultdict(list)

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if located.kind == "predicate":
            if record.id not in self.known:
                self.known.add(record.id)
                if record.single_valued:
                    self.single.add(record.id)
        elif record.status == "active" and record.predicate in self.single:
            self.groups[(record.subject, record.predicate)].append(stated(located))

    def finish(self, out: list[Issue]) -> None:
        for (subject, predicate_id), claims in self.groups.items():
            for first, second in combinations(claims, 2):
                if not compatible(first.value, second.value) and not linked_as_contradicting(
                    first, second
                ):
                    out.append(
                        issue(
                            "single-value-conflict",
                            f"{predicate_id} of {subject}: this value cannot be true together "
                            f"with {first.id}'s ({first.file}:{first.line}), and "
                            "neither claim links the other as contradicting",
                            file=second.file,
                            line=second.line,
                            record=second.id,
                            pointer="/value",
                        )
                    )
