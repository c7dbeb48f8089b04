"""Fuzzing source texts: sentences, coverage and quotes over any text.

The short run of each property is in the default test run; the long run is marked ``slow``
(see tests/fuzzing.py)."""

from __future__ import annotations

import pytest
from fuzzing import (
    BASE,
    LONG,
    attack_bytes,
    check_report,
    short,
    validate_with_file,
)
from hypothesis import given
from hypothesis import strategies as st

from factory import TEXT

# -- any source text ----------------------------------------------------------------------------

SOURCE_TEXT = "sources/test.txt"
PIECES = [*TEXT.split(" "), " ", "  ", ". ", "\n", "\r\n", "Mr. ", "U.S. ", "J. ", "?", "!"]
PIECES += ["\u201c", "\u201d", "(", ")", "\t", "\u00a0", "\u2028", "e\u0301", "\U0001f600"]
source_texts = (
    st.binary(max_size=400)
    | st.text(max_size=400).map(str.encode)
    | st.lists(st.sampled_from(PIECES), max_size=60).map(lambda p: "".join(p).encode())
    | attack_bytes
)


def any_source_text_property(content: bytes) -> None:
    """Sentences, coverage and quotes over any text: every quote of the minimal dataset that
    the new text lacks is reported not found, and no quote it holds is; a text that is not
    UTF-8 or is blank is reported as such, and no quote is checked against it."""
    report = validate_with_file(SOURCE_TEXT, content)
    check_report(report)
    not_found = {(i.record, i.pointer) for i in report.issues if i.code == "quote-not-found"}
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if not text or not content.strip():  # blank as the reader sees it: ASCII white space only
        assert "source-text-invalid" in report.codes()
        assert not not_found
        return
    expected = {
        (record["id"], f"/evidence/{n}/quote")
        for kind in ("claim", "event")
        for record in BASE.records[kind]
        for n, item in enumerate(record["evidence"])
        if item["quote"] not in text
    }
    assert not_found == expected


@short(40)
@given(source_texts)
def test_any_source_text_gives_a_report(content: bytes) -> None:
    any_source_text_property(content)


@pytest.mark.slow
@LONG
@given(source_texts)
def test_any_source_text_gives_a_report_long(content: bytes) -> None:
    any_source_text_property(content)
