"""Validation issues and the report that collects them: plain data, rendered elsewhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a dataset.

    ``file`` is relative to the dataset directory; ``line`` and ``column`` are 1-based;
    ``pointer`` is a JSON Pointer (RFC 6901) into the record; ``hint`` says how to fix it.
    """

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    record: str | None = None
    pointer: str | None = None
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """Order by place in the dataset, then by rule and record."""
        return (
            self.file or "",
            self.line or 0,
            self.column or 0,
            self.code,
            self.record or "",
            self.pointer or "",
        )

    def to_dict(self) -> dict[str, Any]:
        """The issue as a JSON-ready mapping (every field, ``None`` included)."""
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """The outcome of validating one dataset directory."""

    root: str
    issues: tuple[Issue, ...]
    stats: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, root: str, issues: Iterable[Issue], stats: dict[str, int]) -> Report:
        """Make a report with issues in a stable order."""
        return cls(root=root, issues=tuple(sorted(issues, key=Issue.sort_key)), stats=stats)

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings are allowed)."""
        return not self.errors

    def codes(self) -> Counter[str]:
        """How many issues each rule raised."""
        return Counter(i.code for i in self.issues)

    def flatten(self, *fields: str) -> list[tuple[Any, ...]]:
        """The chosen fields of every issue, e.g. ``flatten("code", "record")``."""
        return [tuple(getattr(i, f) for f in fields) for i in self.issues]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: ``{"valid", "root", "issues", "stats"}``."""
        return {
            "valid": self.valid,
            "root": self.root,
            "issues": [i.to_dict() for i in self.issues],
            "stats": dict(self.stats),
        }


class DatasetInvalid(Exception):
    """Raised by :func:`kursk_pows.load` when the dataset has errors; carries the report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        where = (
            f" (first: {first.file}:{first.line}: [{first.code}] {first.message})" if first else ""
        )
        super().__init__(f"{len(report.errors)} error(s) in dataset {report.root}{where}")
