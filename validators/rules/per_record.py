"""What several rules keep of one record, made once: each rule that keeps it then holds the
same object, not an equal copy of its own (memory that grows with the records)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from ..reading.stream import Located
from ..records.sameness import value_key

T = TypeVar("T")


def once_per_record(make: Callable[[Located], T]) -> Callable[[Located], T]:
    """``make``, remembering its result for the last record it was given (the rules see one
    record after the other, so the second rule asking gets the first one's object)."""
    last: list[tuple[Located | None, T | None]] = [(None, None)]

    def made(located: Located) -> T:
        seen, result = last[0]  # one tuple, replaced whole: safe if threads validate at once
        if seen is located and result is not None:
            return result
        result = make(located)
        last[0] = (located, result)
        return result

    made.__doc__ = make.__doc__
    return made


NO_LINKS: frozenset[str] = frozenset()
"""The links of a claim that has none: one object for them all (each empty frozenset made
anew takes 216 bytes)."""

Statement = tuple[str, str, Hashable]
"""A claim's subject, predicate and what its value says (:func:`value_key`)."""


@once_per_record
def statement(located: Located) -> Statement:
    """What a claim states; equal for two claims that state the same thing."""
    claim = located.record
    return (claim.subject, claim.predicate, value_key(claim.value))
