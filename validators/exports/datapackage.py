"""``datapackage.json`` (Frictionless Data Package v2) for a directory of CSV or Parquet tables."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..tables.columns import Column, Table
from .about import DESCRIPTION, LICENSE, TITLE, citation

FIELD_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "date": "date",
    "json": "string",
}
"""The Table Schema type of each column kind (JSON columns are strings of JSON text)."""

MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def file_facts(path: Path) -> tuple[str, int]:
    """A file's SHA-256 (hex) and size in bytes."""
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


def _field(column: Column, keys: Sequence[str]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": FIELD_TYPES[column.kind],
        "description": column.description,
    }
    if column.name in keys:
        field["constraints"] = {"required": True}
    return field


def _schema(table: Table) -> dict[str, Any]:
    return {
        "fields": [_field(c, table.primary_key) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
        "foreignKeys": [
            {"fields": [column], "reference": {"resource": other, "fields": [key]}}
            for column, other, key in table.foreign_keys
        ],
    }


def _resource(directory: Path, table: Table, suffix: str) -> dict[str, Any]:
    name = f"{table.name}.{suffix}"
    sha256, size = file_facts(directory / name)
    resource: dict[str, Any] = {
        "name": table.name,
        "type": "table",
        "path": name,
        "format": suffix,
        "mediatype": MEDIA_TYPES[suffix],
        "encoding": "utf-8",
        "description": table.description,
        "hash": f"sha256:{sha256}",
        "bytes": size,
        "schema": _schema(table),
    }
    if suffix == "csv":
        resource["dialect"] = {"delimiter": ",", "quoteChar": '"', "header": True}
    else:
        del resource["encoding"]
    return resource


def datapackage(directory: Path, tables: Sequence[Table], suffix: str, version: str) -> str:
    """The descriptor of the ``<table>.<suffix>`` files in ``directory``, as JSON text."""
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "kursk-pows",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": version,
        "licenses": [LICENSE],
        "citation": citation(version),
        "resources": [_resource(directory, table, suffix) for table in tables],
    }
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
