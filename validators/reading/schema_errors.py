"""Turn pydantic validation errors into issues with JSON Pointers and fix hints."""

from __future__ import annotations

from typing import Any

from pydantic_core import ValidationError

from ..issues import Issue


def json_pointer(loc: tuple[int | str, ...], data: Any) -> str:
    """Map a pydantic error location onto a JSON Pointer into ``data``.

    Pydantic inserts the tag of a discriminated union into the location (``value/year/year``);
    segments that do not name a key or index of the document are such tags and are skipped.
    """
    parts: list[str] = []
    node = data
    for position, segment in enumerate(loc):
        more = position + 1 < len(loc)
        if isinstance(node, dict) and more and segment == node.get("type"):
            continue  # the discriminator tag pydantic adds for a tagged union
        if isinstance(node, dict) and isinstance(segment, str):
            parts.append(_escape(segment))
            if segment not in node:
                break  # a missing key: the pointer names where it belongs
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            parts.append(str(segment))
            node = node[segment]
    return "/" + "/".join(parts) if parts else ""


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def issues_from_validation_error(
    exc: ValidationError, data: dict[str, Any], file: str, line: int, record: str | None
) -> list[Issue]:
    """One issue per pydantic error, in pydantic's order."""
    issues = []
    for err in exc.errors(include_url=False):
        pointer = json_pointer(tuple(err["loc"]), data)
        kind = err["type"]
        if kind in ("union_tag_not_found", "union_tag_invalid"):  # the value's "type" itself
            tag = str(err.get("ctx", {}).get("discriminator", "type")).strip("'")
            pointer = f"{pointer}/{tag}"
            kind = "missing" if kind == "union_tag_not_found" else kind
        if kind == "missing":
            code, hint = "field-missing", "add the field; see schema/ for the record's fields"
            message = f"required field {pointer or '/'} is missing"
        elif kind == "extra_forbidden":
            code, hint = "field-unknown", "remove the field or correct its spelling"
            message = f"unknown field {pointer}"
        else:
            code = "field-invalid"
            hint = "give a value of the type and form the schema requires"
            message = f"{pointer or '/'}: {err['msg']} (got {_short(err.get('input'))})"
        issues.append(
            Issue(
                code,
                "error",
                message,
                file=file,
                line=line,
                record=record,
                pointer=pointer,
                hint=hint,
            )
        )
    return issues
