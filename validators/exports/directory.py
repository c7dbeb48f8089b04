"""Write an export into a fresh directory beside the target, then move it into place at once."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ExportError(Exception):
    """An export cannot be written (the target is not a new or empty directory)."""


@contextlib.contextmanager
def fresh_directory(target: Path) -> Iterator[Path]:
    """A temporary directory beside ``target`` that becomes ``target`` when the block succeeds.

    ``target`` must not exist or be an empty directory; on any failure it is left as it was.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportError(f"{target}: not a new or empty directory; choose another output path")
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield temp
        os.chmod(temp, _directory_mode())
        os.replace(temp, target)  # replaces an empty directory, atomically
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _directory_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask
