"""Dates in the words a reader uses: ``9 January 2025``."""

from __future__ import annotations

import datetime as dt


def day_words(day: dt.date) -> str:
    """``9 January 2025`` (English month names, whatever the locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
