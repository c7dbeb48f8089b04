"""The linked-data exports, each read by an independent implementation of its standard:
rdflib's JSON-LD and Turtle parsers with SPARQL, pySHACL for the shapes, and Hugging Face
``datasets`` for the dataset card.  Expectations come from the records, never from the
writers."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import rdflib
from pyshacl import validate as shacl_validate

import kursk_pows
from kursk_pows.exports import export
from kursk_pows.exports.linked import first_appearance
from kursk_pows.tables.extras import ExtraMissing

OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
URN = "urn:kursk-pows:"


def _graph(path: Path, format: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(path, format=format)
    return graph


def _id(node: Any) -> str:
    text = str(node)
    assert text.startswith(URN), text
    return text[len(URN) :]


@pytest.fixture(scope="module")
def documents(dataset: kursk_pows.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dataset (retracted records included: tests/conftest.py) in each format."""
    out = tmp_path_factory.mktemp("linked")
    for format in ("annotations", "schemaorg", "prov", "parquet"):
        export(dataset, out / format, format, "1.2.3")
    return out


def test_every_evidence_span_is_an_annotation_that_re_anchors(
    dataset: kursk_pows.Dataset, documents: Path
) -> None:
    graph = _graph(documents / "annotations" / "annotations.jsonld", "json-ld")
    oa = rdflib.Namespace(OA)

    def one(node: Any, predicate: Any) -> Any:
        (found,) = graph.objects(node, predicate)
        return found

    rows = []
    for annotation in graph.subjects(rdflib.RDF.type, oa.Annotation):
        assert one(annotation, oa.motivatedBy) == oa.linking
        target = one(annotation, oa.hasTarget)
        selectors = {one(s, rdflib.RDF.type): s for s in graph.objects(target, oa.hasSelector)}
        quote = selectors[oa.TextQuoteSelector]
        at = selectors.get(oa.TextPositionSelector)
        context = [next(graph.objects(quote, p), None) for p in (oa.prefix, oa.suffix)]
        place = [one(at, p) for p in (oa.start, oa.end)] if at is not None else [None, None]
        rows.append(
            (
                annotation,
                one(annotation, oa.hasBody),
                one(target, oa.hasSource),
                one(quote, oa.exact),
                *context,
                *place,
            )
        )
    expected = {
        (record.id, item.source, item.quote)
        for record in (*dataset.claims.values(), *dataset.events.values())
        for item in record.evidence
    }
    found = set()
    for annotation, body, source, exact, prefix, suffix, start, end in rows:
        text = dataset.text(_id(source))
        found.add((_id(body), _id(source), str(exact)))
        assert str(annotation).startswith(str(body) + "/evidence/")
        if start is not None:
            assert text[int(start) : int(end)] == str(exact)
            assert text[int(start) - len(prefix) : int(end) + len(suffix)] == (
                f"{prefix}{exact}{suffix}"
            )
        else:
            assert str(exact) in text
    assert found == expected
    assert len(rows) == sum(
        len(r.evidence) for r in (*dataset.claims.values(), *dataset.events.values())
    )


def test_every_claim_is_a_schema_org_claim_with_author_and_appearances(
    dataset: kursk_pows.Dataset, documents: Path
) -> None:
    graph = _graph(documents / "schemaorg" / "claims.jsonld", "json-ld")
    schema = rdflib.Namespace(SCHEMA)
    claims = set(graph.subjects(rdflib.RDF.type, schema.Claim))
    assert {_id(c) for c in claims} == set(dataset.claims)
    assert not list(graph.subjects(rdflib.RDF.type, schema.ClaimReview))
    for node in claims:
        claim = dataset.claims[_id(node)]
        (author,) = graph.objects(node, schema.author)
        assert _id(author) == claim.claimed_by
        appearances = {_id(a) for a in graph.objects(node, schema.appearance)}
        assert appearances == {e.source for e in claim.evidence}
        for article in appearances:
            assert (rdflib.URIRef(URN + article), rdflib.RDF.type, schema.NewsArticle) in graph
        quotes = {
            str(q)
            for cited in graph.objects(node, schema.citation)
            for q in graph.objects(cited, schema.text)
        }
        assert quotes == {e.quote for e in claim.evidence}


