"""The five record types of the dataset: sources, entities, events, claims and predicates."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import NonEmptyText, Offset, Record, RecordId
from .values import DateSpan, Value, ValueType

EntityType = Literal[
    "person",
    "group",
    "organization",
    "military-unit",
    "place",
    "country",
    "document",
    "vessel",
    "media",
]
LinkType = Literal["contradicts", "refines"]
SubjectType = Literal[EntityType, "event"]


class Retraction(Record):
    """Why a record was withdrawn, and what replaces it."""

    reason: NonEmptyText
    superseded_by: RecordId | None = None


class Identified(Record):
    """A record with an id of its own, which may be retracted but never deleted.

    ``status`` is ``active`` (the default, usually left out) or ``retracted``; a retracted
    record keeps its id forever and says why in ``retraction``.
    """

    id: RecordId
    status: Literal["active", "retracted"] = "active"
    retraction: Retraction | None = None


class Credit(Record):
    """Someone an article credits: a wire service, an agency, an author."""

    name: NonEmptyText
    role: Literal["wire-service", "news-agency", "author", "photo", "original-publisher"]


class Source(Identified):
    """One article, shipped as a text file under ``dataset/sources/``.

    Only what the text itself shows is recorded: a title, publisher, URL or date that the text
    does not print is ``null``; ``published`` may be an interval inferred from the text, with
    its basis written down.
    """

    title: str | None
    publisher: str | None
    url: str | None
    published: DateSpan | None
    path: NonEmptyText
    sha256: str = Field(min_length=64, max_length=64)
    credits: list[Credit] = Field(default_factory=list)
    notes: str | None = None


class Entity(Identified):
    """A person, group, organization, unit, place, country, document or vessel."""

    type: EntityType
    name: NonEmptyText
    aliases: list[NonEmptyText] = Field(default_factory=list)
    members: list[RecordId] = Field(default_factory=list)
    description: str | None = None


class Evidence(Record):
    """A verbatim quote from a source, optionally anchored by character offsets.

    ``start`` and ``end`` index the source text as decoded from UTF-8, in Unicode code points,
    end exclusive (Python slicing).  ``via`` lists the intermediaries through which this report
    reached the source, nearest to the speaker first (e.g. a prisoner's words via the NIS).
    ``hedge`` repeats this report's own qualifier ("reportedly", "believed"), which must occur
    in the quote; reports of one fact can hedge differently.  When the quote does not name the
    subject, ``mention`` holds its own words for it ("the other", "one"), which must occur in the
    quote, and ``identification`` says how that mention was identified with the subject: which
    words of which articles the identification rests on.  The two go together.  When the quote
    does not name the claimant either ("One soldier revealed ..."), ``speaker_mention`` and
    ``speaker_identification`` do the same for him.  ``date_words``
    are the words of the quote that state the record's date ("on January 9"), so that the
    articles giving an event's date, and their wording, can be listed.
    """

    source: RecordId
    quote: NonEmptyText
    start: Offset | None = None
    end: Offset | None = None
    via: list[RecordId] = Field(default_factory=list)
    hedge: NonEmptyText | None = None
    mention: NonEmptyText | None = None
    identification: NonEmptyText | None = None
    speaker_mention: NonEmptyText | None = None
    speaker_identification: NonEmptyText | None = None
    date_words: NonEmptyText | None = None


class Participant(Record):
    """An entity taking part in an event, and the part it played."""

    entity: RecordId
    role: NonEmptyText


class Event(Identified):
    """Something that happened at a time and place, as reported by the sources.

    ``after`` lists events that this one is stated or known to follow.  ``tense`` says whether
    the sources report it as done, as still under way, or as expected.
    """

    type: NonEmptyText
    description: NonEmptyText
    date: DateSpan | None
    tense: Literal["past", "ongoing", "expected"] = "past"
    place: RecordId | None = None
    participants: list[Participant] = Field(default_factory=list)
    after: list[RecordId] = Field(default_factory=list)
    evidence: list[Evidence] = Field(min_length=1)


class ClaimLink(Record):
    """A relation from one claim to another claim of a different proposition: ``contradicts``
    (both cannot be true) or ``refines`` (this claim says the other's proposition more narrowly
    or more precisely).  Claims of one proposition agree by construction and are not linked."""

    type: LinkType
    claim: RecordId
    note: str | None = None


class Claim(Identified):
    """A statement that ``subject`` has ``predicate`` = ``value``, asserted by ``claimed_by``.

    ``proposition`` names the statement independent of who makes it: every claim of one
    proposition has the same subject, predicate and value, and a different claimant.
    ``claimed_by`` is the original asserter (a person, an organization, or the source itself when
    the article speaks in its own voice); each evidence item names the article that reports it,
    the intermediaries it came through, and the report's own hedge, if any.
    """

    proposition: RecordId
    subject: RecordId
    predicate: RecordId
    value: Value
    claimed_by: RecordId
    evidence: list[Evidence] = Field(min_length=1)
    links: list[ClaimLink] = Field(default_factory=list)
    note: str | None = None


class Predicate(Identified):
    """A term of the predicate vocabulary: what a claim may state, and about what."""

    label: NonEmptyText
    description: NonEmptyText
    value_type: ValueType
    subject_types: list[SubjectType] = Field(min_length=1)
    single_valued: bool


class Exclusion(Identified):
    """A sentence of a source that states no fact, and why (a byline, a photo credit, a link).

    ``sentence`` is the sentence's exact text as the splitter yields it; it excludes every
    occurrence of that text in the source.
    """

    source: RecordId
    sentence: NonEmptyText
    reason: NonEmptyText
