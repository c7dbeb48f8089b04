"""Render a report for people (compiler-style text), machines (JSON) and GitHub Actions."""

from __future__ import annotations

import json
from pathlib import Path

from ..issues import Issue, Report
from .coverage import Coverage
from .escaping import printable


def _place(issue: Issue, root: str) -> str:
    path = printable(str(Path(root) / issue.file) if issue.file else root)
    if not issue.line:
        return path
    return f"{path}:{issue.line}:{issue.column}" if issue.column else f"{path}:{issue.line}"


def _subject(issue: Issue) -> str:
    """The record and the place in it (its JSON pointer, e.g. which evidence item), unless
    the message already starts from that place."""
    pointer = issue.pointer if issue.pointer and issue.pointer not in issue.message else None
    where = printable(" ".join(part for part in (issue.record, pointer) if part))
    if not where:
        return ""
    return f" {where}:" if pointer else f" {where}"


def render_text(report: Report, display_root: str, version: str | None = None) -> str:
    """One line per issue, like a compiler, then a hint line and a summary naming the
    directory checked and the version its manifest states.  Every value that can come from
    the data is escaped (:func:`~kursk_pows.reports.escaping.printable`): one issue is always
    one line, and its hint the next."""
    lines = []
    for issue in report.issues:
        lines.append(
            f"{_place(issue, display_root)}: {issue.severity}[{printable(issue.code)}]"
            f"{_subject(issue)} {printable(issue.message)}"
        )
        if issue.hint:
            lines.append(f"    hint: {printable(issue.hint)}")
    counts = ", ".join(f"{n} {name}" for name, n in report.stats.items())
    verdict = "valid" if report.valid else "INVALID"
    stated = f"version {printable(version)}" if version else "no version: manifest.json unreadable"
    lines.append(
        f"{printable(display_root)} ({stated}): {verdict}: {report.error_count} error(s), "
        f"{report.warning_count} warning(s); records: {counts}"
    )
    if report.omitted:
        shown = len(report.issues)
        lines.append(
            f"only the first {shown} issue(s) are listed; {sum(report.omitted.values())} more "
            "were counted but not kept (limits: Config.max_issues_per_file, Config.max_issues)"
        )
    return "\n".join(lines)


def render_json(report: Report) -> str:
    """The report exactly as :meth:`Report.to_dict` gives it."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, display_root: str) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per issue."""
    lines = []
    for issue in report.issues:
        props = []
        if issue.file:
            props.append(f"file={_escape_property(str(Path(display_root) / issue.file))}")
        if issue.line:
            props.append(f"line={issue.line}")
        if issue.column:
            props.append(f"col={issue.column}")
        props.append(f"title={_escape_property(issue.code)}")
        message = issue.message + (f" (hint: {issue.hint})" if issue.hint else "")
        if issue.record:
            message = f"{issue.record}: {message}"
        lines.append(f"::{issue.severity} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)


def render_coverage(coverage: Coverage, uncovered_only: bool = False) -> str:
    """Each source's sentences with the records that cover them or the reason they are excluded."""
    lines = []
    for source, sentences in coverage.sources.items():
        shown = [s for s in sentences if not uncovered_only or s.status == "uncovered"]
        if not shown:
            continue  # with --uncovered, a source with nothing uncovered is not named
        lines.append(f"== {printable(source)}")
        for s in shown:
            if s.status == "covered":
                account = ", ".join(s.records)
            elif s.status == "excluded":
                account = f"excluded: {s.exclusion}"
            else:
                account = "UNCOVERED"
            lines.append(f"{s.index:>3} [line {s.line}] {printable(s.text)}")
            lines.append(f"      -> {printable(account)}")
    stats = coverage.stats()
    lines.append(
        f"{stats['sentences']} sentences: {stats['covered']} covered, "
        f"{stats['excluded']} excluded, {stats['uncovered']} uncovered"
    )
    return "\n".join(lines)
