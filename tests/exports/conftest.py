"""Every format exported once from the bundled dataset (``dataset``: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kursk_pows
from kursk_pows.exports import FORMATS, export


@pytest.fixture(scope="session")
def exported(dataset: kursk_pows.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with one export per format (``csv/``, ``parquet/``...), version 1.2.3.

    Tests that change files copy them first."""
    out = tmp_path_factory.mktemp("exported")
    for format in FORMATS:
        export(dataset, out / format, format, "1.2.3")
    return out
