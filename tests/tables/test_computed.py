"""The computed value columns: the value in words, its unit in one spelling, exclusive bounds."""

from __future__ import annotations

from typing import Any

import pytest

from factory import claim_with_value
from kursk_pows.tables import rows
from kursk_pows.tables.computed import normalised_unit


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("days", "day"),
        ("Week", "week"),
        ("months", "month"),
        ("square kilometres", "km2"),
        ("kilometres", "km"),
        ("metres", "m"),
        ("soldiers", "soldier"),
        ("crew members", "crew member"),
        ("tons of oil", "ton of oil"),
        ("towns", "town"),
        ("troops", "troop"),
        ("press", "press"),  # a word ending in "ss" is not a plural
        ("bus", "bus"),  # nor a word of three letters
        ("aircraft", "aircraft"),  # a word already singular stays as it is
        ("crew member", "crew member"),
        ("  Crew   Members ", "crew member"),
        (None, None),
    ],
)
def test_units_are_spelled_one_way(unit: str | None, expected: str | None) -> None:
    assert normalised_unit(unit) == expected


def _row(value: dict[str, Any], entities: dict[str, Any] | None = None) -> dict[str, Any]:
    claim = claim_with_value(value)
    (row,) = rows({"claim": {claim.id: claim}, "entity": entities or {}}, "claims")
    return row


@pytest.mark.parametrize(
    ("value", "label", "low", "high"),
    [
        (
            {"type": "quantity", "qualifier": "more-than", "nominal": 10000, "low": 10000},
            "more than 10,000 soldiers",
            True,
            None,
        ),
        (
            {"type": "quantity", "qualifier": "fewer-than", "nominal": 100, "high": 100},
            "fewer than 100 soldiers",
            None,
            True,
        ),
        (
            {"type": "quantity", "qualifier": "at-least", "nominal": 100, "low": 100},
            "at least 100 soldiers",
            False,
            None,
        ),
        (
            {"type": "quantity", "qualifier": "range", "low": 4, "high": 5},
            "4 to 5 soldiers",
            False,
            False,
        ),
        (
            {"type": "quantity", "qualifier": "about", "nominal": 10000},
            "about 10,000 soldiers",
            None,
            None,
        ),
    ],
)
def test_quantity_label_and_bounds(
    value: dict[str, Any], label: str, low: bool | None, high: bool | None
) -> None:
    row = _row({**value, "unit": "soldiers"})
    assert row["value_label"] == label
    assert row["value_unit_normalised"] == "soldier"
    assert (row["value_low_exclusive"], row["value_high_exclusive"]) == (low, high)


def test_other_values_have_a_label_and_no_quantity_columns() -> None:
    class Named:
        name = "Kyiv"

    row = _row({"type": "entity", "entity": "place:kyiv"}, {"place:kyiv": Named()})
    assert row["value_label"] == "Kyiv"
    assert row["value_unit_normalised"] is None
    assert row["value_low_exclusive"] is None
    assert row["value_high_exclusive"] is None
    assert _row({"type": "year", "year": 1999})["value_label"] == "1999"
    assert _row({"type": "entity", "entity": "place:gone"})["value_label"] == "place:gone"
