"""Validation rules.  Importing this package registers every rule and issue code."""

from . import (
    attribution,
    contradictions,
    coverage,
    ids,
    manifest,
    people,
    predicates,
    propositions,
    quotes,
    retraction,
    sources,
    structure,
    timeline,
    values,
)
from .registry import CODES, RULES, Rule, RuleCode

__all__ = [
    "CODES",
    "RULES",
    "Rule",
    "RuleCode",
    "attribution",
    "contradictions",
    "coverage",
    "ids",
    "manifest",
    "people",
    "predicates",
    "propositions",
    "quotes",
    "retraction",
    "sources",
    "structure",
    "timeline",
    "values",
]
