"""kursk-pows: the facts of news articles as typed, validated records.

>>> import kursk_pows
>>> ds = kursk_pows.load()
>>> ds.claims_about("person:pow-born-1999")

Importing the package reads nothing; the data is read when ``load`` or ``validate`` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .analysis.dataset import AnyRecord, ClaimAbout, Dataset, is_a, load
    from .analysis.propositions import Proposition, Support
    from .analysis.support import Link
    from .config import Config
    from .issues import DatasetInvalid, Issue, Report
    from .reports.coverage import Coverage, coverage
    from .rules.engine import validate

__all__ = [
    "AnyRecord",
    "ClaimAbout",
    "Config",
    "Coverage",
    "Dataset",
    "DatasetInvalid",
    "Issue",
    "Link",
    "Proposition",
    "Report",
    "Support",
    "__version__",
    "coverage",
    "datasheet",
    "is_a",
    "load",
    "rule_catalog",
    "validate",
]

_LAZY = {
    "Config": "config",
    "Coverage": "reports.coverage",
    "coverage": "reports.coverage",
    "Dataset": "analysis.dataset",
    "ClaimAbout": "analysis.dataset",
    "AnyRecord": "analysis.dataset",
    "is_a": "analysis.dataset",
    "Proposition": "analysis.propositions",
    "Support": "analysis.propositions",
    "Link": "analysis.support",
    "load": "analysis.dataset",
    "DatasetInvalid": "issues",
    "Issue": "issues",
    "Report": "issues",
    "validate": "rules.engine",
}


def datasheet() -> str:
    """The dataset card of the installed data (DATASHEET.md, Markdown): what it covers, its
    sources, counts and known limitations."""
    from .reports.coverage import coverage_of
    from .reports.datasheet import render_datasheet

    dataset = __getattr__("load")()
    return render_datasheet(dataset, coverage_of(dataset), dataset.version or __version__)


def rule_catalog() -> str:
    """The catalog of rule codes (docs/rules.md, Markdown): meaning, example and fix of each."""
    from .reports.catalog import render_catalog

    return render_catalog()


def __dir__() -> list[str]:
    """The public API (``dir(kursk_pows)``), including the names imported on first use."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    """Import the public API on first use, keeping ``import kursk_pows`` cheap."""
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
