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


class IssueLog(list[Issue]):
    """The issues of one run, kept up to a limit per file and in all; past it, issues are
    only counted (by severity), so memory stays flat however many lines are bad."""

    def __init__(self, per_file: int, total: int) -> None:
        super().__init__()
        self.per_file = per_file
        self.total = total
        self.kept_per_file: Counter[str | None] = Counter()
        self.omitted: Counter[str] = Counter()
        """Issues left out, by severity."""

    def append(self, issue: Issue) -> None:
        if len(self) >= self.total or self.kept_per_file[issue.file] >= self.per_file:
            self.omitted[issue.severity] += 1
            return
        self.kept_per_file[issue.file] += 1
        super().append(issue)

    def extend(self, issues: Iterable[Issue]) -> None:
        for issue in issues:
            self.append(issue)


@dataclass(frozen=True)
class Report:
    """The outcome of validating one dataset directory.  ``omitted`` counts, by severity, the
    issues left out past the limits of :class:`~kursk_pows.config.Config`."""

    root: str
    issues: tuple[Issue, ...]
    stats: dict[str, int] = field(default_factory=dict)
    omitted: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        root: str,
        issues: Iterable[Issue],
        stats: dict[str, int],
        omitted: dict[str, int] | None = None,
    ) -> Report:
        """Make a report with issues in a stable order."""
        ordered = tuple(sorted(issues, key=Issue.sort_key))
        return cls(root=root, issues=ordered, stats=stats, omitted=dict(omitted or {}))

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def error_count(self) -> int:
        """Errors found, those left out past the limits included."""
        return len(self.errors) + self.omitted.get("error", 0)

    @property
    def warning_count(self) -> int:
        """Warnings found, those left out past the limits included."""
        return len(self.warnings) + self.omitted.get("warning", 0)

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings are allowed)."""
        return self.error_count == 0

    def codes(self) -> Counter[str]:
        """How many issues each rule raised."""
        return Counter(i.code for i in self.issues)

    def flatten(self, *fields: str) -> list[tuple[Any, ...]]:
        """The chosen fields of every issue, e.g. ``flatten("code", "record")``."""
        return [tuple(getattr(i, f) for f in fields) for i in self.issues]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: ``{"valid", "root", "issues", "stats", "omitted"}``
        (``omitted``: issues left out past the limits, by severity)."""
        return {
            "valid": self.valid,
            "root": self.root,
            "issues": [i.to_dict() for i in self.issues],
            "stats": dict(self.stats),
            "omitted": {
                "error": self.omitted.get("error", 0),
                "warning": self.omitted.get("warning", 0),
            },
        }


class DatasetInvalid(Exception):
    """Raised by :func:`kursk_pows.load` when the dataset has errors; carries the report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        where = ""
        if first is not None:
            place = ":".join(str(part) for part in (first.file, first.line) if part is not None)
            where = f" (first: {place + ': ' if place else ''}[{first.code}] {first.message})"
        super().__init__(f"{report.error_count} error(s) in dataset {report.root}{where}")
