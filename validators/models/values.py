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


VALUE_KIND = (
    "The kind of value: year, date, quantity, age, entity, text, text-list or boolean; the "
    "columns for that kind hold it."
)
"""The description of every value model's ``type`` field (one column for them all)."""


class DateSpan(Record):
    """A date known to lie between ``earliest`` and ``latest`` (both inclusive).

    ``precision`` says how the text gave it: ``day`` (both bounds equal), ``month`` or ``year``
    (the bounds span that month or year), or ``range`` (any other interval).  A missing bound
    means the text gives none.  ``basis`` says how the span was obtained when it was not printed
    as such, e.g. a weekday resolved against the article's date.
    """

    earliest: IsoDate | None = Field(
        None,
        description=(
            "The earliest day it can be (inclusive); null when the text sets no lower bound."
        ),
    )
    latest: IsoDate | None = Field(
        None,
        description="The latest day it can be (inclusive); null when the text sets no upper bound.",
    )
    precision: DatePrecision = Field(
        description="How the text gave the date: day, month, year, or range for any other interval."
    )
    basis: str | None = Field(
        None,
        description=(
            "How the interval was worked out when the text did not print it as such (for example "
            "a weekday read against the article's date)."
        ),
    )
    before_publication_of: RecordId | None = Field(
        None,
        description=(
            "The id of a source that reports it as already past: it is no later than that "
            "source's publication, so the latest bound is at most the source's latest "
            "publication day (the validator asks for it when that day is known)."
        ),
    )
    after_publication_of: RecordId | None = Field(
        None,
        description=(
            "The id of a source that speaks of it as still to come: it is no earlier than that "
            "source's publication, so the earliest bound is at least the source's earliest "
            "publication day (the validator asks for it when that day is known)."
        ),
    )


class YearValue(Record):
    """A calendar year, e.g. a birth year ("born in 1999")."""

    type: Literal["year"] = Field(description=VALUE_KIND)
    year: Year = Field(description="For a year value: the calendar year.")


class DateValue(Record):
    """A date or date interval, with its precision."""

    type: Literal["date"] = Field(description=VALUE_KIND)
    date: DateSpan = Field(description="For a date value: the date interval.")


class QuantityValue(Record):
    """A count or measure as an interval, with the qualifier the text used.

    ``nominal`` is the number printed in the text; ``low`` and ``high`` are the inclusive bounds
    it implies (``null`` where the text sets none).  For ``more-than`` and ``fewer-than`` the bound
    is the printed number and is exclusive.  ``about 10,000`` has a nominal value and no bounds:
    nothing is invented about how far "about" reaches.
    """

    type: Literal["quantity"] = Field(description=VALUE_KIND)
    qualifier: QuantityQualifier = Field(
        description=(
            "For a quantity: the text's qualifier (exact, about, at-least, more-than, up-to, "
            "fewer-than, range, approximate-range)."
        )
    )
    nominal: Number | None = Field(None, description="For a quantity: the number the text prints.")
    low: Number | None = Field(
        None,
        description=(
            "For a quantity: the lowest value the text allows; exclusive for more-than, otherwise"
            " inclusive; null when the text sets none."
        ),
    )
    high: Number | None = Field(
        None,
        description=(
            "For a quantity: the highest value the text allows; exclusive for fewer-than, "
            "otherwise inclusive; null when the text sets none."
        ),
    )
    unit: str | None = Field(
        None, description="For a quantity: what is counted or measured, in the text's words."
    )


class AgeValue(Record):
    """An age in whole years at a stated date ("a 26-year-old", as of a date)."""

    type: Literal["age"] = Field(description=VALUE_KIND)
    years: AgeYears = Field(description="For an age: the age in completed years.")
    at: DateSpan = Field(
        description="For an age: when the person had that age, as a date interval."
    )


class EntityValue(Record):
    """A reference to an entity (a place held at, a document carried, a unit)."""

    type: Literal["entity"] = Field(description=VALUE_KIND)
    entity: RecordId = Field(description="For an entity value: the id of the entity.")


class TextValue(Record):
    """Free text: a role, a description, or what a person said, verbatim."""

    type: Literal["text"] = Field(description=VALUE_KIND)
    text: NonEmptyText = Field(description="For a text value: the text.")


class TextListValue(Record):
    """An unordered set of short texts, e.g. languages."""

    type: Literal["text-list"] = Field(description=VALUE_KIND)
    items: list[NonEmptyText] = Field(min_length=1, description="For a list of texts: its items.")


class BooleanValue(Record):
    """A yes or no fact, e.g. whether a person survived."""

    type: Literal["boolean"] = Field(description=VALUE_KIND)
    value: bool = Field(description="For a yes-or-no value: true or false.")


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
