"""Claims against the predicate vocabulary: known predicate, right value and subject types,
and no silent disagreement on a single-valued predicate."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from ..config import Config
from ..loading import LoadedDataset, Located
from ..models import Claim, Predicate, Value
from ..report import Issue
from ..spans import overlaps, quantities_overlap
from .ids import record_type
from .registry import RuleCode, issue, issue_at, rule

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


def _predicate_of(ds: LoadedDataset, claim: Claim) -> Predicate | None:
    found = ds.by_id.get(claim.predicate)
    return found.record if found is not None and isinstance(found.record, Predicate) else None


@rule(UNKNOWN, VALUE_TYPE, SUBJECT_TYPE)
def check_predicate_use(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.live("claim"):
        claim: Claim = located.record
        predicate = _predicate_of(ds, claim)
        if predicate is None:
            yield issue_at(
                located,
                "predicate-unknown",
                f"predicate {claim.predicate} is not in the vocabulary",
                pointer="/predicate",
            )
            continue
        if claim.value.type != predicate.value_type:
            yield issue_at(
                located,
                "value-type-mismatch",
                f"{predicate.id} takes a {predicate.value_type} value, not a {claim.value.type}",
                pointer="/value/type",
            )
        subject = ds.by_id.get(claim.subject)
        if subject is not None and record_type(subject) not in predicate.subject_types:
            yield issue_at(
                located,
                "subject-type-mismatch",
                f"{predicate.id} describes {', '.join(predicate.subject_types)}, "
                f"but {claim.subject} is a {record_type(subject)}",
                pointer="/subject",
            )


def compatible(a: Value, b: Value) -> bool:
    """True when both values can be true of one subject at once (intervals overlap)."""
    if a.type != b.type:
        return True  # a type error is reported elsewhere; do not pile on
    if a.type == "date" and b.type == "date":
        return overlaps((a.date.earliest, a.date.latest), (b.date.earliest, b.date.latest))
    if a.type == "quantity" and b.type == "quantity":
        return quantities_overlap(a, b)
    if a.type == "text-list" and b.type == "text-list":
        return set(a.items) == set(b.items)
    if a.type == "age" and b.type == "age":
        same_time = a.at.precision == "day" and a.at == b.at
        return not same_time or a.years == b.years
    return a == b


def _contradicts(a: Claim, b: Claim) -> bool:
    return any(link.type == "contradicts" and link.claim == b.id for link in a.links)


def linked_as_contradicting(a: Claim, b: Claim) -> bool:
    """Whether either claim links the other as contradicting it."""
    return _contradicts(a, b) or _contradicts(b, a)


@rule(CONFLICT)
def check_single_valued(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    groups: dict[tuple[str, str], list[Located]] = defaultdict(list)
    for located in ds.live("claim"):
        predicate = _predicate_of(ds, located.record)
        if predicate is not None and predicate.single_valued:
            groups[(located.record.subject, predicate.id)].append(located)
    for (subject, predicate_id), claims in groups.items():
        for first, second in combinations(claims, 2):
            a: Claim = first.record
            b: Claim = second.record
            if not compatible(a.value, b.value) and not linked_as_contradicting(a, b):
                yield issue(
                    "single-value-conflict",
                    f"{predicate_id} of {subject}: this value cannot be true together with "
                    f"{a.id}'s ({first.file}:{first.line}), and neither claim links the other "
                    "as contradicting",
                    file=second.file,
                    line=second.line,
                    record=b.id,
                    pointer="/value",
                )
