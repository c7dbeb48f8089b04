"""``datapackage.json`` (Frictionless Data Package v2) for CSV, Parquet or JSON Lines tables.

Two facts about frictionless 5 shape the Parquet resources.  It reads a Parquet file through
pyarrow and pandas, not through its byte loader, so it knows neither the file's size nor its
hash: a ``bytes`` entry always fails its byte-count check (it compares with ``None``), and
``hash`` is written for other tools but never checked by frictionless.  And pandas turns a null
in an integer or number column into a float NaN, which frictionless reads as the cell ``"nan"``;
those fields therefore list ``"nan"`` as a missing value (an int64 or float64 Parquet column of
ours never holds a NaN, so nothing else can match it).
"""

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
"""Registered media types; JSON Lines has none registered, so it has only its ``format``."""

CSV_FORMULAS = (
    "A string cell whose text begins with =, +, -, @, a tab or a carriage return is written "
    "with an apostrophe (') before it, and quoted, so that a spreadsheet does not run it as a "
    "formula (OWASP: CSV injection); remove that first apostrophe to get the exact value, which "
    "the Parquet, JSON Lines and SQLite exports keep. Number columns are written as they are."
)
"""What the CSV dialect says about cells neutralised as formulas (see ``writers.write_csv``)."""

PARQUET_NULLS = ("integer", "number")
"""Field types whose Parquet nulls frictionless reads as ``"nan"`` (through pandas)."""


def file_facts(path: Path) -> tuple[str, int]:
    """A file's SHA-256 (hex) and size in bytes."""
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


def _field(column: Column, keys: Sequence[str], suffix: str) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": FIELD_TYPES[column.kind],
        "description": column.description,
    }
    if column.name in keys:
        field["constraints"] = {"required": True}
    if suffix == "parquet" and field["type"] in PARQUET_NULLS:
        field["missingValues"] = ["", "nan"]
    return field


def _schema(table: Table, suffix: str) -> dict[str, Any]:
    return {
        "fields": [_field(c, table.primary_key, suffix) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
        "foreignKeys": [
            {"fields": [column], "reference": {"resource": other, "fields": [key]}}
            for column, other, key in table.foreign_keys
        ],
    }


def _format(table: Table, suffix: str, size: int) -> dict[str, Any]:
    """What the format needs: encoding and dialect for text, the size where it is checked."""
    if suffix == "parquet":  # frictionless cannot count a Parquet file's bytes (module doc)
        return {"mediatype": MEDIA_TYPES[suffix]}
    if suffix == "csv":
        return {
            "mediatype": MEDIA_TYPES[suffix],
            "encoding": "utf-8",
            "bytes": size,
            "dialect": {
                "delimiter": ",",
                "quoteChar": '"',
                "header": True,
                "description": CSV_FORMULAS,
            },
        }
    # JSON Lines: the keys named, or frictionless guesses the columns from the first rows
    return {
        "encoding": "utf-8",
        "bytes": size,
        "dialect": {"json": {"keys": list(table.names), "keyed": True}},
    }


def _resource(directory: Path, table: Table, suffix: str) -> dict[str, Any]:
    name = f"{table.name}.{suffix}"
    sha256, size = file_facts(directory / name)
    return {
        "name": table.name,
        "type": "table",
        "path": name,
        "format": suffix,
        "description": table.description,
        "hash": f"sha256:{sha256}",
        **_format(table, suffix, size),
        "schema": _schema(table, suffix),
    }


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
