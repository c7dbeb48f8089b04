"""``export``: every table of a dataset written into a new directory in one format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..tables import tables
from .croissant import croissant
from .datapackage import datapackage
from .dataset_card import dataset_card
from .datasette import DATABASE, metadata
from .directory import ExportError, fresh_directory
from .formats import DOCUMENTS, FORMATS
from .released import release_date
from .sqlite import write_sqlite
from .writers import write_csv, write_jsonl, write_parquet, write_parquet_hive

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset


CROISSANT = ("csv", "parquet", "jsonl")
"""The formats described by ``croissant.json`` (mlcroissant loads their files exactly)."""

_WRITERS = {"csv": write_csv, "parquet": write_parquet, "jsonl": write_jsonl}


def export(dataset: Dataset, out: str | Path, format: str, version: str) -> list[Path]:
    """Write every table of ``dataset`` into the new or empty directory ``out``.

    The directory appears complete or not at all.  Returns the files written, sorted.
    Raises :class:`ExportError` for an unknown format or an unusable ``out``.
    """
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    if format in DOCUMENTS:
        return _document(dataset, target, format)
    every = tables()
    rows: dict[str, Any] = {table.name: dataset.rows(table.name) for table in every}
    with fresh_directory(target) as directory:
        if format == "sqlite":
            write_sqlite(directory / f"{DATABASE}.db", every, rows)
            (directory / "metadata.json").write_text(metadata(every, version), encoding="utf-8")
        elif format == "parquet-hive":
            for table in every:
                write_parquet_hive(directory / table.name, table, rows[table.name])
        else:
            for table in every:
                _WRITERS[format](directory / f"{table.name}.{format}", table, rows[table.name])
            descriptor = datapackage(directory, every, format, version)
            (directory / "datapackage.json").write_text(descriptor, encoding="utf-8")
            if format == "parquet":
                card = dataset_card(every, version)
                (directory / "README.md").write_text(card, encoding="utf-8")
            if format in CROISSANT:
                published = release_date(dataset.root, version)
                described = croissant(directory, every, format, version, published)
                (directory / "croissant.json").write_text(described, encoding="utf-8")
    if format == "parquet-hive":
        return sorted(p for p in target.rglob("*") if p.is_file())
    return sorted(target.iterdir())


def _document(dataset: Dataset, target: Path, format: str) -> list[Path]:
    """Write the one linked-data document of ``format`` (see ``DOCUMENTS``) into ``target``."""
    from .linked import schema_claims, web_annotations
    from .prov import prov_turtle, shapes

    write = {"annotations": web_annotations, "schemaorg": schema_claims, "prov": prov_turtle}
    text = write[format](dataset)  # before the directory: a missing extra leaves nothing
    with fresh_directory(target) as directory:
        (directory / DOCUMENTS[format]).write_text(text, encoding="utf-8")
        if format == "prov":
            (directory / "prov-shapes.ttl").write_text(shapes(), encoding="utf-8")
    return sorted(target.iterdir())
