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


def _number(number: float) -> str:
    whole = float(number).is_integer()
    return f"{int(number):,}" if whole else f"{number:,}"  # 10,000 as a reader writes it


UPPER = ("up-to", "fewer-than")
"""Qualifiers that say a quantity's upper bound, read with the bound alone."""
LOWER = ("at-least", "more-than")
"""Qualifiers that say a quantity's lower bound, read with the bound alone."""


def _amount(value: Any) -> str | None:
    """The number part of a quantity: the printed number with its qualifier, else its bounds
    ("4 to 5", "up to 12", "at least 100"; "at most" or "at least" when the qualifier does not
    say which side the one bound is on), else ``None``."""
    qualifier = value.qualifier
    if value.nominal is not None:
        return QUALIFIERS.get(qualifier, "") + _number(value.nominal)
    low, high = value.low, value.high
    if low is not None and high is not None:
        about = "about " if qualifier == "approximate-range" else ""
        return f"{about}{_number(low)} to {_number(high)}"
    if high is not None:
        return (QUALIFIERS[qualifier] if qualifier in UPPER else "at most ") + _number(high)
    if low is not None:
        return (QUALIFIERS[qualifier] if qualifier in LOWER else "at least ") + _number(low)
    return None


def _quantity(value: Any) -> str:
    amount = _amount(value)
    if amount is None:
        return f"no number given ({value.unit})" if value.unit else "no number given"
    return f"{amount} {value.unit}" if value.unit else amount


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
