"""The one Arrow schema of each table, and tables in pyarrow, pandas and polars built on it.

Every engine gets its column types from here, never by inferring them from the data: the same
column is a ``date32`` in Arrow, a pyarrow-backed date in pandas and a ``Date`` in polars.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .columns import Table
from .extras import need

ARROW_TYPES = {
    "string": "string",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool_",
    "date": "date32",
    "json": "string",
}
"""The pyarrow type factory for each column kind (``json`` columns are JSON text)."""


def schema(table: Table) -> Any:
    """The ``pyarrow.Schema`` of ``table``: key columns not nullable, descriptions as metadata."""
    pa = need("pyarrow", "arrow")
    keys = set(table.primary_key)
    return pa.schema(
        [
            pa.field(
                column.name,
                getattr(pa, ARROW_TYPES[column.kind])(),
                nullable=column.name not in keys,
                metadata={"description": column.description},
            )
            for column in table.columns
        ],
        metadata={"table": table.name, "description": table.description},
    )


def to_arrow(table: Table, rows: Sequence[dict[str, Any]]) -> Any:
    """The rows as a ``pyarrow.Table`` with the table's own schema.

    Numbers are ``float64``: a count above 2**53 keeps only a double's precision there.
    """
    pa = need("pyarrow", "arrow")
    numbers = [c.name for c in table.columns if c.kind == "number"]
    if numbers:  # float64 columns: an integral count (int in the records) becomes a float
        rows = [{**row, **{n: _float(row[n]) for n in numbers}} for row in rows]
    return pa.Table.from_pylist(list(rows), schema=schema(table))


def _float(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def to_pandas(table: Table, rows: Sequence[dict[str, Any]]) -> Any:
    """The rows as a pandas DataFrame whose columns keep the Arrow types (``ArrowDtype``)."""
    pd = need("pandas", "pandas")
    return to_arrow(table, rows).to_pandas(types_mapper=pd.ArrowDtype)


def to_polars(table: Table, rows: Sequence[dict[str, Any]]) -> Any:
    """The rows as a polars DataFrame converted from the Arrow table (same types)."""
    pl = need("polars", "polars")
    return pl.from_arrow(to_arrow(table, rows))
