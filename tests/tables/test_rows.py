"""Rows: every column in every row, typed values, children in record and position order."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import kursk_pows
from kursk_pows.tables import tables


def test_every_row_has_every_column(dataset: kursk_pows.Dataset) -> None:
    for table in tables():
        for row in dataset.rows(table.name):
            assert tuple(row) == table.names


def test_row_counts_follow_the_records(dataset: kursk_pows.Dataset) -> None:
    assert len(dataset.rows("claims")) == len(dataset.claims)
    assert len(dataset.rows("exclusions")) == len(dataset.exclusions) > 0
    expected = sum(len(c.evidence) for c in dataset.claims.values()) + sum(
        len(e.evidence) for e in dataset.events.values()
    )
    assert len(dataset.rows("evidence")) == expected
    vias = sum(len(ev.via) for c in dataset.claims.values() for ev in c.evidence)
    vias += sum(len(ev.via) for e in dataset.events.values() for ev in e.evidence)
    assert len(dataset.rows("evidence_via")) == vias


def test_values_match_the_records(dataset: kursk_pows.Dataset) -> None:
    for row in dataset.rows("claims"):
        value = dataset.claims[row["id"]].value
        assert row["value_type"] == value.type
        if value.type == "date":
            assert row["value_date_earliest"] == value.date.earliest
            assert row["value_date_precision"] == value.date.precision
        if value.type == "text-list":
            assert json.loads(row["value_items"]) == list(value.items)
        if value.type == "text":
            assert row["value_text"] == value.text
        if value.type != "year":
            assert row["value_year"] is None
    dates = [r["date_earliest"] for r in dataset.rows("events") if r["date_earliest"]]
    assert dates
    assert all(isinstance(d, dt.date) for d in dates)


def test_list_tables_keep_positions(dataset: kursk_pows.Dataset) -> None:
    for row in dataset.rows("evidence"):
        record = dataset.get(row["record"])
        item = record.evidence[row["position"]]  # type: ignore[union-attr]
        assert (row["source"], row["quote"]) == (item.source, item.quote)
    for row in dataset.rows("links"):
        link = dataset.claims[row["claim"]].links[row["position"]]
        assert (row["type"], row["target"]) == (link.type, link.claim)


def test_default_view_has_only_active_records() -> None:
    statuses = {row["status"] for row in kursk_pows.load().rows("claims")}
    assert statuses == {"active"}


def test_unknown_table_names_the_tables(dataset: kursk_pows.Dataset) -> None:
    with pytest.raises(KeyError, match="claims"):
        dataset.rows("claim")
