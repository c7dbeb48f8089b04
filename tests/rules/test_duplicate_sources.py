"""A source record that repeats another's id is checked against its own file."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import kursk_pows
from factory import DatasetSpec


def test_a_duplicate_source_id_is_checked_against_its_own_path(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    first = spec.one("source:test-article")
    second = copy.deepcopy(first)
    second["path"] = "sources/other.txt"  # the first file's sha256 kept: wrong for this file
    spec.records["source"].append(second)
    spec.texts["sources/other.txt"] = b"Another text.\n"
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    mismatches = [i for i in report.issues if i.code == "source-checksum-mismatch"]
    other = hashlib.sha256(b"Another text.\n").hexdigest()
    assert [i.message for i in mismatches] == [
        f"sources/other.txt has sha256 {other}, the record says {first['sha256']}"
    ]
