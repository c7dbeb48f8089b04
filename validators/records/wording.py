"""Records in words for people: a date span or a claim value as a short phrase."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import DateSpan, Source

QUALIFIERS = {
    "exact": "",
    "about": "about ",
    "at-least": "at least ",
    "more-than": "more than ",
    "up-to": "up to ",
    "fewer-than": "fewer than ",
    "range": "",
    "approximate-range": "about ",
}


def span_text(span: DateSpan | None) -> str:
    """``2025-01-11``, ``2025-01-01 to 2025-01-31``, ``? to 2024-12-31`` or ``unknown``."""
    if span is None:
        return "unknown"
    lo = span.earliest.isoformat() if span.earliest else "?"
    hi = span.latest.isoformat() if span.latest else "?"
    return lo if lo == hi else f"{lo} to {hi}"


def _number(number: float | None) -> str:
    if number is None:
        return "?"
    whole = float(number).is_integer()
    return f"{int(number):,}" if whole else f"{number:,}"  # 10,000 as a reader writes it


def _quantity(value: Any) -> str:
    qualifier = QUALIFIERS.get(value.qualifier, "")
    if value.nominal is not None:
        amount = _number(value.nominal)
    else:
        amount = f"{_number(value.low)} to {_number(value.high)}"
    unit = f" {value.unit}" if value.unit else ""
    return f"{qualifier}{amount}{unit}"


def value_text(value: Any, name_of: Callable[[str], str]) -> str:
    """A claim value as a phrase; ``name_of`` turns an entity id into its name."""
    kind = value.type
    if kind == "year":
        return str(value.year)
    if kind == "date":
        return span_text(value.date)
    if kind == "quantity":
        return _quantity(value)
    if kind == "age":
        return f"{value.years} years old ({span_text(value.at)})"
    if kind == "entity":
        return name_of(value.entity)
    if kind == "text":
        return str(value.text)
    if kind == "text-list":
        return "; ".join(value.items)
    return "yes" if value.value else "no"


WIRE_ROLES = ("wire-service", "news-agency")


def source_name(source: Source) -> str:
    """What a person would call an article: its title, else who published or carried it and
    when ("untitled article (Reuters/PAP, 2025-01-12 or later)"), from the record alone."""
    if source.title:
        return str(source.title)
    who = source.publisher or "/".join(c.name for c in source.credits if c.role in WIRE_ROLES)
    span = source.published
    when = None
    if span is not None and span.earliest is not None:
        when = span_text(span) if span.latest is not None else f"{span.earliest} or later"
    parts = [part for part in (who, when) if part]
    return f"untitled article ({', '.join(parts)})" if parts else f"untitled article {source.id}"
