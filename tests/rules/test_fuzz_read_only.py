"""Validation never writes: every file is the same before and after, whatever the input.

The short run of each property is in the default test run; the long run is marked ``slow``
(see tests/fuzzing.py)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from fuzzing import (
    rewrite,
)

import kursk_pows
from factory import DatasetSpec

# -- validation never writes ------------------------------------------------------------------

Snapshot = dict[str, tuple[int, int, int, str | None]]


def snapshot(top: Path) -> Snapshot:
    """Every path under ``top`` (``top`` too): its type, mtime, size and, for files, SHA-256."""
    found: Snapshot = {}
    for path in [top, *top.rglob("*")]:
        info = path.lstat()
        digest = (
            hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else None
        )
        found[str(path.relative_to(top))] = (
            stat.S_IFMT(info.st_mode),
            info.st_mtime_ns,
            info.st_size,
            digest,
        )
    return found


def invalid_dataset(root: Path) -> Path:
    """A dataset with errors, and with defects that ``fmt`` would repair by rewriting files."""
    spec = DatasetSpec()
    spec.one("claim:a.role")["subject"] = "person:nobody"
    spec.one("claim:a.age")["evidence"][0]["start"] += 1
    spec.write(root)
    entities = (root / "entities.jsonl").read_bytes()
    rewrite(root, "entities.jsonl", b"\xef\xbb\xbf" + entities.replace(b"\n", b"\r\n"))
    events = (root / "events.jsonl").read_bytes().splitlines()
    rewrite(root, "events.jsonl", b"\n".join(reversed(events)) + b"\n\n")
    predicates = (root / "predicates.jsonl").read_bytes()
    rewrite(root, "predicates.jsonl", predicates.replace(b'": ', b'":'))
    return root


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kursk_pows", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "invalid"])
def test_validation_never_writes(broken: bool, tmp_path: Path) -> None:
    root = tmp_path / "ds"
    invalid_dataset(root) if broken else DatasetSpec().write(root)
    before = snapshot(tmp_path)
    report = kursk_pows.validate(root)
    assert report.valid is not broken
    if broken:  # the defects fmt repairs are there, and were reported, not repaired
        repairable = {"file-bom", "line-crlf", "line-blank", "records-unsorted"}
        assert repairable | {"line-not-canonical"} <= set(report.codes())
    assert snapshot(tmp_path) == before
    result = run_cli("validate", str(root), "--format", "json", cwd=tmp_path)
    assert result.returncode == (1 if broken else 0), result.stderr
    assert json.loads(result.stdout) == report.to_dict()
    assert snapshot(tmp_path) == before
    # fmt --check and coverage are documented as read-only too; fmt --check says it would write
    result = run_cli("fmt", "--check", str(root), cwd=tmp_path)
    assert result.returncode == (1 if broken else 0), result.stderr
    assert snapshot(tmp_path) == before
    result = run_cli("coverage", "--format", "json", str(root), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path) == before
