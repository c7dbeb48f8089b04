"""The committed JSON Schemas: generated from the models, satisfied by the shipped data, and in
agreement with the models on what they accept."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from factory import DatasetSpec
from kursk_pows.reading.locations import bundled
from kursk_pows.records.json_schema import _direct_refs, schema_files
from kursk_pows.records.kinds import KIND_BY_NAME, KINDS

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def committed(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def validator(kind: str) -> jsonschema.protocols.Validator:
    schema = committed(kind)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


VALIDATORS = {kind.name: validator(kind.name) for kind in KINDS}


def test_committed_schemas_match_the_models() -> None:
    generated = schema_files()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert on_disk == generated, "schemas drifted: run python scripts/regenerate.py"


def test_a_wrapped_reference_is_written_directly_as_newer_pydantic_writes_it() -> None:
    """Older pydantic releases write a reference with a description beside it as a one-item
    ``allOf``; the schemas are the same whichever release wrote them."""
    date = {"allOf": [{"$ref": "#/$defs/DateSpan"}], "description": "When."}
    wrapped = {"properties": {"date": date}, "anyOf": [date, {"type": "null"}]}
    direct = {"$ref": "#/$defs/DateSpan", "description": "When."}
    assert _direct_refs(wrapped) == {
        "properties": {"date": direct},
        "anyOf": [direct, {"type": "null"}],
    }


@pytest.mark.parametrize(
    "node",
    [
        {"allOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}]},  # two schemas together
        {"allOf": [{"$ref": "#/$defs/A", "description": "A."}]},  # more than a reference
        {"allOf": [True]},  # a boolean schema
        {"allOf": [{"type": "string"}]},
    ],
)
def test_an_all_of_that_is_not_one_bare_reference_is_left_as_it_is(node: dict[str, Any]) -> None:
    assert _direct_refs(copy.deepcopy(node)) == node


def test_schemas_are_draft_2020_12() -> None:
    for kind in KINDS:
        assert committed(kind.name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_every_shipped_record_satisfies_its_schema(kind: str) -> None:
    path = bundled("dataset") / KIND_BY_NAME[kind].file
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        errors = [e.message for e in VALIDATORS[kind].iter_errors(json.loads(line))]
        assert errors == [], f"{path.name}:{number}"


def model_accepts(kind: str, data: Any) -> bool:
    try:
        KIND_BY_NAME[kind].model.model_validate(data)
    except ValidationError:
        return False
    return True


def schema_accepts(kind: str, data: Any) -> bool:
    return VALIDATORS[kind].is_valid(data)


SEEDS: list[tuple[str, dict[str, Any]]] = [
    (kind, record) for kind, records in DatasetSpec().records.items() for record in records
]
CLAIM = next(record for kind, record in reversed(SEEDS) if kind == "claim")
EVENT = next(record for kind, record in SEEDS if kind == "event")
SOURCE = next(record for kind, record in SEEDS if kind == "source")
SEEDS += [
    ("claim", {**CLAIM, "value": value})
    for value in (
        {"type": "quantity", "qualifier": "about", "nominal": 10_000, "unit": "soldier"},
        {
            "type": "date",
            "date": {
                "earliest": "2024-10-01",
                "latest": "2024-10-31",
                "precision": "month",
                "basis": "printed",
            },
        },
        {"type": "entity", "entity": "place:kyiv"},
        {"type": "text-list", "items": ["Korean"]},
        {"type": "boolean", "value": False},
    )
]

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),  # JSON has no NaN or Infinity
    st.sampled_from([0.0, 1.0, 1999.0, -1.0, 1e20, 0.5]),
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "2025-01-09",
            "2025-02-30",
            "2025-1-09",
            "2025-01-09\n",
            "20250109",
            "2025-W02-4",
            "\uff12\uff10\uff12\uff15-01-09",
            "year",
            "date",
            "quantity",
            "age",
            "entity",
            "text",
            "text-list",
            "boolean",
            "person",
            "group",
            "place",
            "day",
            "month",
            "range",
            "about",
            "exact",
            "contradicts",
            "person:soldier-a",
            "a" * 64,
            "0" * 63,
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, (*prefix, index))
    return found


@st.composite
def mutated_records(draw: st.DrawFn) -> tuple[str, Any]:
    """A valid record with up to three edits: a value replaced, a key dropped or added."""
    kind, seed = draw(st.sampled_from(SEEDS))
    record = copy.deepcopy(seed)
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_paths(record)))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if not path:
            continue  # the record itself: keep it an object, the reader already demands that
        parent = record
        for step in path[:-1]:
            parent = parent[step]
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "note", "start", "low", "via"]))] = draw(
                json_values
            )
    return kind, record


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_records())
@example(("claim", {**CLAIM, "value": {"type": "year", "year": 1999.0}}))
@example(("claim", {**CLAIM, "value": {"type": "year", "year": True}}))
@example(("source", {**SOURCE, "published": {"earliest": "2025-02-30", "precision": "day"}}))
@example(("claim", {**CLAIM, "value": {"type": "year", "year": 0}}))
@example(("claim", {**CLAIM, "value": {"type": "year", "year": 10_000}}))
@example(("event", {**EVENT, "evidence": [{"source": "source:x", "quote": "q", "start": -1}]}))
def test_models_and_schemas_agree(case: tuple[str, Any]) -> None:
    kind, record = case
    assert model_accepts(kind, record) == schema_accepts(kind, record), record


def test_seeds_cover_every_kind_and_are_valid() -> None:
    assert {kind for kind, _ in SEEDS} == {k.name for k in KINDS}
    assert all(model_accepts(k, r) and schema_accepts(k, r) for k, r in SEEDS)


KEYWORDS = {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "default",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "anyOf",
    "oneOf",
    "const",
    "enum",
    "format",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "discriminator",
    "propertyName",
    "mapping",
}


def _keywords(node: Any, in_properties: bool = False) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, child in node.items():
            if not in_properties:
                found.add(key)
            found |= _keywords(
                child, key in ("properties", "$defs", "mapping") and not in_properties
            )
    elif isinstance(node, list):
        for child in node:
            found |= _keywords(child)
    return found


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_schemas_use_only_standard_keywords(kind: str) -> None:
    """A constraint pydantic cannot translate shows up as a stray key (``ge``) that JSON Schema
    validators silently ignore; this catches it."""
    assert _keywords(committed(kind)) - KEYWORDS == set()
