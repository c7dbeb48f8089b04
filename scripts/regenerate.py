"""Rewrite the generated files: schema/*.schema.json, docs/rules.md and DATASHEET.md.

Run after changing a model or a rule:  python scripts/regenerate.py
(A change to the data alone never needs it: scripts/bump.py and `kursk-pows manifest` rewrite
DATASHEET.md, the one generated file that depends on the data.)
"""

from __future__ import annotations

from pathlib import Path

import kursk_pows
from kursk_pows.records.json_schema import schema_files
from kursk_pows.releases.atomic import write_text_atomic
from kursk_pows.reports.catalog import render_catalog
from kursk_pows.reports.datasheet import write_datasheet

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for name, text in schema_files().items():
        write_text_atomic(ROOT / "schema" / name, text)
    write_text_atomic(ROOT / "docs" / "rules.md", render_catalog())
    try:
        write_datasheet(ROOT / "dataset", kursk_pows.__version__)
    except kursk_pows.DatasetInvalid as exc:
        raise SystemExit(f"DATASHEET.md not written: {exc}") from None


if __name__ == "__main__":
    main()
