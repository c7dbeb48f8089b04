"""Optional dependencies, imported on first use; a missing one names the install that fixes it."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType


class ExtraMissing(ImportError):
    """An optional dependency is not installed; the message says which ``pip install`` helps."""


def need(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise :class:`ExtraMissing` naming ``kursk-pows[extra]``: the
    install from PyPI, and the one for a checkout of the source (an editable install)."""
    try:
        return import_module(module)
    except ImportError as error:
        raise ExtraMissing(
            f'{module} is not installed; install it with: pip install "kursk-pows[{extra}]" '
            f'(in a checkout of the source: pip install -e ".[{extra}]")'
        ) from error
