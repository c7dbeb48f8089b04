"""Columns computed from a claim's value rather than read from one field: the value in words,
its unit normalised, and whether a quantity's bounds are exclusive.

These save an analyst a coalesce over twenty value columns, or knowing that ``more-than`` makes
``value_low`` exclusive.  The same functions fill the claims and the propositions tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..records.wording import value_text
from .columns import Column

Compute = Callable[[Any, Callable[[str], str]], Any]
"""Computes a column from a value and a function naming an entity by its id."""

_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "hour": "hour",
    "hours": "hour",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "km2": "km2",
}
"""Units of time, length and area, by the words a text may use."""


def _singular(word: str) -> str:
    """A plural noun's singular by the regular rule (``soldiers`` -> ``soldier``)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def normalised_unit(unit: str | None) -> str | None:
    """A unit in one spelling: lower case, time units singular, ``km``/``m``/``km2`` for
    lengths and areas, and other counted nouns singular (``crew members`` -> ``crew member``,
    ``tons of oil`` -> ``ton of oil``).  ``None`` stays ``None``."""
    if unit is None:
        return None
    words = " ".join(unit.lower().split())
    if words in _UNITS:
        return _UNITS[words]
    head, of, rest = words.partition(" of ")
    parts = head.split(" ")
    parts[-1] = _singular(parts[-1])
    return " ".join(parts) + (of + rest if of else "")


def _is_quantity(value: Any) -> bool:
    return bool(value.type == "quantity")


def _label(value: Any, name_of: Callable[[str], str]) -> str:
    return value_text(value, name_of)


def _unit(value: Any, _: Callable[[str], str]) -> str | None:
    return normalised_unit(value.unit) if _is_quantity(value) else None


def _low_exclusive(value: Any, _: Callable[[str], str]) -> bool | None:
    if not _is_quantity(value) or value.low is None:
        return None
    return bool(value.qualifier == "more-than")


def _high_exclusive(value: Any, _: Callable[[str], str]) -> bool | None:
    if not _is_quantity(value) or value.high is None:
        return None
    return bool(value.qualifier == "fewer-than")


VALUE_COMPUTED: Mapping[str, tuple[Column, Compute]] = {
    column.name: (column, compute)
    for column, compute in (
        (
            Column(
                "value_label",
                "string",
                "The value in words, as the site shows it ('about 10,000 soldiers', 'up to 3 "
                "km', '2025-01-09'); the one column that holds every kind of value.",
                (),
                "",
            ),
            _label,
        ),
        (
            Column(
                "value_unit_normalised",
                "string",
                "For a quantity: its unit in one spelling (lower case, singular; km, m and km2 "
                "for lengths and areas), for grouping.",
                (),
                "",
            ),
            _unit,
        ),
        (
            Column(
                "value_low_exclusive",
                "boolean",
                "For a quantity with a lowest value: true when that bound is exclusive "
                "('more than 10,000'), false when it is inclusive.",
                (),
                "",
            ),
            _low_exclusive,
        ),
        (
            Column(
                "value_high_exclusive",
                "boolean",
                "For a quantity with a highest value: true when that bound is exclusive "
                "('fewer than 100'), false when it is inclusive.",
                (),
                "",
            ),
            _high_exclusive,
        ),
    )
}
"""The computed value columns, by name, each with its function."""


def value_cells(value: Any, name_of: Callable[[str], str]) -> dict[str, Any]:
    """The computed value columns of one value, by column name."""
    return {name: compute(value, name_of) for name, (_, compute) in VALUE_COMPUTED.items()}
