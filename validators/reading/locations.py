"""Where a dataset is: the directory given, or the bundled dataset inside the installed package.

A wheel carries them as ``kursk_pows/dataset`` and ``kursk_pows/schema``, inside the package
directory.  An editable install maps only the Python package onto ``validators/``, so there the
data is found beside it: in the project directory, recognised by its ``pyproject.toml``, or else
through the install's PEP 610 record (``direct_url.json``), which names the project directory.

The package directory is found from ``__file__`` rather than with ``importlib.resources``: for
an install on the file system (the only kind that works, since texts are read as files) both
give the same directory, and ``importlib.resources`` alone costs a cold ``kursk-pows validate``
a noticeable share of its start-up.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

DISTRIBUTION = "kursk-pows"
PACKAGE = Path(__file__).resolve().parent.parent


class DataNotFound(RuntimeError):
    """The installed package has no bundled data (a broken or partial install)."""


def _editable_project() -> Path | None:
    """The project directory of an editable install, from its ``direct_url.json``.

    Every installed copy of the distribution is examined: a build's ``*.egg-info`` folder in the
    current directory is also seen as one, but it has no ``direct_url.json``.
    """
    from importlib import metadata  # slow to import: only when the quick look fails
    from urllib.parse import unquote, urlparse

    for dist in metadata.distributions(name=DISTRIBUTION):
        direct_url = dist.read_text("direct_url.json")
        if not direct_url:
            continue
        info = json.loads(direct_url)
        url = urlparse(info.get("url", ""))
        if info.get("dir_info", {}).get("editable") and url.scheme == "file":
            return Path(unquote(url.path))
    return None


def _is_project(directory: Path) -> bool:
    """Whether ``directory`` is a kursk-pows checkout (its ``pyproject.toml`` names it)."""
    try:
        declared = (directory / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return False
    return f'name = "{DISTRIBUTION}"' in declared


def _source_checkout() -> Path | None:
    """The project directory, when the package is imported from its ``validators/`` folder."""
    project = PACKAGE.parent
    return project if PACKAGE.name == "validators" and _is_project(project) else None


def checkout_dataset(start: Path | None = None) -> Path | None:
    """The ``dataset/`` of the kursk-pows checkout that ``start`` (default: the current
    directory) is in, or ``None`` outside any checkout."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / "dataset").is_dir() and _is_project(directory):
            return directory / "dataset"
    return None


def default_root() -> Path:
    """The dataset a command works on when none is given: inside a checkout its ``dataset/``,
    elsewhere the installed package's data.  The same rule for every command."""
    return checkout_dataset() or bundled("dataset")


def bundled(name: str) -> Path:
    """The directory of bundled data called ``name`` (``dataset`` or ``schema``)."""
    packaged = PACKAGE / name
    if packaged.is_dir():
        return packaged
    project = _source_checkout() or _editable_project()
    if project is not None and (project / name).is_dir():
        return project / name
    raise DataNotFound(
        f"the kursk-pows installation has no bundled {name}/ directory; reinstall the package"
    )


def resolve_root(path: str | Path | None) -> Path:
    """The dataset directory to read: the given path, or the bundled dataset."""
    return bundled("dataset") if path is None else Path(path)


def existing_root(path: str | Path | None) -> Path:
    """Like :func:`resolve_root`, but ``NotADirectoryError`` when it is not a directory."""
    root = resolve_root(path)
    if not root.is_dir():
        raise NotADirectoryError(f"not a dataset directory: {root}")
    return root


def root_problem(root: Path) -> tuple[str, str] | None:
    """Why ``root`` cannot be read as a dataset directory, as an issue code and the words that
    finish "not a dataset directory: PATH ..."; ``None`` when it is a directory.  Never raises:
    a NUL in the path, an over-long name, a pipe or a device are answers, not errors."""
    try:
        mode = os.stat(root).st_mode  # follows a link, as reading the directory does
    except FileNotFoundError:
        return "file-missing", "does not exist"
    except ValueError as exc:  # os.stat's answer to a NUL in the path
        return "file-unreadable", "holds a NUL character" if "null" in str(exc) else str(exc)
    except OSError as exc:
        return "file-unreadable", f"cannot be read ({exc.strerror or type(exc).__name__})"
    if not stat.S_ISDIR(mode):
        return "file-unreadable", "is not a directory"
    return None
