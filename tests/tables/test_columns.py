"""Table columns come from the models: no model field is left without a column."""

from __future__ import annotations

import datetime as dt
import types
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field

from kursk_pows.models import (
    BooleanValue,
    Claim,
    Entity,
    Event,
    Exclusion,
    Predicate,
    Source,
    YearValue,
)
from kursk_pows.tables import tables
from kursk_pows.tables.columns import (
    Column,
    Table,
    _described,
    _lead,
    _models,
    _scalar_kind,
    _strip,
    model_columns,
)
from kursk_pows.tables.layout import _listed, layouts

TOP = {
    "sources": Source,
    "predicates": Predicate,
    "entities": Entity,
    "events": Event,
    "claims": Claim,
    "exclusions": Exclusion,
}


def _bare(annotation: object) -> list[object]:
    """The types an annotation allows, without Annotated, None or list wrappers."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        return [t for a in get_args(annotation) for t in _bare(a) if t is not type(None)]
    return [annotation]


def _leaves(model: type[BaseModel], owner: str, path: tuple[str, ...]) -> set[str]:
    """Every scalar field reachable from ``model`` without crossing a list, dotted."""
    found = set()
    for name, info in model.model_fields.items():
        kinds = _bare(info.annotation)
        nested = [k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)]
        if nested:
            for k in nested:
                found |= _leaves(k, owner, (*path, name))
        else:
            found.add(".".join((owner, *path, name)))
    return found


def _fields(table: str) -> set[str]:
    return {c.field for c in layouts()[table].table.columns if c.field}


def test_every_model_field_has_a_column_or_a_table() -> None:
    listed = {(layout.kinds, layout.lists[-1]) for layout in layouts().values() if layout.lists}
    for name, model in TOP.items():
        columns = _fields(name)
        for leaf in _leaves(model, model.__name__, ()):
            field = leaf.split(".")[1]
            in_own_table = any(field == lists for _, lists in listed)
            assert leaf in columns or in_own_table, f"{leaf} has no column in {name}"
    # the list tables carry their items' fields too
    evidence = {"Evidence.source", "Evidence.quote", "Evidence.start", "Evidence.end"}
    assert evidence <= _fields("evidence")
    assert {"ClaimLink.type", "ClaimLink.claim", "ClaimLink.note"} <= _fields("links")
    assert {"Participant.entity", "Participant.role"} <= _fields("event_participants")


def test_a_new_model_field_becomes_a_column() -> None:
    class Wider(Event):
        witnessed: dt.date | None = None
        count: int = 0

    names = {c.name: c.kind for c in model_columns(Wider, skip=frozenset({"evidence"}))}
    assert names["witnessed"] == "date"
    assert names["count"] == "integer"
    assert names["date_earliest"] == "date"
    assert names["participants"] == "json"  # a list without a table of its own


def test_claim_value_columns_are_typed() -> None:
    kinds = {c.name: c.kind for c in layouts()["claims"].table.columns}
    assert kinds["value_type"] == "string"
    assert kinds["value_year"] == "integer"
    assert kinds["value_date_earliest"] == "date"
    assert kinds["value_nominal"] == "number"
    assert kinds["value_boolean"] == "boolean"
    assert "value_value" not in kinds
    assert kinds["value_items"] == "json"


def test_column_names_are_unique_and_keys_are_columns() -> None:
    for table in tables():
        assert len(set(table.names)) == len(table.names), table.name
        assert set(table.primary_key) <= set(table.names)
        for column, other, key in table.foreign_keys:
            assert column in table.names
            assert key in layouts()[other].table.names


def test_a_tables_kind_of_column_by_name() -> None:
    def column(name: str, kind: str) -> Column:
        return Column(name, kind, "", (name,), name)

    table = Table("t", "", (column("id", "string"), column("n", "integer")), ("id",))
    assert (table.kind("id"), table.kind("n")) == ("string", "integer")


def test_strip_unwraps_annotated_and_none_by_hand() -> None:
    assert _strip(int | None) == (int, True)
    assert _strip(Annotated[int, "x"] | None) == (int, True)
    assert _strip(Annotated[int, "x"]) == (int, False)
    assert _strip(int | str) == (Union[int, str], False)  # noqa: UP007
    assert _strip(int | str | None) == (Union[int, str], True)  # noqa: UP007


def test_scalar_kinds_and_nested_models_by_hand() -> None:
    assert [
        _scalar_kind(t)
        for t in (bool, int, float, int | float, str, dt.date, Literal["a", "b"], Literal[1])
    ] == ["boolean", "integer", "number", "number", "string", "date", "string", None]
    assert _scalar_kind(list[int]) is None
    assert _models(BooleanValue | YearValue) == [BooleanValue, YearValue]
    assert _models(int) == []
    assert _models(list[int]) == []


def test_a_nested_fields_description_says_what_it_is_part_of_by_hand() -> None:
    assert _described("The id.", "") == "The id."
    assert _described("The earliest day.", "When it happened") == (
        "When it happened: the earliest day."
    )
    assert _described(None, "") == ""
    assert _lead("When it happened, as an interval; null when none.") == (
        "When it happened, as an interval"
    )
    assert _lead("Where it is.") == "Where it is"
    assert _lead(None) == ""


def test_columns_of_a_nested_model_are_named_and_placed_for_their_owner() -> None:
    found = model_columns(BooleanValue, prefix="value_", path=("value",), owner="Claim")
    assert [(c.name, c.field, c.path) for c in found] == [
        ("value_type", "Claim.value.type", ("value", "type")),
        ("value_boolean", "Claim.value.value", ("value", "value")),
    ]


def test_a_nested_models_columns_say_which_field_they_are_part_of() -> None:
    described = {c.name: c.description for c in model_columns(Event)}
    lead = "When it happened, as a date interval: "
    assert described["date_earliest"].startswith(lead)
    assert described["date_latest"].startswith(lead)


def test_a_union_of_two_models_has_both_variants_columns() -> None:
    class Holder(BaseModel):
        v: BooleanValue | YearValue

    assert [c.name for c in model_columns(Holder)] == ["v_type", "v_value", "v_year"]


def test_a_list_of_scalars_column_is_described_by_its_list_field() -> None:
    class Holder(BaseModel):
        tags: list[str] = Field(description="The tags it carries.")

    made = _listed("tags", "Tags.", Holder, ("x",), ("tags",), (), item="tag")
    assert made.table.columns[-1].description == "One per row: the tags it carries."


def test_a_list_of_non_scalar_items_is_a_json_column() -> None:
    class Holder(BaseModel):
        grid: list[list[int]]

    made = _listed("grid", "Rows.", Holder, ("x",), ("grid",), (), item="cell")
    assert [(c.name, c.kind, c.field) for c in made.table.columns] == [
        ("status", "string", ""),  # the status of the row's record, after the keys
        ("cell", "json", "Holder.grid"),
    ]
