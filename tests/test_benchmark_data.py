"""The benchmark's synthetic datasets: valid when asked to be, and broken exactly as asked."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import kursk_pows

_spec = importlib.util.spec_from_file_location(
    "generate", Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
)
assert _spec is not None
assert _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
sys.modules["generate"] = generate
_spec.loader.exec_module(generate)


@pytest.mark.parametrize("claims", [1, 57, 400])
def test_generated_dataset_is_valid_and_covered(tmp_path: Path, claims: int) -> None:
    generate.Generator(claims, seed=3, errors=0.0).build(tmp_path / "ds")
    report = kursk_pows.validate(tmp_path / "ds")
    assert report.flatten("code", "record") == []
    assert report.stats["claims"] == claims
    assert kursk_pows.coverage(tmp_path / "ds").stats()["uncovered"] == 0


def test_injected_errors_are_exactly_the_issues(tmp_path: Path) -> None:
    expected = generate.Generator(500, seed=5, errors=0.05).build(tmp_path / "ds")
    assert len(expected) == 25 + 5  # five broken quotes also leave their sentence uncovered
    found = sorted(kursk_pows.validate(tmp_path / "ds").flatten("code", "record"))
    assert found == expected


def test_same_seed_same_files(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate.Generator(200, seed=9, errors=0.1).build(tmp_path / name)
    for path in sorted((tmp_path / "a").rglob("*")):
        if path.is_file():
            assert (
                path.read_bytes()
                == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
            )
