"""A progress line for long validations, shown only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ..rules import RULES
from ..rules.engine import RULES_LABEL


class TerminalProgress:
    """Rewrites one line on ``stream`` (records and files done, rate) once ``after`` seconds
    have passed; does nothing at all when ``stream`` is not a terminal."""

    def __init__(self, stream: TextIO | None = None, after: float = 2.0) -> None:
        stream = sys.stderr if stream is None else stream  # the one in use now, not at import
        self.stream = stream
        self.enabled = stream.isatty()
        self.started = time.monotonic()
        self.after = after
        self.files: dict[str, int] = {}
        self.shown = False

    def __call__(self, file: str, lines: int) -> None:
        elapsed = time.monotonic() - self.started
        if file == RULES_LABEL:
            message = f"checking rules: {lines} of {len(RULES)} done"
        else:
            self.files[file] = lines
            done = sum(self.files.values())
            message = (
                f"reading {file}: {done:,} records in {len(self.files)} file(s), "
                f"{done / elapsed:,.0f}/s"
            )
        if not self.enabled or elapsed < self.after:
            return
        self.stream.write(f"\r\x1b[K{message}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """Clear the progress line, if one was shown."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
