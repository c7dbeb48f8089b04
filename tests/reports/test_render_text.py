"""Text output names the place exactly: file, line, column, record and JSON pointer."""

from __future__ import annotations

from kursk_pows.issues import Issue, Report
from kursk_pows.reports.render import render_github, render_text


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


def test_github_annotations_escape_data_and_properties_by_hand() -> None:
    """``%`` first (so no escape is read twice), line breaks in the data, and ``:`` and ``,``
    in the properties, where they would end a property; a hint is escaped as the message is."""
    issue = Issue(
        "code,x:y",
        "warning",
        "100% sure\r\nnext",
        "a,b:c%.jsonl",
        2,
        5,
        "claim:a",
        hint="say\n::error::x",
    )
    report = Report.build("ds", [issue], {})
    assert render_github(report, "ds") == (
        "::warning file=ds/a%2Cb%3Ac%25.jsonl,line=2,col=5,title=code%2Cx%3Ay"
        "::claim:a: 100%25 sure%0D%0Anext (hint: say%0A::error::x)"
    )


def test_a_hint_is_escaped_in_text_too() -> None:
    issue = Issue("c", "error", "m", "claims.jsonl", 1, hint="one\ntwo\x1b[2J")
    lines = render_text(Report.build("ds", [issue], {}), "ds").splitlines()
    assert lines[1] == "    hint: one\\x0atwo\\x1b[2J"
