"""Pydantic models of the dataset's records and values.

They define the records (and the JSON Schemas in ``schema/``).  ``kursk_pows.load()`` and
validation give read-only views with exactly these models' attributes, not model instances
(see :mod:`kursk_pows.records.compiled`); ``Claim.model_validate(view, from_attributes=True)``
turns a view into a model.
"""

from .base import IsoDate, JsonInt, Record
from .records import (
    Claim,
    ClaimLink,
    Credit,
    Entity,
    EntityType,
    Event,
    Evidence,
    Exclusion,
    Identified,
    Participant,
    Predicate,
    Source,
)
from .values import (
    AgeValue,
    BooleanValue,
    DatePrecision,
    DateSpan,
    DateValue,
    EntityValue,
    QuantityValue,
    TextListValue,
    TextValue,
    Value,
    ValueType,
    YearValue,
)

__all__ = [
    "AgeValue",
    "BooleanValue",
    "Claim",
    "ClaimLink",
    "Credit",
    "DatePrecision",
    "DateSpan",
    "DateValue",
    "Entity",
    "EntityType",
    "EntityValue",
    "Event",
    "Evidence",
    "Exclusion",
    "Identified",
    "IsoDate",
    "JsonInt",
    "Participant",
    "Predicate",
    "QuantityValue",
    "Record",
    "Source",
    "TextListValue",
    "TextValue",
    "Value",
    "ValueType",
    "YearValue",
]
