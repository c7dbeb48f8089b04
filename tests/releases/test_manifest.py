"""The manifest pins every file; one version is stated everywhere."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec
from kursk_pows import __version__
from kursk_pows.cli import main
from kursk_pows.reading.manifest import build_manifest
from kursk_pows.releases.manifest import write_manifest


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
    write_manifest(root, "0.0.1")  # a version the package never has
    assert main(["manifest", str(root), "--check"]) == 1
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


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=60).map(lambda b: b.replace(b"\x00", b"\n")),
    chunk=st.integers(1, 9),
)
def test_file_entry_read_in_pieces_matches_the_whole_file(data: bytes, chunk: int) -> None:
    """Checksum, size and record count come out the same whatever the size of the pieces."""
    import tempfile

    from kursk_pows.reading import manifest

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.jsonl"
        path.write_bytes(data)
        saved = manifest.CHUNK
        manifest.CHUNK = chunk
        try:
            entry = manifest.file_entry(Path(tmp), "f.jsonl", len(data))
        finally:
            manifest.CHUNK = saved
    assert entry == {
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "records": sum(1 for line in data.split(b"\n") if line.strip()),
    }


def test_the_fix_for_changed_files_is_given_once(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")
    for name in ("claims.jsonl", "events.jsonl"):
        with (root / name).open("a", encoding="utf-8") as file:
            file.write("\n")
    report = kursk_pows.validate(root)
    hints = [i.hint for i in report.issues if i.code == "manifest-mismatch"]
    assert len(hints) == 2
    assert "kursk-pows manifest" in hints[0]
    assert "scripts/bump.py" in hints[0]
    assert hints[1] == "As for the first manifest-mismatch of this run."


def test_writing_the_manifest_says_whether_it_changed(tmp_path: Path) -> None:
    from kursk_pows.releases.manifest import write_manifest

    root = DatasetSpec().write(tmp_path / "ds")
    (root / "manifest.json").unlink()
    assert write_manifest(root, "1.0.0") is True
    assert write_manifest(root, "1.0.0") is False
    assert write_manifest(root, "1.0.1") is True
