"""What every ``kursk-pows`` command shares: the dataset argument, options, usage errors."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

DEFAULT_PATH = (
    "dataset directory (default: inside a kursk-pows checkout its dataset/, elsewhere the "
    "installed data)"
)


def format_option(parser: argparse.ArgumentParser, *extra: str) -> None:
    """The same --format everywhere: text for people, json for programs (and the extras)."""
    parser.add_argument(
        "--format",
        choices=("text", "json", *extra),
        default="text",
        help="text for people, json for programs"
        + (f", {', '.join(extra)} for GitHub Actions annotations" if extra else "")
        + " (default: text)",
    )


def flag(parser: argparse.ArgumentParser, name: str, help: str) -> None:
    parser.add_argument(name, action="store_true", help=help)


def shown(root: Path) -> str:
    """A default dataset directory as the user can type it: relative when under the current
    directory, else absolute."""
    try:
        return str(root.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(root)


def existing_dir(path: str | None) -> Path:
    """The dataset directory a command works on: the one given, or by the one rule of
    :func:`~kursk_pows.reading.locations.default_root`."""
    from ..reading.locations import default_root

    root = default_root() if path is None else Path(path)
    if not root.exists():
        raise UsageError(f"no such directory: {path}")
    if not root.is_dir():
        raise UsageError(f"not a directory: {path} (give the dataset directory)")
    if not os.access(root, os.R_OK | os.X_OK):
        raise UsageError(f"permission denied: cannot read the directory {path}")
    return root


def writable_dataset(path: str | None, command: str, alternative: str = "") -> Path:
    """The dataset a writing command works on: the one given, or a checkout's dataset/; the
    installed data is never rewritten."""
    from ..reading.locations import checkout_dataset

    if path is None and checkout_dataset() is None:
        raise UsageError(
            f"{command}: not inside a kursk-pows checkout, and the installed data is never "
            f"rewritten: give the dataset directory to rewrite{alternative}"
        )
    return existing_dir(path)


class UsageError(Exception):
    """A command-line mistake: reported in one line with exit status 2."""
