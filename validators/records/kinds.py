"""The record kinds: which file holds each, its model, and the id prefixes it may use."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import Identified


@dataclass(frozen=True)
class Kind:
    """A record kind stored in one JSON Lines file of the dataset directory."""

    name: str
    file: str
    model_name: str

    @property
    def model(self) -> type[Identified]:
        """The kind's pydantic model (imported on first use: defining models takes time)."""
        model: type[Identified] = getattr(import_module("..models", __package__), self.model_name)
        return model


KINDS: tuple[Kind, ...] = (
    Kind("predicate", "predicates.jsonl", "Predicate"),
    Kind("source", "sources.jsonl", "Source"),
    Kind("entity", "entities.jsonl", "Entity"),
    Kind("event", "events.jsonl", "Event"),
    Kind("claim", "claims.jsonl", "Claim"),
    Kind("exclusion", "exclusions.jsonl", "Exclusion"),
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


def expected_prefix(kind: str, record: Any) -> str:
    """The id prefix a record of a kind must carry (an entity's depends on its type)."""
    return ENTITY_PREFIXES[record.type] if kind == "entity" else KIND_PREFIXES[kind]
