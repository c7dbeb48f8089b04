"""Validation rules.  Importing this package registers every rule and issue code."""

from . import ids, people, predicates, quotes, sources, structure, timeline, values
from .registry import CODES, RULES, Rule, RuleCode

__all__ = [
    "CODES",
    "RULES",
    "Rule",
    "RuleCode",
    "ids",
    "people",
    "predicates",
    "quotes",
    "sources",
    "structure",
    "timeline",
    "values",
]
