"""Rewrite the generated files: schema/*.schema.json and docs/rules.md.

Run after changing a model or a rule:  python scripts/regenerate.py
"""

from __future__ import annotations

from pathlib import Path

from kursk_pows.catalog import render_catalog
from kursk_pows.schema_gen import schema_files

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for name, text in schema_files().items():
        (ROOT / "schema" / name).write_text(text, encoding="utf-8")
    (ROOT / "docs" / "rules.md").write_text(render_catalog(), encoding="utf-8")


if __name__ == "__main__":
    main()
