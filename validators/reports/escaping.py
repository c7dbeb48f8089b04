"""Text from a dataset made safe to print: it can neither start a line nor steer a terminal.

Values in records come from strangers' pull requests.  Printed raw, a newline in a record id
forges an output line (one starting with ``::`` is a GitHub Actions workflow command), an ANSI
escape sequence rewrites the terminal, and a bidi control reorders what a reviewer reads.
:func:`printable` writes every such character as a visible escape.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (newlines and ESC among them), DEL, line and paragraph separators, and
the bidirectional marks, embeddings, overrides and isolates."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, separator and bidi character written as an escape."""
    return _UNSAFE.sub(_escape, text)
