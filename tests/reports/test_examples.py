"""The catalog's examples as edits: what ``apply`` does to the manifest, and how ``describe``
shows the bytes of an edit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from factory import DatasetSpec
from kursk_pows.reading.manifest import MANIFEST, read_version
from kursk_pows.reports.examples import Example

LINE = b'{"id": "claim:x"}'


def test_an_edit_keeps_the_manifests_version_and_brings_it_up_to_date(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")  # the factory's manifest states 1.0.0
    Example("claims.jsonl", append=LINE).apply(root)
    assert read_version(root) == "1.0.0"
    listed = json.loads((root / MANIFEST).read_text(encoding="utf-8"))["files"]["claims.jsonl"]
    data = (root / "claims.jsonl").read_bytes()
    assert data.endswith(LINE + b"\n")
    assert listed["sha256"] == hashlib.sha256(data).hexdigest()


def test_an_edit_to_a_dataset_without_a_manifest_makes_none(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    spec.manifest = False
    root = spec.write(tmp_path / "ds")
    Example("claims.jsonl", append=LINE).apply(root)
    assert not (root / MANIFEST).exists()


def test_a_manifest_without_a_version_is_rewritten_as_0_0_0(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")
    (root / MANIFEST).write_text("{}\n", encoding="utf-8")
    Example("claims.jsonl", append=LINE).apply(root)
    assert read_version(root) == "0.0.0"


def test_bytes_are_shown_whole_up_to_300_characters() -> None:
    whole = Example("sources/x.txt", create=b"a" * 300).describe()
    assert "a" * 300 in whole
    cut = Example("sources/x.txt", create=b"b" * 301).describe()
    assert "b" * 141 not in cut
    assert "b" * 140 + " ... " + "b" * 60 + "\n" in cut
