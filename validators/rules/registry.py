"""The rule registry: each rule is a function registered with a stable code and its docs."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from ..config import Config
from ..issues import Issue, Severity
from ..reading.stream import Located
from ..records.kinds import KINDS
from .index import Index

ALL_KINDS = frozenset(kind.name for kind in KINDS)


class Check:
    """One run of a rule over a dataset.  Records stream past in file order (predicates,
    sources, entities, events, claims, exclusions); ``see`` is called with each valid record of
    the kinds in ``kinds``, then ``finish`` once.  A check keeps only the facts it needs.
    """

    kinds: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, index: Index, config: Config) -> None:
        self.index = index
        self.config = config

    def see(self, located: Located, out: list[Issue]) -> None:
        """Check one record as it is read, appending issues to ``out``."""

    def finish(self, out: list[Issue]) -> None:
        """Check what needs every record, once all are read."""


@dataclass(frozen=True)
class Rule:
    """A documented check.  ``codes`` lists every issue code the check can emit.

    Most rules emit one code; a few closely related codes share one pass over the data.
    """

    codes: tuple[RuleCode, ...]
    check: type[Check]


@dataclass(frozen=True)
class RuleCode:
    """The documentation of one issue code: what it means and how to fix it."""

    code: str
    severity: Severity
    title: str
    explanation: str
    fix: str
    example: str = field(default="")


RULES: list[Rule] = []
CODES: dict[str, RuleCode] = {}


def register_code(code: RuleCode) -> RuleCode:
    """Add a documented code to the catalog; codes are unique."""
    if code.code in CODES:
        raise ValueError(f"issue code {code.code!r} registered twice")
    CODES[code.code] = code
    return code


def rule(*codes: RuleCode) -> Callable[[type[Check]], type[Check]]:
    """Register a check together with the codes it may emit."""

    def decorate(check: type[Check]) -> type[Check]:
        for code in codes:
            register_code(code)
        RULES.append(Rule(codes, check))
        return check

    return decorate


SUGGEST_AMONG = 5_000
"""No "did you mean" is searched among more names than this: the search is linear."""
SUGGEST_AT_MOST = 50
"""How many issues of one rule get a "did you mean": the search costs time on each."""


def closest_name(name: str, known: Collection[str]) -> str | None:
    """The known name most like ``name``, for a "did you mean" (difflib, bounded work)."""
    if len(known) > SUGGEST_AMONG:
        return None
    import difflib  # only needed when a name is wrong

    close = difflib.get_close_matches(name[:200], known, n=1, cutoff=0.75)
    return close[0] if close else None


def did_you_mean(name: str, known: Collection[str], otherwise: str) -> str:
    """A fix hint: "did you mean X? otherwise ..." when a known name is close."""
    close = closest_name(name, known)
    return f"did you mean {close}? Otherwise: {otherwise}" if close else otherwise


def article(word: str) -> str:
    """``word`` with its indefinite article: "a person", "an event"."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def issue(code: str, message: str, **where: object) -> Issue:
    """Make an issue for a registered code, with its severity and fix hint filled in."""
    doc = CODES[code]
    hint = where.pop("hint", None) or doc.fix
    return Issue(code, doc.severity, message, hint=str(hint), **where)  # type: ignore[arg-type]


class Place(Protocol):
    """A record's place in the dataset: a :class:`Located` record, or a kept ``Spot``."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def id(self) -> str: ...


def issue_at(
    located: Place, code: str, message: str, pointer: str | None = None, hint: str | None = None
) -> Issue:
    """An issue about one record, placed at the file and line it was read from."""
    return issue(
        code,
        message,
        file=located.file,
        line=located.line,
        record=located.id,
        pointer=pointer,
        hint=hint,
    )
