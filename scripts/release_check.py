"""Check that a release tag and the files stating the version agree, before publishing.

usage: python3 scripts/release_check.py vX.Y.Z [CHECKOUT]

Compares the tag with validators/_version.py, dataset/manifest.json's version, the newest dated
entry of CHANGELOG.md ("## [X.Y.Z] - YYYY-MM-DD"; an "## [Unreleased]" section may stand above
it) and CITATION.cff's version and date-released (the entry's date). Prints one line per
disagreement and exits 1; exits 0 when they agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    try:
        from kursk_pows.releases.agreement import disagreements
    except ImportError:
        print(
            "release_check: kursk_pows cannot be imported; install this checkout first: "
            'pip install -e ".[test]"',
            file=sys.stderr,
        )
        return 2
    if len(argv) not in (1, 2):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) == 2 else ROOT
    problems = disagreements(root, argv[0])
    for problem in problems:
        print(f"release_check: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"release_check: {argv[0]} agrees with the version and date every file states")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
