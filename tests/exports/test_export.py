"""Exports: every table in every format, deterministic, atomic, with valid descriptors."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.exports import FORMATS, ExportError, export
from kursk_pows.tables import table, tables


def _bytes(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` by its path inside it, with its bytes."""
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("format", FORMATS)
def test_export_is_deterministic(
    format: str, dataset: kursk_pows.Dataset, exported: Path, tmp_path: Path
) -> None:
    """An export made now has the bytes of the session's first one, descriptors included."""
    again = export(dataset, tmp_path / "again", format, "1.2.3")
    assert _bytes(tmp_path / "again") == _bytes(exported / format)
    names = {p.name for p in again}
    documents = {
        "sqlite": {"kursk-pows.db", "metadata.json"},
        "annotations": {"annotations.jsonld"},
        "schemaorg": {"claims.jsonld"},
        "prov": {"prov.ttl", "prov-shapes.ttl"},
    }
    if format in documents:
        assert names == documents[format]
    elif format == "parquet-hive":
        assert names == {"part-0.parquet"}
        assert {p.name for p in (tmp_path / "again").iterdir()} == {t.name for t in tables()}
    else:
        expected = {f"{t.name}.{format}" for t in tables()} | {"datapackage.json"}
        card = {"README.md"} if format == "parquet" else set()
        assert names == expected | {"croissant.json"} | card


def test_export_refuses_a_directory_with_files_and_leaves_it_alone(
    dataset: kursk_pows.Dataset, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not a new or empty directory"):
        export(dataset, out, "csv", "1.0.0")
    assert _bytes(out) == {"keep.txt": b"mine"}


def test_a_failed_export_leaves_nothing(
    dataset: kursk_pows.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kursk_pows.exports import run as module

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setitem(module._WRITERS, "jsonl", broken)
    with pytest.raises(OSError, match="disk full"):
        export(dataset, tmp_path / "out", "jsonl", "1.0.0")
    assert list(tmp_path.iterdir()) == []


def test_empty_directory_is_filled(dataset: kursk_pows.Dataset, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    export(dataset, tmp_path / "out", "jsonl", "1.0.0")
    lines = (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(dataset.claims)
    assert all(set(json.loads(line)) == set(table("claims").names) for line in lines)


def test_unknown_format_is_an_error(dataset: kursk_pows.Dataset, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="csv, parquet, sqlite, jsonl"):
        export(dataset, tmp_path / "out", "xlsx", "1.0.0")


def test_sqlite_has_keys_and_full_text_search(dataset: kursk_pows.Dataset, tmp_path: Path) -> None:
    export(dataset, tmp_path / "db", "sqlite", "1.2.3")
    with sqlite3.connect(tmp_path / "db" / "kursk-pows.db") as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = connection.execute("PRAGMA foreign_key_list(links)").fetchall()
        assert {(k[2], k[3], k[4]) for k in keys} == {
            ("claims", "claim", "id"),
            ("claims", "target", "id"),
        }
        found = connection.execute(
            "SELECT e.record FROM evidence_fts JOIN evidence e ON e.rowid = evidence_fts.rowid "
            "WHERE evidence_fts MATCH 'Pyongyang'"
        ).fetchall()
    expected = {row["record"] for row in dataset.rows("evidence") if "Pyongyang" in row["quote"]}
    assert expected
    assert {r[0] for r in found} == expected
    meta = json.loads((tmp_path / "db" / "metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC-BY-4.0"
    described = meta["databases"]["kursk-pows"]["tables"]
    assert set(described) == {t.name for t in tables()}


def test_cli_export_and_its_errors(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "kursk_pows", "export"]
    done = subprocess.run(
        [*command, str(tmp_path / "out"), "--format", "jsonl"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    written = len(tables()) + 2  # one per table, datapackage.json and croissant.json
    assert f"wrote {written} files (jsonl)" in done.stdout
    again = subprocess.run(
        [*command, str(tmp_path / "out"), "--format", "jsonl"], capture_output=True, text=True
    )
    assert again.returncode == 2
    assert "not a new or empty directory" in again.stderr
    assert "Traceback" not in again.stderr


def test_cli_export_of_an_invalid_dataset_writes_nothing(
    repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kursk_pows.cli import main

    broken = tmp_path / "ds"
    shutil.copytree(repo_root / "dataset", broken)
    claims = broken / "claims.jsonl"
    claims.write_text(claims.read_text(encoding="utf-8").replace('"predicate:', '"predicat:', 1))
    assert main(["export", str(tmp_path / "out"), "--dataset", str(broken)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "[predicate-unknown]" in line
    assert line.endswith("run kursk-pows validate")
    assert not (tmp_path / "out").exists()


def test_export_holds_the_active_records_unless_asked_for_the_retracted(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    from kursk_pows.cli import main

    spec.records["claim"].append(
        {
            **spec.one("claim:a.role"),
            "id": "claim:a.role-old",
            "status": "retracted",
            "retraction": {"reason": "misread", "superseded_by": "claim:a.role"},
        }
    )
    root = spec.write(tmp_path / "ds")

    def exported(out: str, *extra: str) -> dict[str, list[dict[str, object]]]:
        args = ["export", str(tmp_path / out), "--format", "jsonl", "--dataset", str(root)]
        assert main([*args, *extra]) == 0
        return {
            name: [json.loads(line) for line in (tmp_path / out / f"{name}.jsonl").open()]
            for name in ("claims", "evidence")
        }

    default = exported("active")
    assert "claim:a.role-old" not in {row["id"] for row in default["claims"]}
    assert "claim:a.role-old" not in {row["record"] for row in default["evidence"]}
    assert {row["status"] for row in default["evidence"]} == {"active"}

    every = exported("every", "--include-retracted")
    claims = {row["id"]: row for row in every["claims"]}
    assert claims["claim:a.role-old"]["status"] == "retracted"
    assert claims["claim:a.role-old"]["retraction_superseded_by"] == "claim:a.role"
    assert claims["claim:a.role"]["status"] == "active"
    assert claims["claim:a.role"]["retraction_reason"] is None
    statuses = {row["record"]: row["status"] for row in every["evidence"]}
    assert statuses["claim:a.role-old"] == "retracted"
    assert statuses["claim:a.role"] == "active"
