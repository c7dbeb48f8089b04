"""``metadata.json`` for datasette: title, licence, source, and every table and column described."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..tables.columns import Table
from .about import DESCRIPTION, LICENSE, TITLE, citation
from .sqlite import SEARCHABLE

DATABASE = "kursk-pows"
"""The SQLite file's stem, which datasette uses as the database name."""


def metadata(tables: Sequence[Table], version: str) -> str:
    """Datasette metadata for ``kursk-pows.db``, as JSON text."""
    described = {
        table.name: {
            "description": table.description,
            "columns": {c.name: c.description for c in table.columns},
            **({"fts_table": f"{table.name}_fts"} if table.name in SEARCHABLE else {}),
        }
        for table in tables
    }
    document = {
        "title": TITLE,
        "description": f"{DESCRIPTION} Cite as: {citation(version)}.",
        "license": LICENSE["name"],
        "license_url": LICENSE["path"],
        "databases": {DATABASE: {"tables": described}},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
