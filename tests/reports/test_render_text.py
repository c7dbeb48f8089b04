"""Text output names the place exactly: file, line, column, record and JSON pointer."""

from __future__ import annotations

from kursk_pows.issues import Issue, Report
from kursk_pows.reports.render import render_text


def test_each_line_names_file_line_column_record_and_pointer() -> None:
    issues = [
        Issue("json-invalid", "error", "not valid JSON", "claims.jsonl", 3, 22),
        Issue(
            "quote-not-found",
            "error",
            "quote 'x' is not in source:s",
            "claims.jsonl",
            4,
            record="claim:a",
            pointer="/evidence/1/quote",
            hint="closest passage in the source: 'y'",
        ),
        Issue(
            "ref-missing",
            "error",
            "/subject names p:n",
            "claims.jsonl",
            5,
            None,
            "claim:b",
            "/subject",
        ),
        Issue("manifest-missing", "error", "manifest.json is missing", "manifest.json"),
    ]
    report = Report.build("ds", issues, {"claims": 3})
    assert render_text(report, "ds", "1.2.3").splitlines() == [
        "ds/claims.jsonl:3:22: error[json-invalid] not valid JSON",
        "ds/claims.jsonl:4: error[quote-not-found] claim:a /evidence/1/quote: quote 'x' is not in "
        "source:s",
        "    hint: closest passage in the source: 'y'",
        "ds/claims.jsonl:5: error[ref-missing] claim:b /subject names p:n",
        "ds/manifest.json: error[manifest-missing] manifest.json is missing",
        "ds (version 1.2.3): INVALID: 4 error(s), 0 warning(s); records: 3 claims",
    ]
