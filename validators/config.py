"""Tunable bounds of the plausibility warnings (errors are never configurable)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Bounds for the warnings about implausible (not impossible) values.

    ``min_service_age``/``max_service_age``: the age range in which joining an army is treated as
    plausible; a person whose age at service start must lie outside it gets a warning.
    ``max_age``: the oldest plausible age of a living person.
    """

    min_service_age: int = 14
    max_service_age: int = 65
    max_age: int = 120
