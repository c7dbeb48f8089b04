"""When two claim values say the same thing: equal parts, whatever the words of their basis.

A date's or an age's ``basis`` says how one report's words were read (a weekday resolved
against one article's date), and so does the article whose publication bounds it
(``before_publication_of``, ``after_publication_of``): they are left out.  Texts compare
without regard to case or runs of white space, and a text list as a set.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

PER_REPORT = frozenset({"basis", "before_publication_of", "after_publication_of"})
"""Value fields that describe one report's wording, not what the value says."""


_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}
"""Each set of field names once: every key of a value of one type holds the same tuple of
names.  Bounded by the value types and their parts: names come from the models, which refuse a
field they do not declare, never from the data."""


def value_key(value: Any) -> Hashable:
    """A hashable key equal for two values that say the same thing."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, list | tuple):
        keys = [value_key(v) for v in value]
        if all(isinstance(k, str) for k in keys):
            return frozenset(keys)
        return tuple(keys)
    if hasattr(value, "__dict__"):  # its field names (one shared tuple), then their keys
        parts = sorted(
            (name, part)
            for name, part in vars(value).items()
            if name not in PER_REPORT and not name.startswith("_")
        )
        names = tuple(name for name, _ in parts)
        return (_NAMES.setdefault(names, names), *(value_key(part) for _, part in parts))
    found: Hashable = value  # a number, a date, a boolean or None
    return found
