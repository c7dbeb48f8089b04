"""Writes are atomic: an interrupted write leaves the old file whole and no debris."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kursk_pows.releases.atomic import write_atomic, write_text_atomic


def test_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text("old\n")
    path.chmod(0o640)
    write_text_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.jsonl"]


def test_interrupted_write_leaves_old_file(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text("old line 1\nold line 2\n")

    def chunks() -> Iterator[bytes]:
        yield b"new line 1\n"
        raise KeyboardInterrupt  # the process is interrupted half-way through the write

    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, chunks())
    assert path.read_text() == "old line 1\nold line 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.jsonl"]


def test_failed_rename_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text("old\n")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.jsonl"]


def test_creates_a_new_file_with_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.md", "text")
    finally:
        os.umask(old)
    assert (tmp_path / "new.md").read_text() == "text"
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o644


def test_leftovers_are_the_temporary_files_only(tmp_path: Path) -> None:
    """The temporary files of interrupted writes are removed and named; a directory or a
    record file is left alone whatever its name."""
    from kursk_pows.releases.atomic import remove_leftovers

    for name in (".claims.jsonl.1a2b.tmp", ".sources.jsonl.3c4d.tmp", "claims.jsonl"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".a-directory.tmp").mkdir()
    assert remove_leftovers(tmp_path) == [".claims.jsonl.1a2b.tmp", ".sources.jsonl.3c4d.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a-directory.tmp", "claims.jsonl"]
