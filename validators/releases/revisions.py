"""Find a release to compare: a directory, the installed package, or a git revision."""

from __future__ import annotations

import contextlib
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..reading.locations import bundled
from ..reading.manifest import VERSION_LINE
from .diff import Release

INSTALLED = "installed"
BASE = "base"
_VERSION_FILE = "validators/_version.py"


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


def _git(repo: Path, *args: str) -> str | None:
    """The output of a git command in ``repo``, or ``None`` when it fails."""
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def _version_at(repo: Path, revision: str) -> str | None:
    text = _git(repo, "show", f"{revision}:{_VERSION_FILE}")
    match = VERSION_LINE.search(text or "")
    return match.group(1) if match else None


TARGET_VARIABLE = "KURSK_POWS_TARGET"
"""Names the branch a change is for (``origin/main``); without it, the remote's default branch."""


def release_base(repo: Path) -> str:
    """The revision a change is checked against, the same for the pre-commit hook, ``.ci/data``,
    the pull-request workflow and ``kursk-pows diff base``: where this branch left its target
    (the merge-base with ``$KURSK_POWS_TARGET``, else with ``origin/HEAD``, the remote's default
    branch, never the branch's own upstream); when that is ``HEAD`` itself (the target branch
    checked out, as in a fresh clone) or there is no target, the last commit before the version
    in the working tree was set, or the first commit (so several commits under one bump are
    compared together)."""
    head = _git(repo, "rev-parse", "-q", "--verify", "HEAD")
    if head is None:
        raise ReleaseNotFound(f"{BASE}: the repository has no commit to compare with")
    target = os.environ.get(TARGET_VARIABLE) or "origin/HEAD"
    found = _git(repo, "merge-base", "HEAD", target)
    if found is not None and found != head:
        return found
    return _previous_version(repo)


def _previous_version(repo: Path) -> str:
    """The last commit before the working tree's version was set (``HEAD`` when it was set
    after the last commit or never; the first commit when there is no earlier version)."""
    version_file = repo / _VERSION_FILE
    current = VERSION_LINE.search(version_file.read_text("utf-8") if version_file.is_file() else "")
    history = _git(repo, "rev-list", "--first-parent", "HEAD", "--", _VERSION_FILE) or ""
    oldest = None
    for rev in history.split():
        if current is None or _version_at(repo, rev) != current.group(1):
            break
        oldest = rev
    if oldest is None:
        return "HEAD"  # the version was changed after the last commit, or never set
    if _git(repo, "rev-parse", "-q", "--verify", f"{oldest}^") is None:
        return oldest  # no earlier version: the first commit
    return f"{oldest}^"


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
        tar.extractall(into / "tree", filter=_files_only)


def _files_only(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """Extract directories and regular files only: a link in a revision is left out, as the
    readers never follow one (its file then reads as missing), and nothing lands outside the
    destination (tarfile's ``data`` filter)."""
    if not (member.isfile() or member.isdir()):
        return None
    return tarfile.data_filter(member, destination)


@contextlib.contextmanager
def open_release(spec: str) -> Iterator[Release]:
    """The release named by ``spec``: a path, ``installed``, ``base`` (see
    :func:`release_base`), or a git revision of the repository the current directory is in
    (its dataset/ and schema/ at that revision)."""
    path = Path(spec)
    if path.exists():
        if not path.is_dir():
            raise ReleaseNotFound(f"{spec}: not a directory")
        yield _from_directory(path, spec)
    elif spec == INSTALLED:
        yield Release(bundled("dataset"), bundled("schema"), "installed package")
    else:
        revision = release_base(_git_toplevel()) if spec == BASE else spec
        with tempfile.TemporaryDirectory(prefix="kursk-pows-diff-") as tmp:
            _extract_revision(revision, Path(tmp))
            label = spec if revision == spec else f"{spec} ({revision[:12]})"
            yield _from_directory(Path(tmp) / "tree", label)
