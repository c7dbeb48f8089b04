"""Well-formed intervals: date spans that agree with their precision, quantity bounds in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..issues import Issue
from ..reading.stream import Located
from ..records.spans import month_bounds, year_bounds
from .registry import Check, RuleCode, issue_at, rule

if TYPE_CHECKING:
    from ..models import DateSpan

SPAN_INVERTED = RuleCode(
    "date-span-inverted",
    "error",
    "A date interval ends before it starts",
    "In a date span, earliest must not be later than latest.",
    "Swap or correct the bounds.",
)
PRECISION = RuleCode(
    "date-precision-mismatch",
    "error",
    "A date span's bounds do not match its precision",
    "precision `day` needs earliest = latest; `month` needs the first and last day of one "
    "month; `year` the first and last day of one year. Use `range` for any other interval.",
    "Set the bounds the precision implies, or change the precision to `range`.",
)
QUANTITY = RuleCode(
    "quantity-bounds-inverted",
    "error",
    "A quantity's bounds are out of order",
    "low must not exceed high, and a nominal value must lie within the bounds.",
    "Correct low, high or nominal to what the text says.",
)


def date_spans(located: Located) -> Iterator[tuple[str, DateSpan]]:
    """Each date span of a record with its JSON pointer: a source's publication, an event's
    date, a claim's date or the day its age refers to."""
    record, kind = located.record, located.kind
    if kind == "source" and record.published is not None:
        yield "/published", record.published
    elif kind == "event" and record.date is not None:
        yield "/date", record.date
    elif kind == "claim":
        if record.value.type == "date":
            yield "/value/date", record.value.date
        elif record.value.type == "age":
            yield "/value/at", record.value.at


def _precision_problem(span: DateSpan) -> str | None:
    lo, hi = span.earliest, span.latest
    if span.precision == "range":
        return None
    if lo is None or hi is None:
        return f"precision {span.precision} needs both earliest and latest"
    expected: tuple[dt.date, dt.date]
    if span.precision == "day":
        expected = (lo, lo)
    elif span.precision == "month":
        expected = month_bounds(lo)
    else:
        expected = year_bounds(lo.year)
    if (lo, hi) != expected:
        return (
            f"precision {span.precision} starting {lo.isoformat()} means "
            f"{expected[0].isoformat()} to {expected[1].isoformat()}, not to {hi.isoformat()}"
        )
    return None


@rule(SPAN_INVERTED, PRECISION)
class DateSpans(Check):
    kinds = frozenset({"source", "event", "claim"})

    def see(self, located: Located, out: list[Issue]) -> None:
        for pointer, span in date_spans(located):
            if span.earliest and span.latest and span.earliest > span.latest:
                out.append(
                    issue_at(
                        located,
                        "date-span-inverted",
                        f"{pointer}: earliest {span.earliest.isoformat()} is after latest "
                        f"{span.latest.isoformat()}",
                        pointer=pointer,
                    )
                )
            elif (problem := _precision_problem(span)) is not None:
                out.append(
                    issue_at(
                        located,
                        "date-precision-mismatch",
                        f"{pointer}: {problem}",
                        pointer=f"{pointer}/precision",
                    )
                )


@rule(QUANTITY)
class Quantities(Check):
    kinds = frozenset({"claim"})

    def see(self, located: Located, out: list[Issue]) -> None:
        value = located.record.value
        if value.type != "quantity" or located.record.status != "active":
            return
        low, high, nominal = value.low, value.high, value.nominal
        problem = None
        if low is not None and high is not None and low > high:
            problem = f"low {low} is above high {high}"
        elif nominal is not None and low is not None and nominal < low:
            problem = f"nominal {nominal} is below low {low}"
        elif nominal is not None and high is not None and nominal > high:
            problem = f"nominal {nominal} is above high {high}"
        if problem:
            out.append(issue_at(located, "quantity-bounds-inverted", problem, pointer="/value"))
