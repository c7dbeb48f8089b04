"""JSON Schemas (draft 2020-12) generated from the models: one file per record type."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .kinds import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class Generator(GenerateJsonSchema):
    """pydantic's generator, made to write the same schemas with every release in the range
    the project declares."""

    def literal_schema(self, schema: core_schema.LiteralSchema) -> JsonSchemaValue:
        """One allowed value is a ``const`` alone.  Older releases (2.7 among them) also wrote
        it as a one-value ``enum``, which says the same thing."""
        result = super().literal_schema(schema)
        if "const" in result and result.get("enum") == [result["const"]]:
            del result["enum"]
        return result


def _direct_refs(node: Any) -> Any:
    """``node`` with each ``{"allOf": [{"$ref": R}], ...}`` written ``{"$ref": R, ...}``: older
    releases (2.7 among them) wrap a reference that has a description beside it, which draft
    2020-12 allows directly, as newer ones write it."""
    if isinstance(node, list):
        return [_direct_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    wrapped = node.get("allOf")
    if isinstance(wrapped, list) and len(wrapped) == 1 and isinstance(wrapped[0], dict):
        (only,) = wrapped
        if list(only) == ["$ref"]:
            node = {
                ("$ref" if k == "allOf" else k): (only["$ref"] if k == "allOf" else v)
                for k, v in node.items()
            }
    return {k: _direct_refs(v) for k, v in node.items()}


def schema_for(kind_name: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, with ``$schema``, ``$id`` and title set."""
    kind = next(k for k in KINDS if k.name == kind_name)
    schema = _direct_refs(
        kind.model.model_json_schema(mode="validation", schema_generator=Generator)
    )
    return {
        "$schema": DIALECT,
        "$id": f"urn:kursk-pows:schema:{kind.name}",
        **schema,
    }


def schema_files() -> dict[str, str]:
    """File name -> text of every schema, exactly as committed under ``schema/``."""
    return {
        f"{kind.name}.schema.json": json.dumps(schema_for(kind.name), indent=2, ensure_ascii=False)
        + "\n"
        for kind in KINDS
    }
