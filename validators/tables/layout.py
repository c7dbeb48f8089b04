"""The tables: which records feed each one, its key columns, and its model's columns.

Most tables are read from one kind of record; a *derived* table (``support``) is computed from
the records as a whole by the layer that knows how (``Dataset.rows``), and is declared here
with its columns and keys like any other, so every export and descriptor carries it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from .columns import Column, Table, _scalar_kind, _strip, model_columns
from .computed import VALUE_COMPUTED


@dataclass(frozen=True)
class Layout:
    """How one table is read: from records of ``kinds``, down the lists named by ``lists``.

    With no ``lists`` a table has one row per record; with ``("evidence", "via")`` one row per
    item of each record's evidence items' ``via``.  ``keys`` are the columns naming the parent
    record and each item's position, in that order.  A ``derived`` table reads no record kind:
    its rows are built by whoever asks for them (see :func:`kursk_pows.tables.rows`).
    """

    table: Table
    kinds: tuple[str, ...]
    lists: tuple[str, ...] = ()
    keys: tuple[Column, ...] = ()
    derived: bool = False
    computed: tuple[str, ...] = ()
    """Columns computed from the row's record (:mod:`kursk_pows.tables.computed`)."""

    @property
    def parent_status(self) -> bool:
        """Whether the table has a ``status`` column after its keys holding its rows'
        record's status (a table of list items: evidence, links...)."""
        return bool(self.lists)


def _plain(name: str, description: str, kind: str = "string") -> Column:
    """A column read from no model field (a key, a count, a derived table's column)."""
    return Column(name, kind, description, (), "")


def _key(name: str, description: str) -> Column:
    return _plain(name, description, "string" if name != "position" else "integer")


STATUS = _plain(
    "status",
    "The status of the record the row belongs to: active, or retracted (retracted records "
    "are exported only when asked for).",
)
"""The status column of a table of list items, after its keys."""


def _position(name: str, of: str) -> Column:
    return _plain(name, f"Position (from 0) in the {of} list.", "integer")


def _item_type(model: type[BaseModel], field: str) -> Any:
    annotation, _ = _strip(model.model_fields[field].annotation)
    return _strip(get_args(annotation)[0])[0]


def _listed(
    name: str,
    description: str,
    model: type[BaseModel],
    kinds: tuple[str, ...],
    lists: tuple[str, ...],
    keys: tuple[Column, ...],
    item: str | dict[str, str] | None = None,
    skip: frozenset[str] = frozenset(),
    foreign: tuple[tuple[str, str, str], ...] = (),
) -> Layout:
    """A table of list items: key columns, then the item's own columns."""
    owner = model
    for field in lists[:-1]:
        owner = _item_type(owner, field)
    item_type = _item_type(owner, lists[-1])
    dotted = f"{owner.__name__}.{lists[-1]}"
    if isinstance(item, str):
        kind = _scalar_kind(item_type) or "json"
        listed = owner.model_fields[lists[-1]].description or ""
        described = f"One per row: {listed[:1].lower()}{listed[1:]}"
        columns: tuple[Column, ...] = (Column(item, kind, described, (), dotted),)
    else:
        columns = tuple(model_columns(item_type, skip=skip, rename=item))
    every = (*keys, STATUS, *columns)
    table = Table(name, description, every, tuple(k.name for k in keys), foreign)
    return Layout(table, kinds, lists, keys)


def _record(
    name: str,
    description: str,
    model: type[BaseModel],
    kind: str,
    skip: frozenset[str] = frozenset(),
    foreign: tuple[tuple[str, str, str], ...] = (),
    computed: tuple[Column, ...] = (),
) -> Layout:
    columns = (*model_columns(model, skip=skip), *computed)
    table = Table(name, description, columns, ("id",), foreign)
    return Layout(table, (kind,), computed=tuple(c.name for c in computed))


def _derived(
    name: str,
    description: str,
    columns: tuple[Column, ...],
    primary_key: tuple[str, ...],
    foreign: tuple[tuple[str, str, str], ...],
) -> Layout:
    """A table computed from the whole dataset rather than read from one kind of record."""
    return Layout(Table(name, description, columns, primary_key, foreign), (), derived=True)


