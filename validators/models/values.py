"""Typed claim values: years, dates as intervals, quantities as intervals, entities, text."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from .base import AgeYears, IsoDate, NonEmptyText, Number, Record, RecordId, Year

DatePrecision = Literal["day", "month", "year", "range"]
QuantityQualifier = Literal[
    "exact",
    "about",
    "at-least",
    "more-than",
    "up-to",
    "fewer-than",
    "range",
    "approximate-range",
]


class DateSpan(Record):
    """A date known to lie between ``earliest`` and ``latest`` (both inclusive).

    ``precision`` says how the text gave it: ``day`` (both bounds equal), ``month`` or ``year``
    (the bounds span that month or year), or ``range`` (any other interval).  A missing bound
    means the text gives none.  ``basis`` says how the span was obtained when it was not printed
    as such, e.g. a weekday resolved against the article's date.
    """

    earliest: IsoDate | None = None
    latest: IsoDate | None = None
    precision: DatePrecision
    basis: str | None = None


class YearValue(Record):
    """A calendar year, e.g. a birth year ("born in 1999")."""

    type: Literal["year"]
    year: Year


class DateValue(Record):
    """A date or date interval, with its precision."""

    type: Literal["date"]
    date: DateSpan


class QuantityValue(Record):
    """A count or measure as an interval, with the qualifier the text used.

    ``nominal`` is the number printed in the text; ``low`` and ``high`` are the inclusive bounds
    it implies (``null`` where the text sets none).  For ``more-than`` and ``fewer-than`` the bound
    is the printed number and is exclusive.  ``about 10,000`` has a nominal value and no bounds:
    nothing is invented about how far "about" reaches.
    """

    type: Literal["quantity"]
    qualifier: QuantityQualifier
    nominal: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: str | None = None


class AgeValue(Record):
    """An age in whole years at a stated date ("a 26-year-old", as of a date)."""

    type: Literal["age"]
    years: AgeYears
    at: DateSpan


class EntityValue(Record):
    """A reference to an entity (a place held at, a document carried, a unit)."""

    type: Literal["entity"]
    entity: RecordId


class TextValue(Record):
    """Free text: a role, a description, or what a person said, verbatim."""

    type: Literal["text"]
    text: NonEmptyText


class TextListValue(Record):
    """An unordered set of short texts, e.g. languages."""

    type: Literal["text-list"]
    items: list[NonEmptyText] = Field(min_length=1)


class BooleanValue(Record):
    """A yes or no fact, e.g. whether a person survived."""

    type: Literal["boolean"]
    value: bool


Value = Annotated[
    YearValue
    | DateValue
    | QuantityValue
    | AgeValue
    | EntityValue
    | TextValue
    | TextListValue
    | BooleanValue,
    Field(discriminator="type"),
]
"""Any claim value; its ``type`` field selects the kind."""

ValueType = Literal["year", "date", "quantity", "age", "entity", "text", "text-list", "boolean"]
"""The names of the value kinds, as predicates declare them."""

VALUE_CLASSES: dict[str, type[Record]] = {
    cls.model_fields["type"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (
        YearValue,
        DateValue,
        QuantityValue,
        AgeValue,
        EntityValue,
        TextValue,
        TextListValue,
        BooleanValue,
    )
}
assert set(VALUE_CLASSES) == set(get_args(ValueType))
