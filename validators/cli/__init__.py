"""The ``kursk-pows`` command: a thin layer over the library, one module per command group.

:mod:`.app` holds the parser, ``validate``, ``coverage`` and ``rules`` and sends the other
commands to their modules: :mod:`.release` (``fmt``, ``manifest``, ``diff``), :mod:`.export`,
:mod:`.site`, :mod:`.add_source`, :mod:`.quote` and :mod:`.new`; :mod:`.common` is what they
share.  ``kursk_pows.cli:main`` is the console script's entry point.

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 a usage problem, 3 an internal
error (a bug in kursk-pows: the data never causes one on purpose; please report it).
"""

from .app import _parser, main

__all__ = ["_parser", "main"]
