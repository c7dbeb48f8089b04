"""The claims' provenance as PROV-O, in Turtle (extra ``rdf``: rdflib writes it).

A claim is a ``prov:Entity`` attributed to its claimant.  Each evidence item is a report, part
of its article (``dcterms:isPartOf``), whose chain of ``prov:wasDerivedFrom`` runs back through
one relay per intermediary (each attributed to that intermediary, nearest to the speaker
first) to the claim, which is also its ``prov:hadPrimarySource``; the report's ``prov:value``
is the verbatim quote.  The SHACL shapes in ``prov_shapes.ttl`` say what each must have.
Events, which no one claims, are left out.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

from ..tables.extras import need
from .linked import iri

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset

VOCABULARY = "urn:kursk-pows:vocab:"


def shapes() -> str:
    """The SHACL shapes (Turtle) every PROV export conforms to."""
    return resources.files(__package__).joinpath("prov_shapes.ttl").read_text(encoding="utf-8")


def prov_turtle(dataset: Dataset) -> str:
    """The claims' provenance (see the module's docstring) as Turtle text."""
    rdflib: Any = need("rdflib", "rdf")
    namespace = rdflib.namespace
    prov, dcterms, rdf = namespace.PROV, namespace.DCTERMS, namespace.RDF
    kp = rdflib.Namespace(VOCABULARY)
    graph = rdflib.Graph()
    graph.bind("prov", prov)
    graph.bind("dcterms", dcterms)
    graph.bind("kp", kp)

    def node(name: str, *types: Any) -> Any:
        found = rdflib.URIRef(name)
        for kind in types:
            graph.add((found, rdf.type, kind))
        return found

    for source_id in dataset.sources:
        node(iri(source_id), prov.Entity, kp.Article)
    for claim in dataset.claims.values():
        this = node(iri(claim.id), prov.Entity, kp.Claim)
        graph.add((this, prov.wasAttributedTo, node(iri(claim.claimed_by), prov.Agent)))
        for position, item in enumerate(claim.evidence):
            report = f"{iri(claim.id)}/evidence/{position}"
            earlier = this
            for hop, intermediary in enumerate(item.via):
                relay = node(f"{report}/via/{hop}", prov.Entity, kp.Relay)
                graph.add((relay, prov.wasDerivedFrom, earlier))
                graph.add((relay, prov.wasAttributedTo, node(iri(intermediary), prov.Agent)))
                earlier = relay
            told = node(report, prov.Entity, kp.Report)
            graph.add((told, prov.wasDerivedFrom, earlier))
            graph.add((told, prov.hadPrimarySource, this))
            graph.add((told, dcterms.isPartOf, node(iri(item.source))))
            graph.add((told, prov.value, rdflib.Literal(item.quote)))
    text: str = graph.serialize(format="turtle")
    return text
