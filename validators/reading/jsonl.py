"""Strict JSON Lines reading: one object per line, every defect reported with its line.

The reader streams: it holds one line at a time and never stops at the first bad line.  Each
line is decoded as UTF-8 on its own and parsed with Python's ``json`` module made strict:

- duplicate keys, ``NaN``/``Infinity``, numbers that overflow a double, integers beyond 2**53
  (which JSON consumers cannot hold exactly), strings with lone UTF-16 surrogates, and nesting
  deeper than ``Config.max_depth`` are refused, each with its own code;
- a line must hold a JSON object.

A byte-order mark, CRLF endings and blank lines are warnings (``fmt`` repairs them) and reading
goes on.  Lines longer than ``Config.max_line_bytes`` are skipped unparsed, and files larger than
``Config.max_file_bytes``, links and anything but a regular file are not read at all (see
:mod:`~kursk_pows.reading.safe_files`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Config
from ..issues import Issue, Severity
from .safe_files import UnsafeFile, open_in_dataset

MAX_EXACT_INT = 2**53
_BOM = b"\xef\xbb\xbf"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass(frozen=True, slots=True)
class Line:
    """A parsed JSON object, the 1-based line it came from, and the line's text (no line end)."""

    number: int
    data: dict[str, Any]
    text: str


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A line left for the caller to decode (the quick path of :func:`iter_jsonl`)."""

    number: int
    text: str


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
        duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _Refused(
            "json-duplicate-key",
            f"key {duplicate!r} appears more than once in one object",
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


def _exact_int(text: str) -> int:
    value = int(text) if len(text) <= 20 else MAX_EXACT_INT + 1
    if abs(value) > MAX_EXACT_INT:
        raise _Refused(
            "json-number-range",
            f"integer {text[:24]}{'...' if len(text) > 24 else ''} is beyond 2**53",
            "no field needs such a number; JSON consumers cannot hold it exactly",
        )
    return value


def _constant(text: str) -> Any:
    raise _Refused(
        "json-nonfinite",
        f"{text} is not valid JSON",
        "JSON has no NaN or Infinity; use null or a finite number",
    )


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (brackets inside strings ignored).

    One pass, no backtracking: linear in the length of the text whatever it holds.  Text after
    a string that is never closed counts as inside it (the line is invalid JSON anyway).
    """
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def parse_line(text: str, max_depth: int = Config.max_depth) -> Any:
    """Parse one JSON text strictly; raises ``ValueError`` (``_Refused`` for policy refusals)."""
    if text.count("[") + text.count("{") > max_depth and nesting_depth(text) > max_depth:
        raise _Refused(
            "json-too-deep",
            f"arrays and objects nest more than {max_depth} levels deep",
            "no record needs such nesting; flatten the value",
        )
    value = json.loads(
        text,
        object_pairs_hook=_pairs_without_duplicates,
        parse_float=_finite_float,
        parse_int=_exact_int,
        parse_constant=_constant,
    )
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(value):
        raise _Refused(
            "json-lone-surrogate",
            "a string holds a lone UTF-16 surrogate escape (\\ud800-\\udfff without its pair)",
            "write the character itself, or a complete surrogate pair",
        )
    return value


def _quick_eligible(text: str, max_depth: int) -> bool:
    """Whether a line may skip the strict parser: the caller decodes it itself (in pydantic's
    parser) and must read it again strictly with :func:`strict_again` unless its record comes
    out valid and canonical.

    Lines that could hold anything the strict parser refuses are not eligible, except for a
    repeated key or an integer beyond 2**53: a canonical line cannot repeat a key, and the
    loader checks the few unbounded numeric fields of a valid record itself.
    """
    if "NaN" in text or "Infinity" in text or "\\u" in text:
        return False
    return text.count("[") + text.count("{") <= max_depth


def strict_again(line: Unparsed, name: str, issues: list[Issue], config: Config) -> Line | None:
    """Read a quick-path line with every check; ``None`` (and an issue) if refused."""
    return _parse_text(line.text, line.number, name, issues, config)


def read_jsonl(
    path: Path, name: str, config: Config | None = None
) -> tuple[list[Line], list[Issue]]:
    """Read a whole JSON Lines file; return its objects and the issues found on the way."""
    issues: list[Issue] = []
    lines = iter_jsonl(path, name, issues, config or Config())
    return [line for line in lines if isinstance(line, Line)], issues


