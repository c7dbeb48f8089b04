"""The release's distributions, built from a clean copy of this checkout and checked as the
release workflow checks them (scripts/check_dist.py: twine check and the wheel's contents).

Not marked: the build runs without isolation (``build --no-isolation``, setuptools from the
test extra) and needs no network; it takes a few seconds."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from dists import distributions

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture(scope="module")
def check_dist() -> Iterator[object]:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import check_dist

        yield check_dist
    finally:
        sys.path.remove(str(SCRIPTS))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel (see :mod:`dists`)."""
    return distributions(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("clean"))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "check_dist.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_built_distributions_pass_the_release_checks(built: Path) -> None:
    import kursk_pows

    v = kursk_pows.__version__
    assert sorted(p.name for p in built.iterdir()) == [
        f"kursk_pows-{v}-py3-none-any.whl",
        f"kursk_pows-{v}.tar.gz",
    ]
    result = _run(str(built))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"check_dist: {built}: the sdist and the wheel are ready to publish\n"


def _checkout(root: Path) -> Path:
    """A small checkout: the files a wheel must carry are these."""
    (root / "dataset" / "sources").mkdir(parents=True)
    (root / "dataset" / "claims.jsonl").write_text("")
    (root / "dataset" / "sources" / "a.txt").write_text("")
    (root / "dataset" / ".claims.jsonl.x.tmp").write_text("")  # left by a killed fmt
    (root / "schema").mkdir()
    (root / "schema" / "claim.schema.json").write_text("{}")
    return root


def test_a_bad_wheel_is_refused_with_one_line_per_problem(built: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (sdist,) = built.glob("*.tar.gz")
    shutil.copy(sdist, dist)
    version = sdist.name.removeprefix("kursk_pows-").removesuffix(".tar.gz")
    with zipfile.ZipFile(dist / f"kursk_pows-{version}-py3-none-any.whl", "w") as wheel:
        wheel.writestr("kursk_pows/__init__.py", "")
        wheel.writestr("kursk_pows/dataset/claims.jsonl", "")
        wheel.writestr("kursk_pows/__pycache__/__init__.cpython-311.pyc", "")
        wheel.writestr("tests/test_x.py", "")
    result = _run(str(dist), str(_checkout(tmp_path / "checkout")))
    assert (result.returncode, result.stdout) == (1, "")
    twine, *lines = result.stderr.splitlines()
    assert twine.startswith("check_dist: twine check --strict failed: ")
    assert "No METADATA in archive" in twine
    assert lines == [
        "check_dist: wheel: kursk_pows/_version.py is missing",
        "check_dist: wheel: kursk_pows/dataset/sources/a.txt is missing",
        "check_dist: wheel: kursk_pows/py.typed is missing",
        "check_dist: wheel: kursk_pows/schema/claim.schema.json is missing",
        "check_dist: wheel: tests/test_x.py is outside the package",
        "check_dist: wheel: kursk_pows/__pycache__/__init__.cpython-311.pyc is a cache or "
        "compiled file",
    ]


def test_wheel_problems(check_dist: object, tmp_path: Path) -> None:
    _checkout(tmp_path)
    good = {
        "kursk_pows/__init__.py",
        "kursk_pows/_version.py",
        "kursk_pows/py.typed",
        "kursk_pows/dataset/claims.jsonl",
        "kursk_pows/dataset/sources/a.txt",
        "kursk_pows/schema/claim.schema.json",
        "kursk_pows-2.0.0.dist-info/METADATA",
    }
    problems = check_dist.wheel_problems  # type: ignore[attr-defined]
    assert problems(good, "2.0.0", tmp_path) == []
    bad = (good - {"kursk_pows/dataset/sources/a.txt", "kursk_pows/py.typed"}) | {
        "kursk_pows/tests/test_a.py",
        "kursk_pows/analysis/conftest.py",
        "kursk_pows/.hypothesis/x",
        "kursk_pows/x.pyo",
        "kursk_pows-1.0.0.dist-info/METADATA",
        "validators/__init__.py",
    }
    assert problems(bad, "2.0.0", tmp_path) == [
        "wheel: kursk_pows/dataset/sources/a.txt is missing",
        "wheel: kursk_pows/py.typed is missing",
        "wheel: kursk_pows-1.0.0.dist-info/METADATA is outside the package",
        "wheel: kursk_pows/analysis/conftest.py is a test; tests belong in the sdist only",
        "wheel: kursk_pows/tests/test_a.py is a test; tests belong in the sdist only",
        "wheel: validators/__init__.py is outside the package",
        "wheel: kursk_pows/.hypothesis/x is a cache or compiled file",
        "wheel: kursk_pows/x.pyo is a cache or compiled file",
    ]


def test_sdist_problems(check_dist: object) -> None:
    problems = check_dist.sdist_problems  # type: ignore[attr-defined]
    good = {"pyproject.toml", "CHANGELOG.md", "CITATION.cff", "LICENSE", "README.md", "tests/a.py"}
    assert problems(good, "1.0.0") == []
    bad = (good - {"CITATION.cff"}) | {"build/lib/x.py", ".git/HEAD", "tests/.pytest_cache/v"}
    assert problems(bad, "1.0.0") == [
        "sdist: CITATION.cff is missing",
        "sdist: build/lib/x.py is build output",
        "sdist: .git/HEAD is a cache or compiled file",
        "sdist: tests/.pytest_cache/v is a cache or compiled file",
    ]


def test_a_directory_with_other_files_is_refused(built: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    shutil.copytree(built, dist)
    (dist / "notes.txt").write_text("x")
    result = _run(str(dist))
    names = ", ".join(sorted(p.name for p in dist.iterdir()))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"check_dist: {dist}: must hold one kursk_pows wheel and one sdist and nothing else, "
        f"but holds {names}; build into an empty directory: python -m build --outdir {dist}\n"
    )
