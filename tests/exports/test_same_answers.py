"""The API and every export format answer a journalist's questions alike, with and without the
retracted records: what ``load()`` holds is what ``export`` writes, unless both are asked for
the retracted records too.

Each export is read back by a plain reader of its format (the csv module, json, pyarrow,
sqlite3), never by the package."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest

import kursk_pows
from kursk_pows.exports import export
from kursk_pows.exports.formats import TABLE_FORMATS

Rows = list[dict[str, Any]]


def _read(directory: Path, format: str, name: str) -> Rows:
    """Table ``name`` of an export, as dicts (CSV cells as text, empty as None)."""
    if format == "csv":
        with (directory / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            return [
                {k: v if v != "" else None for k, v in r.items()} for r in csv.DictReader(handle)
            ]
    if format == "jsonl":
        lines = (directory / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]
    if format == "parquet":
        return list(pq.read_table(directory / f"{name}.parquet").to_pylist())
    if format == "parquet-hive":
        partitioned = pads.dataset(directory / name, format="parquet", partitioning="hive")
        return list(partitioned.to_table().to_pylist())
    connection = sqlite3.connect(directory / "kursk-pows.db")
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute(f'SELECT * FROM "{name}"')]
    finally:
        connection.close()


def _answers(
    claims: Iterable[str],
    evidence: Iterable[tuple[str, str]],
    articles_per_proposition: Iterable[tuple[str, int]],
    quotes: Iterable[tuple[str, str, int, int]],
    texts: dict[str, str],
) -> dict[str, Any]:
    """The questions' answers from plain values (ids, pairs, counts), whatever their origin."""
    claim_ids = set(claims)
    sources_of: dict[str, set[str]] = defaultdict(set)
    evidence_rows = 0
    for record, source in evidence:
        evidence_rows += 1
        if record in claim_ids:
            sources_of[record].add(source)
    return {
        "claims": len(claim_ids),
        "evidence rows": evidence_rows,
        "claims reported by two or more articles": sorted(
            c for c, s in sources_of.items() if len(s) >= 2
        ),
        "articles per proposition": dict(articles_per_proposition),
        "quotes found at their offsets": all(
            texts[source][start:end] == quote for source, quote, start, end in quotes
        ),
    }


def _from_api(ds: kursk_pows.Dataset) -> dict[str, Any]:
    items = [(r.id, e) for r in (*ds.claims.values(), *ds.events.values()) for e in r.evidence]
    return _answers(
        ds.claims,
        ((record, e.source) for record, e in items),
        ((p, len(ds.support(p).articles)) for p in ds.propositions),
        ((e.source, e.quote, e.start, e.end) for _, e in items if e.start is not None),
        {s: ds.text(s) for s in ds.sources},
    )


def _from_export(directory: Path, format: str) -> dict[str, Any]:
    evidence = _read(directory, format, "evidence")
    return _answers(
        (r["id"] for r in _read(directory, format, "claims")),
        ((r["record"], r["source"]) for r in evidence),
        ((r["id"], int(r["articles"])) for r in _read(directory, format, "propositions")),
        (
            (r["source"], r["quote"], int(r["start_offset"]), int(r["end_offset"]))
            for r in evidence
            if r["start_offset"] is not None
        ),
        {r["source"]: r["text"] for r in _read(directory, format, "source_texts")},
    )


@pytest.fixture(scope="module", params=[False, True], ids=["active", "with-retracted"])
def loaded(request: pytest.FixtureRequest) -> kursk_pows.Dataset:
    return kursk_pows.load(include_retracted=request.param)


@pytest.mark.parametrize("format", TABLE_FORMATS)
def test_every_export_answers_as_the_api_does(
    loaded: kursk_pows.Dataset, format: str, tmp_path: Path
) -> None:
    """``kursk-pows export`` by default, and with ``--include-retracted`` when ``load`` was
    asked for the retracted records."""
    from kursk_pows.cli import main

    asked = ["--include-retracted"] if loaded.include_retracted else []
    assert main(["export", str(tmp_path / "out"), "--format", format, *asked]) == 0
    assert _from_export(tmp_path / "out", format) == _from_api(loaded)


def test_the_bundled_data_has_retracted_records_to_tell_the_two_apart() -> None:
    """Without retracted records the parametrisation above would compare one thing twice."""
    every = kursk_pows.load(include_retracted=True)
    active = kursk_pows.load()
    assert set(active.claims) < set(every.claims)
    assert {c.status for c in every.claims.values()} == {"active", "retracted"}


def test_rows_about_retracted_records_say_so(tmp_path: Path) -> None:
    every = kursk_pows.load(include_retracted=True)
    export(every, tmp_path, "jsonl", "1.2.3")
    status = {c.id: c.status for c in (*every.claims.values(), *every.events.values())}
    for row in _read(tmp_path, "jsonl", "evidence"):
        assert row["status"] == status[row["record"]]
    for row in _read(tmp_path, "jsonl", "links"):
        assert row["status"] == status[row["claim"]]
