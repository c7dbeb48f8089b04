"""The two value coercions the record models apply before their strict checks.

They live apart from the models so that the compiled validators (:mod:`kursk_pows.records.compiled`)
can use them without importing pydantic's model machinery.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def integral_number(value: Any) -> Any:
    """Read a JSON number with a zero fraction (``3.0``) as the integer it denotes.

    JSON Schema counts ``3.0`` as an integer; strict pydantic would not.  Accepting it keeps the
    models and the published schemas in agreement.  Anything else is passed on unchanged, so
    booleans and strings are still rejected by the strict integer validator.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def iso_date(value: Any) -> Any:
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
