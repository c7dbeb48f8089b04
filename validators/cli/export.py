"""``kursk-pows export``: the command-line side of :func:`kursk_pows.exports.export`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .common import DEFAULT_PATH

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset


def build_export(export: argparse.ArgumentParser) -> None:
    """``export OUT --format csv|parquet|sqlite|jsonl|... [--dataset DIR]``."""
    from ..exports import FORMATS

    export.add_argument("out", help="output directory; must be new or empty")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="csv, parquet or jsonl (with datapackage.json and croissant.json; parquet with a "
        "Hugging Face dataset card too), sqlite (with datasette's metadata.json), or a linked-"
        "data document: annotations (W3C Web Annotation), schemaorg (schema.org Claim), prov "
        "(PROV-O Turtle, needs kursk-pows[rdf]) (default: csv)",
    )
    export.add_argument("--dataset", help=DEFAULT_PATH)
    add_as_of(export)
    export.add_argument(
        "--include-retracted",
        action="store_true",
        help="also write the retracted records (every table says each row's status); by "
        "default the tables hold what load() gives: the active records",
    )


def _day(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` argument (argparse reports anything else as a usage error)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """Add ``--as-of DATE`` and ``--possibly-published`` (see ``Dataset.as_of``)."""
    parser.add_argument(
        "--as-of",
        type=_day,
        metavar="DATE",
        help="the dataset as a reader could know it on DATE (YYYY-MM-DD): only evidence from "
        "articles certainly published by then (default: the whole dataset)",
    )
    parser.add_argument(
        "--possibly-published",
        action="store_true",
        help="with --as-of: also articles that may have been published by then (their "
        "publication interval starts by DATE; default: only those certainly published)",
    )


def run_export(args: argparse.Namespace) -> int:
    """Load the dataset (its retracted records when asked) and export it; errors are one line."""
    from ..exports import export

    return write_directory(
        args,
        lambda dataset, version: export(dataset, args.out, args.format, version),
        args.format,
        include_retracted=args.include_retracted,
    )


def write_directory(
    args: argparse.Namespace,
    write: Callable[[Dataset, str], list[Path]],
    what: str,
    *,
    include_retracted: bool,
) -> int:
    """Load ``args.dataset`` (with its retracted records when ``include_retracted``) and
    ``write`` it into ``args.out``.

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
    if args.possibly_published and args.as_of is None:
        print("kursk-pows: error: --possibly-published goes with --as-of DATE", file=sys.stderr)
        return 2
    try:
        dataset = load(args.dataset, include_retracted=include_retracted)
        if args.as_of is not None:
            dataset = dataset.as_of(args.as_of, possibly=args.possibly_published)
        version = read_version(dataset.root) or "unversioned"
        written = write(dataset, version)
    except DatasetInvalid as exc:
        print(f"kursk-pows: {escape(str(exc))}; run kursk-pows validate", file=sys.stderr)
        return 1
    except (ExportError, ExtraMissing) as exc:
        print(f"kursk-pows: error: {escape(str(exc))}", file=sys.stderr)
        return 2
    files = "file" if len(written) == 1 else "files"
    print(f"wrote {len(written)} {files} ({what}) to {escape(args.out)}")
    return 0
