"""Files a pull request can ship that are not plain files: links, FIFOs, devices, huge or
unnamable paths, and the leftovers of interrupted writes.  Each is reported as an issue of
the file it concerns; nothing outside the dataset is read, nothing hangs, nothing is hashed
or held in memory beyond the limits."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.config import Config
from kursk_pows.issues import DatasetInvalid
from kursk_pows.reading import manifest as manifest_module
from kursk_pows.releases.atomic import dataset_lock
from kursk_pows.releases.manifest import write_manifest
from kursk_pows.reports.render import render_text

SECRET = "s3cr3t-outside-the-dataset"


@pytest.fixture(autouse=True)
def _never_hang() -> Iterator[None]:
    """A test that would hang (a FIFO read) fails after 20 s instead."""

    def fail(*_: Any) -> None:
        raise TimeoutError("the reader blocked")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _codes(root: Path, config: Config | None = None) -> list[tuple[str, str | None]]:
    report = kursk_pows.validate(root, config=config)
    return sorted((i.code, i.file) for i in report.issues)


def _written(spec: DatasetSpec, tmp_path: Path) -> Path:
    return spec.write(tmp_path / "ds")


def test_a_linked_sources_directory_is_refused_and_nothing_outside_is_printed(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "test.txt").write_text(f"{SECRET}\nroot:x:0:0\n", encoding="utf-8")
    spec.texts.clear()
    root = _written(spec, tmp_path)
    (root / "sources").symlink_to(outside, target_is_directory=True)
    report = kursk_pows.validate(root)
    assert [(i.code, i.record) for i in report.issues if i.severity == "error"] == [
        ("source-path-unsafe", "source:test-article")
    ]
    assert SECRET not in render_text(report, str(root), "0.0.0")
    assert SECRET not in json.dumps(report.to_dict())


def test_a_linked_text_under_sources_is_refused(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.texts.clear()
    root = _written(spec, tmp_path)
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "test.txt").symlink_to(tmp_path / "secret.txt")
    report = kursk_pows.validate(root)
    assert [i.code for i in report.issues if i.severity == "error"] == ["source-path-unsafe"]
    assert SECRET not in render_text(report, str(root), "0.0.0")


@pytest.mark.parametrize(
    "path",
    ["sources/a\0b.txt", "sources/" + "x" * 5000 + ".txt", "sources/" + "y" * 300, "/etc/passwd"],
    ids=["nul", "5000 characters", "name over 255 bytes", "absolute"],
)
def test_an_impossible_source_path_is_an_issue_not_a_crash(
    spec: DatasetSpec, tmp_path: Path, path: str
) -> None:
    spec.one("source:test-article")["path"] = path
    root = _written(spec, tmp_path)
    report = kursk_pows.validate(root)
    unsafe = [i for i in report.issues if i.code == "source-path-unsafe"]
    assert [(i.record, i.pointer) for i in unsafe] == [("source:test-article", "/path")]
    assert len(unsafe[0].message) < 300  # the path is shown cut short and escaped
    assert "\0" not in unsafe[0].message


def test_a_fifo_manifest_does_not_hang(spec: DatasetSpec, tmp_path: Path) -> None:
    root = _written(spec, tmp_path)
    (root / "manifest.json").unlink()
    os.mkfifo(root / "manifest.json")
    assert ("manifest-missing", "manifest.json") in _codes(root)


def test_a_manifest_linked_to_an_endless_device_is_not_read(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = _written(spec, tmp_path)
    (root / "manifest.json").unlink()
    (root / "manifest.json").symlink_to("/dev/zero")
    issues = [i for i in kursk_pows.validate(root).issues if i.code == "manifest-missing"]
    assert [i.file for i in issues] == ["manifest.json"]
    assert "link" in issues[0].message


def test_a_fifo_record_file_does_not_hang(spec: DatasetSpec, tmp_path: Path) -> None:
    root = _written(spec, tmp_path)
    (root / "exclusions.jsonl").unlink()
    os.mkfifo(root / "exclusions.jsonl")
    assert ("file-unreadable", "exclusions.jsonl") in _codes(root)


def test_a_record_file_over_the_limit_is_neither_read_nor_hashed(
    spec: DatasetSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _written(spec, tmp_path)
    hashed: list[str] = []
    real_open = manifest_module.open_in_dataset

    @contextlib.contextmanager
    def recording_open(root: Path, relative: str, max_bytes: int) -> Iterator[BinaryIO]:
        with real_open(root, relative, max_bytes) as stream:
            hashed.append(relative)
            yield stream

    monkeypatch.setattr(manifest_module, "open_in_dataset", recording_open)
    size = (root / "claims.jsonl").stat().st_size
    report = kursk_pows.validate(root, Config(max_file_bytes=size - 1))
    # the claims go unread, so their sentences are uncovered; the manifest does not complain
    assert {(i.code, i.file) for i in report.errors} == {
        ("file-too-large", "claims.jsonl"),
        ("sentence-uncovered", "sources.jsonl"),
    }
    assert "claims.jsonl" not in hashed
    assert "sources.jsonl" in hashed  # the manifest was checked, without the large file


def test_a_source_text_over_the_limit_is_not_read(spec: DatasetSpec, tmp_path: Path) -> None:
    root = _written(spec, tmp_path)
    with (root / "sources" / "test.txt").open("r+b") as stream:
        stream.truncate(5 << 30)  # sparse: 5 GiB that take no space
    report = kursk_pows.validate(root)
    found = [i for i in report.issues if i.code.startswith("source-text")]
    assert [(i.code, i.record) for i in found] == [("source-text-invalid", "source:test-article")]
    assert "above the limit" in found[0].message


def test_load_raises_only_dataset_invalid_on_hostile_files(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = _written(spec, tmp_path)
    (root / "manifest.json").unlink()
    os.mkfifo(root / "manifest.json")
    (root / "events.jsonl").unlink()
    (root / "events.jsonl").symlink_to("/dev/zero")
    with pytest.raises(DatasetInvalid) as raised:
        kursk_pows.load(root)
    codes = {i.code for i in raised.value.report.issues}
    assert {"manifest-missing", "file-unreadable"} <= codes


def test_leftovers_of_an_interrupted_write_are_never_listed_and_are_removed(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = _written(spec, tmp_path)
    leftover = root / ".claims.jsonl.k2j4x9.tmp"
    leftover.write_bytes(b'{"id": "claim:partial"')
    assert _codes(root) == []
    write_manifest(root, "0.0.1")
    listed = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert not leftover.exists()
    assert not any(name.endswith(".tmp") for name in listed)


def test_manifest_waits_for_a_running_fmt(spec: DatasetSpec, tmp_path: Path) -> None:
    root = _written(spec, tmp_path)
    finished = threading.Event()

    def rewrite() -> None:
        write_manifest(root, "0.0.2")
        finished.set()

    with dataset_lock(root):
        writer = threading.Thread(target=rewrite)
        writer.start()
        assert not finished.wait(0.5)
        (root / "exclusions.jsonl").write_text("", encoding="utf-8")  # fmt's write, in effect
    writer.join(10)
    assert finished.is_set()
    listed = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert listed["exclusions.jsonl"]["bytes"] == 0


def test_a_dataset_that_is_not_a_directory_cannot_be_locked_and_says_why(tmp_path: Path) -> None:
    from kursk_pows.reading.safe_files import UnsafeFile

    (tmp_path / "file").write_text("x", encoding="utf-8")
    for root, why in (
        (tmp_path / "absent", "No such file or directory"),
        (tmp_path / "file", "Not a directory"),
    ):
        with pytest.raises(UnsafeFile) as refused, dataset_lock(root):
            pass
        assert refused.value.reason == "unreadable"
        assert refused.value.message == f"cannot lock the dataset directory: {why}"
