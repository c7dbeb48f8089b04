"""The reader against JSONTestSuite: valid JSON is accepted, invalid JSON is refused, with a line.

The corpus is vendored in ``tests/data/JSONTestSuite/`` (see the README there).  ``y_`` files are
valid JSON texts, ``n_`` files are not JSON, ``i_`` files are left to the implementation.  Each
file is tried at two layers: the JSON layer (``parse_line``) and the whole validator, with the
file placed in ``claims.jsonl`` of a small valid dataset (as its whole content, or as one line
appended to it).  Where our policy is stricter than RFC 8259, the exception is listed below with
its reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.issues import Report
from kursk_pows.reading.jsonl import _Refused, parse_line
from kursk_pows.reading.manifest import read_version
from kursk_pows.releases.manifest import write_manifest
from kursk_pows.rules.structure import STRUCTURE_CODES

CORPUS = Path(__file__).resolve().parents[1] / "data" / "JSONTestSuite"
PARSING = CORPUS / "test_parsing"
FILES = sorted(p.name for p in PARSING.glob("*.json"))
Y_FILES = [name for name in FILES if name.startswith("y_")]
N_FILES = [name for name in FILES if name.startswith("n_")]
I_FILES = [name for name in FILES if name.startswith("i_")]

CLAIMS = "claims.jsonl"
BASE_CLAIMS = len(DatasetSpec().records["claim"])
"""Lines of claims.jsonl in the valid dataset; an appended file starts on the line after."""

READER_CODES = frozenset(c.code for c in STRUCTURE_CODES)
"""The codes of the reader and of the model check (json-*, utf8-*, line-*, field-*, ...)."""
SCHEMA_CODES = frozenset({"field-missing", "field-unknown", "field-invalid"})

# y_ files refused by policy.  RFC 8259 only says that the names in an object SHOULD be unique,
# so these two texts are valid JSON; but readers disagree on which of two equal keys wins, and a
# record whose meaning depends on the reader is refused.  No other y_ file is refused: no y_ file
# holds an integer beyond 2**53, a number that overflows a double, or a lone surrogate.
POLICY_REFUSED_Y: dict[str, str] = {
    "y_object_duplicated_key.json": "json-duplicate-key",
    "y_object_duplicated_key_and_value.json": "json-duplicate-key",
}

Flat = list[tuple[object, ...]]
FIELDS = ("code", "severity", "file", "line", "record")
UNCOVERED: Flat = [
    # with the claims gone, the two sentences only claims quote ("The first was born in 1999
    # ..." and "He is 25 years old.") are neither covered nor excluded
    ("sentence-uncovered", "error", "sources.jsonl", 1, "source:test-article"),
    ("sentence-uncovered", "error", "sources.jsonl", 1, "source:test-article"),
]

# n_ files that hold no JSON value at all: nothing, one space, or a lone UTF-8 byte-order mark.
# They are not JSON texts, but in JSON Lines an empty file is a file with no records, and a blank
# line is a warning (line-blank) that does not stop the dataset from being valid; a BOM at the
# start of a file is skipped with a warning (file-bom).  So, as the whole claims.jsonl, these
# files yield no error on claims.jsonl: the only errors are the sentences no claim covers any
# more.  Appended to a valid claims.jsonl, the empty file appends nothing and the space is a blank
# line; the BOM, no longer at the start of the file, is not whitespace and is refused as
# json-invalid like any other n_ file (so it is not listed for that case).
BLANK_N_WHOLE: dict[str, Flat] = {
    "n_structure_no_data.json": UNCOVERED,
    "n_single_space.json": [("line-blank", "warning", CLAIMS, 1, None), *UNCOVERED],
    "n_structure_UTF8_BOM_no_data.json": [
        ("file-bom", "warning", CLAIMS, 1, None),
        ("line-blank", "warning", CLAIMS, 1, None),
        *UNCOVERED,
    ],
}
BLANK_N_APPENDED: dict[str, Flat] = {
    "n_structure_no_data.json": [],
    "n_single_space.json": [("line-blank", "warning", CLAIMS, BASE_CLAIMS + 1, None)],
}

# Our verdict on each i_ file, as one line of a record file: the one issue the line gets.  Two
# numbers that underflow to 0.0 are accepted (the line is then an array, not an object); numbers
# that overflow a double, integers beyond 2**53, lone surrogates, text that is not UTF-8 and
# nesting deeper than Config.max_depth are refused, each with its own code.
I_VERDICTS: dict[str, str] = {
    "i_number_double_huge_neg_exp.json": "json-not-object",
    "i_number_huge_exp.json": "json-nonfinite",
    "i_number_neg_int_huge_exp.json": "json-nonfinite",
    "i_number_pos_double_huge_exp.json": "json-nonfinite",
    "i_number_real_neg_overflow.json": "json-nonfinite",
    "i_number_real_pos_overflow.json": "json-nonfinite",
    "i_number_real_underflow.json": "json-not-object",
    "i_number_too_big_neg_int.json": "json-number-range",
    "i_number_too_big_pos_int.json": "json-number-range",
    "i_number_very_big_negative_int.json": "json-number-range",
    "i_object_key_lone_2nd_surrogate.json": "json-lone-surrogate",
    "i_string_1st_surrogate_but_2nd_missing.json": "json-lone-surrogate",
    "i_string_1st_valid_surrogate_2nd_invalid.json": "json-lone-surrogate",
    "i_string_UTF-16LE_with_BOM.json": "utf8-invalid",
    "i_string_UTF-8_invalid_sequence.json": "utf8-invalid",
    "i_string_UTF8_surrogate_U+D800.json": "utf8-invalid",
    "i_string_incomplete_surrogate_and_escape_valid.json": "json-lone-surrogate",
    "i_string_incomplete_surrogate_pair.json": "json-lone-surrogate",
    "i_string_incomplete_surrogates_escape_valid.json": "json-lone-surrogate",
    "i_string_invalid_lonely_surrogate.json": "json-lone-surrogate",
    "i_string_invalid_surrogate.json": "json-lone-surrogate",
    "i_string_invalid_utf-8.json": "utf8-invalid",
    "i_string_inverted_surrogates_U+1D11E.json": "json-lone-surrogate",
    "i_string_iso_latin_1.json": "utf8-invalid",
    "i_string_lone_second_surrogate.json": "json-lone-surrogate",
    "i_string_lone_utf8_continuation_byte.json": "utf8-invalid",
    "i_string_not_in_unicode_range.json": "utf8-invalid",
    "i_string_overlong_sequence_2_bytes.json": "utf8-invalid",
    "i_string_overlong_sequence_6_bytes.json": "utf8-invalid",
    "i_string_overlong_sequence_6_bytes_null.json": "utf8-invalid",
    "i_string_truncated-utf-8.json": "utf8-invalid",
    "i_string_utf16BE_no_BOM.json": "utf8-invalid",
    "i_string_utf16LE_no_BOM.json": "utf8-invalid",
    "i_structure_500_nested_arrays.json": "json-too-deep",
    # a UTF-8 BOM is skipped (with a warning) only at the start of a file; inside a file, as
    # here when appended, it is a character before the value, which JSON does not allow
    "i_structure_UTF-8_BOM_empty_object.json": "json-invalid",
}
I_BOM_WHOLE: Flat = [
    *[("field-missing", "error", CLAIMS, 1, None)] * 7,  # {} lacks every required claim field
    ("file-bom", "warning", CLAIMS, 1, None),
]


def corpus_bytes(name: str) -> bytes:
    return (PARSING / name).read_bytes()


def validate_with_claims(tmp_path: Path, content: bytes, *, append: bool) -> Report:
    """Validate the minimal dataset with ``content`` as claims.jsonl, or appended to it."""
    root = DatasetSpec().write(tmp_path / "ds")
    claims = root / CLAIMS
    # only the JSON is judged here; a missing final line feed is a warning of its own
    if content and not content.endswith(b"\n"):
        content += b"\n"
    claims.write_bytes(claims.read_bytes() + content if append else content)
    write_manifest(root, read_version(root) or "")  # the manifest pins every file's content
    return kursk_pows.validate(root)


def issues_in_claims(report: Report) -> Flat:
    return [flat for flat in report.flatten(*FIELDS) if flat[2] == CLAIMS]


def test_corpus_is_vendored_whole() -> None:
    assert (len(Y_FILES), len(N_FILES), len(I_FILES)) == (95, 188, 35)
    assert len(FILES) == len(list(PARSING.iterdir())) == 318
    assert (CORPUS / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "1ef36fa01286573e846ac449e8683f8833c5b26a" in (CORPUS / "README.md").read_text(
        encoding="utf-8"
    )


def test_exception_lists_name_corpus_files() -> None:
    assert set(POLICY_REFUSED_Y) <= set(Y_FILES)
    assert set(BLANK_N_WHOLE) | set(BLANK_N_APPENDED) <= set(N_FILES)
    assert set(I_VERDICTS) == set(I_FILES)


def test_blank_n_files_are_exactly_those_without_content() -> None:
    """The n_ files listed as blank are the ones with nothing but whitespace (after a BOM)."""
    blank = {
        name
        for name in N_FILES
        if not corpus_bytes(name).removeprefix(b"\xef\xbb\xbf").strip(b" \t\r\n")
    }
    assert blank == set(BLANK_N_WHOLE)
    assert {name for name in N_FILES if not corpus_bytes(name).strip(b" \t\r\n")} == set(
        BLANK_N_APPENDED
    )


# -- y_: valid JSON --------------------------------------------------------------------------


@pytest.mark.parametrize("name", Y_FILES)
def test_y_file_is_accepted_by_the_json_layer(name: str) -> None:
    text = corpus_bytes(name).decode("utf-8")
    if name in POLICY_REFUSED_Y:
        with pytest.raises(_Refused) as refused:
            parse_line(text)
        assert refused.value.code == POLICY_REFUSED_Y[name]
    else:
        assert parse_line(text) == json.loads(text)


@pytest.mark.parametrize("name", Y_FILES)
def test_y_file_as_a_claim_line_is_judged_by_the_schema(name: str, tmp_path: Path) -> None:
    line = corpus_bytes(name).replace(b"\n", b" ")  # LF is JSON whitespace; one line per record
    report = validate_with_claims(tmp_path, line + b"\n", append=True)
    found = report.flatten(*FIELDS)
    where = (CLAIMS, BASE_CLAIMS + 1)
    if name in POLICY_REFUSED_Y:
        assert found == [(POLICY_REFUSED_Y[name], "error", *where, None)]
        return
    value = parse_line(line.decode("utf-8"))
    if not isinstance(value, dict):
        assert found == [("json-not-object", "error", *where, None)]
        return
    record = value.get("id") if isinstance(value.get("id"), str) else None
    assert found  # no y_ object is a complete claim
    for code, severity, file, number, issue_record in found:
        assert code in SCHEMA_CODES
        assert (severity, file, number, issue_record) == ("error", *where, record)


# -- n_: not JSON ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", N_FILES)
def test_n_file_is_refused_by_the_json_layer(name: str) -> None:
    # refused as text (not UTF-8: the reader's utf8-invalid), by json, or by our policy (_Refused)
    with pytest.raises((UnicodeDecodeError, json.JSONDecodeError, _Refused)):
        parse_line(corpus_bytes(name).decode("utf-8"))


@pytest.mark.parametrize("name", N_FILES)
def test_n_file_as_claims_file_is_an_error_on_a_line(name: str, tmp_path: Path) -> None:
    report = validate_with_claims(tmp_path, corpus_bytes(name), append=False)
    if name in BLANK_N_WHOLE:
        assert report.flatten(*FIELDS) == BLANK_N_WHOLE[name]
        return
    in_claims = issues_in_claims(report)
    assert all(line is not None for _, _, _, line, _ in in_claims)
    assert any(sev == "error" and code in READER_CODES for code, sev, *_ in in_claims)


@pytest.mark.parametrize("name", N_FILES)
def test_n_file_appended_to_claims_is_an_error_on_its_line(name: str, tmp_path: Path) -> None:
    report = validate_with_claims(tmp_path, corpus_bytes(name), append=True)
    if name in BLANK_N_APPENDED:
        assert report.flatten(*FIELDS) == BLANK_N_APPENDED[name]
        return
    found = report.flatten(*FIELDS)
    # the valid lines before it are untouched; every issue is on a line of the appended file
    assert all(
        f == CLAIMS and line is not None and line > BASE_CLAIMS for _, _, f, line, _ in found
    )
    assert any(sev == "error" and code in READER_CODES for code, sev, *_ in found)


# -- i_: left to the implementation ----------------------------------------------------------


@pytest.mark.parametrize("name", I_FILES)
def test_i_file_as_claims_file(name: str, tmp_path: Path) -> None:
    report = validate_with_claims(tmp_path, corpus_bytes(name), append=False)
    in_claims = issues_in_claims(report)
    assert all(line is not None for _, _, _, line, _ in in_claims)
    if name == "i_structure_UTF-8_BOM_empty_object.json":
        assert in_claims == I_BOM_WHOLE  # at the start of the file the BOM is skipped
    else:
        assert in_claims == [(I_VERDICTS[name], "error", CLAIMS, 1, None)]


@pytest.mark.parametrize("name", I_FILES)
def test_i_file_appended_to_claims(name: str, tmp_path: Path) -> None:
    report = validate_with_claims(tmp_path, corpus_bytes(name), append=True)
    assert report.flatten(*FIELDS) == [(I_VERDICTS[name], "error", CLAIMS, BASE_CLAIMS + 1, None)]


# -- blank lines are JSON whitespace only ----------------------------------------------------

# Python's str.strip() removes far more than JSON whitespace (space, tab, LF, CR; RFC 8259
# section 2).  A line holding only a form feed, a vertical tab, an information separator, NEL,
# a no-break space or an ideographic space is not blank in JSON terms: it is text that is not a
# JSON value (JSONTestSuite's n_structure_whitespace_formfeed.json says as much of the form
# feed), so it must be refused as json-invalid, not skipped as a blank line with a warning.
NOT_JSON_WHITESPACE = ["\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000"]


@pytest.mark.parametrize("char", NOT_JSON_WHITESPACE, ids=lambda c: f"U+{ord(c):04X}")
def test_line_of_non_json_whitespace_is_not_blank(char: str, tmp_path: Path) -> None:
    report = validate_with_claims(tmp_path, char.encode() + b"\n", append=True)
    assert report.flatten("code", "severity", "file", "line") == [
        ("json-invalid", "error", CLAIMS, BASE_CLAIMS + 1)
    ]


@pytest.mark.parametrize("blank", [b"", b" ", b"\t", b"  \t "], ids=repr)
def test_line_of_json_whitespace_is_blank(blank: bytes, tmp_path: Path) -> None:
    report = validate_with_claims(tmp_path, blank + b"\r\n" + blank + b"\n", append=True)
    assert report.flatten("code", "severity", "file", "line") == [
        ("line-blank", "warning", CLAIMS, BASE_CLAIMS + 1),
        ("line-crlf", "warning", CLAIMS, BASE_CLAIMS + 1),
        ("line-blank", "warning", CLAIMS, BASE_CLAIMS + 2),
    ]
