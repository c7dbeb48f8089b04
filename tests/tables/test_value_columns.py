"""Property: any claim value comes back from its row's typed columns, in every engine's types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factory import claim_with_value
from kursk_pows.tables import rows, table
from kursk_pows.tables.arrow import to_arrow

text = st.text(min_size=1, max_size=20)
number = st.one_of(
    st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False, width=64)
)
day = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
span = st.fixed_dictionaries(
    {"precision": st.sampled_from(["day", "month", "year", "range"])},
    optional={"earliest": day, "latest": day, "basis": text},
)
values = st.one_of(
    st.builds(lambda y: {"type": "year", "year": y}, st.integers(1, 9999)),
    st.builds(lambda d: {"type": "date", "date": d}, span),
    st.fixed_dictionaries(
        {"type": st.just("quantity"), "qualifier": st.sampled_from(["exact", "about", "range"])},
        optional={"nominal": number, "low": number, "high": number, "unit": text},
    ),
    st.builds(lambda y, a: {"type": "age", "years": y, "at": a}, st.integers(0, 200), span),
    st.builds(lambda e: {"type": "entity", "entity": e}, text),
    st.builds(lambda t: {"type": "text", "text": t}, text),
    st.builds(lambda i: {"type": "text-list", "items": i}, st.lists(text, min_size=1)),
    st.builds(lambda b: {"type": "boolean", "value": b}, st.booleans()),
)


COMPUTED = {"value_label", "value_unit_normalised", "value_low_exclusive", "value_high_exclusive"}
"""The claims columns computed from the value as a whole (tests/tables/test_computed.py)."""
COLUMN_AT = {c.path: c.name for c in table("claims").columns if c.name not in COMPUTED}
"""Each claims column by the model path it is read from (``("value", "date", "earliest")``)."""


def _back(row: dict[str, Any], path: tuple[str, ...], value: Any) -> Any:
    """The nested value rebuilt from the columns read at its model paths."""
    if isinstance(value, dict):
        return {k: _back(row, (*path, k), v) for k, v in value.items()}
    return row[COLUMN_AT[path]]


def _paths(path: tuple[str, ...], value: Any) -> set[tuple[str, ...]]:
    """The model paths of every scalar (or list) inside ``value``."""
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in _paths((*path, k), v)}
    return {path}


@settings(max_examples=200, deadline=None)
@given(values)
def test_value_round_trips_through_its_columns(value: dict[str, Any]) -> None:
    claim = claim_with_value(value)
    (row,) = rows({"claim": {claim.id: claim}}, "claims")
    dumped = claim.value.model_dump()
    if dumped["type"] == "text-list":
        assert row["value_items"] is not None
    else:
        assert _back(row, ("value",), dumped) == dumped
    own = {COLUMN_AT[path] for path in _paths(("value",), dumped)}
    others = [n for n in row if n.startswith("value_") and n not in own | COMPUTED]
    assert all(row[n] is None for n in others)
    assert isinstance(row["value_label"], str)
    assert row["value_label"]
    arrow = to_arrow(table("claims"), [row])
    numbers = {"value_nominal", "value_low", "value_high"}
    assert arrow.to_pylist() == [
        {k: float(v) if k in numbers and v is not None else v for k, v in row.items()}
    ]
