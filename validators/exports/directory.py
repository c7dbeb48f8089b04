"""Write an export into a fresh directory beside the target, then move it into place at once.

The temporary directory (``.OUT.XXXXXXXX.tmp``, as :func:`tempfile.mkdtemp` names it) is locked
(``flock``) for as long as its run writes it.  A run killed half-way leaves it behind; the next
run for the same target removes every such directory that no live run holds locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ExportError(Exception):
    """An export cannot be written (the target is not a new or empty directory)."""


@contextlib.contextmanager
def fresh_directory(target: Path) -> Iterator[Path]:
    """A temporary directory beside ``target`` that becomes ``target`` when the block succeeds.

    ``target`` must not exist or be an empty directory (not a link to one); on any failure it
    is left as it was.  An empty directory given keeps its permissions, setgid bit and group,
    which the files written get too, as if written into it; a new one gets what ``mkdir`` would
    give it.
    """
    if target.is_symlink():
        raise ExportError(
            f"{target}: is a symbolic link; give the path of a new or empty directory itself, "
            "not a link to one"
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise _not_empty(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target)
        temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise _unwritable(target, exc) from None
    lock = os.open(temp, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        mode = _take_over(target, temp)
        yield temp
        try:
            os.chmod(temp, mode)
            os.replace(temp, target)  # replaces an empty directory, atomically
        except OSError as exc:
            if target.is_dir() and any(target.iterdir()):
                raise _not_empty(target) from None
            raise _unwritable(target, exc) from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        os.close(lock)


def _take_over(target: Path, temp: Path) -> int:
    """Give ``temp`` the group and setgid bit of the empty ``target`` (so that what is written
    in it gets them, as in ``target``); return the permissions it gets at the end: the
    target's, or a new directory's under the umask with the setgid bit it inherited."""
    try:
        existing = os.stat(target, follow_symlinks=False)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return (0o777 & ~umask) | (os.stat(temp).st_mode & stat.S_ISGID)
    if existing.st_gid != os.stat(temp).st_gid:
        with contextlib.suppress(PermissionError):  # a group we are not in: keep ours
            os.chown(temp, -1, existing.st_gid)
    os.chmod(temp, 0o700 | (existing.st_mode & stat.S_ISGID))  # private while written
    return stat.S_IMODE(existing.st_mode)


def _leftover_name(target: Path) -> re.Pattern[str]:
    """The names :func:`tempfile.mkdtemp` gives the temporary directories of ``target``."""
    return re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")


def remove_leftovers(target: Path) -> list[str]:
    """Remove the temporary directories that killed runs for ``target`` left beside it (not
    links, not files, not those a live run holds locked); return their names."""
    pattern = _leftover_name(target)
    removed = []
    for entry in os.scandir(target.parent):
        if not pattern.fullmatch(entry.name) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            fd = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a run still writing it
        else:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.name)
        finally:
            os.close(fd)
    return sorted(removed)


def _not_empty(target: Path) -> ExportError:
    return ExportError(f"{target}: not a new or empty directory; choose another output path")


def _unwritable(target: Path, exc: OSError) -> ExportError:
    return ExportError(
        f"{target}: cannot write the output directory there "
        f"({exc.strerror or type(exc).__name__}); choose another output path"
    )
