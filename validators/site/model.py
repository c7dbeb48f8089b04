"""The dataset as the site sees it: pages, links, names and numbered evidence spans.

Every record that has a page (a source, an entity, an event) gets a file name from its slug;
a claim lives on the page of its subject.  Each evidence item is numbered per article, in the
order its span starts, so that an article page and the pages that cite it agree on its anchor.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..reading.sentences import anchor
from ..records.wording import source_name, span_text, value_text
from .slugs import Slugs
from .words import day_words

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset
    from ..models import Claim, Event, Evidence

FOLDERS = {"source": "articles", "entity": "entities", "event": "events"}
"""Where the page of each kind of record goes."""


@dataclass(frozen=True)
class Span:
    """One evidence item, anchored in its article: ``key`` is its id on the article page."""

    key: str
    record: str
    position: int
    source: str
    start: int
    end: int
    evidence: Evidence


class Site:
    """Names, page addresses and evidence spans of a loaded dataset (retracted records kept)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.kinds: dict[str, str] = {}
        for kind, table in (
            ("source", dataset.sources),
            ("entity", dataset.entities),
            ("event", dataset.events),
            ("claim", dataset.claims),
        ):
            for record_id in table:
                self.kinds.setdefault(record_id, kind)
        self._events_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for event in dataset.events.values():
            for participant in event.participants:
                self._events_of[participant.entity].append((event.id, participant.role))
            if event.place is not None:
                self._events_of[event.place].append((event.id, "place"))
        self._made_by: dict[str, list[Claim]] = defaultdict(list)
        for claim in dataset.claims.values():
            self._made_by[claim.claimed_by].append(claim)
        self.disagreements = _contradicting_pairs(dataset)
        self._pair_of: dict[str, int] = {}
        self._pairs_by_claim: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for number, (left, right, _) in enumerate(self.disagreements, start=1):
            for claim_id in (left, right):
                self._pair_of.setdefault(claim_id, number)
                self._pairs_by_claim[claim_id].append((left, right))

    @cached_property
    def slugs(self) -> Slugs:
        """The file name of each record's page (made on first use, like the spans)."""
        return Slugs(self.kinds)

    @cached_property
    def spans(self) -> dict[str, list[Span]]:
        """Each article's evidence spans, numbered in the order they start (found on first
        use: the sites of the as-of days never need them)."""
        return self._number_spans()

    @cached_property
    def span_of(self) -> dict[tuple[str, int], Span]:
        """The span of each (record, evidence position)."""
        return {(s.record, s.position): s for spans in self.spans.values() for s in spans}

    def _number_spans(self) -> dict[str, list[Span]]:
        found: dict[str, list[tuple[int, int, str, int, Evidence]]] = defaultdict(list)
        records: list[Any] = [*self.dataset.events.values(), *self.dataset.claims.values()]
        for record in records:
            for position, evidence in enumerate(record.evidence):
                if evidence.source not in self.dataset.sources:
                    continue
                where = anchor(evidence, self.dataset.text(evidence.source))
                if where is not None:
                    found[evidence.source].append((*where, record.id, position, evidence))
        return {
            source: [
                Span(f"ev-{number}", record, position, source, start, end, evidence)
                for number, (start, end, record, position, evidence) in enumerate(
                    sorted(items, key=lambda item: item[:4]), start=1
                )
            ]
            for source, items in sorted(found.items())
        }

    # --- addresses, relative to the site's root ---

    def page(self, record_id: str) -> str | None:
        """The file of a source, entity or event; the subject's page for a claim."""
        kind = self.kinds.get(record_id)
        if kind is None:
            return None
        if kind == "claim":
            return self.page(self.dataset.claims[record_id].subject)
        return f"{FOLDERS[kind]}/{self.slugs[record_id]}.html"

    def anchor(self, record_id: str) -> str:
        """The HTML id of a record on its page."""
        return f"r-{self.slugs[record_id]}" if record_id in self.slugs else "r-unknown"

    def href(self, record_id: str) -> str | None:
        """Page and fragment of a record, or ``None`` when it has no page (a predicate)."""
        page = self.page(record_id)
        if page is None:
            return None
        return page if self.kinds[record_id] != "claim" else f"{page}#{self.anchor(record_id)}"

    def span_href(self, record_id: str, position: int) -> str | None:
        """Where evidence item ``position`` of a record is highlighted in its article."""
        span = self.span_of.get((record_id, position))
        if span is None:
            return None
        return f"{self.page(span.source)}#span-{span.key}"

    # --- names ---

    def name(self, record_id: str) -> str:
        """What a person would call a record: a name, a title, a description or the id."""
        ds = self.dataset
        if record_id in ds.entities:
            return str(ds.entities[record_id].name)
        if record_id in ds.events:
            return str(ds.events[record_id].description)
        if record_id in ds.sources:
            return self._article_name(record_id)
        if record_id in ds.predicates:
            return str(ds.predicates[record_id].label)
        return record_id

    def _article_name(self, source_id: str) -> str:
        """An article's title, else its publisher and date; when the record has neither, the
        opening words of its text (never its id)."""
        source = self.dataset.sources[source_id]
        named = source_name(source)
        if named != f"untitled article {source_id}":
            return named
        first = " ".join(self.dataset.text(source_id).split()[:OPENING_WORDS])
        return f"untitled article beginning “{first}…”" if first else "untitled, empty article"

    def short_name(self, record_id: str, length: int = 70) -> str:
        """The start of :meth:`name`, at most ``length`` characters, cut at a word and before a
        parenthesis it would leave open (a label's text must be the start of its link's name)."""
        return shortened(self.name(record_id), length)

    def value(self, claim: Claim) -> str:
        """A claim's value in words."""
        return value_text(claim.value, self.name)

    def support_text(self, record_id: str) -> str:
        """What stands behind a claim's proposition, in words: "reported in 4 articles (3
        outlets), from 1 origin (Volodymyr Zelensky)"."""
        behind = self.dataset.support(record_id)
        counts = behind.counts()
        articles = _count(counts["articles"], "article")
        if counts["outlets"] != counts["articles"]:
            articles += f" ({_count(counts['outlets'], 'outlet')})"
        names = [self.name(origin) for origin in behind.origins[:ORIGINS_NAMED]]
        more = len(behind.origins) - len(names)
        named = ", ".join(names) + (f" and {more} more" if more else "")
        return f"reported in {articles}, from {_count(counts['origins'], 'origin')} ({named})"

    def short_statement(self, claim: Claim, length: int = 60) -> str:
        """:meth:`statement` with the subject's name cut to ``length`` characters."""
        subject = self.short_name(claim.subject, length)
        if subject != self.name(claim.subject):
            subject += "…"
        return f"{subject} — {self.name(claim.predicate)}: {self.value(claim)}"

    def published(self, source_id: str) -> str:
        """When an article was published, in words: "published 12 January 2025 or later"."""
        span = self.dataset.sources[source_id].published
        lo, hi = (None, None) if span is None else (span.earliest, span.latest)
        if lo is None:
            return (
                "publication date unknown"
                if hi is None
                else f"published {day_words(hi)} or earlier"
            )
        if hi is None:
            return f"published {day_words(lo)} or later"
        if lo == hi:
            return f"published {day_words(lo)}"
        return f"published between {day_words(lo)} and {day_words(hi)}"

    def statement(self, claim: Claim) -> str:
        """``subject — predicate: value``."""
        return f"{self.name(claim.subject)} — {self.name(claim.predicate)}: {self.value(claim)}"

    def date(self, event_id: str) -> str:
        """An event's date in words, with its precision."""
        span = self.dataset.events[event_id].date
        return "undated" if span is None else f"{span_text(span)} ({span.precision})"

    def disagreement_href(self, claim_ids: list[str]) -> str | None:
        """The disagreements page at the first pair holding one of ``claim_ids``, if any."""
        numbers = [self._pair_of[c] for c in claim_ids if c in self._pair_of]
        return f"disagreements.html#pair-{min(numbers)}" if numbers else None

    def pairs_of(self, claim_id: str) -> list[tuple[str, str]]:
        """The contradicting pairs that hold ``claim_id``."""
        return self._pairs_by_claim.get(claim_id, [])

    def disagreement_pair(self, claim_ids: list[str]) -> tuple[str, str]:
        """The two claims of the pair :meth:`disagreement_href` points at (``claim_ids`` must
        hold a claim of some pair)."""
        number = min(self._pair_of[c] for c in claim_ids if c in self._pair_of)
        left, right, _ = self.disagreements[number - 1]
        return left, right

    def span_kind(self, span: Span, *, disputes: bool = True) -> str:
        """How an evidence item speaks: ``disputed`` (its claim is linked as contradicting
        another; not with ``disputes`` false), ``hedged``, ``attributed`` (a claimant other
        than the article, or passed on through intermediaries) or ``own`` (the article's own
        voice)."""
        claim = self.dataset.claims.get(span.record)
        if disputes and claim is not None and claim.id in self._pair_of:
            return "disputed"
        if span.evidence.hedge:
            return "hedged"
        speaker = span.source if claim is None else claim.claimed_by
        return "attributed" if speaker != span.source or span.evidence.via else "own"

    def claimant(self, span: Span) -> str:
        """Who speaks in an evidence item: the claim's claimant, or "this article" when it is
        the article's own voice (an event's evidence is)."""
        claim = self.dataset.claims.get(span.record)
        speaker = span.source if claim is None else claim.claimed_by
        return "This article" if speaker == span.source else self.name(speaker)

    # --- what a subject's page lists ---

    def group_claim_counts(self, subject_id: str) -> list[tuple[str, int]]:
        """Each group a subject belongs to (nested ones too) with how many claims are about it,
        for groups with any."""
        found = []
        for group in (
            self.dataset.groups_of(subject_id) if subject_id in self.dataset.entities else []
        ):
            count = len(self.dataset.claims_about(group))
            if count:
                found.append((group, count))
        return found

    def events_of(self, entity_id: str) -> list[tuple[str, str]]:
        """The events an entity takes part in or that happen there, with its role."""
        return self._events_of.get(entity_id, [])

    def claims_made_by(self, claimant_id: str) -> list[Claim]:
        """The claims ``claimant_id`` asserts, by id."""
        return self._made_by.get(claimant_id, [])

    def undated(self) -> list[Event]:
        """Events with no date bound, by id."""
        return [
            e
            for e in self.dataset.events.values()
            if e.date is None or (e.date.earliest is None and e.date.latest is None)
        ]

    def entities_by_type(self) -> list[tuple[str, list[str]]]:
        """Entity ids grouped by type, types and names in alphabetical order."""
        grouped: dict[str, list[str]] = defaultdict(list)
        for entity in self.dataset.entities.values():
            grouped[str(entity.type)].append(entity.id)
        return [
            (kind, sorted(ids, key=lambda i: (self.name(i).lower(), i)))
            for kind, ids in sorted(grouped.items())
        ]


OPENING_WORDS = 8
"""How many words of its text name an article that has no title, publisher or date."""


def _contradicting_pairs(dataset: Dataset) -> list[tuple[str, str, str | None]]:
    """Every (claim, claim it contradicts, note), by claim id; pair ``n`` is ``pair-n``."""
    pairs = []
    for claim in dataset.claims.values():
        for link in claim.links:
            if link.type == "contradicts" and link.claim in dataset.claims:
                pairs.append((claim.id, link.claim, link.note))
    return sorted(pairs)


ORIGINS_NAMED = 3
"""How many origins a claim card names before it says how many more there are."""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def shortened(text: str, length: int) -> str:
    """``text`` whole when it fits, else its start cut at a space, without an open parenthesis."""
    if len(text) <= length:
        return text
    words = text[:length]
    if " " in words:
        words = words[: words.rindex(" ")]
    cut = words
    while cut.count("(") > cut.count(")"):
        cut = cut[: cut.rindex("(")].rstrip()
    return cut or words
