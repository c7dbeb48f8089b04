"""One file per table: CSV, JSON Lines and Parquet writers over the tables' rows; and a
Parquet dataset partitioned hive-style, one folder per table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..tables.arrow import to_arrow
from ..tables.columns import Table
from ..tables.extras import need
from .directory import ExportError

Rows = Sequence[dict[str, Any]]


def _boolean(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def neutralised(value: str) -> str:
    """A string cell that a spreadsheet would run as a formula, prefixed with ``'``; any other
    string as it is.  The CSV writer also quotes every cell this changes."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value: Any) -> str:
    """One cell as :func:`csv.writer` writes it, except that a formula is neutralised and quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return '"' + neutralised(value).replace('"', '""') + '"'
    if value is None or value == "":
        return ""  # alone in a row, csv.writer would write an empty string as ""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="").writerow([value])
    return buffer.getvalue()


def write_csv(path: Path, table: Table, rows: Rows) -> None:
    """RFC 4180 CSV with a header row, UTF-8, ``\\r\\n`` line ends.

    Null is an empty cell, booleans ``true``/``false``, dates ``YYYY-MM-DD`` (their ``str``).
    A string cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'`` and is quoted, so that no spreadsheet runs it as a formula; numbers are left
    alone, and the other formats keep every value exactly.
    """
    names = table.names
    booleans = [name for name in names if table.kind(name) == "boolean"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        if booleans:
            row = {**row, **{name: _boolean(row[name]) for name in booleans}}
        cells = [row[name] for name in names]
        if any(isinstance(cell, str) and cell.startswith(FORMULA_STARTS) for cell in cells):
            buffer.write(",".join(_csv_cell(cell) for cell in cells) + "\r\n")
        else:
            writer.writerow(cells)
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


PARTITION = "source"
"""The column a table is partitioned by in the hive-style dataset, when it has one."""
NAME_BYTES = 255
"""The longest file name most file systems take: a folder ``source=<id>`` must fit."""


def _too_long(ids: set[str]) -> str | None:
    """An id whose ``source=<id>`` folder name, percent-encoded, would not fit in a name."""
    return next(
        (i for i in sorted(ids) if len(f"{PARTITION}={quote(i, safe='')}") > NAME_BYTES), None
    )


def write_parquet_hive(folder: Path, table: Table, rows: Rows) -> None:
    """The table as a Parquet dataset in the new directory ``folder``: split into one
    ``source=<id>`` folder per article when it has a ``source`` column and rows (the value
    percent-encoded, as hive-style readers expect, so no id leaves the folder), else one
    ``part-0.parquet`` (extra ``arrow``)."""
    dataset = need("pyarrow.dataset", "arrow")
    parquet = need("pyarrow.parquet", "arrow")
    arrow = to_arrow(table, rows)
    options = dataset.ParquetFileFormat().make_write_options(compression="zstd")
    if PARTITION not in table.names or not rows:  # an empty table keeps its columns
        folder.mkdir()
        parquet.write_table(arrow, folder / "part-0.parquet", compression="zstd")
        return
    long = _too_long({row[PARTITION] for row in rows if row[PARTITION] is not None})
    if long is not None:
        raise ExportError(
            f"{table.name}: the id {long[:60]}... is too long to name a folder of "
            "the partitioned export; use --format parquet"
        )
    dataset.write_dataset(
        arrow,
        folder,
        format="parquet",
        file_options=options,
        partitioning=[PARTITION],
        partitioning_flavor="hive",
        existing_data_behavior="error",
        basename_template="part-{i}.parquet",
        use_threads=False,  # the same bytes for the same data, rows in the table's order
    )
