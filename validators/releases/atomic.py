"""Replace a file atomically: readers see the old content or the new, never a mix."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, chunks: Iterable[bytes] | bytes) -> None:
    """Write ``chunks`` to a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``.  If anything fails before the rename (an exception, an interrupted process),
    ``path`` keeps its old content and the temporary file is removed."""
    if isinstance(chunks, bytes):
        chunks = (chunks,)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (see :func:`write_atomic`)."""
    write_atomic(path, text.encode("utf-8"))


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or those a new file gets under the current umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
