"""The date a version was released, as CHANGELOG.md beside the dataset directory states it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..reading.manifest import CHECKOUT_FILE_BYTES
from ..reading.safe_files import UnsafeFile, read_dataset_file


def release_date(root: Path, version: str) -> str | None:
    """The ``YYYY-MM-DD`` of the ``## [version] - YYYY-MM-DD`` entry of ``CHANGELOG.md``.

    ``CHANGELOG.md`` is read from the directory holding the dataset directory (a checkout or an
    sdist); an installed wheel ships none, and then, as for a version with no entry, there is
    no date: ``None``, never a guess.
    """
    try:
        data = read_dataset_file(root.parent, "CHANGELOG.md", CHECKOUT_FILE_BYTES)
    except UnsafeFile:
        return None
    entry = re.compile(rf"^## \[{re.escape(version)}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", re.M)
    found = entry.search(data.decode("utf-8", "replace"))
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group(1)).isoformat()
    except ValueError:  # not a calendar date (2026-02-30): no date rather than a wrong one
        return None
