"""croissant.json's datePublished: the version's date in CHANGELOG.md beside the dataset."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.exports.released import release_date

LOG = """# Changelog

## [1.0.0] - 2025-02-03

- The second release.

## [0.9.0] - 2025-01-20

- The first.

## [0.8.0] - 2025-02-30
"""


@pytest.fixture
def checkout(spec: DatasetSpec, tmp_path: Path) -> Path:
    """A dataset of version 1.0.0 with CHANGELOG.md beside it, as in a checkout or an sdist."""
    root = spec.write(tmp_path / "dataset")
    (tmp_path / "CHANGELOG.md").write_text(LOG, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("version", "date"),
    [("1.0.0", "2025-02-03"), ("0.9.0", "2025-01-20"), ("0.9", None), ("2.0.0", None)],
)
def test_release_date_is_the_entry_of_the_version(
    checkout: Path, version: str, date: str | None
) -> None:
    assert release_date(checkout, version) == date


def test_no_date_for_a_day_that_does_not_exist(checkout: Path) -> None:
    assert release_date(checkout, "0.8.0") is None


def test_no_date_without_a_changelog(spec: DatasetSpec, tmp_path: Path) -> None:
    assert release_date(spec.write(tmp_path / "dataset"), "1.0.0") is None


def _described(root: Path, out: Path, format: str) -> dict[str, object]:
    assert main(["export", str(out), "--format", format, "--dataset", str(root)]) == 0
    described: dict[str, object] = json.loads((out / "croissant.json").read_text("utf-8"))
    return described


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_export_publishes_the_release_date(checkout: Path, tmp_path: Path, format: str) -> None:
    described = _described(checkout, tmp_path / "out", format)
    assert described["version"] == "1.0.0"
    assert described["datePublished"] == "2025-02-03"
    command = [Path(sys.executable).parent / "mlcroissant", "validate", "--jsonld"]
    done = subprocess.run(
        [*command, "croissant.json"], cwd=tmp_path / "out", capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "datePublished" not in done.stderr  # the recommended property is there


def test_export_without_a_changelog_states_no_date(spec: DatasetSpec, tmp_path: Path) -> None:
    described = _described(spec.write(tmp_path / "dataset"), tmp_path / "out", "csv")
    assert described["version"] == "1.0.0"
    assert "datePublished" not in described
