"""croissant.json: mlcroissant validates it and loads every record set, with the right rows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import mlcroissant as mlc
import pytest

import kursk_pows
from kursk_pows.exports import export
from kursk_pows.tables import tables


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[kursk_pows.Dataset, Path]:
    dataset = kursk_pows.load(include_retracted=True)
    out = tmp_path_factory.mktemp("croissant") / "csv"
    export(dataset, out, "csv", "1.2.3")
    return dataset, out


def test_mlcroissant_validate_passes(exported: tuple[kursk_pows.Dataset, Path]) -> None:
    _, out = exported
    done = subprocess.run(
        [Path(sys.executable).parent / "mlcroissant", "validate", "--jsonld", "croissant.json"],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_every_record_set_loads_with_every_row(exported: tuple[kursk_pows.Dataset, Path]) -> None:
    dataset, out = exported
    croissant = mlc.Dataset(jsonld=str(out / "croissant.json"))
    names = [record_set.name for record_set in croissant.metadata.record_sets]
    assert names == [t.name for t in tables()]
    for table in tables():
        loaded = list(croissant.records(record_set=table.name))
        rows = dataset.rows(table.name)
        assert len(loaded) == len(rows), table.name
        first_key = f"{table.name}/{table.primary_key[0]}"
        got = sorted(r[first_key].decode() for r in loaded)
        assert got == sorted(row[table.primary_key[0]] for row in rows), table.name


def test_descriptor_says_licence_citation_rai_and_provenance(
    exported: tuple[kursk_pows.Dataset, Path],
) -> None:
    descriptor = json.loads((exported[1] / "croissant.json").read_text(encoding="utf-8"))
    assert descriptor["conformsTo"] == "http://mlcommons.org/croissant/1.1"
    assert descriptor["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert descriptor["citeAs"] == "kursk-pows dataset, version 1.2.3"
    for key in ("rai:dataCollection", "rai:dataAnnotationProtocol", "rai:dataLimitations"):
        assert descriptor[key]
    assert descriptor["prov:wasDerivedFrom"]


def test_load_catches_a_changed_file(
    exported: tuple[kursk_pows.Dataset, Path], tmp_path: Path
) -> None:
    changed = tmp_path / "csv"
    shutil.copytree(exported[1], changed)
    links = changed / "links.csv"
    links.write_bytes(links.read_bytes().replace(b"contradicts", b"contradict!"))
    croissant = mlc.Dataset(jsonld=str(changed / "croissant.json"))
    with pytest.raises(Exception, match=r"Download\(links.csv\)") as caught:
        list(croissant.records(record_set="links"))
    assert "Hash of downloaded file" in str(caught.value.__cause__)