SUPPORT_DESCRIPTION = (
    "The reports behind each proposition, as Dataset.support counts them: one row per "
    "distinct (source, claimant) pair among the evidence of the proposition's claims (its "
    "active claims; a retracted proposition's own claims), so the table grows with the "
    "evidence. Count distinct sources for the articles reporting a proposition, distinct "
    "claimants for its origins, distinct outlets for its outlets."
)

PROPOSITIONS_DESCRIPTION = (
    "One row per proposition: a statement (subject, predicate, value) whoever makes it, "
    "with the counts of what stands behind it. The value columns are those of the claims "
    "table."
)


def _count(name: str, description: str) -> Column:
    return _plain(name, description, kind="integer")


def _support() -> Layout:
    return _derived(
        "support",
        SUPPORT_DESCRIPTION,
        (
            _key("proposition", "The proposition's id."),
            _key("source", "An article reporting the proposition."),
            _key(
                "claimant",
                "Who that article reports as asserting it (the claimed_by of a claim of the "
                "proposition): one origin.",
            ),
            _plain(
                "status",
                "The proposition's status: active, or retracted (retracted ones are exported "
                "only when asked for).",
            ),
            _plain(
                "claim",
                "The claim whose evidence gives this report (the first by id when several do).",
            ),
            _plain(
                "outlet",
                "The article's outlet: the first article (by id) among those sharing a wire "
                "credit with it, else the article itself.",
            ),
        ),
        ("proposition", "source", "claimant"),
        (
            ("proposition", "propositions", "id"),
            ("source", "sources", "id"),
            ("claim", "claims", "id"),
        ),
    )


LINKS_BOTH_WAYS_DESCRIPTION = (
    "Every link between two claims from both ends, as Dataset.links_of gives them: a link "
    "stored on one claim appears once as that claim's and once as the other's, named as seen "
    "from the claim in the row (refines and refined-by; contradicts reads the same both ways)."
)


def _links_both_ways() -> Layout:
    return _derived(
        "links_both_ways",
        LINKS_BOTH_WAYS_DESCRIPTION,
        (
            _key("claim", "The claim the link is seen from."),
            _key("other", "The claim at the link's other end."),
            _key(
                "kind",
                "The link as seen from claim: contradicts, refines (claim says other's "
                "proposition more narrowly) or refined-by (other says claim's more narrowly).",
            ),
            _key("stored_on", "The claim whose record stores the link (claim or other)."),
            _plain(
                "status", "The status of the claim the link is seen from: active, or retracted."
            ),
            _plain("note", "Why the two claims are linked, as the link says."),
        ),
        ("claim", "other", "kind", "stored_on"),
        (("claim", "claims", "id"), ("other", "claims", "id")),
    )


def _source_texts() -> Layout:
    return _derived(
        "source_texts",
        "The full text of every article as the dataset ships it, so that evidence offsets can "
        "be checked from the tables alone: text[start_offset:end_offset] is the quote, counting "
        "in Unicode code points.",
        (
            _key("source", "The article's id."),
            _plain("status", "The article's status: active, or retracted."),
            _plain(
                "sha256", "The SHA-256 of the text as UTF-8, in hexadecimal (the source record's)."
            ),
            _plain("characters", "The length of the text in Unicode code points.", kind="integer"),
            _plain("text", "The article's text, verbatim."),
        ),
        ("source",),
        (("source", "sources", "id"),),
    )


def value_columns() -> tuple[Column, ...]:
    """The claims table's columns of a claim's value (``value_type``, ``value_year``...)."""
    from ..models import Claim

    return tuple(c for c in model_columns(Claim) if c.path[:1] == ("value",))


def _propositions() -> Layout:
    columns = (
        _key("id", "The proposition's id (claims name it in their proposition column)."),
        _plain(
            "status", "active while one of its claims is active; retracted when all its claims are."
        ),
        _plain("subject", "What the proposition is about: an entity or event id."),
        _plain("predicate", "What it says of the subject: a predicate id."),
        *value_columns(),
        *(column for column, _ in VALUE_COMPUTED.values()),
        _count("claims", "How many claims state it (one per claimant)."),
        _count("reports", "Distinct (article, claimant) reports of it."),
        _count("articles", "Distinct articles reporting it."),
        _count(
            "origins",
            "Distinct original claimants (after the intermediaries in via); an article's own "
            "voice is its own origin.",
        ),
        _count("outlets", "Distinct outlets: articles sharing a wire credit count once."),
        _plain(
            "superseded_by",
            "For a retracted proposition, the propositions its claims' successors state.",
            kind="json",
        ),
    )
    return _derived(
        "propositions",
        PROPOSITIONS_DESCRIPTION,
        columns,
        ("id",),
        (("predicate", "predicates", "id"),),
    )


