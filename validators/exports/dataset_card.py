"""A Hugging Face dataset card (``README.md``) for the Parquet export: one config per table, so
``datasets.load_dataset(EXPORT_DIR, "claims")`` loads a table by name."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..tables.columns import Table
from .about import DESCRIPTION, LICENSE, TITLE, citation

DEFAULT_TABLE = "claims"
"""The config ``load_dataset(EXPORT_DIR)`` loads when none is named."""


def _yaml(text: str) -> str:
    """A YAML scalar: JSON's double-quoted string is one (YAML 1.2 reads JSON)."""
    return json.dumps(text, ensure_ascii=False)


def dataset_card(tables: Sequence[Table], version: str) -> str:
    """The card's text: YAML front matter with a config per ``<table>.parquet``, then prose."""
    lines = [
        "---",
        f"pretty_name: {_yaml(TITLE)}",
        f"license: {LICENSE['name'].lower()}",
        "language:",
        "- en",
        "tags:",
        "- claims",
        "- provenance",
        "- news",
        "configs:",
    ]
    for table in tables:
        lines.append(f"- config_name: {table.name}")
        lines.append(f"  data_files: {table.name}.parquet")
        if table.name == DEFAULT_TABLE:
            lines.append("  default: true")
    lines += ["---", "", f"# {TITLE}", "", DESCRIPTION, "", f"Version {version}.", ""]
    lines += ["## Tables", ""]
    lines += [f"- `{table.name}`: {table.description}" for table in tables]
    lines += ["", "## Citation", "", citation(version), ""]
    return "\n".join(lines)
