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


def _cell(value: Any) -> str:
    """A CSV cell: empty for null, ``true``/``false``, ISO dates, numbers as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, table: Table, rows: Rows) -> None:
    """RFC 4180 CSV with a header row, UTF-8, ``\\r\\n`` line ends; null is an empty cell."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.names)
    writer.writerows([_cell(row[name]) for name in table.names] for row in rows)
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
