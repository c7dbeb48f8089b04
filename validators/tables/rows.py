"""Rows of a table as plain dicts: every column in every row, in column order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from .layout import Layout, layouts

Records = Mapping[str, Mapping[str, Any]]
"""Records by kind (``claim``...), each by id."""


def _read(obj: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name, None)
    return obj


def plain(value: Any) -> Any:
    """A record, view, list or date as JSON-ready data (dates as ``YYYY-MM-DD``)."""
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "__dict__"):
        return {k: plain(v) for k, v in vars(value).items()}
    return value


def _items(obj: Any, lists: tuple[str, ...], keys: tuple[Any, ...]) -> Iterator[Any]:
    """``(keys, item)`` for every item down the nested lists, with positions appended."""
    if not lists:
        yield keys, obj
        return
    for position, item in enumerate(getattr(obj, lists[0])):
        yield from _items(item, lists[1:], (*keys, position))


def _row(layout: Layout, keys: tuple[Any, ...], item: Any) -> dict[str, Any]:
    row = dict(zip((k.name for k in layout.keys), keys, strict=True))
    for column in layout.table.columns[len(layout.keys) :]:
        value = _read(item, column.path)
        if column.kind == "json":
            value = json.dumps(plain(value), ensure_ascii=False)
        row[column.name] = value
    return row


def rows(records: Records, name: str) -> list[dict[str, Any]]:
    """The rows of table ``name`` built from ``records`` (records by kind, then by id)."""
    layout = layouts().get(name)
    if layout is None:
        raise KeyError(f"no table {name!r}; tables: {', '.join(layouts())}")
    found: list[dict[str, Any]] = []
    for kind in layout.kinds:
        for record_id, record in sorted(records.get(kind, {}).items()):
            start = (record_id,) if layout.lists else ()
            found.extend(_row(layout, k, i) for k, i in _items(record, layout.lists, start))
    if len(layout.kinds) > 1:
        found.sort(key=lambda row: tuple(row[k.name] for k in layout.keys))
    return found
