"""Flat, typed columns generated from the pydantic models' fields.

A nested model becomes prefixed columns (``date`` -> ``date_earliest``, ``date_latest``...), a
union of models (a claim's ``value``) the union of its variants' columns, and a list that has no
table of its own a JSON text column.  A new model field therefore shows up as a column without
any change here.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

KINDS = ("string", "integer", "number", "boolean", "date", "json")
"""Column kinds: ``json`` is a list or object written as JSON text."""

NAMED = {"Claim.value.value": "value_boolean"}
"""Columns whose generated name would not say what they hold, by model field: a boolean
claim value's own field is ``value``, so it is ``value_boolean`` beside ``value_text``,
``value_entity``... rather than ``value_value``."""


@dataclass(frozen=True)
class Column:
    """One column: its name, kind, description and the model path it is read from.

    ``path`` is the chain of attribute names from the table's row object; ``field`` is the
    dotted model field it stands for (``Claim.value.date.earliest``).
    """

    name: str
    kind: str
    description: str
    path: tuple[str, ...]
    field: str


@dataclass(frozen=True)
class Table:
    """A table: its columns in order, primary key and foreign keys (column, table, column)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def kind(self, name: str) -> str:
        """The kind of column ``name``."""
        return next(c.kind for c in self.columns if c.name == name)


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``Annotated`` and ``None``, and whether ``None`` was allowed."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        inner = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
        stripped, _ = _strip(inner) if len(args) == 1 else (inner, False)
        return stripped, optional
    return annotation, False


def _members(annotation: Any) -> list[Any]:
    """The types of a union (without ``Annotated`` wrappers), or the type itself."""
    if get_origin(annotation) in (Union, types.UnionType):
        return [_strip(a)[0] for a in get_args(annotation)]
    return [annotation]


def _scalar_kind(annotation: Any) -> str | None:
    """The column kind of a scalar type, or ``None`` when it is not a scalar."""
    members = _members(annotation)
    if all(get_origin(m) is Literal for m in members):
        values = [v for m in members for v in get_args(m)]
        return "string" if all(isinstance(v, str) for v in values) else None
    if members == [bool]:
        return "boolean"
    if members == [int]:
        return "integer"
    if set(members) == {int, float} or members == [float]:
        return "number"
    if members == [str]:
        return "string"
    if members == [dt.date]:
        return "date"
    return None


def _models(annotation: Any) -> list[type[BaseModel]]:
    members = _members(annotation)
    if all(isinstance(m, type) and issubclass(m, BaseModel) for m in members):
        return members
    return []


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _described(own: str | None, within: str) -> str:
    """A column's description: its field's own, after the clause of the field it sits in."""
    own = own or ""
    return f"{within}: {_lower_first(own)}" if within else own


def _lead(description: str | None) -> str:
    """The first clause of a field's description: what a nested field's columns are part of."""
    return (description or "").split(";")[0].rstrip(".")


def model_columns(
    model: type[BaseModel],
    *,
    skip: frozenset[str] = frozenset(),
    rename: dict[str, str] | None = None,
    prefix: str = "",
    path: tuple[str, ...] = (),
    owner: str | None = None,
    within: str = "",
) -> Iterator[Column]:
    """The flat columns of ``model``'s fields, leaving out ``skip`` (fields with own tables).

    A column's description is its field's (``Field(description=...)``, which the JSON Schema
    carries too); a nested field's columns say which field they are part of (``within``).
    """
    owner = owner or model.__name__
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        field_path = (*path, name)
        dotted = ".".join((owner, *field_path))
        column = NAMED.get(dotted) or (rename or {}).get(name, prefix + name)
        annotation, _ = _strip(info.annotation)
        kind = _scalar_kind(annotation)
        nested = _models(annotation)
        described = _described(info.description, within)
        if kind is not None:
            yield Column(column, kind, described, field_path, dotted)
        elif len(nested) > 1:  # a union: each variant's fields say which variant they are for
            yield from _union_columns(nested, column + "_", field_path, owner)
        elif nested:
            lead = _described(_lead(info.description), within)
            yield from model_columns(
                nested[0], prefix=column + "_", path=field_path, owner=owner, within=lead
            )
        else:
            yield Column(column, "json", f"{described} As JSON text.", field_path, dotted)


def _union_columns(
    models: list[type[BaseModel]], prefix: str, path: tuple[str, ...], owner: str
) -> Iterator[Column]:
    """The columns of every variant, each name once (``value_type`` is shared by all)."""
    seen: set[str] = set()
    for model in models:
        for column in model_columns(model, prefix=prefix, path=path, owner=owner):
            if column.name not in seen:
                seen.add(column.name)
                yield column
