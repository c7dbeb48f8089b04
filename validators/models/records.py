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

    reason: NonEmptyText = Field(description="The reason it was withdrawn.")
    superseded_by: RecordId | None = Field(
        None, description="The id of the record that replaces it, if one does."
    )


class Identified(Record):
    """A record with an id of its own, which may be retracted but never deleted.

    ``status`` is ``active`` (the default, usually left out) or ``retracted``; a retracted
    record keeps its id forever and says why in ``retraction``.
    """

    id: RecordId = Field(
        description=(
            "The record's id: a kind prefix and a slug (claim:..., entity:...), never reused."
        )
    )
    status: Literal["active", "retracted"] = Field(
        "active",
        description=(
            "active, or retracted: a retracted record keeps its id and says why in its retraction."
        ),
    )
    retraction: Retraction | None = Field(
        None,
        description="Why the record was retracted and what replaces it; null while it is active.",
    )


class Credit(Record):
    """Someone an article credits: a wire service, an agency, an author."""

    name: NonEmptyText = Field(description="The name the article credits, as printed.")
    role: Literal["wire-service", "news-agency", "author", "photo", "original-publisher"] = Field(
        description=(
            "What the credit is for: wire-service, news-agency, author, photo or original-"
            "publisher."
        )
    )


class Source(Identified):
    """One article, shipped as a text file under ``dataset/sources/``.

    Only what the text itself shows is recorded: a title, publisher, URL or date that the text
    does not print is ``null``; ``published`` may be an interval inferred from the text, with
    its basis written down.
    """

    title: str | None = Field(
        description="The headline as the text prints it; null when the text has none."
    )
    publisher: str | None = Field(
        description="The outlet that published the article, when the text names it; otherwise null."
    )
    url: str | None = Field(
        description="The article's address, when the text prints it; otherwise null."
    )
    published: DateSpan | None = Field(
        description=(
            "When the article was published, as a date interval read from the text; null when the"
            " text gives no date."
        )
    )
    path: NonEmptyText = Field(
        description="Where the article's text is shipped, relative to the dataset directory."
    )
    sha256: str = Field(
        min_length=64,
        max_length=64,
        description="The SHA-256 of the shipped text file, in hexadecimal.",
    )
    credits: list[Credit] = Field(
        default_factory=list, description="Wire services, agencies and authors the article credits."
    )
    notes: str | None = Field(
        None,
        description="What a reader of the record should know about the article or how it was read.",
    )


class Entity(Identified):
    """A person, group, organization, unit, place, country, document or vessel."""

    type: EntityType = Field(
        description=(
            "What kind of entity: person, group, organization, military-unit, place, country, "
            "document, vessel or media."
        )
    )
    name: NonEmptyText = Field(description="The name the dataset uses for the entity.")
    aliases: list[NonEmptyText] = Field(
        default_factory=list, description="Other names the texts use for the entity."
    )
    members: list[RecordId] = Field(
        default_factory=list, description="For a group: the ids of the entities it consists of."
    )
    description: str | None = Field(
        None, description="A short description of who or what the entity is."
    )


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

    source: RecordId = Field(description="The id of the article the quote is from.")
    quote: NonEmptyText = Field(description="The words of the article, verbatim.")
    start: Offset | None = Field(
        None,
        description=(
            "Where the quote starts in the article's text: an offset in Unicode code points, from"
            " 0."
        ),
    )
    end: Offset | None = Field(
        None,
        description=(
            "Where the quote ends in the article's text: the code-point offset just after its "
            "last character."
        ),
    )
    via: list[RecordId] = Field(
        default_factory=list,
        description="The intermediaries the report came through, nearest to the speaker first.",
    )
    hedge: NonEmptyText | None = Field(
        None,
        description=(
            "This report's own qualifier ('reportedly', 'believed'), as it occurs in the quote; "
            "null when the report is unhedged."
        ),
    )
    mention: NonEmptyText | None = Field(
        None,
        description="The quote's own words for the subject when it does not name it ('the other').",
    )
    identification: NonEmptyText | None = Field(
        None,
        description=(
            "How the mention was identified with the subject: which words of which articles it "
            "rests on."
        ),
    )
    speaker_mention: NonEmptyText | None = Field(
        None, description="The quote's own words for the claimant when it does not name them."
    )
    speaker_identification: NonEmptyText | None = Field(
        None, description="How the speaker mention was identified with the claimant."
    )
    date_words: NonEmptyText | None = Field(
        None, description="The words of the quote that state the record's date ('on January 9')."
    )


