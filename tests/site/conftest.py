"""The bundled dataset's site, built once for the site's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import kursk_pows
from kursk_pows.site import build_site


@pytest.fixture(scope="session")
def built(dataset: kursk_pows.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(dataset, out, "9.9.9")
    return out
