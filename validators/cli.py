"""The ``kursk-pows`` command: a thin layer over the library.

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 a usage problem, 3 an internal
error (a bug in kursk-pows: the data never causes one on purpose; please report it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from ._version import __version__


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kursk-pows", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"kursk-pows {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("validate", help="check a dataset directory (default: bundled)")
    check.add_argument("path", nargs="?", help="dataset directory (default: the bundled dataset)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument("--min-service-age", type=int, default=None, metavar="YEARS")
    check.add_argument("--max-service-age", type=int, default=None, metavar="YEARS")

    commands.add_parser("rules", help="print the catalog of rule codes (Markdown)")
    return parser


def _validate(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .config import Config
    from .render import render_github, render_json, render_text
    from .validation import resolve_root, validate

    config = Config()
    if args.min_service_age is not None:
        config = replace(config, min_service_age=args.min_service_age)
    if args.max_service_age is not None:
        config = replace(config, max_service_age=args.max_service_age)
    root = resolve_root(args.path)
    if not root.exists():
        return _usage(f"no such directory: {args.path}")
    if not root.is_dir():
        return _usage(f"not a directory: {args.path} (give the dataset directory)")
    report = validate(root, config)
    display = args.path if args.path is not None else str(root)
    if args.format == "json":
        print(render_json(report))
    elif args.format == "github":
        output = render_github(report, display)
        if output:
            print(output)
    else:
        print(render_text(report, display))
    return 0 if report.valid else 1


def _usage(message: str) -> int:
    print(f"kursk-pows: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args)
        from .catalog import render_catalog

        print(render_catalog(), end="")
        return 0
    except (OSError, RuntimeError) as exc:
        return _usage(str(exc))
    except Exception as exc:  # a bug; the user still gets one line, not a traceback
        print(
            f"kursk-pows: internal error: {type(exc).__name__}: {exc} "
            "(this is a bug in kursk-pows; please report it)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
