"""dataset/manifest.json: the dataset's version and, for every file, its SHA-256 and size.

The manifest pins a release: the ``manifest-mismatch`` rule fails when any file differs from
it, so no file can change without the manifest (and so the version) being updated on purpose.
``kursk-pows manifest`` rewrites it from the files (:mod:`kursk_pows.releases.manifest`).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
CHUNK = 1 << 20
"""Bytes read at a time when a file is checksummed."""
NAME = "kursk-pows"
VERSION_LINE = re.compile(r"^__version__ = \"([^\"]+)\"$", re.M)
"""The line of validators/_version.py that states the version."""
_CHANGELOG_TOP = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", re.M)


def dataset_files(root: Path) -> list[Path]:
    """Every regular file of the dataset except the manifest itself, in a stable order."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink() and p.relative_to(root).as_posix() != MANIFEST
    )


def file_entry(path: Path) -> dict[str, Any]:
    """A file's manifest entry: SHA-256, size and, for a record file, its non-blank lines.

    The file is read in pieces of a fixed size, so that checking a large dataset never holds
    a whole file (or one huge line of it) in memory.
    """
    digest, size, records = hashlib.sha256(), 0, 0
    filled = False  # whether the line being read so far has a byte that is not white space
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            *ended, rest = chunk.split(b"\n")
            for line in ended:
                records += filled or bool(line.strip())
                filled = False
            filled = filled or bool(rest.strip())
    records += filled
    entry: dict[str, Any] = {"sha256": digest.hexdigest(), "bytes": size}
    if path.suffix == ".jsonl":
        entry["records"] = records
    return entry


def build_manifest(root: Path, version: str) -> dict[str, Any]:
    """The manifest the files of ``root`` call for, at ``version``."""
    return {
        "name": NAME,
        "version": version,
        "files": {p.relative_to(root).as_posix(): file_entry(p) for p in dataset_files(root)},
    }


def render_manifest(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def read_version(root: Path) -> str | None:
    """The version a dataset's manifest states, if it can be read."""
    try:
        version = json.loads((root / MANIFEST).read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    return version if isinstance(version, str) else None


def checkout_versions(root: Path) -> dict[str, str]:
    """The versions that a checkout around the dataset states: validators/_version.py and the
    top entry of CHANGELOG.md, where those files stand beside the dataset directory."""
    project = root.parent
    found: dict[str, str] = {}
    version_file = project / "validators" / "_version.py"
    changelog = project / "CHANGELOG.md"
    if version_file.is_file() and (match := VERSION_LINE.search(version_file.read_text("utf-8"))):
        found["validators/_version.py"] = match.group(1)
    if changelog.is_file() and (match := _CHANGELOG_TOP.search(changelog.read_text("utf-8"))):
        found["CHANGELOG.md"] = match.group(1)
    return found
