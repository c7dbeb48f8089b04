"""What counts as "the same value" for ``link-contradicts-same-value``."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from kursk_pows.models.values import Value
from kursk_pows.records.sameness import value_key as same_value_key

VALUE: TypeAdapter[Any] = TypeAdapter(Value)


def _date(earliest: str, latest: str, basis: str | None = None) -> dict[str, Any]:
    return {"earliest": earliest, "latest": latest, "precision": "range", "basis": basis}


SAME = [
    ({"type": "text", "text": "sniper"}, {"type": "text", "text": "sniper"}),
    ({"type": "text", "text": "sniper"}, {"type": "text", "text": " Sniper"}),
    ({"type": "text-list", "items": ["a", "b"]}, {"type": "text-list", "items": ["b", "a"]}),
    (
        {"type": "date", "date": _date("2025-01-01", "2025-01-09", "from 003's dateline")},
        {"type": "date", "date": _date("2025-01-01", "2025-01-09")},
    ),
    (
        {"type": "quantity", "qualifier": "about", "nominal": 10000},
        {"type": "quantity", "qualifier": "about", "nominal": 10000.0},
    ),
]
DIFFERENT = [
    ({"type": "text", "text": "sniper"}, {"type": "text", "text": "scout sniper"}),
    ({"type": "text-list", "items": ["a", "b"]}, {"type": "text-list", "items": ["a"]}),
    (
        {"type": "date", "date": _date("2025-01-01", "2025-01-09")},
        {"type": "date", "date": _date("2025-01-01", "2025-01-10")},
    ),
    (
        {"type": "quantity", "qualifier": "about", "nominal": 10000},
        {"type": "quantity", "qualifier": "about", "nominal": 12000},
    ),
    (
        {"type": "quantity", "qualifier": "about", "nominal": 10000},
        {"type": "quantity", "qualifier": "more-than", "nominal": 10000, "low": 10000},
    ),
    (
        {"type": "quantity", "qualifier": "exact", "nominal": 2, "unit": "soldiers"},
        {"type": "quantity", "qualifier": "exact", "nominal": 2, "unit": "officers"},
    ),
    ({"type": "boolean", "value": True}, {"type": "boolean", "value": False}),
    ({"type": "year", "year": 1999}, {"type": "year", "year": 2005}),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_values(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert same_value_key(VALUE.validate_python(a)) == same_value_key(VALUE.validate_python(b))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_values(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert same_value_key(VALUE.validate_python(a)) != same_value_key(VALUE.validate_python(b))
