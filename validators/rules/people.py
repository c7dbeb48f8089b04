"""People's life facts over intervals: birth year against stated ages and service start.

These rules read three predicates of the vocabulary: ``predicate:birth-year`` (a year),
``predicate:age`` (an age at a date) and ``predicate:service-start-year`` (a year).  A birth year
spans 1 January to 31 December; ages are completed years.  Errors mark what cannot be true;
warnings mark what is possible but outside the configured plausible bounds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..config import Config
from ..loading import LoadedDataset, Located
from ..models import Claim, Entity, Event
from ..report import Issue
from ..spans import age_bounds, span_bounds, year_bounds
from .predicates import linked_as_contradicting
from .registry import RuleCode, issue_at, rule

BIRTH_YEAR = "predicate:birth-year"
AGE = "predicate:age"
SERVICE_START = "predicate:service-start-year"

AGE_CONFLICT = RuleCode(
    "age-birth-year-conflict",
    "error",
    "A stated age cannot match the person's birth year",
    "Someone born in year Y is between (D - Y - 1) and (D - Y) years old on a date in year D; "
    "an age outside every possible value for the given dates cannot be true.",
    "Check both claims against their sources; if the sources disagree, link the claims as "
    "contradicting.",
)
SERVICE_BEFORE_BIRTH = RuleCode(
    "service-before-birth",
    "error",
    "Military service starts before the person was born",
    "The service start year lies entirely before the birth year.",
    "Check the years against the sources; link the claims as contradicting if they disagree.",
)
SERVICE_AGE = RuleCode(
    "service-age-implausible",
    "warning",
    "Age at the start of military service is outside the plausible range",
    "Every age the birth year and service start allow lies outside the configured range "
    "(default 14 to 65 years; see Config.min_service_age and max_service_age).",
    "Check the years against the sources; keep them if the sources really say so.",
)
SERVICE_AFTER_EVENT = RuleCode(
    "service-after-event",
    "error",
    "Military service starts after an event the person took part in",
    "People in this dataset take part in events as soldiers; service that starts after such an "
    "event ended cannot be true.",
    "Check the service start year and the event's date against the sources.",
)


def _claims_by_person(ds: LoadedDataset, predicate: str) -> dict[str, list[Located]]:
    """Claims of a predicate by subject, keeping only values of the predicate's own type."""
    value_type = "age" if predicate == AGE else "year"
    found: dict[str, list[Located]] = defaultdict(list)
    for located in ds.live("claim"):
        claim: Claim = located.record
        if claim.predicate == predicate and claim.value.type == value_type:
            found[claim.subject].append(located)
    return found


@rule(AGE_CONFLICT)
def check_age_against_birth(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    births = _claims_by_person(ds, BIRTH_YEAR)
    for person, ages in _claims_by_person(ds, AGE).items():
        for age_claim in ages:
            age = age_claim.record.value
            for birth_claim in births.get(person, []):
                if linked_as_contradicting(age_claim.record, birth_claim.record):
                    continue
                youngest, oldest = age_bounds(
                    year_bounds(birth_claim.record.value.year), span_bounds(age.at)
                )
                if (youngest is not None and age.years < youngest) or (
                    oldest is not None and age.years > oldest
                ):
                    yield issue_at(
                        age_claim,
                        "age-birth-year-conflict",
                        f"age {age.years} cannot be right for someone born in "
                        f"{birth_claim.record.value.year} ({birth_claim.id}): the possible ages "
                        f"are {youngest} to {oldest}",
                        pointer="/value",
                    )


@rule(SERVICE_BEFORE_BIRTH, SERVICE_AGE)
def check_service_age(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    births = _claims_by_person(ds, BIRTH_YEAR)
    for person, starts in _claims_by_person(ds, SERVICE_START).items():
        for start in starts:
            for birth in births.get(person, []):
                if linked_as_contradicting(start.record, birth.record):
                    continue
                born, joined = birth.record.value.year, start.record.value.year
                youngest, oldest = age_bounds(year_bounds(born), year_bounds(joined))
                if youngest is None or oldest is None:
                    continue  # cannot happen: both spans are bounded years
                if oldest < 0:
                    yield issue_at(
                        start,
                        "service-before-birth",
                        f"service from {joined} cannot follow a birth in {born} ({birth.id})",
                        pointer="/value",
                    )
                elif youngest > config.max_service_age or oldest < config.min_service_age:
                    yield issue_at(
                        start,
                        "service-age-implausible",
                        f"born {born} ({birth.id}) and serving from {joined} means joining at "
                        f"{max(youngest, 0)} to {oldest}, outside the plausible "
                        f"{config.min_service_age} to {config.max_service_age}",
                        pointer="/value",
                    )


def _events_by_person(ds: LoadedDataset) -> dict[str, list[Located]]:
    """The events each person took part in, directly or as a member of a group."""
    groups_of: dict[str, list[str]] = defaultdict(list)
    for located in ds.live("entity"):
        entity: Entity = located.record
        for member in entity.members:
            groups_of[member].append(entity.id)
    taking_part: dict[str, list[Located]] = defaultdict(list)
    for located in ds.live("event"):
        event: Event = located.record
        for part in event.participants:
            taking_part[part.entity].append(located)
    result: dict[str, list[Located]] = {}
    for person in set(groups_of) | set(taking_part):
        events = list(taking_part.get(person, []))
        for group in groups_of.get(person, []):
            events.extend(taking_part.get(group, []))
        result[person] = events
    return result


@rule(SERVICE_AFTER_EVENT)
def check_service_before_events(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    starts = _claims_by_person(ds, SERVICE_START)
    if not starts:
        return
    events = _events_by_person(ds)
    for person, claims in starts.items():
        for start in claims:
            joined = start.record.value.year
            for event in events.get(person, []):
                latest = event.record.date.latest if event.record.date else None
                if latest is not None and latest.year < joined:
                    yield issue_at(
                        start,
                        "service-after-event",
                        f"service from {joined} starts after {event.id} "
                        f"({event.file}:{event.line}), which ended by {latest.isoformat()}",
                        pointer="/value",
                    )
