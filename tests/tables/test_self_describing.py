"""Every column says what it holds, and every name works unquoted in SQL."""

from __future__ import annotations

import hashlib
import sqlite3

import duckdb
import pytest

import kursk_pows
from kursk_pows import models
from kursk_pows.tables import tables
from kursk_pows.tables.columns import Table

MODEL_SUMMARIES = {
    (cls.__doc__ or "").strip().splitlines()[0]
    for cls in vars(models).values()
    if isinstance(cls, type) and cls.__doc__
}
"""The first docstring lines of the models, which columns once repeated for every field."""


@pytest.mark.parametrize("table", tables(), ids=lambda t: t.name)
def test_every_column_has_a_description_of_its_own(table: Table) -> None:
    descriptions = [c.description for c in table.columns]
    assert all(d.strip() for d in descriptions), table.names
    assert len(set(descriptions)) == len(descriptions), "two columns share a description"
    for column in table.columns:
        assert "`" not in column.description, column.name  # plain text, no reST
        assert not any(s in column.description for s in MODEL_SUMMARIES), column.name


def test_descriptions_are_the_json_schemas_too() -> None:
    """One source of truth: a column read from a field describes it as the field does."""
    from kursk_pows.records.json_schema import schema_files

    schema = schema_files()["claim.schema.json"]
    assert "The id of the entity or event the claim is about." in schema
    (subject,) = [c for c in kursk_pows.tables.table("claims").columns if c.name == "subject"]
    assert subject.description == "The id of the entity or event the claim is about."


def test_names_parse_unquoted_in_duckdb_and_sqlite() -> None:
    duck = duckdb.connect()
    lite = sqlite3.connect(":memory:")
    try:
        for table in tables():
            columns = ", ".join(f'1 AS "{name}"' for name in table.names)
            for run in (duck.execute, lite.execute):
                run(f"CREATE TABLE {table.name} AS SELECT {columns}")
                run(f"SELECT {', '.join(table.names)} FROM {table.name} ORDER BY 1")
    finally:
        duck.close()
        lite.close()


def test_the_names_that_were_keywords_are_gone() -> None:
    names = {(t.name, c) for t in tables() for c in t.names}
    assert ("evidence", "end") not in names
    assert ("evidence", "end_offset") in names
    assert ("group_members", "group") not in names
    assert ("group_members", "group_entity") in names


def test_links_both_ways_shows_every_stored_link_from_each_end(
    dataset: kursk_pows.Dataset,
) -> None:
    reverse = {"refines": "refined-by", "contradicts": "contradicts"}
    expected = set()
    for claim in dataset.claims.values():
        for link in claim.links:
            expected.add((claim.id, link.claim, link.type, claim.id))
            expected.add((link.claim, claim.id, reverse[link.type], claim.id))
    rows = dataset.rows("links_both_ways")
    assert {(r["claim"], r["other"], r["kind"], r["stored_on"]) for r in rows} == expected
    assert len(rows) == len(expected) > 0


def test_source_texts_are_the_shipped_files(dataset: kursk_pows.Dataset) -> None:
    rows = {r["source"]: r for r in dataset.rows("source_texts")}
    assert set(rows) == set(dataset.sources)
    for source in dataset.sources.values():
        data = (dataset.root / source.path).read_bytes()
        row = rows[source.id]
        assert row["text"] == data.decode("utf-8")
        assert row["sha256"] == hashlib.sha256(data).hexdigest()
        assert row["characters"] == len(data.decode("utf-8"))
