"""Shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import kursk_pows
from factory import DatasetSpec

# Property tests judge results, never speed: on a busy machine a slow example is no failure.
settings.register_profile(
    "any-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("floor", parent=settings.get_profile("any-machine"), max_examples=25)
"""For the second run of the models' and rules' tests with the lowest pydantic (.ci/run): that
run checks what pydantic does for the package, which fewer examples show as well; the first
run, with the newest pydantic, explores as deeply as ever."""
settings.load_profile("any-machine")


@pytest.fixture(autouse=True, scope="session")
def _schema_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The run's own cache directory (for the stored core schemas), never the user's; the
    processes tests start inherit it."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def spec() -> DatasetSpec:
    """A fresh, valid minimal dataset specification."""
    return DatasetSpec()


@pytest.fixture(scope="session")
def dataset() -> kursk_pows.Dataset:
    """The bundled dataset with its retracted records, loaded once (read-only)."""
    return kursk_pows.load(include_retracted=True)


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
