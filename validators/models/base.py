"""Shared building blocks for the record models: strict config and JSON-faithful scalar types.

The models are the single source of truth for the record structure, and the JSON Schemas in
``schema/`` are generated from them.  Every constraint that lives here must therefore be one that
JSON Schema can express too, so that both accept and reject exactly the same documents.  Checks
that JSON Schema cannot express (id syntax, cross-field and cross-record consistency) are rules,
not model validators.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Record(BaseModel):
    """Base of every model: strict types, unknown fields rejected, immutable instances."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _integral_number(value: Any) -> Any:
    """Read a JSON number with a zero fraction (``3.0``) as the integer it denotes.

    JSON Schema counts ``3.0`` as an integer; strict pydantic would not.  Accepting it keeps the
    models and the published schemas in agreement.  Anything else is passed on unchanged, so
    booleans and strings are still rejected by the strict integer validator.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iso_date(value: Any) -> Any:
    """Turn an ISO 8601 calendar date string (``YYYY-MM-DD``) into a ``date``.

    Only the exact extended form is accepted, as JSON Schema's ``date`` format does; other
    values are passed on for the strict date validator to reject.
    """
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


JsonInt = Annotated[int, BeforeValidator(_integral_number)]
"""An integer as JSON Schema defines it (``7`` or ``7.0``)."""

Year = Annotated[int, Field(ge=1, le=9999), BeforeValidator(_integral_number)]
"""A calendar year of the proleptic Gregorian calendar."""

AgeYears = Annotated[int, Field(ge=0, le=200), BeforeValidator(_integral_number)]
"""An age in completed years."""

Offset = Annotated[int, Field(ge=0), BeforeValidator(_integral_number)]
"""A character offset into a text: a non-negative integer."""

IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A calendar date written ``YYYY-MM-DD``."""

Number = Annotated[int | float, BeforeValidator(_integral_number)]
"""A finite JSON number; integral values are kept as ``int``."""

RecordId = Annotated[str, Field(min_length=1)]
"""A reference to another record by its id (syntax is checked by the ``id-malformed`` rule)."""

NonEmptyText = Annotated[str, Field(min_length=1)]
