"""The manifest against the files, and the version against the checkout it ships in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .._version import __version__
from ..config import Config
from ..issues import Issue
from ..reading.jsonl import parse_line
from ..reading.locations import DataNotFound, bundled
from ..reading.manifest import (
    MANIFEST,
    checkout_versions,
    dataset_files,
    file_entry,
    read_manifest_text,
    size_limit,
)
from ..reading.safe_files import UnsafeFile
from .registry import Check, RuleCode, issue, rule

MISSING = RuleCode(
    "manifest-missing",
    "error",
    "The dataset has no readable manifest.json",
    "manifest.json records the dataset version and every file's SHA-256 and size, so that a "
    "release cannot change silently.",
    "Run `kursk-pows manifest` to write it.",
)
MISMATCH = RuleCode(
    "manifest-mismatch",
    "error",
    "A file differs from what manifest.json records",
    "A file was changed, added or removed without the manifest being regenerated. Every "
    "change to the data must go with a new manifest and, where users see a difference, a new "
    "version.",
    "If the change is intended and this version is already the one being released, run "
    "`kursk-pows manifest` to record the files as they are; if the change still needs a new "
    "version (`kursk-pows diff base --check` says), run "
    '`python3 scripts/bump.py patch|minor|major "what changed"` instead, which writes '
    "validators/_version.py, the CHANGELOG entry and the manifest. Otherwise undo the change.",
)
SEE_ABOVE = "As for the first manifest-mismatch of this run."
"""The hint of every manifest-mismatch after the first: the fix is one command for all files."""
VERSION = RuleCode(
    "version-mismatch",
    "error",
    "The versions in the manifest, the package and the CHANGELOG disagree",
    "The version lives in validators/_version.py; manifest.json and the top entry of "
    "CHANGELOG.md must state the same one (checked where the dataset is the bundled one or the "
    "dataset/ of a kursk-pows checkout).",
    "Make the CHANGELOG's top entry the package version, then run `kursk-pows manifest`.",
)


def _is_bundled(root: Path) -> bool:
    try:
        return bundled("dataset").resolve() == root.resolve()
    except DataNotFound:
        return False


@rule(MISSING, MISMATCH, VERSION)
class Manifest(Check):
    """Checked once at the end: the manifest against the files, the versions against each
    other.  No record is needed."""

    def finish(self, out: list[Issue]) -> None:
        out.extend(_check_manifest(self.index.root, self.config))


def _check_manifest(root: Path, config: Config) -> Iterator[Issue]:
    try:
        manifest = parse_line(read_manifest_text(root, config))
        files = manifest["files"]
        stated = manifest["version"]
        if not isinstance(files, dict) or not isinstance(stated, str):
            raise TypeError
    except UnsafeFile as exc:
        yield issue("manifest-missing", exc.message, file=MANIFEST)
        return
    except (ValueError, KeyError, TypeError):
        yield issue("manifest-missing", f"{MANIFEST} is not a manifest", file=MANIFEST)
        return
    present = set(dataset_files(root))
    hint: str | None = None  # the full fix on the first mismatch, a pointer to it after that
    for name in sorted(set(files) | present):
        if name not in present:
            problem = "is listed but missing"
        elif name not in files:
            problem = "is not listed"
        else:
            try:
                found = file_entry(root, name, size_limit(name, config))
            except UnsafeFile as exc:
                if exc.reason == "too-large":
                    continue  # reported by the reader of that file, and never hashed
                found = {"unreadable": exc.message}
            if files[name] == found:
                continue
            problem = (
                f"cannot be checked: {found['unreadable']}"
                if "unreadable" in found
                else f"has changed (sha256 {found['sha256'][:12]}...)"
            )
        yield issue(
            "manifest-mismatch",
            f"{ascii(name)[1:-1]} {problem}",
            file=MANIFEST,
            pointer=f"/files/{name.replace('~', '~0').replace('/', '~1')}",
            hint=hint,
        )
        hint = SEE_ABOVE
    expected = checkout_versions(root)
    if _is_bundled(root):
        expected["the installed kursk_pows package"] = __version__
    places: dict[str, list[str]] = {}  # one issue per differing version, naming every place
    for where, version in expected.items():
        if version != stated:
            places.setdefault(version, []).append(where)
    for version, wheres in places.items():
        verb = "says" if len(wheres) == 1 else "say"
        yield issue(
            "version-mismatch",
            f"{MANIFEST} says {stated}, {' and '.join(wheres)} {verb} {version}",
            file=MANIFEST,
            pointer="/version",
        )
