"""The export formats, apart from the writers so that the command line can list them cheaply."""

TABLE_FORMATS = ("csv", "parquet", "sqlite", "jsonl", "parquet-hive")
"""Formats writing every table: csv, parquet and jsonl come with ``datapackage.json`` and
``croissant.json`` (parquet with a Hugging Face dataset card too), sqlite with datasette's
``metadata.json``; parquet-hive is a folder per table, partitioned by source hive-style, for
engines that read a corpus out of core and prune by article."""

DOCUMENTS = {
    "annotations": "annotations.jsonld",
    "schemaorg": "claims.jsonld",
    "prov": "prov.ttl",
}
"""Formats writing one linked-data document, by the file they write: W3C Web Annotations,
schema.org Claims (both JSON-LD) and PROV-O (Turtle, with its SHACL shapes beside it)."""

FORMATS = (*TABLE_FORMATS, *DOCUMENTS)
"""Every export format."""
