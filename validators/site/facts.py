"""The fact sheet that opens an entity's or an event's page, and what the texts leave open.

A fact is one proposition about the subject: its predicate's label, its value in words, how
many articles and origins report it (from :meth:`Dataset.support`), whether a claim of it is
linked as contradicting another (then it points at that pair on the disagreements page), and the
hedges when every report of it is hedged.  The open points say in plain words which dates,
places and amounts the texts leave unknown or give only as a wide interval.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .words import MONTHS, day_words

if TYPE_CHECKING:
    from ..models import Claim, DateSpan
    from .model import Site


@dataclass(frozen=True)
class Fact:
    """One line of a fact sheet; ``anchor`` is the id of its details further down the page."""

    proposition: str
    label: str
    value: str
    articles: int
    origins: int
    disputed: str | None
    hedges: tuple[str, ...]
    retracted: bool
    anchor: str
    claims: tuple[Claim, ...]

    @property
    def support(self) -> str:
        """``reported in 4 articles from 2 origins``."""
        return (
            f"reported in {_count(self.articles, 'article')} from {_count(self.origins, 'origin')}"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def facts_about(site: Site, subject_id: str) -> list[Fact]:
    """One fact per proposition whose subject is ``subject_id``, by label, then value; active
    ones first.  Claims about the groups the subject belongs to are not among them."""
    ds = site.dataset
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in ds.claims_about(subject_id):
        grouped[claim.proposition].append(claim)
    found = []
    for pid, claims in grouped.items():
        proposition = ds.propositions[pid]
        behind = ds.support(pid)
        counts = behind.counts()
        lead = ds.claims[behind.claims[0]]
        found.append(
            Fact(
                proposition=pid,
                label=site.name(proposition.predicate),
                value=site.value(lead),
                articles=counts["articles"],
                origins=counts["origins"],
                disputed=site.disagreement_href([c.id for c in claims]),
                hedges=_hedges([ds.claims[c] for c in behind.claims]),
                retracted=proposition.status != "active",
                anchor="",
                claims=tuple(claims),
            )
        )
    found.sort(key=lambda f: (f.retracted, f.label.lower(), f.value.lower(), f.proposition))
    return [_numbered(fact, number) for number, fact in enumerate(found, start=1)]


def _numbered(fact: Fact, number: int) -> Fact:
    return replace(fact, anchor=f"fact-{number}")


def _hedges(claims: list[Claim]) -> tuple[str, ...]:
    """The distinct hedges of the reports, when every report (article and claimant) is hedged
    in each of its quotes; else nothing."""
    reports: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    for claim in claims:
        for item in claim.evidence:
            reports[(item.source, claim.claimed_by)].append(item.hedge)
    hedges = [h for said in reports.values() for h in said]
    if not hedges or any(h is None for h in hedges):
        return ()
    return tuple(sorted({str(h) for h in hedges}))


def span_words(span: DateSpan | None) -> str | None:
    """What a date span leaves open, in words, or ``None`` when it is one day."""
    if span is None or (span.earliest is None and span.latest is None):
        return "the texts give no date"
    lo, hi = span.earliest, span.latest
    if lo is None:
        assert hi is not None
        return f"the texts give no start: only that it was no later than {day_words(hi)}"
    if hi is None:
        return f"the texts give no end: only that it was no earlier than {day_words(lo)}"
    if lo == hi:
        return None
    if span.precision == "month":
        return f"the texts give only the month, {MONTHS[lo.month - 1]} {lo.year}"
    if span.precision == "year":
        return f"the texts give only the year, {lo.year}"
    days = (hi - lo).days + 1
    return f"known only to lie between {day_words(lo)} and {day_words(hi)} ({days} days)"


def _number(value: Any) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _quantity_words(value: Any) -> str | None:
    if value.nominal is not None and value.low is None and value.high is None:
        if value.qualifier in ("about", "approximate-range"):
            return f"about {_number(value.nominal)}: how far “about” reaches is not said"
        return None
    if value.low is not None and value.high is None:
        return f"no upper bound is given (at least {_number(value.low)})"
    if value.high is not None and value.low is None:
        return f"no lower bound is given (at most {_number(value.high)})"
    if value.low is not None and value.high is not None and value.low != value.high:
        return f"only a range is given: {_number(value.low)} to {_number(value.high)}"
    return None


def value_open(value: Any) -> str | None:
    """What a claim value leaves open, in words, or ``None`` when it is exact."""
    if value.type == "date":
        return span_words(value.date)
    if value.type == "quantity":
        return _quantity_words(value)
    if value.type == "age":
        words = span_words(value.at)
        return None if words is None else f"the day the age refers to: {words}"
    return None


def open_points(
    site: Site, subject_id: str, facts: list[Fact]
) -> list[tuple[str, str, tuple[str, ...]]]:
    """(what, how it is open, the claims it comes from) for the subject's date and place, when
    it is an event (from no claim), and for every active fact whose value is not exact."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    event = site.dataset.events.get(subject_id)
    if event is not None:
        when = span_words(event.date)
        if when is not None:
            found.append(("Date", when, ()))
        if event.place is None:
            found.append(("Place", "the texts name no place", ()))
    for fact in facts:
        if fact.retracted:
            continue
        words = value_open(fact.claims[0].value)
        if words is not None:
            found.append((fact.label, words, tuple(c.id for c in fact.claims)))
    return found
