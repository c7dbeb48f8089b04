"""Reading a source's article text safely: inside ``sources/``, no links, UTF-8, not empty."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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


def read_source_text(root: Path, source: Source) -> SourceText:
    """Read a source's text file, refusing paths that leave ``sources/`` or are links."""
    base = (root / SOURCES_DIR).resolve()
    relative = Path(source.path)
    if relative.is_absolute() or ".." in relative.parts:
        return _unsafe(f"path {source.path!r} must be relative and stay inside sources/")
    path = root / relative
    try:
        resolved = path.resolve()
    except OSError as exc:
        return _unsafe(f"cannot resolve {source.path!r}: {exc}")
    if base not in resolved.parents:
        return _unsafe(f"path {source.path!r} leads outside sources/")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return _unsafe(f"{source.path!r} is a link or not a regular file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return SourceText(None, None, f"no file at {source.path!r}", "source-text-missing")
    except OSError as exc:
        return SourceText(
            None,
            None,
            f"cannot read {source.path!r}: {exc.strerror or exc}",
            "source-text-missing",
        )
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return SourceText(None, digest, f"{source.path!r} is empty", "source-text-invalid")
    try:
        return SourceText(data.decode("utf-8"), digest, None)
    except UnicodeDecodeError as exc:
        problem = f"{source.path!r} is not valid UTF-8 (byte {exc.start})"
        return SourceText(None, digest, problem, "source-text-invalid")


def _unsafe(problem: str) -> SourceText:
    return SourceText(None, None, problem, "source-path-unsafe")