def iter_jsonl(
    path: Path, name: str, issues: list[Issue], config: Config, *, quick: bool = False
) -> Iterator[Line | Unparsed]:
    """Yield the objects of a JSON Lines file one by one, appending issues to ``issues``.

    ``name`` is the file's name as shown in issues (relative to the dataset directory).  With
    ``quick``, lines that may skip the strict parser (see :func:`_quick_eligible`) come
    :class:`Unparsed`, for the caller to decode; it must use :func:`strict_again` on any such line
    whose record is not valid and canonical.
    """
    try:
        with open_in_dataset(path.parent, path.name, config.max_file_bytes) as stream:
            yield from _lines(stream, name, issues, config, quick)
    except UnsafeFile as exc:
        issues.append(Issue(exc.code, "error", exc.message, file=name, hint=exc.hint))
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or type(exc).__name__}"
        issues.append(
            Issue(
                "file-unreadable",
                "error",
                message,
                file=name,
                hint="make it a regular file you have permission to read",
            )
        )


def _lines(
    stream: BinaryIO, name: str, issues: list[Issue], config: Config, quick: bool
) -> Iterator[Line | Unparsed]:
    limit = config.max_line_bytes
    number = 0
    while chunk := stream.readline(limit + 2):
        number += 1
        complete = chunk.endswith(b"\n")
        if len(chunk.removesuffix(b"\n").removesuffix(b"\r")) > limit:
            while not complete and (rest := stream.readline(limit)):
                complete = rest.endswith(b"\n")  # skip the rest of the line, a piece at a time
            _report(
                issues,
                name,
                number,
                "line-too-long",
                "error",
                f"line is longer than the limit of {limit} bytes",
                "no record needs a line this long; shorten it or raise Config.max_line_bytes",
            )
            continue
        if number == 1 and chunk.startswith(_BOM):
            _report(
                issues,
                name,
                1,
                "file-bom",
                "warning",
                "the file starts with a UTF-8 byte-order mark",
                "save the file as UTF-8 without BOM (kursk-pows fmt does this)",
            )
            chunk = chunk[len(_BOM) :]
        line = _parse(chunk.removesuffix(b"\n"), number, name, issues, config, quick)
        if not complete and line is not None:  # the last line, read, without its line feed
            _report(
                issues,
                name,
                number,
                "line-not-canonical",
                "warning",
                "the file does not end with a line feed",
                "run kursk-pows fmt to rewrite the file in canonical form",
            )
        if line is not None:
            yield line


def _report(
    issues: list[Issue],
    name: str,
    number: int,
    code: str,
    severity: Severity,
    message: str,
    hint: str,
    column: int | None = None,
) -> None:
    issues.append(Issue(code, severity, message, file=name, line=number, column=column, hint=hint))


def _parse(
    chunk: bytes, number: int, name: str, issues: list[Issue], config: Config, quick: bool
) -> Line | Unparsed | None:
    if chunk.endswith(b"\r"):
        _report(
            issues,
            name,
            number,
            "line-crlf",
            "warning",
            "line ends with CRLF",
            "use LF line endings (kursk-pows fmt)",
        )
        chunk = chunk[:-1]
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        _report(
            issues,
            name,
            number,
            "utf8-invalid",
            "error",
            f"byte {exc.start + 1} of the line is not valid UTF-8 ({exc.reason})",
            "save the file as UTF-8",
            column=exc.start + 1,
        )
        return None
    if not text.strip(" \t\r\n"):  # JSON white space only: U+00A0 and the like are not blank
        _report(
            issues,
            name,
            number,
            "line-blank",
            "warning",
            "blank line",
            "remove blank lines (kursk-pows fmt)",
        )
        return None
    if quick and _quick_eligible(text, config.max_depth):
        return Unparsed(number, text)
    return _parse_text(text, number, name, issues, config)


def _parse_text(
    text: str, number: int, name: str, issues: list[Issue], config: Config
) -> Line | None:
    try:
        data = parse_line(text, config.max_depth)
    except _Refused as exc:
        _report(issues, name, number, exc.code, "error", str(exc), exc.hint)
        return None
    except json.JSONDecodeError as exc:
        code = "json-trailing-data" if exc.msg == "Extra data" else "json-invalid"
        _report(
            issues,
            name,
            number,
            code,
            "error",
            f"not valid JSON: {exc.msg} at column {exc.colno}",
            "fix the JSON syntax; each line must be exactly one JSON object",
            column=exc.colno,
        )
        return None
    except (ValueError, RecursionError) as exc:
        _report(
            issues,
            name,
            number,
            "json-invalid",
            "error",
            f"not valid JSON: {type(exc).__name__}: {str(exc)[:120]}",
            "fix the JSON syntax; each line must be exactly one JSON object",
        )
        return None
    if not isinstance(data, dict):
        _report(
            issues,
            name,
            number,
            "json-not-object",
            "error",
            f"line holds a JSON {_json_kind(data)}, not an object",
            "each line must be one JSON object: {...}",
        )
        return None
    return Line(number, data, text)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    return "null" if value is None else "number"
