"""The manifest pins every file; one version is stated everywhere."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from factory import DatasetSpec
from kursk_pows import __version__
from kursk_pows.cli import main
from kursk_pows.manifest import build_manifest


def test_manifest_lists_every_file_with_hash_size_and_records(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")
    manifest = build_manifest(root, "1.2.3")
    text = (root / "sources" / "test.txt").read_bytes()
    assert manifest["version"] == "1.2.3"
    assert sorted(manifest["files"]) == [
        "claims.jsonl",
        "entities.jsonl",
        "events.jsonl",
        "exclusions.jsonl",
        "predicates.jsonl",
        "sources.jsonl",
        "sources/test.txt",
    ]
    assert manifest["files"]["sources/test.txt"] == {
        "sha256": hashlib.sha256(text).hexdigest(),
        "bytes": len(text),
    }
    assert manifest["files"]["claims.jsonl"]["records"] == 4


def test_manifest_command_writes_and_checks(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")
    assert main(["manifest", str(root), "--check"]) == 1  # written by the factory as 1.0.0
    assert main(["manifest", str(root)]) == 0
    assert main(["manifest", str(root), "--check"]) == 0
    assert json.loads((root / "manifest.json").read_text())["version"] == __version__
    (root / "claims.jsonl").write_text("")
    assert main(["manifest", str(root), "--check"]) == 1


def test_one_version_everywhere(repo_root: Path) -> None:
    manifest = json.loads((repo_root / "dataset" / "manifest.json").read_text())
    changelog = (repo_root / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, flags=re.M)
    assert top is not None
    assert manifest["version"] == top.group(1) == __version__
    assert main(["manifest", str(repo_root / "dataset"), "--check"]) == 0
