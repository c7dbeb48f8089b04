"""The ``kursk-pows`` command: a thin layer over the library, one module per command group.

:mod:`.app` holds the parser, ``validate``, ``coverage`` and ``rules`` and sends the other
commands to their modules: :mod:`.release` (``fmt``, ``manifest``, ``diff``), :mod:`.export`,
:mod:`.site`, :mod:`.add_source`, :mod:`.quote` and :mod:`.new`; :mod:`.common` is what they
share.  ``kursk_pows.cli:main`` is the console script's entry point.

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 a usage problem, 3 an internal
error (a bug in kursk-pows: the data never causes one on purpose; please report it).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

__all__ = ["_parser", "main"]


def _interrupted(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C before the command's own handling is in place: one line and status 130."""
    sys.stderr.write("kursk-pows: interrupted\n")
    raise SystemExit(130)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script (see :func:`.app.main`).  Ctrl-C while the command's
    modules are still being imported ends it with one line, not a traceback."""
    previous = signal.signal(signal.SIGINT, _interrupted)
    try:
        from .app import main as run
    finally:
        signal.signal(signal.SIGINT, previous)
    return run(argv)


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    from .app import _parser as parser

    return parser(only)
