"""Rewrite dataset/manifest.json from the files (``kursk-pows manifest``)."""

from __future__ import annotations

from pathlib import Path

from ..reading.manifest import MANIFEST, build_manifest, render_manifest
from .atomic import write_text_atomic


def write_manifest(root: Path, version: str) -> bool:
    """Rewrite ``root/manifest.json``; return whether it changed."""
    text = render_manifest(build_manifest(root, version))
    path = root / MANIFEST
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    write_text_atomic(path, text)
    return True
