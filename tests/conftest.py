"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from factory import DatasetSpec


@pytest.fixture
def spec() -> DatasetSpec:
    """A fresh, valid minimal dataset specification."""
    return DatasetSpec()


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
