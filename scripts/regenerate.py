"""Rewrite the generated files: schema/*.schema.json, docs/rules.md, DATASHEET.md and
tests/bundled_snapshot.json (the bundled data's shape that the tests about its content expect).

Run after changing a model, a rule or the data:  python scripts/regenerate.py
(A data change with a version bump needs no more: scripts/bump.py rewrites DATASHEET.md and the
snapshot, the generated files that depend on the data; review the snapshot's diff.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import kursk_pows
from kursk_pows.records.json_schema import schema_files
from kursk_pows.releases.atomic import write_text_atomic
from kursk_pows.reports.catalog import render_catalog
from kursk_pows.reports.datasheet import write_datasheet

ROOT = Path(__file__).resolve().parent.parent


def write_snapshot() -> None:
    """Rewrite tests/bundled_snapshot.json from dataset/ (the tests' module does it)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import bundled_snapshot
    finally:
        sys.path.remove(str(ROOT / "tests"))
    if bundled_snapshot.write(ROOT / "dataset"):
        print(f"wrote {bundled_snapshot.SNAPSHOT.relative_to(ROOT)}: review its diff")


def main() -> None:
    for name, text in schema_files().items():
        write_text_atomic(ROOT / "schema" / name, text)
    write_text_atomic(ROOT / "docs" / "rules.md", render_catalog())
    try:
        write_datasheet(ROOT / "dataset", kursk_pows.__version__)
    except kursk_pows.DatasetInvalid as exc:
        raise SystemExit(f"DATASHEET.md not written: {exc}") from None
    write_snapshot()


if __name__ == "__main__":
    main()
