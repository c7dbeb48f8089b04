"""File names and HTML ids for record ids, which are any text a contributor wrote.

A record id can hold slashes, dots, quotes or capitals that only differ in case.  Each id gets a
slug of lower-case letters, digits, ``-`` and ``_``, starting with a letter or digit and at most
80 characters long; slugs that would clash (also on a case-insensitive file system) get a
counter.  Ids are taken in sorted order, so the same ids always get the same slugs.
"""

from __future__ import annotations

from collections.abc import Iterable

_KEPT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
MAX_LENGTH = 80


def _clean(record_id: str) -> str:
    kept = "".join(ch if ch in _KEPT else "-" for ch in record_id.lower())
    words = [word for word in kept.split("-") if word]
    return "-".join(words)[:MAX_LENGTH].strip("-_") or "record"


class Slugs:
    """Unique slugs for a set of record ids."""

    def __init__(self, record_ids: Iterable[str]) -> None:
        self._slugs: dict[str, str] = {}
        taken: set[str] = set()
        for record_id in sorted(set(record_ids)):
            base = _clean(record_id)
            slug, counter = base, 1
            while slug in taken:
                counter += 1
                slug = f"{base}-{counter}"
            taken.add(slug)
            self._slugs[record_id] = slug

    def __getitem__(self, record_id: str) -> str:
        return self._slugs[record_id]

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._slugs
