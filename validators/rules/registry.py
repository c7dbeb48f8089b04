"""The rule registry: each rule is a function registered with a stable code and its docs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..config import Config
from ..loading import LoadedDataset, Located
from ..report import Issue, Severity

Check = Callable[[LoadedDataset, Config], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    """A documented check.  ``codes`` lists every issue code the check can emit.

    Most rules emit one code; a few closely related codes share one pass over the data.
    """

    codes: tuple[RuleCode, ...]
    check: Check


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


def rule(*codes: RuleCode) -> Callable[[Check], Check]:
    """Register a check function together with the codes it may emit."""

    def decorate(check: Check) -> Check:
        for code in codes:
            register_code(code)
        RULES.append(Rule(codes, check))
        return check

    return decorate


def issue(code: str, message: str, **where: object) -> Issue:
    """Make an issue for a registered code, with its severity and fix hint filled in."""
    doc = CODES[code]
    hint = where.pop("hint", None) or doc.fix
    return Issue(code, doc.severity, message, hint=str(hint), **where)  # type: ignore[arg-type]


def issue_at(
    located: Located, code: str, message: str, pointer: str | None = None, hint: str | None = None
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