@cache
def layouts() -> dict[str, Layout]:
    """Every table's layout, by table name, in the order they are exported."""
    from ..models import Claim, Entity, Event, Exclusion, Predicate, Source

    entity = _key("entity", "The entity's id.")
    event = _key("event", "The event's id.")
    claim = _key("claim", "The claim's id.")
    record = _key("record", "The id of the claim or event the evidence item belongs to.")
    position = _position("position", "record's")
    found = [
        _record("sources", "One row per article.", Source, "source"),
        _record("predicates", "The predicate vocabulary.", Predicate, "predicate"),
        _record(
            "entities",
            "People, groups, organizations, units, places, countries, documents, media.",
            Entity,
            "entity",
            frozenset({"aliases", "members"}),
        ),
        _listed(
            "entity_aliases",
            "Other names of an entity.",
            Entity,
            ("entity",),
            ("aliases",),
            (entity, position),
            "alias",
            foreign=(("entity", "entities", "id"),),
        ),
        _listed(
            "group_members",
            "The members of a group entity.",
            Entity,
            ("entity",),
            ("members",),
            (_key("group_entity", "The group's entity id."), position),
            "member",
            foreign=(("group_entity", "entities", "id"), ("member", "entities", "id")),
        ),
        _record(
            "events",
            "Events as the sources report them.",
            Event,
            "event",
            frozenset({"participants", "after", "evidence"}),
            (("place", "entities", "id"),),
        ),
        _listed(
            "event_participants",
            "The entities taking part in an event, and their role.",
            Event,
            ("event",),
            ("participants",),
            (event, position),
            foreign=(("event", "events", "id"), ("entity", "entities", "id")),
        ),
        _listed(
            "event_order",
            "Events an event is stated to follow.",
            Event,
            ("event",),
            ("after",),
            (event, position),
            "after",
            foreign=(("event", "events", "id"), ("after", "events", "id")),
        ),
        _propositions(),
        _record(
            "claims",
            "One row per claim; the value's kind is value_type, its parts typed columns.",
            Claim,
            "claim",
            frozenset({"evidence", "links"}),
            (("predicate", "predicates", "id"), ("proposition", "propositions", "id")),
            tuple(column for column, _ in VALUE_COMPUTED.values()),
        ),
        _listed(
            "evidence",
            "The verbatim quotes supporting claims and events.",
            Claim,
            ("claim", "event"),
            ("evidence",),
            (record, position),
            {"start": "start_offset", "end": "end_offset"},
            skip=frozenset({"via"}),
            foreign=(("source", "sources", "id"),),
        ),
        _listed(
            "evidence_via",
            "The intermediaries an evidence item's report came through, nearest first.",
            Claim,
            ("claim", "event"),
            ("evidence", "via"),
            (record, _position("evidence", "record's evidence"), _position("position", "via")),
            "via",
            foreign=(("via", "entities", "id"),),
        ),
        _listed(
            "links",
            "Relations from one claim to a claim of another proposition (contradicts, refines).",
            Claim,
            ("claim",),
            ("links",),
            (claim, position),
            {"claim": "target"},
            foreign=(("claim", "claims", "id"), ("target", "claims", "id")),
        ),
        _links_both_ways(),
        _support(),
        _record(
            "exclusions",
            "Sentences that state no fact, and why.",
            Exclusion,
            "exclusion",
            foreign=(("source", "sources", "id"),),
        ),
        _source_texts(),
    ]
    return {layout.table.name: layout for layout in found}


def tables() -> tuple[Table, ...]:
    """Every table, in export order."""
    return tuple(layout.table for layout in layouts().values())


def table(name: str) -> Table:
    """One table by name; ``KeyError`` lists the names there are."""
    try:
        return layouts()[name].table
    except KeyError:
        raise KeyError(f"no table {name!r}; tables: {', '.join(layouts())}") from None
