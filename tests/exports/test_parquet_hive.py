"""``export --format parquet-hive``: a Parquet dataset, one folder per table and one
``source=<id>`` folder per article in the tables that have a ``source`` column, read back by
DuckDB (``hive_partitioning = true``), pyarrow datasets and polars, which prune by article."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow.dataset as pads
import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.exports import export
from kursk_pows.tables import tables

Row = tuple[tuple[str, Any], ...]


def _sorted(rows: list[dict[str, Any]]) -> list[Row]:
    """Rows as sorted tuples of (column, value): the engines return them in their own order."""
    return sorted((tuple(sorted(row.items())) for row in rows), key=repr)


def _duckdb(folder: Path) -> list[dict[str, Any]]:
    relation = duckdb.sql(
        f"SELECT * FROM read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"
    )
    names = relation.columns
    return [dict(zip(names, values, strict=True)) for values in relation.fetchall()]


def _value(value: Any) -> Any:
    """A cell as DuckDB and the tables give it (pyarrow lists come back as lists)."""
    return value.date() if isinstance(value, dt.datetime) else value


@pytest.mark.parametrize("table", [t.name for t in tables()])
def test_duckdb_and_pyarrow_read_every_table_back(
    table: str, exported: Path, dataset: kursk_pows.Dataset
) -> None:
    folder = exported / "parquet-hive" / table
    expected = _sorted(dataset.rows(table))
    assert _sorted(_duckdb(folder)) == expected
    arrow = pads.dataset(folder, format="parquet", partitioning="hive").to_table()
    assert _sorted([{k: _value(v) for k, v in r.items()} for r in arrow.to_pylist()]) == expected


def test_tables_with_a_source_are_split_by_article(
    exported: Path, dataset: kursk_pows.Dataset
) -> None:
    folders = {p.name for p in (exported / "parquet-hive" / "evidence").iterdir()}
    used = {row["source"] for row in dataset.rows("evidence")}
    assert folders == {"source=" + s.replace(":", "%3A") for s in used}
    assert [p.name for p in (exported / "parquet-hive" / "claims").iterdir()] == ["part-0.parquet"]


def test_a_query_for_one_article_opens_only_its_folder(exported: Path, tmp_path: Path) -> None:
    """Every other article's file is garbage: a query filtered on one article still answers,
    and so do polars and pyarrow, because none of them opens the other folders."""
    folder = tmp_path / "evidence"
    shutil.copytree(exported / "parquet-hive" / "evidence", folder)
    kept, *others = sorted(folder.iterdir())
    for other in others:
        (other / "part-0.parquet").write_bytes(b"not parquet")
    source = kept.name.removeprefix("source=").replace("%3A", ":")
    pattern = f"{folder}/**/*.parquet"
    count = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{pattern}', hive_partitioning = true) "
        "WHERE source = $source",
        params={"source": source},
    ).fetchall()
    expected = len(list(pads.dataset(kept, format="parquet").to_table().to_pylist()))
    assert count == [(expected,)]
    lazy = pl.scan_parquet(pattern, hive_partitioning=True).filter(pl.col("source") == source)
    assert lazy.select(pl.len()).collect().item() == expected
    pruned = pads.dataset(folder, format="parquet", partitioning="hive")
    assert pruned.to_table(filter=pads.field("source") == source).num_rows == expected
    with pytest.raises(duckdb.Error):
        duckdb.sql(f"SELECT count(*) FROM read_parquet('{pattern}')").fetchall()


def test_an_empty_table_keeps_its_columns(dataset: kursk_pows.Dataset, tmp_path: Path) -> None:
    before = dataset.as_of("2000-01-01")  # no article yet: no evidence
    export(before, tmp_path / "out", "parquet-hive", "1.0.0")
    folder = tmp_path / "out" / "evidence"
    assert [p.name for p in folder.iterdir()] == ["part-0.parquet"]
    names = next(t for t in tables() if t.name == "evidence").names
    read = duckdb.sql(f"SELECT * FROM read_parquet('{folder}/*.parquet')")
    assert read.columns == list(names)
    assert read.fetchall() == []


def test_an_id_too_long_for_a_folder_name_is_refused_in_one_line(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid id can be longer than a file name may be: the command says so, writes nothing."""
    from kursk_pows.cli import main

    long = "source:" + "a" * 300
    spec.one("source:test-article")["id"] = long
    for kind in ("claim", "event", "exclusion"):
        for record in spec.records[kind]:
            text = json.dumps(record).replace('"source:test-article"', json.dumps(long))
            record.clear()
            record.update(json.loads(text))
    data = spec.write(tmp_path / "data")
    code = main(
        ["export", str(tmp_path / "out"), "--dataset", str(data), "--format", "parquet-hive"]
    )
    assert code == 2
    assert "too long to name a folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
