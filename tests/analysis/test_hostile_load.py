"""load() raises DatasetInvalid, and the CLI exits 1, for anything wrong with the data."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.issues import DatasetInvalid
from kursk_pows.reading import safe_files


def _fifo(name: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / name).unlink()
        os.mkfifo(root / name)

    return make


def _link(name: str, target: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / name).unlink()
        (root / name).symlink_to(target)

    return make


def _append(name: str, data: bytes) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        with (root / name).open("ab") as stream:
            stream.write(data)

    return make


def _directory(name: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / name).unlink()
        (root / name).mkdir()

    return make


HOSTILE: dict[str, Callable[[Path], None]] = {
    "FIFO record file": _fifo("claims.jsonl"),
    "FIFO manifest": _fifo("manifest.json"),
    "manifest linked to /dev/zero": _link("manifest.json", "/dev/zero"),
    "record file linked to /etc/passwd": _link("entities.jsonl", "/etc/passwd"),
    "dangling link": _link("events.jsonl", "nowhere.jsonl"),
    "directory for a record file": _directory("predicates.jsonl"),
    "invalid UTF-8": _append("claims.jsonl", b'{"id": "\xff"}\n'),
    "NUL in a line": _append("claims.jsonl", b'{"id": "a\x00"}\n'),
    "huge integer": _append("claims.jsonl", b'{"id": ' + b"9" * 5000 + b"}\n"),
    "deep nesting": _append("claims.jsonl", b"[" * 10000 + b"]" * 10000 + b"\n"),
    "NaN": _append("claims.jsonl", b'{"id": NaN}\n'),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_load_raises_dataset_invalid_and_the_cli_exits_1(
    name: str, spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = spec.write(tmp_path / "ds")
    HOSTILE[name](root)
    with pytest.raises(DatasetInvalid) as raised:
        kursk_pows.load(root)
    assert raised.value.report.errors
    assert main(["validate", str(root)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_file_the_reader_may_not_open_is_an_issue(
    spec: DatasetSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mode-000 file: simulated, since the tests may run as root, whom modes do not stop."""
    root = spec.write(tmp_path / "ds")
    real_open = os.open

    def refusing(path: str | Path, flags: int, *args: object, **kwargs: object) -> int:
        if str(path) == "entities.jsonl":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(safe_files.os, "open", refusing)
    with pytest.raises(DatasetInvalid) as raised:
        kursk_pows.load(root)
    found = [(i.code, i.file) for i in raised.value.report.errors if i.file == "entities.jsonl"]
    assert found == [("file-unreadable", "entities.jsonl")]
    assert main(["validate", str(root)]) == 1
