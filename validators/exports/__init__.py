"""Every table written as CSV, Parquet, SQLite or JSON Lines, with standard descriptors.

``FORMATS`` is imported at once; ``export`` and ``ExportError`` on first use, since the writers
need the tables and so pydantic's models, which a command that only lists formats does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .formats import FORMATS

if TYPE_CHECKING:
    from .directory import ExportError
    from .run import export

__all__ = ["FORMATS", "ExportError", "export"]


def __getattr__(name: str) -> Any:
    if name == "export":
        from .run import export

        return export
    if name == "ExportError":
        from .directory import ExportError

        return ExportError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
