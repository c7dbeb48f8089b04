"""dataset/manifest.json: the dataset's version and, for every file, its SHA-256 and size.

The manifest pins a release: the ``manifest-mismatch`` rule fails when any file differs from
it, so no file can change without the manifest (and so the version) being updated on purpose.
``kursk-pows manifest`` rewrites it from the files (:mod:`kursk_pows.releases.manifest`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from ..config import Config
from .jsonl import parse_line
from .safe_files import UnsafeFile, open_in_dataset, read_dataset_file

MANIFEST = "manifest.json"
CHUNK = 1 << 20
"""Bytes read at a time when a file is checksummed."""
NAME = "kursk-pows"
VERSION_LINE = re.compile(r"^__version__ = \"([^\"]+)\"$", re.M)
"""The line of validators/_version.py that states the version."""
CHECKOUT_FILE_BYTES = 16 << 20
"""The largest CHANGELOG.md or _version.py read for the versions a checkout states."""
_CHANGELOG_TOP = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", re.M)


def is_temporary(name: str) -> bool:
    """Whether a file name is a temporary file of an atomic write (``.NAME.XXXX.tmp``), which
    is never part of a release."""
    return name.startswith(".") and name.endswith(".tmp")


def dataset_files(root: Path) -> list[str]:
    """The relative path of every regular file of the dataset except the manifest and our
    temporary files, in a stable order.  Links are neither followed nor listed."""
    found: list[str] = []
    for directory, subdirectories, names in os.walk(root, followlinks=False):
        subdirectories.sort()
        base = Path(directory)
        for name in names:
            path = base / name
            relative = path.relative_to(root).as_posix()
            if relative == MANIFEST or is_temporary(name):
                continue
            with contextlib.suppress(OSError):
                if stat.S_ISREG(path.lstat().st_mode):
                    found.append(relative)
    return sorted(found, key=lambda name: name.split("/"))  # directories by name, as Path sorts


def file_entry(root: Path, relative: str, max_bytes: int) -> dict[str, Any]:
    """A file's manifest entry: SHA-256, size and, for a record file, its non-blank lines.

    The file is opened safely (:func:`~kursk_pows.reading.safe_files.open_in_dataset`: no link,
    a regular file of at most ``max_bytes``, else :class:`UnsafeFile`) and read in pieces of a
    fixed size, so that checking a large dataset never holds a whole file in memory.
    """
    digest, size, records = hashlib.sha256(), 0, 0
    filled = False  # whether the line being read so far has a byte that is not white space
    try:
        with open_in_dataset(root, relative, max_bytes) as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                *ended, rest = chunk.split(b"\n")
                for line in ended:
                    records += filled or bool(line.strip())
                    filled = False
                filled = filled or bool(rest.strip())
    except OSError as exc:
        raise UnsafeFile("unreadable", f"cannot read {relative}: {exc.strerror}", "") from None
    records += filled
    entry: dict[str, Any] = {"sha256": digest.hexdigest(), "bytes": size}
    if relative.endswith(".jsonl"):
        entry["records"] = records
    return entry


def build_manifest(root: Path, version: str, config: Config | None = None) -> dict[str, Any]:
    """The manifest the files of ``root`` call for, at ``version``; raises
    :class:`UnsafeFile` when a file cannot be read safely."""
    config = config or Config()
    return {
        "name": NAME,
        "version": version,
        "files": {
            name: file_entry(root, name, size_limit(name, config)) for name in dataset_files(root)
        },
    }


def size_limit(name: str, config: Config) -> int:
    """The largest a dataset file may be: a record file's limit or a source text's."""
    return config.max_file_bytes if name.endswith(".jsonl") else config.max_source_bytes


def render_manifest(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def read_manifest_text(root: Path, config: Config | None = None) -> str:
    """The text of ``root/manifest.json``, read safely; raises :class:`UnsafeFile`."""
    limit = (config or Config()).max_manifest_bytes
    data = read_dataset_file(root, MANIFEST, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafeFile("unreadable", f"{MANIFEST} is not valid UTF-8", "") from None


def read_version(root: Path) -> str | None:
    """The version a dataset's manifest states, if it can be read."""
    try:
        version = parse_line(read_manifest_text(root)).get("version")
    except (UnsafeFile, ValueError, AttributeError):
        return None
    return version if isinstance(version, str) else None


def checkout_versions(root: Path) -> dict[str, str]:
    """The versions that a checkout around the dataset states: validators/_version.py and the
    top entry of CHANGELOG.md, where those files stand beside the dataset directory.  They
    are read like dataset files (no link, a regular file, bounded); one that cannot be read
    states no version."""
    found: dict[str, str] = {}
    for name, pattern in (
        ("validators/_version.py", VERSION_LINE),
        ("CHANGELOG.md", _CHANGELOG_TOP),
    ):
        try:
            text = read_dataset_file(root.parent, name, CHECKOUT_FILE_BYTES).decode(
                "utf-8", "replace"
            )
        except UnsafeFile:
            continue
        if match := pattern.search(text):
            found[name] = match.group(1)
    return found
