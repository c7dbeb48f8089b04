"""Whether a release tag and the files that state the version agree: the check a release runs
before it publishes anything."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..reading.manifest import VERSION_LINE

TAG = re.compile(r"v(\d+\.\d+\.\d+)")
HEADING = re.compile(r"^## \[([^\]\n]*)\](.*)$", re.M)
DATED = re.compile(r" - (\d{4}-\d{2}-\d{2})")
CFF_FIELDS = {
    field: re.compile(rf'^{field}:[ \t]*["\']?([^"\'\s#]+)["\']?[ \t]*(?:#.*)?$', re.M)
    for field in ("version", "date-released")
}
BUMP = "python3 scripts/bump.py"


def _read(root: Path, name: str, problems: list[str]) -> str | None:
    try:
        return (root / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "unreadable"
        problems.append(f"{name}: cannot be read ({reason}); it must exist in the checkout")
        return None


def changelog_top(text: str) -> tuple[str, str] | str:
    """The newest dated entry of a CHANGELOG as ``(version, date)``, below an optional
    ``## [Unreleased]`` section; or, when there is none, what is wrong."""
    for heading in HEADING.finditer(text):
        name, rest = heading.group(1), heading.group(2)
        if name == "Unreleased" and not rest.strip():
            continue
        dated = DATED.fullmatch(rest)
        if not re.fullmatch(r"\d+\.\d+\.\d+", name) or dated is None:
            return f"newest entry {heading.group(0)!r} is not '## [X.Y.Z] - YYYY-MM-DD'"
        return name, dated.group(1)
    return "no '## [X.Y.Z] - YYYY-MM-DD' entry"


def citation_fields(text: str) -> dict[str, str]:
    """The top-level ``version`` and ``date-released`` of a CITATION.cff (unindented lines)."""
    found = {}
    for field, pattern in CFF_FIELDS.items():
        if match := pattern.search(text):
            found[field] = match.group(1)
    return found


def disagreements(root: Path, tag: str) -> list[str]:
    """One line for each file under the checkout ``root`` whose version (or date) differs from
    the release ``tag`` (``vX.Y.Z``) and the CHANGELOG's newest entry; ``[]`` when all agree."""
    problems: list[str] = []
    wanted = TAG.fullmatch(tag)
    if wanted is None:
        return [f"tag {tag!r} is not a release tag: tag the release vX.Y.Z (e.g. v1.0.0)"]
    version = wanted.group(1)
    stated: dict[str, str | None] = {}
    if (text := _read(root, "validators/_version.py", problems)) is not None:
        match = VERSION_LINE.search(text)
        stated["validators/_version.py"] = match.group(1) if match else None
    if (text := _read(root, "dataset/manifest.json", problems)) is not None:
        try:
            manifest = json.loads(text)
        except ValueError:
            manifest = None
        found = manifest.get("version") if isinstance(manifest, dict) else None
        stated["dataset/manifest.json"] = found if isinstance(found, str) else None
    date = None
    if (text := _read(root, "CHANGELOG.md", problems)) is not None:
        top = changelog_top(text)
        if isinstance(top, str):
            problems.append(f"CHANGELOG.md: {top}; run {BUMP} to open the entry")
        else:
            stated["CHANGELOG.md"], date = top
    if (text := _read(root, "CITATION.cff", problems)) is not None:
        fields = citation_fields(text)
        stated["CITATION.cff"] = fields.get("version")
        released = fields.get("date-released")
        if date is not None and released != date:
            problems.append(
                f"CITATION.cff: date-released is {released or 'missing'}, but the CHANGELOG "
                f"entry of {version} is dated {date}; write {date} (or run {BUMP})"
            )
    for name, found in stated.items():
        if found is None:
            problems.append(f"{name}: states no version; it must state {version}")
        elif found != version:
            problems.append(
                f"{name}: version {found}, but the tag {tag} says {version}; bump with {BUMP} "
                "or tag the version the files state"
            )
    return sorted(problems)
