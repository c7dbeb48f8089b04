"""Find a release to compare: a directory, the installed package, or a git revision."""

from __future__ import annotations

import contextlib
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..reading.locations import bundled
from .diff import Release

INSTALLED = "installed"


class ReleaseNotFound(ValueError):
    """The argument names no directory, no installed package and no git revision."""


def _from_directory(path: Path, label: str) -> Release:
    if (path / "dataset").is_dir():
        schema = path / "schema"
        return Release(path / "dataset", schema if schema.is_dir() else None, label)
    if (path / "sources.jsonl").is_file() or (path / "manifest.json").is_file():
        schema = path.parent / "schema"
        return Release(path, schema if schema.is_dir() else None, label)
    raise ReleaseNotFound(f"{label}: no dataset in this directory")


def _git_toplevel() -> Path:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ReleaseNotFound("not a directory, and not inside a git repository") from exc
    return Path(out.stdout.strip())


def _exists_at(repo: Path, revision: str, path: str) -> bool:
    probe = ["git", "-C", str(repo), "cat-file", "-e", f"{revision}:{path}"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


def _extract_revision(revision: str, into: Path) -> None:
    repo = _git_toplevel()
    parts = [p for p in ("dataset", "schema") if _exists_at(repo, revision, p)]
    if "dataset" not in parts:
        raise ReleaseNotFound(f"{revision}: not a git revision with a dataset/ directory")
    archive = into / "rev.tar"
    with archive.open("wb") as stream:
        result = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", revision, *parts],
            stdout=stream,
            stderr=subprocess.PIPE,
            check=False,
        )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReleaseNotFound(f"{revision}: {message[0] if message else 'not a git revision'}")
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")


@contextlib.contextmanager
def open_release(spec: str) -> Iterator[Release]:
    """The release named by ``spec``: a path, ``installed``, or a git revision of the
    repository the current directory is in (its dataset/ and schema/ at that revision)."""
    path = Path(spec)
    if path.exists():
        if not path.is_dir():
            raise ReleaseNotFound(f"{spec}: not a directory")
        yield _from_directory(path, spec)
    elif spec == INSTALLED:
        yield Release(bundled("dataset"), bundled("schema"), "installed package")
    else:
        with tempfile.TemporaryDirectory(prefix="kursk-pows-diff-") as tmp:
            _extract_revision(spec, Path(tmp))
            yield _from_directory(Path(tmp) / "tree", spec)
