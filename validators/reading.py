"""Strict JSON Lines reading: one object per line, every defect reported with its line.

The reader never stops at the first bad line.  Each line is decoded as UTF-8 on its own and
parsed with Python's ``json`` module made strict: duplicate keys, ``NaN`` and ``Infinity``, and
non-finite numbers are refused, and a line must hold a JSON object.  Defects that ``fmt`` can
repair (a byte-order mark, CRLF endings, blank lines) are warnings and the line is still read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .report import Issue

MAX_LINE_BYTES = 1 << 20
"""Longest line accepted, in bytes (1 MiB): far above any real record."""

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Line:
    """A parsed JSON object and the 1-based line it came from."""

    number: int
    data: dict[str, Any]


class _Refused(ValueError):
    """Raised from inside ``json.loads`` hooks to refuse a value the grammar allows."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.hint = hint


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _Refused(
            "json-duplicate-key",
            f"key {dup!r} appears more than once in one object",
            "keep one occurrence of the key; JSON readers disagree on which one wins",
        )
    return obj


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(
            "json-nonfinite",
            f"number {text[:40]} is too large to represent",
            "write a number within the range of a 64-bit float",
        )
    return value


def _constant(text: str) -> Any:
    raise _Refused(
        "json-nonfinite",
        f"{text} is not valid JSON",
        "JSON has no NaN or Infinity; use null or a finite number",
    )


def parse_line(text: str) -> Any:
    """Parse one JSON text strictly; raises ``ValueError`` (or a subclass) when refused."""
    return json.loads(
        text,
        object_pairs_hook=_pairs_without_duplicates,
        parse_float=_finite_float,
        parse_constant=_constant,
    )


def read_jsonl(path: Path, name: str) -> tuple[list[Line], list[Issue]]:
    """Read a JSON Lines file; return its objects and the issues found on the way.

    ``name`` is the file's name as shown in issues (relative to the dataset directory).
    """
    issues: list[Issue] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        issue = Issue(
            "file-unreadable",
            "error",
            f"cannot read the file: {exc.strerror or exc}",
            file=name,
            hint="check that it is a regular file you have permission to read",
        )
        return [], [issue]
    return list(_parse_lines(raw, name, issues)), issues


def _parse_lines(raw: bytes, name: str, issues: list[Issue]) -> Iterator[Line]:
    if raw.startswith(_BOM):
        issues.append(
            Issue(
                "file-bom",
                "warning",
                "the file starts with a UTF-8 byte-order mark",
                file=name,
                line=1,
                hint="save the file as UTF-8 without BOM (kursk-pows fmt does this)",
            )
        )
        raw = raw[len(_BOM) :]
    chunks = raw.split(b"\n")
    if chunks and chunks[-1] == b"":
        chunks.pop()
    for number, chunk in enumerate(chunks, start=1):
        line = _parse_chunk(chunk, number, name, issues)
        if line is not None:
            yield line


def _parse_chunk(chunk: bytes, number: int, name: str, issues: list[Issue]) -> Line | None:
    def report(
        code: str, severity: str, message: str, hint: str, column: int | None = None
    ) -> None:
        issues.append(
            Issue(code, severity, message, file=name, line=number, column=column, hint=hint)  # type: ignore[arg-type]
        )

    if len(chunk) > MAX_LINE_BYTES:
        report(
            "line-too-long",
            "error",
            f"line is {len(chunk)} bytes long, above the limit of {MAX_LINE_BYTES}",
            "split the record or shorten its text; no record needs a line this long",
        )
        return None
    if chunk.endswith(b"\r"):
        report(
            "line-crlf", "warning", "line ends with CRLF", "use LF line endings (kursk-pows fmt)"
        )
        chunk = chunk[:-1]
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        report(
            "utf8-invalid",
            "error",
            f"byte {exc.start + 1} of the line is not valid UTF-8 ({exc.reason})",
            "save the file as UTF-8",
            column=exc.start + 1,
        )
        return None
    if not text.strip():
        report("line-blank", "warning", "blank line", "remove blank lines (kursk-pows fmt)")
        return None
    try:
        data = parse_line(text)
    except _Refused as exc:
        report(exc.code, "error", str(exc), exc.hint)
        return None
    except json.JSONDecodeError as exc:
        report(
            "json-invalid",
            "error",
            f"not valid JSON: {exc.msg} at column {exc.colno}",
            "fix the JSON syntax; each line must be one complete JSON object",
            column=exc.colno,
        )
        return None
    except (ValueError, RecursionError) as exc:
        report(
            "json-invalid",
            "error",
            f"not valid JSON: {type(exc).__name__}: {str(exc)[:120]}",
            "fix the JSON; numbers must be of sane size and nesting shallow",
        )
        return None
    if not isinstance(data, dict):
        report(
            "json-not-object",
            "error",
            f"line holds a JSON {_json_kind(data)}, not an object",
            "each line must be one JSON object: {...}",
        )
        return None
    return Line(number, data)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"
