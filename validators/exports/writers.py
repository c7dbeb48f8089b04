"""One file per table: CSV, JSON Lines and Parquet writers over the tables' rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..tables.arrow import to_arrow
from ..tables.columns import Table
from ..tables.extras import need

Rows = Sequence[dict[str, Any]]


def _boolean(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def write_csv(path: Path, table: Table, rows: Rows) -> None:
    """RFC 4180 CSV with a header row, UTF-8, ``\\r\\n`` line ends.

    Null is an empty cell, booleans ``true``/``false``, dates ``YYYY-MM-DD`` (their ``str``).
    """
    names = table.names
    booleans = [name for name in names if table.kind(name) == "boolean"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        if booleans:
            row = {**row, **{name: _boolean(row[name]) for name in booleans}}
        writer.writerow([row[name] for name in names])
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def write_jsonl(path: Path, table: Table, rows: Rows) -> None:
    """One JSON object per line with every column (``null`` where empty), dates as text."""
    lines = (
        json.dumps({k: _json_value(row[k]) for k in table.names}, ensure_ascii=False) + "\n"
        for row in rows
    )
    path.write_bytes("".join(lines).encode("utf-8"))


def write_parquet(path: Path, table: Table, rows: Rows) -> None:
    """Parquet with the table's Arrow schema (extra ``arrow``)."""
    parquet = need("pyarrow.parquet", "arrow")
    parquet.write_table(to_arrow(table, rows), path, compression="zstd")
