"""People's life facts over intervals: birth year against stated ages and service start.

These rules read three predicates of the vocabulary: ``predicate:birth-year`` (a year),
``predicate:age`` (an age at a date) and ``predicate:service-start-year`` (a year).  A birth year
spans 1 January to 31 December; ages are completed years.  Errors mark what cannot be true;
warnings mark what is possible but outside the configured plausible bounds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from ..records.spans import age_bounds, year_bounds
from .index import Index, Spot, spot
from .predicates import Stated, linked_as_contradicting, stated
from .registry import Check, RuleCode, issue_at, rule

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


class _Event(NamedTuple):
    where: Spot
    latest: dt.date


@rule(AGE_CONFLICT, SERVICE_BEFORE_BIRTH, SERVICE_AGE, SERVICE_AFTER_EVENT)
class People(Check):
    """Keeps, per person, the live claims of birth year, age and service start (values of the
    predicate's own type), the groups they belong to and the dated events taken part in; checks
    them against each other at the end."""

    kinds = frozenset({"entity", "event", "claim"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.claims: dict[str, dict[str, list[Stated]]] = {
            BIRTH_YEAR: defaultdict(list),
            AGE: defaultdict(list),
            SERVICE_START: defaultdict(list),
        }
        self.groups_of: dict[str, list[str]] = defaultdict(list)
        self.taking_part: dict[str, list[_Event]] = defaultdict(list)

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if record.status != "active":
            return
        if located.kind == "claim":
            by_person = self.claims.get(record.predicate)
            expected = "age" if record.predicate == AGE else "year"
            if by_person is not None and record.value.type == expected:
                by_person[record.subject].append(stated(located))
        elif located.kind == "entity":
            for member in record.members:
                self.groups_of[member].append(record.id)
        elif record.participants and record.date is not None and record.date.latest:
            event = _Event(spot(located), record.date.latest)
            for part in record.participants:
                self.taking_part[part.entity].append(event)

    def finish(self, out: list[Issue]) -> None:
        births = self.claims[BIRTH_YEAR]
        for person, ages in self.claims[AGE].items():
            for age_claim in ages:
                for birth_claim in births.get(person, []):
                    _check_age(age_claim, birth_claim, out)
        for person, starts in self.claims[SERVICE_START].items():
            events = self._events_of(person)
            for start in starts:
                for birth in births.get(person, []):
                    _check_service_age(start, birth, self.config, out)
                _check_service_before_events(start, events, out)

    def _events_of(self, person: str) -> list[_Event]:
        """The dated events a person took part in, directly or as a member of a group."""
        events = list(self.taking_part.get(person, []))
        for group in self.groups_of.get(person, []):
            events.extend(self.taking_part.get(group, []))
        return events


def _check_age(age_claim: Stated, birth_claim: Stated, out: list[Issue]) -> None:
    if linked_as_contradicting(age_claim, birth_claim):
        return
    _, years, at_earliest, at_latest, *_ = age_claim.value
    born = birth_claim.value[1]
    youngest, oldest = age_bounds(year_bounds(born), (at_earliest, at_latest))
    if (youngest is not None and years < youngest) or (oldest is not None and years > oldest):
        out.append(
            issue_at(
                age_claim,
                "age-birth-year-conflict",
                f"age {years} cannot be right for someone born in "
                f"{born} ({birth_claim.id}): the possible ages "
                f"are {youngest} to {oldest}",
                pointer="/value",
            )
        )


def _check_service_age(start: Stated, birth: Stated, config: Config, out: list[Issue]) -> None:
    if linked_as_contradicting(start, birth):
        return
    born, joined = birth.value[1], start.value[1]
    youngest, oldest = age_bounds(year_bounds(born), year_bounds(joined))
    if youngest is None or oldest is None:
        return  # cannot happen: both spans are bounded years
    if oldest < 0:
        out.append(
            issue_at(
                start,
                "service-before-birth",
                f"service from {joined} cannot follow a birth in {born} ({birth.id})",
                pointer="/value",
            )
        )
    elif youngest > config.max_service_age or oldest < config.min_service_age:
        out.append(
            issue_at(
                start,
                "service-age-implausible",
                f"born {born} ({birth.id}) and serving from {joined} means joining at "
                f"{max(youngest, 0)} to {oldest}, outside the plausible "
                f"{config.min_service_age} to {config.max_service_age}",
                pointer="/value",
            )
        )


def _check_service_before_events(start: Stated, events: list[_Event], out: list[Issue]) -> None:
    joined = start.value[1]
    for event in events:
        if event.latest.year < joined:
            out.append(
                issue_at(
                    start,
                    "service-after-event",
                    f"service from {joined} starts after {event.where.id} "
                    f"({event.where.file}:{event.where.line}), which ended by "
                    f"{event.latest.isoformat()}",
                    pointer="/value",
                )
            )
