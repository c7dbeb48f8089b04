"""``kursk-pows export``: the command-line side of :func:`kursk_pows.exports.export`."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_export(commands: Any, path_help: str) -> None:
    """Register ``export OUT --format csv|parquet|sqlite|jsonl [--dataset DIR]``."""
    from .exports import FORMATS

    export = commands.add_parser(
        "export",
        help="write every table (claims, evidence, events...) as files for analysis tools",
    )
    export.add_argument("out", help="output directory; must be new or empty")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="csv or parquet (with datapackage.json and croissant.json), jsonl (with "
        "datapackage.json) or sqlite (with datasette's metadata.json) (default: csv)",
    )
    export.add_argument("--dataset", help=path_help)


def run_export(args: argparse.Namespace) -> int:
    """Load the dataset with its retracted records and export it; errors are one line."""
    from .analysis.dataset import load
    from .exports import ExportError, export
    from .issues import DatasetInvalid
    from .reading.manifest import read_version
    from .reports.escaping import printable as escape
    from .tables.extras import ExtraMissing

    try:
        dataset = load(args.dataset, include_retracted=True)
        version = read_version(dataset.root) or "unversioned"
        written = export(dataset, args.out, args.format, version)
    except DatasetInvalid as exc:
        print(f"kursk-pows: {escape(str(exc))}; run kursk-pows validate", file=sys.stderr)
        return 1
    except (ExportError, ExtraMissing) as exc:
        print(f"kursk-pows: error: {escape(str(exc))}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} files ({args.format}) to {escape(args.out)}")
    return 0
