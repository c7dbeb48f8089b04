"""Start a new release: bump the version in its one place and open its CHANGELOG entry.

usage: python3 scripts/bump.py major|minor|patch "What changed for users" [...]

Writes validators/_version.py (and the version the README's examples and citation show), adds
a dated "## [X.Y.Z] - YYYY-MM-DD" entry at the top of CHANGELOG.md with one "- ..." line per
change given, writes that version and date into CITATION.cff, and rewrites dataset/manifest.json,
DATASHEET.md (which states the version and the counts) and tests/bundled_snapshot.json (the
data's shape that the tests about the bundled data expect; review its diff).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION_FILE = ROOT / "validators" / "_version.py"
CHANGELOG = ROOT / "CHANGELOG.md"
README = ROOT / "README.md"
README_VERSION = re.compile(r'(\(version |version |e\.g\. ")\d+\.\d+\.\d+')
"""Where the README's examples show the version (kept at the current one)."""
CITATION = ROOT / "CITATION.cff"
CITATION_FIELDS = re.compile(
    r'^(\s*(?:- )?version: )\S+$|^(\s*(?:- )?date-released: )"[^"]*"$', re.M
)
"""CITATION.cff's version and date-released lines, its preferred-citation's included."""


def cite(text: str, version: str, date: str) -> str:
    """CITATION.cff's text with every ``version`` and ``date-released`` set to these."""
    return CITATION_FIELDS.sub(
        lambda m: f"{m.group(1)}{version}" if m.group(1) else f'{m.group(2)}"{date}"', text
    )


def bumped(version: str, part: str) -> str:
    major, minor, patch = (int(x) for x in version.split("."))
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("major", "minor", "patch"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    text = VERSION_FILE.read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "(\d+\.\d+\.\d+)"$', text, flags=re.M)
    if match is None:
        print(f"no __version__ line in {VERSION_FILE}", file=sys.stderr)
        return 2
    new = bumped(match.group(1), argv[0])
    log = CHANGELOG.read_text(encoding="utf-8")
    released = re.search(r"^## \[\d", log, flags=re.M)  # below "## [Unreleased]", if any
    if released is None:
        print(f"no '## [X.Y.Z] - DATE' entry in {CHANGELOG}", file=sys.stderr)
        return 2
    first = released.start() - 1
    VERSION_FILE.write_text(text.replace(match.group(0), f'__version__ = "{new}"'), "utf-8")
    today = dt.date.today().isoformat()
    entry = f"\n## [{new}] - {today}\n\n" + "".join(f"- {line}\n" for line in argv[1:])
    CHANGELOG.write_text(log[:first] + entry + log[first:], encoding="utf-8")
    CITATION.write_text(cite(CITATION.read_text(encoding="utf-8"), new, today), "utf-8")
    readme = README.read_text(encoding="utf-8")
    README.write_text(README_VERSION.sub(lambda m: m.group(1) + new, readme), encoding="utf-8")
    from kursk_pows import DatasetInvalid
    from kursk_pows.releases.manifest import write_manifest
    from kursk_pows.reports.datasheet import write_datasheet

    write_manifest(ROOT / "dataset", new)
    print(f"version {match.group(1)} -> {new}; edit the CHANGELOG entry as needed")
    try:
        write_datasheet(ROOT / "dataset", new)
    except DatasetInvalid as exc:
        print(
            f"DATASHEET.md not rewritten: {exc}; fix the errors, then run kursk-pows manifest",
            file=sys.stderr,
        )
        return 1
    from regenerate import write_snapshot

    write_snapshot()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
