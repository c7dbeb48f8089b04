"""croissant.json for CSV and Parquet: mlcroissant validates it and loads every record set, with
the values of the rows."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import mlcroissant as mlc
import pytest

import kursk_pows
from kursk_pows.exports.croissant import _file
from kursk_pows.exports.datapackage import CSV_FORMULAS
from kursk_pows.exports.run import CROISSANT
from kursk_pows.tables import tables
from kursk_pows.tables.columns import Table


def validate(directory: Path) -> subprocess.CompletedProcess[str]:
    command = [Path(sys.executable).parent / "mlcroissant", "validate", "--jsonld"]
    return subprocess.run(
        [*command, "croissant.json"], cwd=directory, capture_output=True, text=True
    )


@pytest.mark.parametrize("format", CROISSANT)
def test_mlcroissant_validate_passes(format: str, exported: Path) -> None:
    done = validate(exported / format)
    assert done.returncode == 0, done.stderr[-2000:]


def _plain(value: Any) -> Any:
    """A loaded value as the rows hold it: text for bytes, a date for a timestamp, None for
    the NaN pandas puts in an empty number column."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dt.datetime):  # pandas.Timestamp too
        return value.date()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@pytest.mark.parametrize("format", CROISSANT)
def test_every_record_set_loads_with_every_value(
    format: str, exported: Path, dataset: kursk_pows.Dataset
) -> None:
    croissant = mlc.Dataset(jsonld=str(exported / format / "croissant.json"))
    names = [record_set.name for record_set in croissant.metadata.record_sets]
    assert names == [t.name for t in tables()]
    for table in tables():
        loaded = [
            {name: _plain(record[f"{table.name}/{name}"]) for name in table.names}
            for record in croissant.records(record_set=table.name)
        ]
        assert loaded == dataset.rows(table.name), table.name


def test_descriptor_says_licence_citation_rai_and_provenance(exported: Path) -> None:
    descriptor = json.loads((exported / "csv" / "croissant.json").read_text(encoding="utf-8"))
    assert descriptor["conformsTo"] == "http://mlcommons.org/croissant/1.1"
    assert descriptor["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert descriptor["citeAs"] == (
        "kursk-pows maintainers. kursk-pows: two North Korean soldiers captured in Kursk, "
        "January 2025. Dataset, version 1.2.3"
    )
    for key in ("rai:dataCollection", "rai:dataAnnotationProtocol", "rai:dataLimitations"):
        assert descriptor[key]
    assert descriptor["prov:wasDerivedFrom"]


@pytest.mark.parametrize("format", CROISSANT)
def test_load_catches_a_changed_file(format: str, exported: Path, tmp_path: Path) -> None:
    changed = tmp_path / format
    shutil.copytree(exported / format, changed)
    links = changed / f"links.{format}"
    data = bytearray(links.read_bytes())
    data[-20] ^= 1  # one bit of the file, wherever it is
    links.write_bytes(bytes(data))
    croissant = mlc.Dataset(jsonld=str(changed / "croissant.json"))
    with pytest.raises(Exception, match=rf"Download\(links.{format}\)") as caught:
        list(croissant.records(record_set="links"))
    assert "Hash of downloaded file" in str(caught.value.__cause__)


def test_only_a_csv_file_object_explains_its_formula_cells(tmp_path: Path) -> None:
    table = Table("t", "A table.", (), ())
    for suffix in ("csv", "parquet"):
        (tmp_path / f"t.{suffix}").write_bytes(b"abc")
    described = {s: _file(tmp_path, table, s)["description"] for s in ("csv", "parquet")}
    assert described == {"csv": f"A table. {CSV_FORMULAS}", "parquet": "A table."}
    assert _file(tmp_path, table, "csv")["contentSize"] == "3 B"
