"""Rows of a table as plain dicts: every column in every row, in column order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from typing import Any

from .computed import value_cells
from .layout import Layout, layouts

Records = Mapping[str, Mapping[str, Any]]
"""Records by kind (``claim``...), each by id."""

Build = Callable[[], Iterable[Mapping[str, Any]]]
"""Builds the rows of a derived table (each with at least the table's columns)."""


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


def _json_text(value: Any) -> str | None:
    """A list or object as JSON text; a missing one stays null."""
    return None if value is None else json.dumps(plain(value), ensure_ascii=False)


def _items(obj: Any, lists: tuple[str, ...], keys: tuple[Any, ...]) -> Iterator[Any]:
    """``(keys, item)`` for every item down the nested lists, with positions appended."""
    if not lists:
        yield keys, obj
        return
    for position, item in enumerate(getattr(obj, lists[0])):
        yield from _items(item, lists[1:], (*keys, position))


Getter = Callable[[Any], Any]


def column_getter(path: tuple[str, ...], as_json: bool) -> Getter:
    """Reads one column from an item: directly for its own fields, guarded for nested ones."""
    if as_json:
        return lambda item: _json_text(_read(item, path))
    if len(path) == 1:
        return attrgetter(path[0])  # the item's own field: always present
    if not path:
        return lambda item: item
    return lambda item: _read(item, path)


def _row_maker(layout: Layout) -> Callable[[tuple[Any, ...], Any, str], dict[str, Any]]:
    """A function building one row from an item's keys, the item and its record's status."""
    names = [k.name for k in layout.keys]
    skipped = len(layout.keys) + (1 if layout.parent_status else 0)
    columns = [c for c in layout.table.columns[skipped:] if c.name not in layout.computed]
    getters = [(c.name, column_getter(c.path, c.kind == "json")) for c in columns]
    parent_status = layout.parent_status

    def row(keys: tuple[Any, ...], item: Any, status: str) -> dict[str, Any]:
        made = dict(zip(names, keys, strict=True))
        if parent_status:
            made["status"] = status
        for name, get in getters:
            made[name] = get(item)
        return made

    return row


def _namer(records: Records) -> Callable[[str], str]:
    """Names an entity by its id (the id itself when it is not among ``records``)."""
    entities = records.get("entity", {})

    def name_of(entity_id: str) -> str:
        entity = entities.get(entity_id)
        return str(entity.name) if entity is not None else entity_id

    return name_of


def rows(
    records: Records, name: str, derived: Mapping[str, Build] | None = None
) -> list[dict[str, Any]]:
    """The rows of table ``name`` built from ``records`` (records by kind, then by id).

    A derived table's rows come from its builder in ``derived``, by table name, and are
    given the table's columns in order; ``ValueError`` when there is none.
    """
    layout = layouts().get(name)
    if layout is None:
        raise KeyError(f"no table {name!r}; tables: {', '.join(layouts())}")
    names = layout.table.names
    if layout.derived:
        build = (derived or {}).get(name)
        if build is None:
            raise ValueError(f"table {name!r} is derived from the whole dataset: use Dataset.rows")
        return [{column: row[column] for column in names} for row in build()]
    make = _row_maker(layout)
    name_of = _namer(records)
    found: list[dict[str, Any]] = []
    for kind in layout.kinds:  # in id order: kinds are listed by their ids' prefixes
        for record_id, record in sorted(records.get(kind, {}).items()):
            start = (record_id,) if layout.lists else ()
            for keys, item in _items(record, layout.lists, start):
                made = make(keys, item, record.status)
                if layout.computed:
                    made.update(value_cells(item.value, name_of))
                    made = {column: made[column] for column in names}
                found.append(made)
    return found
