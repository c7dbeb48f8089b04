"""The dataset as flat tables: columns generated from the models, rows, and the Arrow schema."""

from .columns import Column, Table
from .layout import table, tables
from .rows import rows

__all__ = ["Column", "Table", "rows", "table", "tables"]
