"""Every table in one SQLite file: typed columns, primary and foreign keys, full-text search."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..tables.columns import Table

SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
    "json": "TEXT",
}
"""The SQLite column type of each kind (booleans 0/1, dates ``YYYY-MM-DD``, JSON as text)."""

SEARCHABLE = {
    "sources": ("title", "notes"),
    "predicates": ("label", "description"),
    "entities": ("name", "description"),
    "events": ("description", "date_basis"),
    "claims": ("value_text", "note"),
    "evidence": ("quote",),
    "links": ("note",),
    "exclusions": ("sentence", "reason"),
}
"""The columns of each table indexed for full-text search (an FTS5 table ``<table>_fts``)."""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sql(table: Table) -> str:
    """``CREATE TABLE`` for ``table`` with its primary and foreign keys."""
    parts = [f"{_quoted(c.name)} {SQL_TYPES[c.kind]}" for c in table.columns]
    parts.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.primary_key))})")
    parts.extend(
        f"FOREIGN KEY ({_quoted(column)}) REFERENCES {_quoted(other)} ({_quoted(key)})"
        for column, other, key in table.foreign_keys
    )
    return f"CREATE TABLE {_quoted(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_sqlite(
    path: Path, tables: Sequence[Table], rows: Mapping[str, Sequence[dict[str, Any]]]
) -> None:
    """Write every table and its full-text index into a new SQLite file at ``path``."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for table in tables:
                connection.execute(create_sql(table))
            for table in tables:
                marks = ", ".join("?" for _ in table.columns)
                connection.executemany(
                    f"INSERT INTO {_quoted(table.name)} VALUES ({marks})",
                    ([_value(row[name]) for name in table.names] for row in rows[table.name]),
                )
            for name, columns in SEARCHABLE.items():
                _index(connection, name, columns)
        connection.execute("VACUUM")
    finally:
        connection.close()


def _index(connection: sqlite3.Connection, table: str, columns: Sequence[str]) -> None:
    """An external-content FTS5 table over ``columns``, as datasette finds it by itself."""
    names = ", ".join(map(_quoted, columns))
    fts = _quoted(f"{table}_fts")
    connection.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content={_quoted(table)})")
    connection.execute(
        f"INSERT INTO {fts} (rowid, {names}) SELECT rowid, {names} FROM {_quoted(table)}"
    )
