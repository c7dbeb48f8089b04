"""``kursk-pows fmt``, ``manifest`` and ``diff``: the commands of a release's discipline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._version import __version__
from .common import (
    DEFAULT_PATH,
    UsageError,
    existing_dir,
    flag,
    format_option,
    writable_dataset,
)


def build_fmt(fmt: argparse.ArgumentParser) -> None:
    """``fmt [PATH] [--check]``."""
    fmt.add_argument("path", nargs="?", help=DEFAULT_PATH)
    flag(fmt, "--check", "change nothing; exit 1 if fmt would change a file (default: rewrite)")


def build_manifest(manifest: argparse.ArgumentParser) -> None:
    """``manifest [PATH] [--check]``."""
    manifest.add_argument("path", nargs="?", help=DEFAULT_PATH)
    flag(manifest, "--check", "change nothing; exit 1 if the manifest is stale (default: rewrite)")


def build_diff(compare: argparse.ArgumentParser) -> None:
    """``diff [OLD] [NEW] [--format ...] [--check]``."""
    compare.add_argument(
        "old",
        nargs="?",
        default="base",
        help="a directory, 'installed', a git revision (e.g. origin/main), or 'base': where "
        "this branch left its upstream, else the last commit of the previous version "
        "(default: base)",
    )
    compare.add_argument("new", nargs="?", help=f"the same; {DEFAULT_PATH}")
    format_option(compare)
    flag(compare, "--check", "exit 1 when the version was not bumped enough (default: report only)")


def _writable_dir(args: argparse.Namespace) -> Path:
    """The dataset a writing command works on; the installed data is never rewritten."""
    if args.check:
        return existing_dir(args.path)
    return writable_dataset(args.path, args.command, " (or use --check)")


def run_fmt(args: argparse.Namespace) -> int:
    from ..reading.safe_files import UnsafeFile
    from ..releases.fmt import format_dataset
    from ..reports.escaping import printable

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


def run_manifest(args: argparse.Namespace) -> int:
    from ..reading.locations import checkout_dataset
    from ..reading.manifest import MANIFEST, build_manifest, checkout_versions, render_manifest
    from ..reading.safe_files import UnsafeFile
    from ..releases.manifest import current_manifest, write_manifest

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
    from ..issues import DatasetInvalid
    from ..reports.datasheet import DATASHEET, write_datasheet

    try:
        changed = write_datasheet(root, version)
    except DatasetInvalid as exc:
        print(f"{root.parent / DATASHEET} not rewritten: {exc}", file=sys.stderr)
        return 1
    print(f"{'wrote' if changed else 'unchanged:'} {root.parent / DATASHEET}")
    return 0


def _same_release(old: str, dataset: Path) -> str:
    """Why comparing ``old`` with ``dataset`` (the same directory) can find nothing."""
    if old != "installed":
        why = f"{old} is the dataset compared with"
    elif (dataset.parent / "validators" / "_version.py").is_file():
        why = "'installed' is this checkout's own dataset/ (an editable install)"
    else:
        why = (
            "'installed' is the installed package's data, and so is the dataset compared with "
            "(no checkout was named or found here)"
        )
    return (
        f"{why}, so the comparison could find nothing: compare with the last release instead, "
        "e.g. `kursk-pows diff base` (where this branch left its target) or a tag, or name the "
        "dataset directory to compare"
    )


def run_diff(args: argparse.Namespace) -> int:
    from ..releases.diff import diff_releases
    from ..releases.revisions import ReleaseNotFound, open_release

    try:
        newer = args.new if args.new is not None else str(existing_dir(None))
        with open_release(args.old) as old, open_release(newer) as new:
            if old.dataset.resolve() == new.dataset.resolve():
                raise UsageError(_same_release(args.old, old.dataset.resolve()))
            result = diff_releases(old, new)
    except ReleaseNotFound as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        import json

        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        from ..reports.escaping import printable

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
