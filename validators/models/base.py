"""Shared building blocks for the record models: strict config and JSON-faithful scalar types.

The models are the single source of truth for the record structure, and the JSON Schemas in
``schema/`` are generated from them.  Every constraint that lives here must therefore be one that
JSON Schema can express too, so that both accept and reject exactly the same documents.  Checks
that JSON Schema cannot express (id syntax, cross-field and cross-record consistency) are rules,
not model validators.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ..coercions import integral_number, iso_date


class Record(BaseModel):
    """Base of every model: strict types, unknown fields rejected, immutable instances."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


JsonInt = Annotated[int, BeforeValidator(integral_number)]
"""An integer as JSON Schema defines it (``7`` or ``7.0``)."""

Year = Annotated[int, Field(ge=1, le=9999), BeforeValidator(integral_number)]
"""A calendar year of the proleptic Gregorian calendar."""

AgeYears = Annotated[int, Field(ge=0, le=200), BeforeValidator(integral_number)]
"""An age in completed years."""

Offset = Annotated[int, Field(ge=0), BeforeValidator(integral_number)]
"""A character offset into a text: a non-negative integer."""

IsoDate = Annotated[dt.date, BeforeValidator(iso_date)]
"""A calendar date written ``YYYY-MM-DD``."""

Number = Annotated[int | float, BeforeValidator(integral_number)]
"""A finite JSON number; integral values are kept as ``int``."""

RecordId = Annotated[str, Field(min_length=1)]
"""A reference to another record by its id (syntax is checked by the ``id-malformed`` rule)."""

NonEmptyText = Annotated[str, Field(min_length=1)]
