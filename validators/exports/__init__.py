"""Every table written as CSV, Parquet, SQLite or JSON Lines, with standard descriptors."""

from .directory import ExportError
from .run import FORMATS, export

__all__ = ["FORMATS", "ExportError", "export"]