class Participant(Record):
    """An entity taking part in an event, and the part it played."""

    entity: RecordId = Field(description="The id of the entity taking part.")
    role: NonEmptyText = Field(description="The part the entity played in the event.")


class Event(Identified):
    """Something that happened at a time and place, as reported by the sources.

    ``after`` lists events that this one is stated or known to follow.  ``tense`` says whether
    the sources report it as done, as still under way, or as expected.
    """

    type: NonEmptyText = Field(
        description="What kind of event (capture, interrogation, statement...)."
    )
    description: NonEmptyText = Field(description="What happened, in a sentence.")
    date: DateSpan | None = Field(
        description="When it happened, as a date interval; null when the texts give no date at all."
    )
    tense: Literal["past", "ongoing", "expected"] = Field(
        "past", description="past, ongoing or expected: how the sources report the event."
    )
    place: RecordId | None = Field(
        None, description="The id of the place where it happened, when the texts say."
    )
    participants: list[Participant] = Field(
        default_factory=list, description="The entities taking part and their roles."
    )
    after: list[RecordId] = Field(
        default_factory=list, description="The ids of events this one is stated or known to follow."
    )
    evidence: list[Evidence] = Field(min_length=1, description="The quotes reporting the event.")


class ClaimLink(Record):
    """A relation from one claim to another claim of a different proposition: ``contradicts``
    (both cannot be true) or ``refines`` (this claim says the other's proposition more narrowly
    or more precisely).  Claims of one proposition agree by construction and are not linked."""

    type: LinkType = Field(
        description=(
            "contradicts (both cannot be true) or refines (this claim says the other's "
            "proposition more narrowly)."
        )
    )
    claim: RecordId = Field(description="The id of the other claim.")
    note: str | None = Field(None, description="Why the two claims are linked.")


class Claim(Identified):
    """A statement that ``subject`` has ``predicate`` = ``value``, asserted by ``claimed_by``.

    ``proposition`` names the statement independent of who makes it: every claim of one
    proposition has the same subject, predicate and value, and a different claimant.
    ``claimed_by`` is the original asserter (a person, an organization, or the source itself when
    the article speaks in its own voice); each evidence item names the article that reports it,
    the intermediaries it came through, and the report's own hedge, if any.
    """

    proposition: RecordId = Field(
        description=(
            "The id of the proposition the claim states: the same statement by any claimant "
            "shares it."
        )
    )
    subject: RecordId = Field(description="The id of the entity or event the claim is about.")
    predicate: RecordId = Field(
        description="The id of the predicate: what the claim says of its subject."
    )
    value: Value = Field(description="What the claim says the predicate's value is.")
    claimed_by: RecordId = Field(
        description=(
            "Who asserts it originally: an entity, or the article itself when it speaks in its "
            "own voice."
        )
    )
    evidence: list[Evidence] = Field(
        min_length=1, description="The quotes reporting the claim, each from one article."
    )
    links: list[ClaimLink] = Field(
        default_factory=list, description="Relations to claims of other propositions."
    )
    note: str | None = Field(
        None, description="What a reader should know about how the claim was read."
    )


class Predicate(Identified):
    """A term of the predicate vocabulary: what a claim may state, and about what."""

    label: NonEmptyText = Field(description="The predicate's name in words.")
    description: NonEmptyText = Field(description="What a claim with this predicate states.")
    value_type: ValueType = Field(
        description=(
            "The kind of value its claims have (year, date, quantity, age, entity, text, text-"
            "list or boolean)."
        )
    )
    subject_types: list[SubjectType] = Field(
        min_length=1, description="The kinds of subject its claims may be about."
    )
    single_valued: bool = Field(
        description=(
            "Whether a subject can have only one true value for it (so that different values "
            "disagree)."
        )
    )


class Exclusion(Identified):
    """A sentence of a source that states no fact, and why (a byline, a photo credit, a link).

    ``sentence`` is the sentence's exact text as the splitter yields it; it excludes every
    occurrence of that text in the source.
    """

    source: RecordId = Field(description="The id of the article the sentence is in.")
    sentence: NonEmptyText = Field(
        description="The sentence's exact text, as the sentence splitter yields it."
    )
    reason: NonEmptyText = Field(
        description="Why the sentence states no fact (a byline, a photo credit, a link...)."
    )
