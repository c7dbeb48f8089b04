"""The ``kursk-pows`` command: a thin layer over the library.

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 a usage problem, 3 an internal
error (a bug in kursk-pows: the data never causes one on purpose; please report it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ._version import __version__

DEFAULT_PATH = (
    "dataset directory (default: inside a kursk-pows checkout its dataset/, elsewhere the "
    "installed data)"
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


DESCRIPTION = """\
The facts of five news articles on the January 2025 capture of two North Korean soldiers in
Russia's Kursk region, as a validated dataset: sources, entities, events and claims, each fact
tied to the exact words of the article that reports it.  These commands check, format and
release such a dataset.
"""
EPILOG = """\
Without a dataset directory, every command works on the same one: inside a kursk-pows checkout
its dataset/, elsewhere the installed data.  Exit status: 0 valid (warnings allowed), 1 errors
in the data, 2 a usage problem, 3 an internal error (a bug; please report it), 130 interrupted.
"""


def _format_option(parser: argparse.ArgumentParser, *extra: str) -> None:
    """The same --format everywhere: text for people, json for programs (and the extras)."""
    parser.add_argument(
        "--format",
        choices=("text", "json", *extra),
        default="text",
        help="text for people, json for programs"
        + (f", {', '.join(extra)} for GitHub Actions annotations" if extra else "")
        + " (default: text)",
    )


def _flag(parser: argparse.ArgumentParser, name: str, help: str) -> None:
    parser.add_argument(name, action="store_true", help=help)


def _parser() -> argparse.ArgumentParser:
    from .config import Config

    parser = _Parser(
        prog="kursk-pows",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kursk-pows {__version__}")
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="COMMAND"
    )

    check = commands.add_parser(
        "validate",
        help="check a dataset: structure, quotes against the texts, references, consistency",
    )
    check.add_argument("path", nargs="?", help=DEFAULT_PATH)
    _format_option(check, "github")
    check.add_argument(
        "--min-service-age",
        type=int,
        default=None,
        metavar="YEARS",
        help="youngest plausible age at joining an army; younger is a warning "
        f"(default: {Config.min_service_age})",
    )
    check.add_argument(
        "--max-service-age",
        type=int,
        default=None,
        metavar="YEARS",
        help="oldest plausible age at joining an army; older is a warning "
        f"(default: {Config.max_service_age})",
    )
    _flag(
        check,
        "--quiet",
        "no progress line, even on a terminal (default: a progress line on a terminal after 2 s)",
    )

    cover = commands.add_parser(
        "coverage",
        help="list every sentence of every source with the records that cover or exclude it",
    )
    cover.add_argument("path", nargs="?", help=DEFAULT_PATH)
    _format_option(cover)
    _flag(
        cover,
        "--uncovered",
        "list only the sentences nothing covers or excludes (default: every sentence)",
    )

    fmt = commands.add_parser(
        "fmt", help="rewrite the record files in canonical form and fill in quote offsets"
    )
    fmt.add_argument("path", nargs="?", help=DEFAULT_PATH)
    _flag(fmt, "--check", "change nothing; exit 1 if fmt would change a file (default: rewrite)")

    manifest = commands.add_parser(
        "manifest",
        help="rewrite manifest.json (every file's SHA-256) and, in a checkout, DATASHEET.md",
    )
    manifest.add_argument("path", nargs="?", help=DEFAULT_PATH)
    _flag(manifest, "--check", "change nothing; exit 1 if the manifest is stale (default: rewrite)")

    compare = commands.add_parser(
        "diff", help="compare two releases and say which version bump the change needs"
    )
    compare.add_argument(
        "old",
        nargs="?",
        default="base",
        help="a directory, 'installed', a git revision (e.g. origin/main), or 'base': where "
        "this branch left its upstream, else the last commit of the previous version "
        "(default: base)",
    )
    compare.add_argument("new", nargs="?", help=f"the same; {DEFAULT_PATH}")
    _format_option(compare)
    _flag(
        compare, "--check", "exit 1 when the version was not bumped enough (default: report only)"
    )

    rules = commands.add_parser(
        "rules", help="explain the rule codes: the whole catalog, or the codes given"
    )
    rules.add_argument(
        "codes", nargs="*", metavar="CODE", help="rule codes to show (default: every rule)"
    )
    _format_option(rules)
    from .cli_export import add_export

    add_export(commands, DEFAULT_PATH)
    from .cli_site import add_site

    add_site(commands, DEFAULT_PATH)
    return parser


def _validate(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .config import Config
    from .reports.render import render_github, render_json, render_text
    from .rules.engine import validate

    config = Config()
    if args.min_service_age is not None:
        config = replace(config, min_service_age=args.min_service_age)
    if args.max_service_age is not None:
        config = replace(config, max_service_age=args.max_service_age)
    from .reading.manifest import read_version
    from .reports.progress import TerminalProgress

    root = _existing_dir(args.path)
    progress = None if args.quiet else TerminalProgress()
    report = validate(root, config, progress)
    if progress is not None:
        progress.finish()
    display = args.path if args.path is not None else _shown(root)
    if args.format == "json":
        print(render_json(report))
    elif args.format == "github":
        output = render_github(report, display)
        if output:
            print(output)
    else:
        print(render_text(report, display, read_version(root)))
    return 0 if report.valid else 1


def _shown(root: Path) -> str:
    """A default dataset directory as the user can type it: relative when under the current
    directory, else absolute."""
    try:
        return str(root.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(root)


def _existing_dir(path: str | None) -> Path:
    """The dataset directory a command works on: the one given, or by the one rule of
    :func:`~kursk_pows.reading.locations.default_root`."""
    from .reading.locations import default_root

    root = default_root() if path is None else Path(path)
    if not root.exists():
        raise _UsageError(f"no such directory: {path}")
    if not root.is_dir():
        raise _UsageError(f"not a directory: {path} (give the dataset directory)")
    if not os.access(root, os.R_OK | os.X_OK):
        raise _UsageError(f"permission denied: cannot read the directory {path}")
    return root


class _UsageError(Exception):
    """A command-line mistake: reported in one line with exit status 2."""


def _coverage(args: argparse.Namespace) -> int:
    from .reports.coverage import coverage
    from .reports.render import render_coverage

    result = coverage(_existing_dir(args.path))
    if args.format == "json":
        import json

        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_coverage(result, uncovered_only=args.uncovered))
    return 1 if result.stats()["uncovered"] else 0


def _writable_dir(args: argparse.Namespace) -> Path:
    """The dataset a writing command works on; the installed data is never rewritten."""
    from .reading.locations import checkout_dataset

    if args.path is None and not args.check and checkout_dataset() is None:
        raise _UsageError(
            f"{args.command}: not inside a kursk-pows checkout, and the installed data is "
            "never rewritten: give the dataset directory to rewrite (or use --check)"
        )
    return _existing_dir(args.path)


def _fmt(args: argparse.Namespace) -> int:
    from .reading.safe_files import UnsafeFile
    from .releases.fmt import format_dataset
    from .reports.escaping import printable

    root = _writable_dir(args)
    try:
        result = format_dataset(root, check=args.check)
    except UnsafeFile as exc:
        print(f"{root}: {exc.message}; {exc.hint}", file=sys.stderr)
        return 1
    for name, errors in result.refused.items():
        print(f"{root / name}: not formatted, fix its errors first:", file=sys.stderr)
        for error in errors:
            print(f"    {printable(error)}", file=sys.stderr)
    for name, missed in result.unanchored.items():
        print(
            f"{root / name}: offsets not filled in (make the quote occur exactly once, "
            "or give start and end):",
            file=sys.stderr,
        )
        for why in missed:
            print(f"    {printable(why)}", file=sys.stderr)
    verb = "would reformat" if args.check else "reformatted"
    for name in result.changed:
        print(f"{verb} {root / name}")
    if not (result.changed or result.refused or result.unanchored):
        print(f"{root}: all files are in canonical form")
    unfinished = result.refused or result.unanchored
    return 1 if unfinished or (args.check and result.changed) else 0


def _manifest(args: argparse.Namespace) -> int:
    from .reading.locations import checkout_dataset
    from .reading.manifest import MANIFEST, build_manifest, checkout_versions, render_manifest
    from .reading.safe_files import UnsafeFile
    from .releases.manifest import current_manifest, write_manifest

    root = _writable_dir(args)
    # a checkout states its own version; otherwise the installed package's is used
    version = checkout_versions(root).get("validators/_version.py", __version__)
    path = root / MANIFEST
    try:
        if args.check:
            if current_manifest(root) != render_manifest(build_manifest(root, version)):
                print(
                    f"{path} is out of date: a change to the data goes with a version bump, "
                    'python3 scripts/bump.py patch|minor|major "what changed" in a checkout '
                    "(it rewrites the manifest; kursk-pows diff base says which bump)"
                )
                return 1
            print(f"{path} is up to date")
            return 0
        changed = write_manifest(root, version)
    except UnsafeFile as exc:
        print(f"{root}: {exc.message}; {exc.hint}", file=sys.stderr)
        return 1
    print(f"{'wrote' if changed else 'unchanged:'} {path} (version {version})")
    if checkout_dataset(root) != root.resolve():
        return 0
    return _datasheet(root, version)


def _datasheet(root: Path, version: str) -> int:
    """In a checkout, the datasheet follows the data: rewritten with the manifest."""
    from .issues import DatasetInvalid
    from .reports.datasheet import DATASHEET, write_datasheet

    try:
        changed = write_datasheet(root, version)
    except DatasetInvalid as exc:
        print(f"{root.parent / DATASHEET} not rewritten: {exc}", file=sys.stderr)
        return 1
    print(f"{'wrote' if changed else 'unchanged:'} {root.parent / DATASHEET}")
    return 0


def _same_release(old: str) -> str:
    why = (
        "'installed' is this checkout's own dataset/ (an editable install)"
        if old == "installed"
        else f"{old} is the dataset compared with"
    )
    return (
        f"{why}, so the comparison could find nothing: compare with the last release instead, "
        "e.g. `kursk-pows diff base` (where this branch left upstream) or a tag"
    )


def _diff(args: argparse.Namespace) -> int:
    from .releases.diff import diff_releases
    from .releases.revisions import ReleaseNotFound, open_release

    try:
        newer = args.new if args.new is not None else str(_existing_dir(None))
        with open_release(args.old) as old, open_release(newer) as new:
            if old.dataset.resolve() == new.dataset.resolve():
                raise _UsageError(_same_release(args.old))
            result = diff_releases(old, new)
    except ReleaseNotFound as exc:
        raise _UsageError(str(exc)) from None
    if args.format == "json":
        import json

        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        from .reports.escaping import printable

        for change in result.changes:
            print(f"{change.bump:>5}  {printable(change.describe())}")
        print(
            printable(
                f"{len(result.changes)} change(s); version {result.old_version} -> "
                f"{result.new_version} ({result.actual or 'not an increase'}); "
                f"the changes need at least: {result.required}"
            )
        )
        for problem in result.problems():
            print(f"error: {printable(problem)}")
    return 1 if args.check and result.problems() else 0


def _rules(args: argparse.Namespace) -> int:
    from .reports.catalog import render_catalog, render_rule, rule_data
    from .rules import CODES
    from .rules.registry import closest_name

    for code in args.codes:
        if code not in CODES:
            close = closest_name(code, sorted(CODES))
            maybe = f" (did you mean {close}?)" if close else ""
            raise _UsageError(f"no rule code {code!r}{maybe}; kursk-pows rules lists them all")
    codes = args.codes or sorted(CODES)
    if args.format == "json":
        import json

        print(json.dumps([rule_data(c) for c in codes], ensure_ascii=False, indent=2))
    elif args.codes:
        print("\n".join(render_rule(c) for c in codes), end="")
    else:
        print(render_catalog(), end="")
    return 0


def _usage(message: str) -> int:
    print(f"kursk-pows: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status.  A reader that goes away
    (``| head``) ends the command quietly with status 141, as SIGPIPE would; Ctrl-C ends it
    with one line and status 130."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # nothing more can be written; point stdout at /dev/null so the final flush is quiet
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("kursk-pows: interrupted", file=sys.stderr)
        return 130


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args)
        if args.command == "coverage":
            return _coverage(args)
        if args.command == "fmt":
            return _fmt(args)
        if args.command == "manifest":
            return _manifest(args)
        if args.command == "diff":
            return _diff(args)
        if args.command == "export":
            from .cli_export import run_export

            return run_export(args)
        if args.command == "site":
            from .cli_site import run_site

            return run_site(args)
        return _rules(args)
    except BrokenPipeError:
        raise
    except (_UsageError, OSError, RuntimeError) as exc:
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
