"""The export formats, apart from the writers so that the command line can list them cheaply."""

FORMATS = ("csv", "parquet", "sqlite", "jsonl")
"""The export formats; csv and parquet come with ``datapackage.json`` and ``croissant.json``,
jsonl with ``datapackage.json``, sqlite with datasette's ``metadata.json``."""
