"""tests/bundled_snapshot.json describes the bundled data as it is: the one place the tests
about the bundled data's content take their expectations from."""

from __future__ import annotations

import json
from pathlib import Path

import bundled_snapshot

from kursk_pows.reading.locations import bundled


def test_snapshot_matches_the_bundled_data() -> None:
    assert bundled_snapshot.build(bundled("dataset")) == bundled_snapshot.expected(), (
        f"{bundled_snapshot.SNAPSHOT} is out of date with the bundled dataset: run "
        f"{bundled_snapshot.REGENERATE} (scripts/bump.py also does) and review the diff"
    )


def test_snapshot_counts_lines_and_retractions_and_sentences(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "000_a.txt").write_text("One. Two!\nThree", encoding="utf-8")
    source = {"id": "source:a", "path": "sources/000_a.txt"}
    (root / "sources.jsonl").write_text(json.dumps(source) + "\n", encoding="utf-8")
    claims = [{"id": "claim:a"}, {"id": "claim:b", "status": "retracted"}, {"id": "claim:c"}]
    (root / "claims.jsonl").write_text(
        "".join(json.dumps(c) + "\n" for c in claims) + "\n", encoding="utf-8"
    )
    for kind in ("predicates", "entities", "events", "exclusions"):
        (root / f"{kind}.jsonl").write_text("", encoding="utf-8")
    built = bundled_snapshot.build(root)
    assert built["records"] == {
        "predicates": 0,
        "sources": 1,
        "entities": 0,
        "events": 0,
        "claims": 3,
        "exclusions": 0,
    }
    assert built["active_records"]["claims"] == 2
    assert built["sentences"] == {"source:a": 3}
    written = tmp_path / "snapshot.json"
    assert bundled_snapshot.write(root, written) is True
    assert bundled_snapshot.write(root, written) is False
    assert json.loads(written.read_text(encoding="utf-8")) == built
