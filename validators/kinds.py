"""The record kinds: which file holds each, its model, and the id prefixes it may use."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Claim, Entity, Event, Exclusion, Identified, Predicate, Record, Source


@dataclass(frozen=True)
class Kind:
    """A record kind stored in one JSON Lines file of the dataset directory."""

    name: str
    file: str
    model: type[Identified]


KINDS: tuple[Kind, ...] = (
    Kind("predicate", "predicates.jsonl", Predicate),
    Kind("source", "sources.jsonl", Source),
    Kind("entity", "entities.jsonl", Entity),
    Kind("event", "events.jsonl", Event),
    Kind("claim", "claims.jsonl", Claim),
    Kind("exclusion", "exclusions.jsonl", Exclusion),
)
KIND_BY_NAME = {k.name: k for k in KINDS}

ENTITY_PREFIXES: dict[str, str] = {
    "person": "person",
    "group": "group",
    "organization": "org",
    "military-unit": "unit",
    "place": "place",
    "country": "country",
    "document": "document",
    "vessel": "vessel",
    "media": "media",
}
"""The id prefix each entity type uses (``org:sbu`` is an organization)."""

KIND_PREFIXES: dict[str, str] = {
    "predicate": "predicate",
    "source": "source",
    "event": "event",
    "claim": "claim",
    "exclusion": "exclusion",
}


def expected_prefix(record: Record) -> str:
    """The id prefix a record must carry, given its kind (and entity type)."""
    if isinstance(record, Entity):
        return ENTITY_PREFIXES[record.type]
    for kind in KINDS:
        if isinstance(record, kind.model):
            return KIND_PREFIXES[kind.name]
    raise TypeError(f"not a record model: {type(record).__name__}")
