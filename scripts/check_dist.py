"""Check the built distributions before they are published: what the release workflow runs on
its dist/ directory, and tests/test_release_build.py on a build of a clean copy.

usage: python3 scripts/check_dist.py DIST [CHECKOUT]

DIST must hold one sdist and one wheel of kursk-pows, of one version. Both must pass
``twine check --strict``; the wheel must hold the package, every file of the checkout's
dataset/ (the data and the article texts) and schema/, and nothing else at its top level: no
tests, no caches, no compiled files; the sdist no caches, no .git, no build output. Prints one
line per problem and exits 1; exits 0 when all is well.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
CACHES = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", ".git"}
COMPILED = (".pyc", ".pyo")
WHEEL = re.compile(r"kursk_pows-(\d+\.\d+\.\d+)-py3-none-any\.whl")
SDIST = re.compile(r"kursk_pows-(\d+\.\d+\.\d+)\.tar\.gz")
SDIST_NEEDS = ("pyproject.toml", "CHANGELOG.md", "CITATION.cff", "LICENSE", "README.md")


def _stray(names: Iterable[str]) -> list[str]:
    """Names of caches and compiled files."""
    return sorted(
        name for name in names if CACHES & set(PurePosixPath(name).parts) or name.endswith(COMPILED)
    )


def wheel_problems(names: set[str], version: str, root: Path) -> list[str]:
    """What is wrong with a wheel holding ``names``, built from the checkout ``root``."""
    expected = {"kursk_pows/__init__.py", "kursk_pows/py.typed", "kursk_pows/_version.py"}
    expected |= {
        f"kursk_pows/dataset/{p.relative_to(root / 'dataset').as_posix()}"
        for p in (root / "dataset").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    expected |= {f"kursk_pows/schema/{p.name}" for p in (root / "schema").glob("*.json")}
    problems = [f"wheel: {name} is missing" for name in sorted(expected - names)]
    tops = {"kursk_pows", f"kursk_pows-{version}.dist-info"}
    for name in sorted(names):
        parts = PurePosixPath(name).parts
        if parts[0] not in tops:
            problems.append(f"wheel: {name} is outside the package")
        elif "tests" in parts or parts[-1].startswith("test_") or parts[-1] == "conftest.py":
            problems.append(f"wheel: {name} is a test; tests belong in the sdist only")
    problems += [f"wheel: {name} is a cache or compiled file" for name in _stray(names)]
    return problems


def sdist_problems(names: set[str], version: str) -> list[str]:
    """What is wrong with an sdist holding ``names`` (paths below its top directory)."""
    problems = [f"sdist: {name} is missing" for name in SDIST_NEEDS if name not in names]
    problems += [
        f"sdist: {name} is build output"
        for name in sorted(names)
        if name.split("/")[0] in ("build", "dist")
    ]
    problems += [f"sdist: {name} is a cache or compiled file" for name in _stray(names)]
    return problems


def _twine(files: list[Path]) -> list[str]:
    try:
        result = subprocess.run(
            [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "10000"},  # one plain line each
        )
    except OSError as error:
        return [f"twine check could not run ({error}); install twine: pip install twine"]
    if result.returncode == 0:
        return []
    if "No module named twine" in result.stderr:
        return ["twine is not installed; install it: pip install twine (in the test extra)"]
    said = [line.strip() for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return [f"twine check --strict failed: {' / '.join(said)}"]


def check(dist: Path, root: Path) -> list[str]:
    """Every problem with the distributions in ``dist``, built from the checkout ``root``."""
    if not dist.is_dir():
        return [f"{dist}: not a directory; build into it first: python -m build --outdir {dist}"]
    wheels = sorted(p for p in dist.iterdir() if WHEEL.fullmatch(p.name))
    sdists = sorted(p for p in dist.iterdir() if SDIST.fullmatch(p.name))
    others = sorted(p.name for p in dist.iterdir() if p not in wheels and p not in sdists)
    if len(wheels) != 1 or len(sdists) != 1 or others:
        found = ", ".join(sorted(p.name for p in dist.iterdir())) or "nothing"
        return [
            f"{dist}: must hold one kursk_pows wheel and one sdist and nothing else, but holds "
            f"{found}; build into an empty directory: python -m build --outdir {dist}"
        ]
    (wheel,), (sdist,) = wheels, sdists
    version = WHEEL.fullmatch(wheel.name).group(1)  # type: ignore[union-attr]
    sdist_version = SDIST.fullmatch(sdist.name).group(1)  # type: ignore[union-attr]
    problems = _twine([sdist, wheel])
    if sdist_version != version:
        problems.append(f"{dist}: the wheel is {version} but the sdist {sdist_version}")
    with zipfile.ZipFile(wheel) as opened:
        problems += wheel_problems(set(opened.namelist()), version, root)
    with tarfile.open(sdist) as opened:
        top = f"kursk_pows-{sdist_version}/"
        names = {n[len(top) :] for n in opened.getnames() if n.startswith(top)}
    problems += sdist_problems(names, sdist_version)
    return problems


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    dist = Path(argv[0])
    problems = check(dist, Path(argv[1]) if len(argv) == 2 else ROOT)
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_dist: {dist}: the sdist and the wheel are ready to publish")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
