"""One rule for the dataset a command works on when none is given: inside a kursk-pows
checkout its dataset/, elsewhere the installed data; the summary names what was checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.reading.locations import bundled, checkout_dataset
from kursk_pows.reading.manifest import read_version


@pytest.fixture
def checkout(spec: DatasetSpec, tmp_path: Path) -> Path:
    """A kursk-pows checkout (a pyproject naming the project) with a small dataset."""
    project = tmp_path / "checkout"
    spec.write(project / "dataset")
    (project / "pyproject.toml").write_text('[project]\nname = "kursk-pows"\n')
    (project / "docs").mkdir()
    (project / "validators").mkdir()
    (project / "validators" / "_version.py").write_text('__version__ = "1.0.0"\n')
    return project


def test_inside_a_checkout_every_command_reads_its_dataset(
    checkout: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(checkout / "docs")  # anywhere inside the checkout
    assert checkout_dataset() == checkout.resolve() / "dataset"
    assert main(["validate", "--quiet"]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith(
        f"{checkout.resolve() / 'dataset'} (version 1.0.0): valid: 0 error(s), 0 warning(s)"
    )
    monkeypatch.chdir(checkout)
    assert main(["validate", "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("dataset (version 1.0.0): valid")
    assert main(["fmt", "--check"]) == 0
    assert (
        capsys.readouterr().out
        == f"{checkout.resolve() / 'dataset'}: all files are in canonical form\n"
    )
    assert main(["manifest", "--check"]) == 0
    assert (
        capsys.readouterr().out
        == f"{checkout.resolve() / 'dataset' / 'manifest.json'} is up to date\n"
    )
    assert main(["manifest"]) == 0  # in a checkout, the datasheet follows the data
    assert capsys.readouterr().out == (
        f"unchanged: {checkout.resolve() / 'dataset' / 'manifest.json'} (version 1.0.0)\n"
        f"wrote {checkout.resolve() / 'DATASHEET.md'}\n"
    )
    sheet = (checkout / "DATASHEET.md").read_text(encoding="utf-8")
    assert sheet.startswith("# Datasheet: kursk-pows 1.0.0\n")
    assert "| claims | 4 |" in sheet
    shutil.copytree(checkout / "dataset", checkout.parent / "old")
    assert main(["diff", str(checkout.parent / "old"), "--check"]) == 0  # NEW: the checkout's
    assert (
        capsys.readouterr().out
        == "0 change(s); version 1.0.0 -> 1.0.0 (none); the changes need at least: none\n"
    )


def test_outside_a_checkout_the_installed_data_is_read_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert checkout_dataset() is None
    installed = bundled("dataset")
    assert main(["validate", "--quiet"]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith(f"{installed} (version {read_version(installed)}): valid: ")
    assert main(["fmt", "--check"]) == 0
    assert capsys.readouterr().out == f"{installed}: all files are in canonical form\n"
    for command in (["fmt"], ["manifest"]):
        assert main(command) == 2
        assert capsys.readouterr().err == (
            f"kursk-pows: error: {command[0]}: not inside a kursk-pows checkout, and the "
            "installed data is never rewritten: give the dataset directory to rewrite "
            "(or use --check)\n"
        )


def test_a_directory_with_a_dataset_but_another_project_is_no_checkout(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    spec.write(tmp_path / "dataset")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "something-else"\n')
    assert checkout_dataset(tmp_path) is None


def test_summary_says_when_no_version_is_known(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec.manifest = False
    root = spec.write(tmp_path / "ds")
    assert main(["validate", str(root), "--quiet"]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith(
        f"{root} (no version: manifest.json unreadable): INVALID: 1 error(s), 0 warning(s)"
    )
