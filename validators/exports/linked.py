"""Linked-data documents for the tools of annotators and fact-checkers, as JSON-LD text:

- ``annotations.jsonld``: every evidence span as a W3C Web Annotation, its target the article
  with a ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (start and
  end in Unicode code points, as the model's offsets are), its body the claim or event;
- ``claims.jsonld``: every claim as a schema.org ``Claim`` with its ``author`` (the claimant),
  ``appearance`` (the reporting articles), ``firstAppearance`` when the dates settle which was
  first, and its quotes as ``Quotation``\\ s.  No ``ClaimReview``: the dataset records claims, it
  does not rate them.

Each document carries its own JSON-LD context, written out here, so that reading it fetches
nothing.  Records are named by ``urn:kursk-pows:<id>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as percent_encoded

from ..records.wording import source_name, value_text

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset
    from ..models import Evidence, Source

CONTEXT_WORDS = 32
"""How many characters of context a quote selector gives on each side."""

OA = "http://www.w3.org/ns/oa#"
ANNOTATION_CONTEXT: dict[str, Any] = {
    "oa": OA,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "id": "@id",
    "type": "@type",
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "linking": "oa:linking",
    "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
    "body": {"@id": "oa:hasBody", "@type": "@id"},
    "target": {"@id": "oa:hasTarget", "@type": "@id"},
    "source": {"@id": "oa:hasSource", "@type": "@id"},
    "selector": {"@id": "oa:hasSelector", "@type": "@id"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "comment": "rdfs:comment",
}
"""The Web Annotation terms the document uses, mapped to the W3C vocabulary's IRIs."""

SCHEMA_CONTEXT: dict[str, Any] = {"@vocab": "https://schema.org/", "id": "@id", "type": "@type"}

SCHEMA_TYPES = {
    "person": "Person",
    "group": "Organization",
    "organization": "Organization",
    "military-unit": "Organization",
    "media": "Organization",
    "country": "Country",
    "place": "Place",
    "document": "CreativeWork",
    "vessel": "Vehicle",
}
"""The schema.org type of each entity type."""


def iri(record_id: str) -> str:
    """The IRI naming a record: ``urn:kursk-pows:`` and its id, percent-encoded."""
    return "urn:kursk-pows:" + percent_encoded(record_id, safe=":.-_")


def _document(context: dict[str, Any], comment: str, graph: list[dict[str, Any]]) -> str:
    document = {"@context": context, "comment": comment, "@graph": graph}
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def _selectors(item: Evidence, text: str) -> list[dict[str, Any]]:
    """The quote selector, with context when the offsets place it, and the position selector."""
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": item.quote}
    if item.start is None or item.end is None:
        return [quote]
    quote["prefix"] = text[max(0, item.start - CONTEXT_WORDS) : item.start]
    quote["suffix"] = text[item.end : item.end + CONTEXT_WORDS]
    return [quote, {"type": "TextPositionSelector", "start": item.start, "end": item.end}]


def _evidence(dataset: Dataset) -> Iterator[tuple[str, int, Evidence]]:
    for records in (dataset.claims, dataset.events):
        for record_id, record in records.items():
            for position, item in enumerate(record.evidence):
                yield record_id, position, item


def web_annotations(dataset: Dataset) -> str:
    """Every evidence span as a Web Annotation (see the module's docstring), as JSON-LD."""
    graph = [
        {
            "id": f"{iri(record_id)}/evidence/{position}",
            "type": "Annotation",
            "motivation": "linking",
            "body": iri(record_id),
            "target": {
                "type": "SpecificResource",
                "source": iri(item.source),
                "selector": _selectors(item, dataset.text(item.source)),
            },
        }
        for record_id, position, item in _evidence(dataset)
    ]
    comment = (
        "Each annotation links a verbatim quote of an article to the claim or event it "
        "supports. TextPositionSelector start and end count Unicode code points of the "
        "article's text as the dataset ships it, end exclusive."
    )
    return _document(ANNOTATION_CONTEXT, comment, graph)


def _article(source: Source) -> dict[str, Any]:
    article: dict[str, Any] = {"id": iri(source.id), "type": "NewsArticle"}
    article["name"] = source_name(source)
    if source.title:
        article["headline"] = source.title
    if source.publisher:
        article["publisher"] = {"type": "Organization", "name": source.publisher}
    if source.url:
        article["url"] = source.url
    span = source.published
    if span is not None and span.precision == "day" and span.earliest is not None:
        article["datePublished"] = span.earliest.isoformat()
    return article


def first_appearance(sources: list[Source]) -> Source | None:
    """The article certainly published before every other one (its publication interval ends
    before each other's begins), or ``None`` when the dates do not settle it.  Only the article
    whose interval ends first can be that one, so one pass finds it and one checks it."""
    ends = [
        (s.published.latest, n) for n, s in enumerate(sources) if s.published and s.published.latest
    ]
    if not ends:
        return None
    end, first = min(ends)
    for n, other in enumerate(sources):
        start = other.published.earliest if other.published else None
        if n != first and (start is None or not end < start):
            return None
    return sources[first]


def _agent(dataset: Dataset, record_id: str) -> dict[str, Any]:
    """A claimant or subject as a schema.org thing: an article, an event or an entity."""
    if record_id in dataset.sources:
        return {"id": iri(record_id), "type": "NewsArticle"}
    if record_id in dataset.events:
        return {
            "id": iri(record_id),
            "type": "Event",
            "name": dataset.events[record_id].description,
        }
    entity = dataset.entities.get(record_id)
    kind = SCHEMA_TYPES.get(entity.type, "Thing") if entity is not None else "Thing"
    named = {"name": entity.name} if entity is not None else {}
    return {"id": iri(record_id), "type": kind, **named}


def schema_claims(dataset: Dataset) -> str:
    """Every claim as a schema.org ``Claim`` (see the module's docstring), as JSON-LD."""

    def name_of(entity_id: str) -> str:
        entity = dataset.entities.get(entity_id)
        return str(entity.name) if entity is not None else entity_id

    graph = []
    for claim in dataset.claims.values():
        sources = [dataset.sources[s] for s in sorted({e.source for e in claim.evidence})]
        predicate = dataset.predicates.get(claim.predicate)
        said = predicate.label if predicate is not None else claim.predicate
        entry: dict[str, Any] = {
            "id": iri(claim.id),
            "type": "Claim",
            "name": f"{name_of(claim.subject)}: {said}: {value_text(claim.value, name_of)}",
            "about": _agent(dataset, claim.subject),
            "author": _agent(dataset, claim.claimed_by),
            "appearance": [_article(s) for s in sources],
            "citation": [
                {"type": "Quotation", "text": e.quote, "isPartOf": {"id": iri(e.source)}}
                for e in claim.evidence
            ],
        }
        first = first_appearance(sources)
        if first is not None:
            entry["firstAppearance"] = {"id": iri(first.id)}
        graph.append(entry)
    comment = (
        "Claims as the articles report them, each with who asserts it, the articles it appears "
        "in and the verbatim quotes; not fact-checked."
    )
    return _document(SCHEMA_CONTEXT, comment, graph)
