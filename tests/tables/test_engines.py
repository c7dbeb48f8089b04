"""One schema in every engine, and the same answers to analysts' questions from each."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import kursk_pows
from kursk_pows.exports import export
from kursk_pows.tables import tables
from kursk_pows.tables.arrow import schema

POLARS = {
    pa.string(): pl.String(),
    pa.int64(): pl.Int64(),
    pa.float64(): pl.Float64(),
    pa.bool_(): pl.Boolean(),
    pa.date32(): pl.Date(),
}
DUCKDB = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
}


@pytest.fixture(scope="module")
def parquet(dataset: kursk_pows.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "parquet"
    export(dataset, out, "parquet", "0.0.0")
    return out


@pytest.fixture(scope="module")
def database(dataset: kursk_pows.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "sqlite"
    export(dataset, out, "sqlite", "0.0.0")
    return out / "kursk-pows.db"


@pytest.mark.parametrize("name", [t.name for t in tables()])
def test_same_column_types_everywhere(
    name: str, dataset: kursk_pows.Dataset, parquet: Path
) -> None:
    expected = schema(next(t for t in tables() if t.name == name))
    arrow = dataset.to_arrow(name)
    assert arrow.schema.equals(expected)
    frame = dataset.to_pandas(name)
    assert [str(t) for t in frame.dtypes] == [str(pd.ArrowDtype(f.type)) for f in expected]
    polars = dataset.to_polars(name)
    assert list(polars.schema.values()) == [POLARS[f.type] for f in expected]
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{parquet / name}.parquet'").fetchall()
    assert [(row[0], row[1]) for row in described] == [(f.name, DUCKDB[f.type]) for f in expected]


def test_polars_reads_the_date_that_json_inference_gets_wrong(dataset: kursk_pows.Dataset) -> None:
    events = dataset.to_polars("events")
    assert events.schema["date_earliest"] == pl.Date()
    assert events["date_earliest"].drop_nulls().len() > 0


def _python(dataset: kursk_pows.Dataset) -> dict[str, Any]:
    claims = [c for c in dataset.claims.values() if c.status == "active"]
    per_claimant = Counter(c.claimed_by for c in claims)
    multi = sorted(c.id for c in claims if len({e.source for e in c.evidence}) >= 2)
    live = [p.id for p in dataset.propositions.values() if p.status == "active"]
    two_articles = sorted(p for p in live if len(dataset.support(p).articles) >= 2)
    contradicts = sorted(
        (c.id, link.claim) for c in claims for link in c.links if link.type == "contradicts"
    )
    dated = sorted(
        (e for e in dataset.events.values() if e.date is not None and e.date.earliest),
        key=lambda e: (e.date.earliest, e.id),  # type: ignore[union-attr]
    )
    return {
        "per_claimant": sorted(per_claimant.items()),
        "multi": multi,
        "two_articles": two_articles,
        "contradicts": contradicts,
        "order": [e.id for e in dated],
    }


def _pandas(dataset: kursk_pows.Dataset) -> dict[str, Any]:
    claims = dataset.to_pandas("claims")
    claims = claims[claims["status"] == "active"]
    counts = claims.groupby("claimed_by").size()
    evidence = dataset.to_pandas("evidence")
    evidence = evidence[evidence["record"].isin(claims["id"])]
    articles = evidence.groupby("record")["source"].nunique()
    propositions = dataset.to_pandas("propositions")
    propositions = propositions[propositions["status"] == "active"]
    support = dataset.to_pandas("support")
    support = support[support["proposition"].isin(propositions["id"])]
    reporting = support.groupby("proposition")["source"].nunique()
    links = dataset.to_pandas("links")
    links = links[(links["type"] == "contradicts") & links["claim"].isin(claims["id"])]
    events = dataset.to_pandas("events").dropna(subset=["date_earliest"])
    events = events.sort_values(["date_earliest", "id"])
    return {
        "per_claimant": sorted((k, int(v)) for k, v in counts.items()),
        "multi": sorted(articles[articles >= 2].index),
        "two_articles": sorted(reporting[reporting >= 2].index),
        "contradicts": sorted(zip(links["claim"], links["target"], strict=True)),
        "order": list(events["id"]),
    }


def _two_articles_or_more(frame: pl.DataFrame, key: str, records: pl.DataFrame) -> list[str]:
    """The records (named in column ``key`` of ``frame``, and in ``records``) with two or more
    distinct sources."""
    counted = (
        frame.filter(pl.col(key).is_in(records["id"].implode()))
        .group_by(key)
        .agg(pl.col("source").n_unique().alias("n"))
        .filter(pl.col("n") >= 2)
    )
    return sorted(counted[key])


def _polars(dataset: kursk_pows.Dataset) -> dict[str, Any]:
    claims = dataset.to_polars("claims").filter(pl.col("status") == "active")
    counts = claims.group_by("claimed_by").len()
    multi = _two_articles_or_more(dataset.to_polars("evidence"), "record", claims)
    propositions = dataset.to_polars("propositions").filter(pl.col("status") == "active")
    two_articles = _two_articles_or_more(dataset.to_polars("support"), "proposition", propositions)
    links = dataset.to_polars("links").filter(
        (pl.col("type") == "contradicts") & pl.col("claim").is_in(claims["id"].implode())
    )
    events = dataset.to_polars("events").drop_nulls("date_earliest").sort("date_earliest", "id")
    return {
        "per_claimant": sorted(counts.iter_rows()),
        "multi": multi,
        "two_articles": two_articles,
        "contradicts": sorted(links.select("claim", "target").iter_rows()),
        "order": list(events["id"]),
    }


QUERIES = {
    "per_claimant": "SELECT claimed_by, count(*) FROM claims WHERE status = 'active' "
    "GROUP BY claimed_by ORDER BY claimed_by",
    "multi": "SELECT e.record FROM evidence e JOIN claims c ON c.id = e.record "
    "WHERE c.status = 'active' GROUP BY e.record HAVING count(DISTINCT e.source) >= 2 "
    "ORDER BY e.record",
    "two_articles": "SELECT s.proposition FROM support s JOIN propositions p "
    "ON p.id = s.proposition WHERE p.status = 'active' GROUP BY s.proposition "
    "HAVING count(DISTINCT s.source) >= 2 ORDER BY s.proposition",
    "contradicts": "SELECT l.claim, l.target FROM links l JOIN claims c ON c.id = l.claim "
    "WHERE c.status = 'active' AND l.type = 'contradicts' ORDER BY 1, 2",
    "order": "SELECT id FROM events WHERE date_earliest IS NOT NULL ORDER BY date_earliest, id",
}


def _answers(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    single = {"multi", "two_articles", "order"}
    return {k: [r[0] for r in v] if k in single else [tuple(r) for r in v] for k, v in rows.items()}


def _duckdb(parquet: Path) -> dict[str, Any]:
    connection = duckdb.connect()
    for table in tables():
        path = parquet / f"{table.name}.parquet"
        connection.execute(f"CREATE VIEW {table.name} AS SELECT * FROM '{path}'")
    return _answers({k: connection.execute(q).fetchall() for k, q in QUERIES.items()})


def _sqlite(database: Path) -> dict[str, Any]:
    with sqlite3.connect(database) as connection:
        return _answers({k: connection.execute(q).fetchall() for k, q in QUERIES.items()})


def test_every_engine_gives_the_same_answers(
    dataset: kursk_pows.Dataset, parquet: Path, database: Path
) -> None:
    expected = _python(dataset)
    assert expected["per_claimant"]
    assert expected["multi"]
    assert expected["two_articles"]
    assert expected["order"]
    assert _pandas(dataset) == expected
    assert _polars(dataset) == expected
    assert _duckdb(parquet) == expected
    assert _sqlite(database) == expected
