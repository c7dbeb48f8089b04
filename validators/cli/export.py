"""``kursk-pows export``: the command-line side of :func:`kursk_pows.exports.export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import DEFAULT_PATH

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset


def add_export(commands: Any) -> None:
    """Register ``export OUT --format csv|parquet|sqlite|jsonl [--dataset DIR]``."""
    from ..exports import FORMATS

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
    export.add_argument("--dataset", help=DEFAULT_PATH)


def run_export(args: argparse.Namespace) -> int:
    """Load the dataset with its retracted records and export it; errors are one line."""
    from ..exports import export

    return write_directory(
        args, lambda dataset, version: export(dataset, args.out, args.format, version), args.format
    )


def write_directory(
    args: argparse.Namespace, write: Callable[[Dataset, str], list[Path]], what: str
) -> int:
    """Load ``args.dataset`` with its retracted records and ``write`` it into ``args.out``.

    Exit status 1 when the dataset is invalid, 2 when ``args.out`` is unusable or an extra is
    missing; each error is one escaped line.
    """
    from ..analysis.dataset import load
    from ..exports import ExportError
    from ..issues import DatasetInvalid
    from ..reading.locations import existing_root
    from ..reading.manifest import read_version
    from ..reports.escaping import printable as escape
    from ..tables.extras import ExtraMissing

    existing_root(args.dataset)  # a wrong path is a usage error (exit 2), before any loading
    try:
        dataset = load(args.dataset, include_retracted=True)
        version = read_version(dataset.root) or "unversioned"
        written = write(dataset, version)
    except DatasetInvalid as exc:
        print(f"kursk-pows: {escape(str(exc))}; run kursk-pows validate", file=sys.stderr)
        return 1
    except (ExportError, ExtraMissing) as exc:
        print(f"kursk-pows: error: {escape(str(exc))}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} files ({what}) to {escape(args.out)}")
    return 0
