"""The SQLite export served by datasette on localhost: licensed, described, searchable."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from serving import fetch, free_port

import kursk_pows
from kursk_pows.exports import export
from kursk_pows.exports.datasette import metadata
from kursk_pows.tables.columns import Table


def serve(database: Path, metadata: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    datasette = Path(sys.executable).parent / "datasette"
    command = [str(datasette), "serve", str(database), "-m", str(metadata), "-p", str(port)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("datasette") / "db"
    export(kursk_pows.load(include_retracted=True), out, "sqlite", "1.2.3")
    process, port = serve(out / "kursk-pows.db", out / "metadata.json")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_served_search_finds_the_quotes(server: str) -> None:
    deadline = time.monotonic() + 60
    url = f"{server}/kursk-pows/evidence.json?_search=Pyongyang&_shape=array&_size=max"
    found = fetch(url, deadline)
    exported = kursk_pows.load(include_retracted=True)  # the data the server was given
    expected = [r for r in exported.rows("evidence") if "Pyongyang" in r["quote"]]
    assert expected
    assert sorted((r["record"], r["position"]) for r in found) == sorted(
        (r["record"], r["position"]) for r in expected
    )


def test_served_copy_is_licensed_and_described(server: str) -> None:
    meta = fetch(f"{server}/-/metadata.json", time.monotonic() + 60)
    assert meta["license"] == "CC-BY-4.0"
    assert "quote" in meta["databases"]["kursk-pows"]["tables"]["evidence"]["columns"]
    claims = fetch(
        f"{server}/kursk-pows/claims.json?status=active&_shape=array&_size=max",
        time.monotonic() + 60,
    )
    assert len(claims) == len(kursk_pows.load().claims)


def test_served_query_counts_the_articles_of_each_proposition(server: str) -> None:
    sql = (
        "SELECT s.proposition, count(DISTINCT s.source) AS articles, "
        "count(DISTINCT s.claimant) AS origins FROM support s JOIN propositions p "
        "ON p.id = s.proposition WHERE p.status = 'active' GROUP BY s.proposition"
    )
    query = urllib.parse.urlencode({"sql": sql, "_shape": "array", "_size": "max"})
    found = fetch(f"{server}/kursk-pows.json?{query}", time.monotonic() + 60)
    active = kursk_pows.load()
    assert {r["proposition"]: (r["articles"], r["origins"]) for r in found} == {
        pid: (len(active.support(pid).articles), len(active.support(pid).origins))
        for pid in active.propositions
    }


def test_only_searchable_tables_name_a_full_text_table() -> None:
    chosen = [Table(name, f"{name} table.", (), ()) for name in ("evidence", "claim_links")]
    described = json.loads(metadata(chosen, "1.0.0"))["databases"]["kursk-pows"]["tables"]
    assert described == {
        "evidence": {"description": "evidence table.", "columns": {}, "fts_table": "evidence_fts"},
        "claim_links": {"description": "claim_links table.", "columns": {}},
    }
