"""Rewrite dataset/manifest.json from the files (``kursk-pows manifest``)."""

from __future__ import annotations

from pathlib import Path

from ..reading.manifest import MANIFEST, build_manifest, read_manifest_text, render_manifest
from ..reading.safe_files import UnsafeFile
from .atomic import dataset_lock, write_text_atomic


def write_manifest(root: Path, version: str) -> bool:
    """Rewrite ``root/manifest.json`` under the dataset's lock (leftover temporary files of
    an interrupted write are removed first); return whether it changed.  Raises
    :class:`~kursk_pows.reading.safe_files.UnsafeFile` when a file cannot be read safely."""
    with dataset_lock(root):
        text = render_manifest(build_manifest(root, version))
        if current_manifest(root) == text:
            return False
        write_text_atomic(root / MANIFEST, text)
        return True


def current_manifest(root: Path) -> str | None:
    """The manifest's text as it stands, or ``None`` when there is none to read."""
    try:
        return read_manifest_text(root)
    except UnsafeFile:
        return None
