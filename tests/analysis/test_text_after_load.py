"""``Dataset.text()`` gives only the text that was validated: a source text changed or removed
after ``load()`` raises ``DatasetInvalid`` (time of check, time of use)."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from types import SimpleNamespace

import pytest

import kursk_pows
from factory import SOURCE_ID, TEXT, DatasetSpec
from kursk_pows.issues import DatasetInvalid

CHANGED = TEXT.replace("1999", "1998")


def _loaded(spec: DatasetSpec, tmp_path: Path) -> tuple[kursk_pows.Dataset, Path]:
    root = spec.write(tmp_path / "ds")
    return kursk_pows.load(root), root


def test_a_text_changed_after_load_is_refused(spec: DatasetSpec, tmp_path: Path) -> None:
    dataset, root = _loaded(spec, tmp_path)
    (root / "sources" / "test.txt").write_text(CHANGED, encoding="utf-8")
    with pytest.raises(DatasetInvalid) as raised:
        dataset.text(SOURCE_ID)
    report = raised.value.report
    assert report.flatten("code", "file", "record", "pointer") == [
        ("source-checksum-mismatch", "sources/test.txt", SOURCE_ID, "/sha256")
    ]
    recorded = hashlib.sha256(TEXT.encode()).hexdigest()
    now = hashlib.sha256(CHANGED.encode()).hexdigest()
    (issue,) = report.issues
    assert issue.message == (
        f"sources/test.txt changed after the dataset was loaded: it has sha256 {now}, "
        f"the record says {recorded}"
    )
    assert issue.hint == "load the dataset again (kursk_pows.load), which validates it anew"
    with pytest.raises(DatasetInvalid):  # and again: nothing wrong was kept
        dataset.text(SOURCE_ID)


def test_a_text_removed_after_load_is_refused(spec: DatasetSpec, tmp_path: Path) -> None:
    dataset, root = _loaded(spec, tmp_path)
    (root / "sources" / "test.txt").unlink()
    with pytest.raises(DatasetInvalid) as raised:
        dataset.text(SOURCE_ID)
    assert raised.value.report.flatten("code", "file", "record", "pointer") == [
        ("source-text-missing", "sources/test.txt", SOURCE_ID, "/path")
    ]


def test_the_same_bytes_rewritten_are_accepted(spec: DatasetSpec, tmp_path: Path) -> None:
    dataset, root = _loaded(spec, tmp_path)
    (root / "sources" / "test.txt").write_text(TEXT, encoding="utf-8")
    assert dataset.text(SOURCE_ID) == TEXT


def test_a_text_read_once_is_kept(spec: DatasetSpec, tmp_path: Path) -> None:
    dataset, root = _loaded(spec, tmp_path)
    assert dataset.text(SOURCE_ID) == TEXT
    (root / "sources" / "test.txt").write_text(CHANGED, encoding="utf-8")
    assert dataset.text(SOURCE_ID) == TEXT


def test_a_text_that_cannot_be_read_is_refused_even_when_its_checksum_agrees(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    """Bytes that are not UTF-8 have a checksum but no text: the checksum agreeing (here by
    giving the record the new bytes' digest) must not let ``None`` through as the text."""
    dataset, root = _loaded(spec, tmp_path)
    (root / "sources" / "test.txt").write_bytes(b"\xff\xfe not UTF-8")
    source = dataset.sources[SOURCE_ID]
    digest = hashlib.sha256(b"\xff\xfe not UTF-8").hexdigest()
    record = SimpleNamespace(id=source.id, path=source.path, sha256=digest)
    agreeing = dataclasses.replace(dataset, sources={SOURCE_ID: record})
    with pytest.raises(DatasetInvalid):
        agreeing.text(SOURCE_ID)
