"""However many lines are bad, the report keeps a bounded number of issues and counts the rest."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec
from kursk_pows.config import Config
from kursk_pows.issues import Issue, IssueLog
from kursk_pows.reports.render import render_text

BAD_LINE = b'{"id": "claim:zz00000001"}\n'


@given(
    st.integers(0, 5),
    st.integers(0, 12),
    st.lists(st.tuples(st.sampled_from(["a", "b", None]), st.sampled_from(["error", "warning"]))),
)
def test_the_log_keeps_within_its_limits_and_counts_the_rest(
    per_file: int, total: int, found: list[tuple[str | None, str]]
) -> None:
    log = IssueLog(per_file, total)
    log.extend(Issue("c", severity, "m", file=file) for file, severity in found)  # type: ignore[arg-type]
    assert len(log) <= total
    for file in ("a", "b", None):
        assert sum(1 for i in log if i.file == file) <= per_file
    assert len(log) + sum(log.omitted.values()) == len(found)
    kept_errors = sum(1 for i in log if i.severity == "error")
    assert kept_errors + log.omitted["error"] == sum(1 for _, s in found if s == "error")


def _with_bad_lines(spec: DatasetSpec, root: Path, count: int) -> Path:
    spec.write(root)
    with (root / "claims.jsonl").open("ab") as stream:
        stream.write(BAD_LINE * count)
    return root


def test_a_file_of_bad_lines_is_reported_up_to_the_limit(spec: DatasetSpec, tmp_path: Path) -> None:
    root = _with_bad_lines(spec, tmp_path / "ds", 300)
    report = kursk_pows.validate(root, Config(max_issues_per_file=50, max_issues=80))
    assert sum(1 for i in report.issues if i.file == "claims.jsonl") == 50
    assert len(report.issues) <= 80
    assert not report.valid
    assert report.error_count == len(report.errors) + report.omitted["error"] > 300
    summary = render_text(report, "ds", "0.0.1").splitlines()[-1]
    assert f"only the first {len(report.issues)} issue(s) are listed" in summary


def _peak(spec: DatasetSpec, root: Path, count: int) -> int:
    root = _with_bad_lines(spec.copy(), root, count)
    tracemalloc.start()
    try:
        kursk_pows.validate(root, Config(max_issues_per_file=100, max_issues=200))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_bad_lines_grow(spec: DatasetSpec, tmp_path: Path) -> None:
    small = _peak(spec, tmp_path / "small", 2_000)
    large = _peak(spec, tmp_path / "large", 16_000)
    assert large < 2 * small  # eight times the bad lines, not eight times the memory


def test_issues_without_a_file_or_line_sort_first() -> None:
    """An issue of the whole dataset (no file) comes before those of a file, one of a whole
    file (no line) before those of its lines, and issues of a line by column (none first)."""
    from kursk_pows.issues import Report

    def issue(file: str | None, line: int | None, column: int | None = None) -> Issue:
        return Issue("code", "error", "message", file=file, line=line, column=column)

    given = [issue("a.jsonl", 2), issue("a.jsonl", None), issue(None, None)]
    given += [issue("a.jsonl", 1, 9), issue("a.jsonl", 1, 3), issue("a.jsonl", 1)]
    ordered = Report.build("root", given, {}).issues
    assert [(i.file, i.line, i.column) for i in ordered] == [
        (None, None, None),
        ("a.jsonl", None, None),
        ("a.jsonl", 1, None),
        ("a.jsonl", 1, 3),
        ("a.jsonl", 1, 9),
        ("a.jsonl", 2, None),
    ]


def test_issues_of_one_place_and_rule_sort_by_record_then_pointer() -> None:
    from kursk_pows.issues import Report

    def issue(record: str | None, pointer: str | None) -> Issue:
        return Issue("code", "error", "m", file="a.jsonl", line=1, record=record, pointer=pointer)

    given = [issue("claim:b", None), issue("claim:a", "/value"), issue(None, None)]
    given += [issue("claim:a", None), issue(None, "/id")]
    ordered = Report.build("root", given, {}).issues
    assert [(i.record, i.pointer) for i in ordered] == [
        (None, None),
        (None, "/id"),
        ("claim:a", None),
        ("claim:a", "/value"),
        ("claim:b", None),
    ]


def test_the_log_keeps_exactly_up_to_its_limits() -> None:
    log = IssueLog(per_file=2, total=3)
    log.extend(Issue("code", "error", "m", file="a.jsonl", line=n) for n in range(3))
    log.extend(Issue("code", "warning", "m", file="b.jsonl", line=n) for n in range(2))
    assert [(i.file, i.line) for i in log] == [("a.jsonl", 0), ("a.jsonl", 1), ("b.jsonl", 0)]
    assert log.omitted == {"error": 1, "warning": 1}


def test_a_report_counts_the_issues_left_out_past_the_limits() -> None:
    from kursk_pows.issues import Report

    kept = [Issue("code", "error", "m"), Issue("code", "warning", "m")]
    report = Report.build("root", kept, {}, {"error": 3, "warning": 2})
    assert report.omitted == {"error": 3, "warning": 2}
    assert (report.error_count, report.warning_count) == (4, 3)
    assert Report.build("root", kept, {}).omitted == {}