def _source(earliest: str | None, latest: str | None) -> Any:
    day = dt.date.fromisoformat
    return SimpleNamespace(
        published=SimpleNamespace(
            earliest=day(earliest) if earliest else None, latest=day(latest) if latest else None
        )
    )


def test_first_appearance_only_when_the_dates_settle_it() -> None:
    early, later = _source("2025-01-09", "2025-01-09"), _source("2025-01-10", None)
    assert first_appearance([later, early]) is early
    overlapping = _source("2025-01-09", "2025-01-10")
    assert first_appearance([overlapping, later]) is None  # both may be from the 10th
    assert first_appearance([_source("2025-01-09", None), later]) is None  # no end: unknown
    assert first_appearance([early]) is early


def test_provenance_chains_conform_to_the_shipped_shapes(
    dataset: kursk_pows.Dataset, documents: Path
) -> None:
    graph = _graph(documents / "prov" / "prov.ttl", "turtle")
    shapes = _graph(documents / "prov" / "prov-shapes.ttl", "turtle")
    conforms, _, report = shacl_validate(graph, shacl_graph=shapes)
    assert conforms, report
    prov = rdflib.namespace.PROV
    relayed = [
        (claim, position, item)
        for claim in dataset.claims.values()
        for position, item in enumerate(claim.evidence)
        if item.via
    ]
    assert relayed
    for claim, position, item in relayed:
        node = rdflib.URIRef(f"{URN}{claim.id}/evidence/{position}")
        assert {_id(a) for a in graph.objects(node, rdflib.namespace.DCTERMS.isPartOf)} == {
            item.source
        }
        speakers = []
        (node,) = graph.objects(node, prov.wasDerivedFrom)
        while (node, rdflib.RDF.type, rdflib.URIRef("urn:kursk-pows:vocab:Relay")) in graph:
            (agent,) = graph.objects(node, prov.wasAttributedTo)
            speakers.append(_id(agent))
            (node,) = graph.objects(node, prov.wasDerivedFrom)
        assert _id(node) == claim.id
        (claimant,) = graph.objects(node, prov.wasAttributedTo)
        assert speakers == list(reversed(item.via))  # nearest the article first, going back
        assert _id(claimant) == claim.claimed_by


def test_the_shapes_catch_a_claim_without_a_claimant(documents: Path) -> None:
    graph = _graph(documents / "prov" / "prov.ttl", "turtle")
    shapes = _graph(documents / "prov" / "prov-shapes.ttl", "turtle")
    removed = next(iter(graph.triples((None, rdflib.namespace.PROV.wasAttributedTo, None))))
    graph.remove(removed)
    conforms, _, _ = shacl_validate(graph, shacl_graph=shapes)
    assert not conforms


def test_hugging_face_loads_every_table_by_name(
    dataset: kursk_pows.Dataset, documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets  # after the settings above, which it reads when imported

    directory = str(documents / "parquet")
    for name in ("claims", "evidence", "propositions", "source_texts"):
        loaded = datasets.load_dataset(directory, name, split="train", cache_dir=tmp_path)
        assert loaded.num_rows == len(dataset.rows(name))
        assert loaded.column_names == list(dataset.rows(name)[0])
    default = datasets.load_dataset(directory, split="train", cache_dir=tmp_path)
    assert default.num_rows == len(dataset.claims)  # the claims table is the default


def test_prov_without_rdflib_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "rdflib", None)
    with pytest.raises(ExtraMissing, match=r"kursk-pows\[rdf\]"):
        export(kursk_pows.load(), tmp_path / "out", "prov", "1.2.3")
    assert not (tmp_path / "out").exists()
