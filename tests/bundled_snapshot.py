"""What the tests about the bundled data's content expect of it, kept in one file.

``tests/bundled_snapshot.json`` records the shape of ``dataset/``: how many records each file
holds (all of them, and those not retracted) and how many sentences each article's text splits
into.  Tests that are about the bundled data read their expectations from it, never from numbers
written into their code, so that adding an article changes one reviewed file and no test.

Rewrite it after changing the data with ``python scripts/regenerate.py`` (``scripts/bump.py``
also rewrites it) and read the diff: it is the change in the data's shape that the tests will
now expect.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).resolve().with_name("bundled_snapshot.json")
REGENERATE = "python scripts/regenerate.py"
KINDS = ("predicates", "sources", "entities", "events", "claims", "exclusions")


def _records(root: Path, kind: str) -> list[dict[str, Any]]:
    lines = (root / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def build(root: Path) -> dict[str, Any]:
    """The snapshot of the dataset directory ``root``.  Record counts are lines of the files
    (not the validator's counts, which the tests check against them); sentence counts are the
    splitter's, pinned here so that a change to the splitter shows as a change to this file."""
    from kursk_pows.reading.sentences import split_sentences

    records = {kind: _records(root, kind) for kind in KINDS}
    sentences = {
        source["id"]: len(split_sentences((root / source["path"]).read_text(encoding="utf-8")))
        for source in records["sources"]
    }
    return {
        "about": f"The bundled dataset's shape, as its tests expect it. Written by {REGENERATE}; "
        "do not edit by hand.",
        "records": {kind: len(found) for kind, found in records.items()},
        "active_records": {
            kind: sum(1 for r in found if r.get("status", "active") == "active")
            for kind, found in records.items()
        },
        "sentences": dict(sorted(sentences.items())),
    }


def render(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, indent=2, ensure_ascii=False) + "\n"


def write(root: Path, path: Path = SNAPSHOT) -> bool:
    """Rewrite the snapshot from ``root``; return whether it changed."""
    text = render(build(root))
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def expected() -> dict[str, Any]:
    """The snapshot as stored, for the tests to compare the bundled data with."""
    stored: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    return stored
