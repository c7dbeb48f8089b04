"""The models' core schemas, kept per version in the user's cache directory.

Building validators from the pydantic models costs a fresh process more than a tenth of a
second: importing pydantic's model machinery and defining the models.  The first run with a
given kursk-pows, pydantic and pydantic-core stores the models' core schemas, as data (see
:mod:`kursk_pows.records.compiled`), in ``$XDG_CACHE_HOME/kursk-pows`` (``~/.cache/kursk-pows``
when that is unset or not an absolute path); later runs read them from there and never define
the models.

An entry is keyed by those versions (and annotated-types') and a hash of the source files the
schemas come from, so a model edited in a checkout gets an entry of its own.  Nothing here
raises: a cache that cannot be read or written is no cache (the schemas come from the models on
every run), and an entry whose header or checksum does not match is ignored and written again.
Writing an entry removes all but the :data:`KEEP` most recently used ones.  An entry is data
only: it names classes and functions, which :mod:`~kursk_pows.records.compiled` maps to the
few it allows, so an edited entry cannot make the package run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Any

import pydantic_core

from .._version import __version__

FORMAT = 1
"""The entry layout; a change to it changes every key."""
PACKAGE = Path(__file__).resolve().parent.parent
SOURCES = ("models/*.py", "coercions.py", "records/compiled.py", "records/kinds.py")
"""The source files, relative to the package, that decide what the stored schemas hold."""
KEEP = 8
"""Entries kept in the cache directory: the most recently used (several environments, such as
one per pydantic version, may share it); older ones are removed when an entry is written."""
_DECLARED_VERSION = re.compile(r"""^(?:VERSION|__version__) = ['"]([^'"]+)['"]""", re.M)


def _declared_version(package: str, file: str) -> str | None:
    """The version a package's ``file`` declares, read without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    try:
        text = Path(spec.origin).with_name(file).read_text(encoding="utf-8")
    except OSError:
        return None
    match = _DECLARED_VERSION.search(text)
    return match.group(1) if match else None


def versions() -> dict[str, str | None]:
    """The installed pydantic, pydantic-core and annotated-types versions (the last two decide
    how constraints become core schemas).  pydantic's and annotated-types' are read from their
    files without importing them, whose import would cost what the cache saves; ``None`` if one
    cannot be read (then nothing is cached)."""
    return {
        "pydantic": _declared_version("pydantic", "version.py"),
        "pydantic_core": pydantic_core.__version__,
        "annotated_types": _declared_version("annotated_types", "__init__.py"),
    }


def cache_key() -> dict[str, Any] | None:
    """What an entry must have been written for; ``None`` when it cannot be known."""
    installed = versions()
    if None in installed.values():
        return None
    sources = hashlib.sha256()
    try:
        for pattern in SOURCES:
            for path in sorted(PACKAGE.glob(pattern)):
                sources.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
                sources.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return {"format": FORMAT, "kursk_pows": __version__, **installed, "models": sources.hexdigest()}


def cache_dir() -> Path | None:
    """Where entries are kept, following the XDG base directory rules."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(configured):
        return Path(configured) / "kursk-pows"
    try:
        return Path.home() / ".cache" / "kursk-pows"
    except RuntimeError:  # no home directory to be found
        return None


def entry_path(key: dict[str, Any]) -> Path | None:
    """The file an entry for ``key`` is kept in."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    return folder / f"core-schemas-{digest}.json"


def read(key: dict[str, Any]) -> Any:
    """The schemas stored for ``key``, or ``None`` when there is no sound entry."""
    path = entry_path(key)
    if path is None:
        return None
    try:
        header, _, payload = path.read_bytes().partition(b"\n")
        stored = json.loads(header)
        if stored != {**key, "sha256": hashlib.sha256(payload).hexdigest()}:
            return None
        schemas = json.loads(payload)
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: pruning keeps the most recently used entries
        return schemas
    except (OSError, ValueError, RecursionError):  # unreadable, not JSON, or nested too deep
        return None


def write(key: dict[str, Any], schemas: Any) -> None:
    """Store ``schemas`` for ``key``: written beside the entry, then renamed over it, so that a
    reader sees a whole entry or none.  Failing to write is not an error."""
    path = entry_path(key)
    if path is None:
        return
    payload = json.dumps(schemas, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({**key, "sha256": hashlib.sha256(payload).hexdigest()}).encode()
    import tempfile  # only here: a run that finds its entry need not import it

    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as stream:
            stream.write(header + b"\n" + payload)
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        return
    prune(path.parent)


def prune(folder: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` most recently used entries of ``folder``."""
    entries = []
    with contextlib.suppress(OSError):
        for path in folder.glob("core-schemas-*.json"):
            with contextlib.suppress(OSError):
                entries.append((path.stat().st_mtime_ns, path.name, path))
    for _, _, path in sorted(entries, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()
