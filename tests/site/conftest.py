"""The bundled dataset's site, built once for the site's tests; the browser the browser tests
drive (Debian's Chromium through Playwright) and a page of it that records console problems."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from kursk_pows.site import build_site


@pytest.fixture(scope="session")
def built(dataset: kursk_pows.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(dataset, out, "9.9.9")
    return out


def _chromium() -> str:
    path = os.environ.get("KURSK_POWS_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "no Chromium: install Debian's (apt-get install chromium) or set "
            "KURSK_POWS_CHROMIUM to a Chromium executable"
        )
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
    opened.problems = problems
    yield opened
    context.close()
