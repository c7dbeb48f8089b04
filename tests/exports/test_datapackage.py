"""datapackage.json for CSV, Parquet and JSON Lines: frictionless validates it, reads every table
back with the values of the rows, and catches a changed file or a broken key."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from frictionless import Package

import kursk_pows
from kursk_pows.exports.datapackage import _field, file_facts
from kursk_pows.tables import tables
from kursk_pows.tables.columns import Column

DESCRIBED = ("csv", "parquet", "jsonl")


def _descriptor(directory: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((directory / "datapackage.json").read_text("utf-8"))
    return loaded


def _errors(directory: Path) -> list[tuple[str, str, str | None]]:
    """Every error frictionless reports: its type, the table and the field if any."""
    report = Package(str(directory / "datapackage.json")).validate()
    return [
        (error.type, task.name, getattr(error, "field_name", None))
        for task in report.tasks
        for error in task.errors
    ]


@pytest.mark.parametrize("format", DESCRIBED)
def test_frictionless_validates_the_export(format: str, exported: Path) -> None:
    """With frictionless's own command, as a user would (the tests below use its API)."""
    frictionless = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [frictionless, "validate", "datapackage.json"],
        cwd=exported / format,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert done.stdout.count("VALID") == len(tables())  # one line per table


@pytest.mark.parametrize("format", DESCRIBED)
def test_hashes_and_sizes_are_the_files(format: str, exported: Path) -> None:
    descriptor = _descriptor(exported / format)
    assert descriptor["version"] == "1.2.3"
    for resource in descriptor["resources"]:
        sha256, size = file_facts(exported / format / resource["path"])
        assert resource["hash"] == f"sha256:{sha256}"
        # frictionless cannot count a Parquet file's bytes: a size there always fails it
        assert resource.get("bytes") == (None if format == "parquet" else size)


@pytest.mark.parametrize(
    "format",
    # frictionless reads Parquet through pandas a cell at a time (about 20 s for the bundled
    # data, growing with it): run on purpose (-m slow); mlcroissant reads back every Parquet
    # value in the default run (test_croissant)
    ["csv", pytest.param("parquet", marks=pytest.mark.slow), "jsonl"],
)
def test_frictionless_reads_back_every_row(
    format: str, exported: Path, dataset: kursk_pows.Dataset
) -> None:
    package = Package(str(exported / format / "datapackage.json"))
    assert [r.name for r in package.resources] == [t.name for t in tables()]
    for resource in package.resources:
        got = [dict(row) for row in resource.read_rows()]
        assert got == dataset.rows(resource.name), resource.name


@pytest.mark.parametrize("format", ["csv", "jsonl"])
def test_frictionless_catches_a_changed_file(format: str, exported: Path, tmp_path: Path) -> None:
    changed = tmp_path / format
    shutil.copytree(exported / format, changed)
    links = changed / f"links.{format}"
    descriptor = _descriptor(changed)
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in LINKS]
    (changed / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    links.write_bytes(links.read_bytes().replace(b"contradicts", b"contradict!"))
    assert _errors(changed) == [("hash-count", "links", None)]


LINKS = ("links", "claims", "predicates", "propositions")
"""The links table and the tables its foreign keys reach, directly or through claims."""


def _rehash(directory: Path, keep: tuple[str, ...]) -> None:
    """The descriptor cut to the resources ``keep`` (those a check needs: a table and what its
    foreign keys point at), its hashes and sizes brought up to date with the files."""
    descriptor = _descriptor(directory)
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in keep]
    for resource in descriptor["resources"]:
        sha256, size = file_facts(directory / resource["path"])
        resource["hash"] = f"sha256:{sha256}"
        if "bytes" in resource:
            resource["bytes"] = size
    (directory / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")


def test_frictionless_checks_foreign_keys_in_parquet(exported: Path, tmp_path: Path) -> None:
    changed = tmp_path / "parquet"
    shutil.copytree(exported / "parquet", changed)
    links = pq.read_table(changed / "links.parquet")
    targets = links.column("target").to_pylist()
    targets[0] = "claim:nowhere"
    index = links.schema.get_field_index("target")
    links = links.set_column(index, links.schema.field(index), [targets])
    pq.write_table(links, changed / "links.parquet")
    _rehash(changed, LINKS)
    assert _errors(changed) == [("foreign-key", "links", None)]


def test_frictionless_checks_types_in_jsonl(exported: Path, tmp_path: Path) -> None:
    changed = tmp_path / "jsonl"
    shutil.copytree(exported / "jsonl", changed)
    evidence = changed / "evidence.jsonl"
    lines = evidence.read_text("utf-8").splitlines(keepends=True)
    row = json.loads(lines[0])
    lines[0] = json.dumps({**row, "position": "first"}) + "\n"
    evidence.write_text("".join(lines), "utf-8")
    _rehash(changed, ("evidence", "sources"))
    assert _errors(changed) == [("type-error", "evidence", "position")]


def test_fields_say_required_keys_and_parquet_nulls_by_hand() -> None:
    key = Column("id", "string", "The id.", ("id",), "Claim.id")
    count = Column("n", "integer", "A count.", ("n",), "Claim.n")
    assert _field(key, ("id",), "csv") == {
        "name": "id",
        "type": "string",
        "description": "The id.",
        "constraints": {"required": True},
    }
    assert _field(count, ("id",), "csv") == {
        "name": "n",
        "type": "integer",
        "description": "A count.",
    }
    assert _field(count, ("id",), "parquet") == {
        "name": "n",
        "type": "integer",
        "description": "A count.",
        "missingValues": ["", "nan"],
    }
    assert "missingValues" not in _field(key, ("id",), "parquet")
