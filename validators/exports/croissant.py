"""``croissant.json`` (Croissant 1.1) for CSV, Parquet or JSON Lines tables: files, record sets,
and the Responsible AI fields (data collection, limitations, biases, personal information)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..tables.columns import Column, Table
from .about import DESCRIPTION, LICENSE, TITLE, citation
from .datapackage import CSV_FORMULAS, file_facts

DATA_TYPES = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "boolean": "sc:Boolean",
    "date": "sc:Date",
    "json": "sc:Text",
}
"""The Croissant data type of each column kind (JSON columns are text)."""

ENCODINGS = {
    "csv": "text/csv",
    "parquet": "application/x-parquet",
    "jsonl": "application/jsonlines",
}
"""The ``encodingFormat`` mlcroissant reads each file suffix by."""

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "prov": "http://www.w3.org/ns/prov#",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
"""Croissant 1.1's standard JSON-LD context, plus ``prov:`` for provenance."""

RAI = {
    "rai:dataCollection": (
        "The news articles were saved as received and shipped unchanged as text files; their "
        "SHA-256 hashes are recorded. Nothing was collected from people directly."
    ),
    "rai:dataCollectionType": "Secondary Data Analysis",
    "rai:dataAnnotationProtocol": (
        "Each fact an article states is recorded as a claim (subject, predicate, value) by "
        "whoever asserts it, with the verbatim quote that states it, checked character for "
        "character against the shipped text. Dates and counts are intervals with the "
        "precision the text gives; what a text does not say is left null. Sentences stating "
        "no fact are listed as exclusions with a reason."
    ),
    "rai:dataAnnotationPlatform": "Hand-edited JSON Lines, checked by the kursk-pows validator.",
    "rai:dataLimitations": (
        "Only the articles shipped in the dataset; the claims are what the articles report, "
        "attributed to their asserters, not verified facts. Prisoners' statements reached the "
        "articles through intermediaries (recorded per quote)."
    ),
    "rai:dataBiases": (
        "The sources are Western and Ukrainian-side news reports; other parties' accounts are "
        "present only as those articles relay them."
    ),
    "rai:personalSensitiveInformation": (
        "Two prisoners of war are described by age, origin and statements; they are not named "
        "in the articles and not in the data."
    ),
}


def _field(table: Table, column: Column, suffix: str) -> dict[str, Any]:
    return {
        "@type": "cr:Field",
        "@id": f"{table.name}/{column.name}",
        "name": column.name,
        "description": column.description,
        "dataType": DATA_TYPES[column.kind],
        "source": {
            "fileObject": {"@id": f"{table.name}.{suffix}"},
            "extract": {"column": column.name},
        },
    }


def _record_set(table: Table, suffix: str) -> dict[str, Any]:
    return {
        "@type": "cr:RecordSet",
        "@id": table.name,
        "name": table.name,
        "description": table.description,
        "key": [{"@id": f"{table.name}/{name}"} for name in table.primary_key],
        "field": [_field(table, column, suffix) for column in table.columns],
    }


def _file(directory: Path, table: Table, suffix: str) -> dict[str, Any]:
    name = f"{table.name}.{suffix}"
    sha256, size = file_facts(directory / name)
    return {
        "@type": "cr:FileObject",
        "@id": name,
        "name": name,
        "description": f"{table.description} {CSV_FORMULAS}"
        if suffix == "csv"
        else table.description,
        "contentUrl": name,
        "contentSize": f"{size} B",
        "encodingFormat": ENCODINGS[suffix],
        "sha256": sha256,
    }


def croissant(
    directory: Path,
    tables: Sequence[Table],
    suffix: str,
    version: str,
    published: str | None = None,
) -> str:
    """The Croissant descriptor of the ``<table>.<suffix>`` files in ``directory``, as JSON text.

    ``published`` is the version's release date (``YYYY-MM-DD``), left out when unknown.
    """
    descriptor = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.1",
        "name": "kursk-pows",
        "alternateName": TITLE,
        "description": DESCRIPTION,
        "version": version,
        **({"datePublished": published} if published else {}),
        "license": LICENSE["path"],
        "citeAs": citation(version),
        "url": "https://pypi.org/project/kursk-pows/",
        "keywords": ["prisoners of war", "claims", "provenance", "news"],
        "creator": {"@type": "sc:Organization", "name": "kursk-pows maintainers"},
        **RAI,
        "prov:wasDerivedFrom": [
            {"@id": "dataset/sources", "name": "the news articles shipped in the package"}
        ],
        "prov:wasGeneratedBy": {
            "@type": "prov:Activity",
            "name": f"kursk-pows export --format {suffix} (kursk-pows {version})",
        },
        "distribution": [_file(directory, table, suffix) for table in tables],
        "recordSet": [_record_set(table, suffix) for table in tables],
    }
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
