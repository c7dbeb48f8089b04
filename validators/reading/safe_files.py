"""The one way a file of a dataset is opened: as input an attacker may have written.

A pull request can ship symbolic links, FIFOs, device files, huge files and paths no file
system accepts.  :func:`open_in_dataset` walks from the dataset root down one name at a time
with ``O_NOFOLLOW`` (so a link at any level below the root is refused, not followed), opens
the file with ``O_NONBLOCK`` (so a FIFO cannot hang the reader), accepts only a regular file,
and checks its size with ``fstat`` before a byte is read.  :func:`read_bounded` then reads at
most a given number of bytes, in pieces.  Every failure is an :class:`UnsafeFile` carrying an
issue code and a message that names no more than the relative path, never an OS traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Literal

CHUNK = 1 << 20
"""Bytes read at a time."""
MAX_PATH_CHARS = 1024
"""The longest relative path accepted; real paths are under 40 characters."""
MAX_NAME_BYTES = 255
"""The longest single file or directory name, in UTF-8 bytes (the common file system limit)."""


Reason = Literal["path", "link", "not-regular", "missing", "too-large", "unreadable"]


class UnsafeFile(Exception):
    """A dataset file that cannot be read safely, why (``reason``), and what to do."""

    def __init__(self, reason: Reason, message: str, hint: str) -> None:
        super().__init__(message)
        self.reason: Reason = reason
        self.message = message
        self.hint = hint

    @property
    def code(self) -> str:
        """The reader's issue code for a record file refused this way."""
        if self.reason in ("missing", "too-large"):
            return f"file-{self.reason}"
        return "file-unreadable"


def path_problem(relative: str) -> str | None:
    """Why ``relative`` cannot name a file inside a dataset, or ``None`` if it can."""
    if len(relative) > MAX_PATH_CHARS:
        return f"the path is {len(relative)} characters long, above the limit of {MAX_PATH_CHARS}"
    if "\0" in relative:
        return "the path holds a NUL character"
    if "\\" in relative:
        return "the path holds a backslash; use / between directories"
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute():
        return "the path must be relative to the dataset directory"
    if any(part in ("..", ".") for part in relative.split("/")):
        return "the path must not contain '.' or '..' components"
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in parts):
        return f"a name in the path is longer than {MAX_NAME_BYTES} bytes"
    return None


def _refusal(relative: str, exc: OSError) -> UnsafeFile:
    shown = ascii(relative)
    if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
        return UnsafeFile(
            "link",
            f"{shown} is, or lies under, a symbolic link or a non-directory",
            "replace the link with the file itself: links are never followed in a dataset",
        )
    if exc.errno == errno.ENOENT:
        return UnsafeFile("missing", f"there is no file at {shown}", "add the file")
    reason = exc.strerror or type(exc).__name__
    return UnsafeFile(
        "unreadable",
        f"cannot read {shown}: {reason}",
        "make it a regular file you have permission to read",
    )


@contextlib.contextmanager
def open_in_dataset(root: Path, relative: str, max_bytes: int) -> Iterator[BinaryIO]:
    """Open ``root/relative`` for reading, refusing anything but a regular file of at most
    ``max_bytes`` reached without following a link; raises :class:`UnsafeFile`."""
    problem = path_problem(relative)
    if problem is not None:
        raise UnsafeFile("path", problem, "give a short relative path inside the dataset")
    fd = _open_below(root, relative)
    try:
        _check_opened(fd, relative, max_bytes)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as stream:
        yield stream


def _open_below(root: Path, relative: str) -> int:
    """A descriptor of ``root/relative``, opened one name at a time without following links."""
    *directories, name = PurePosixPath(relative).parts
    opened: list[int] = []
    try:
        parent = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        opened.append(parent)
        for directory in directories:
            parent = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
            opened.append(parent)
        return os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW, dir_fd=parent)
    except OSError as exc:
        raise _refusal(relative, exc) from None
    finally:
        for descriptor in opened:
            os.close(descriptor)


def _check_opened(fd: int, relative: str, max_bytes: int) -> None:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(
            "not-regular",
            f"{relative!a} is not a regular file",
            "replace it with a regular file: devices, FIFOs and directories are not read",
        )
    if info.st_size > max_bytes:
        raise UnsafeFile(
            "too-large",
            f"{relative!a} is {info.st_size} bytes, above the limit of {max_bytes}",
            "no dataset file needs to be this large; raise the limit in Config if genuine",
        )


def read_bounded(stream: BinaryIO, max_bytes: int, relative: str) -> bytes:
    """At most ``max_bytes`` of ``stream``, read in pieces; a file that grew past the limit
    since it was opened raises :class:`UnsafeFile` rather than filling memory."""
    pieces: list[bytes] = []
    total = 0
    try:
        while piece := stream.read(min(CHUNK, max_bytes + 1 - total)):
            pieces.append(piece)
            total += len(piece)
            if total > max_bytes:
                raise UnsafeFile(
                    "too-large",
                    f"{relative!a} grew above the limit of {max_bytes} bytes while read",
                    "do not change dataset files while they are validated",
                )
    except OSError as exc:
        raise _refusal(relative, exc) from None
    return b"".join(pieces)


def read_dataset_file(root: Path, relative: str, max_bytes: int) -> bytes:
    """The whole content of a small dataset file, read safely (see :func:`open_in_dataset`)."""
    try:
        with open_in_dataset(root, relative, max_bytes) as stream:
            return read_bounded(stream, max_bytes, relative)
    except OSError as exc:  # fstat or close
        raise _refusal(relative, exc) from None
