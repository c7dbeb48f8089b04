"""Reading a source's article text safely: inside ``sources/``, no links, bounded, UTF-8."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from .safe_files import UnsafeFile, path_problem, read_dataset_file

if TYPE_CHECKING:
    from ..models import Source

SOURCES_DIR = "sources"


@dataclass(frozen=True)
class SourceText:
    """What was found at a source's ``path``: its text, or why there is none."""

    text: str | None
    sha256: str | None
    problem: str | None = None
    problem_code: str | None = None


def read_source_text(
    root: Path, source: Source, max_bytes: int = Config.max_source_bytes
) -> SourceText:
    """Read a source's text file: a regular file under ``sources/``, reached without following
    a link, of at most ``max_bytes`` (see :mod:`~kursk_pows.reading.safe_files`)."""
    problem = path_problem(source.path)
    if problem is None and not source.path.startswith(f"{SOURCES_DIR}/"):
        problem = "the path must lead into sources/"
    if problem is not None:
        return _unsafe(f"path {_shown(source.path)}: {problem}")
    try:
        data = read_dataset_file(root, source.path, max_bytes)
    except UnsafeFile as exc:
        if exc.reason in ("path", "link", "not-regular"):
            return _unsafe(exc.message)
        code = "source-text-invalid" if exc.reason == "too-large" else "source-text-missing"
        return SourceText(None, None, exc.message, code)
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return SourceText(None, digest, f"{_shown(source.path)} is empty", "source-text-invalid")
    try:
        return SourceText(data.decode("utf-8"), digest, None)
    except UnicodeDecodeError as exc:
        problem = f"{_shown(source.path)} is not valid UTF-8 (byte {exc.start})"
        return SourceText(None, digest, problem, "source-text-invalid")


def _shown(path: str) -> str:
    """A path as it may be printed: quoted, non-ASCII and control characters escaped, and
    cut short when long."""
    return ascii(path if len(path) <= 80 else path[:80] + "...")


def _unsafe(problem: str) -> SourceText:
    return SourceText(None, None, problem, "source-path-unsafe")
