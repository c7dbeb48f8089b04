"""``load(path)`` raises only ``DatasetInvalid`` for any path that is not a dataset directory,
with one issue naming the path and what to do; a path of the wrong type is a ``TypeError``."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import kursk_pows
from kursk_pows.cli import main
from kursk_pows.issues import DatasetInvalid


def _missing(tmp_path: Path) -> str:
    return str(tmp_path / "nowhere")


def _file(tmp_path: Path) -> str:
    (tmp_path / "claims.jsonl").write_text("{}\n", encoding="utf-8")
    return str(tmp_path / "claims.jsonl")


def _fifo(tmp_path: Path) -> str:
    os.mkfifo(tmp_path / "pipe")
    return str(tmp_path / "pipe")


def _nul(tmp_path: Path) -> str:
    return str(tmp_path) + "/data\x00set"


def _tilde(tmp_path: Path) -> str:
    return "~"  # not expanded: a directory named "~" in the current directory (there is none)


def _tilde_user(tmp_path: Path) -> str:
    return "~/kursk-pows-dataset"


def _long_name(tmp_path: Path) -> str:
    return str(tmp_path / ("x" * 300))


def _long_path(tmp_path: Path) -> str:
    return str(tmp_path / "/".join(["d" * 200] * 30))


PATHS: dict[str, tuple[Callable[[Path], str], str, str]] = {
    "missing": (_missing, "file-missing", "does not exist"),
    "a regular file": (_file, "file-unreadable", "is not a directory"),
    "/dev/zero": (lambda tmp_path: "/dev/zero", "file-unreadable", "is not a directory"),
    "a FIFO": (_fifo, "file-unreadable", "is not a directory"),
    "NUL in the path": (_nul, "file-unreadable", "holds a NUL character"),
    "~": (_tilde, "file-missing", "does not exist"),
    "~/name": (_tilde_user, "file-missing", "does not exist"),
    "an over-long name": (_long_name, "file-unreadable", "cannot be read (File name too long)"),
    "an over-long path": (_long_path, "file-unreadable", "cannot be read (File name too long)"),
}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_load_raises_dataset_invalid_naming_the_path(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make, code, problem = PATHS[name]
    path = make(tmp_path)
    with pytest.raises(DatasetInvalid) as raised:
        kursk_pows.load(path)
    report = raised.value.report
    assert report.flatten("code", "file", "line") == [(code, None, None)]
    (issue,) = report.issues
    assert issue.message == f"not a dataset directory: {path!r} {problem}"
    tilde = "; '~' is not expanded: pass os.path.expanduser(path)"
    assert issue.hint == (
        "pass the path of a dataset directory (the one holding manifest.json and the .jsonl "
        "files)" + (tilde if path.startswith("~") else "")
    )
    assert report.root == path
    assert str(raised.value) == f"1 error(s) in dataset {path} (first: [{code}] {issue.message})"


def test_the_same_paths_as_path_objects(tmp_path: Path) -> None:
    with pytest.raises(DatasetInvalid):
        kursk_pows.load(tmp_path / "nowhere")
    with pytest.raises(DatasetInvalid):
        kursk_pows.load(Path("/dev/zero"))


@pytest.mark.parametrize("wrong", [123, b"dataset", ["dataset"]])
def test_a_path_of_the_wrong_type_is_a_type_error(wrong: object) -> None:
    with pytest.raises(TypeError):
        kursk_pows.load(wrong)  # type: ignore[arg-type]


def test_export_of_a_missing_dataset_is_still_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line keeps exit status 2 and one line for a dataset path that is wrong."""
    assert main(["export", str(tmp_path / "out"), "--dataset", str(tmp_path / "nowhere")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "nowhere" in line
    assert not (tmp_path / "out").exists()
