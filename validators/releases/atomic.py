"""Replace a file atomically: readers see the old content or the new, never a mix."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..reading.manifest import is_temporary
from ..reading.safe_files import UnsafeFile


def write_atomic(path: Path, chunks: Iterable[bytes] | bytes) -> None:
    """Write ``chunks`` to a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``.  If anything fails before the rename, ``path`` keeps its old content and the
    temporary file is removed; if the process is killed, the temporary file (``.NAME.XXXX.tmp``)
    stays until :func:`dataset_lock` removes it, and no manifest ever lists it."""
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


@contextlib.contextmanager
def dataset_lock(root: Path) -> Iterator[None]:
    """Hold the dataset's write lock (``fmt`` and ``manifest`` wait for each other), after
    removing the temporary files an interrupted write left behind.  The lock is taken on the
    dataset directory itself, so no lock file is ever left in it."""
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise UnsafeFile(
            "unreadable",
            f"cannot lock the dataset directory: {exc.strerror or type(exc).__name__}",
            "run the command on a dataset directory you can read",
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        remove_leftovers(root)
        yield
    finally:
        os.close(fd)


def remove_leftovers(root: Path) -> list[str]:
    """Remove the temporary files of interrupted writes in ``root``; return their names."""
    removed = []
    for entry in os.scandir(root):
        if is_temporary(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return sorted(removed)
