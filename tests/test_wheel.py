"""The wheel built from this tree is self-contained: data, schemas, no stray top-level names."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from dists import distributions

from kursk_pows import __version__


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel (see :mod:`dists`)."""
    return distributions(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("tree"))


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("kursk_pows-*.whl")
    return found


def test_sdist_carries_tests_data_and_docs(dist: Path, repo_root: Path) -> None:
    (sdist,) = dist.glob("kursk_pows-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    data = {
        str(p.relative_to(repo_root)) for p in (repo_root / "dataset").rglob("*") if p.is_file()
    }
    assert data <= names
    assert {
        "dataset/claims.jsonl",
        "dataset/manifest.json",
        "tests/bundled_snapshot.json",
        "schema/claim.schema.json",
        "tests/rules/test_rules.py",
        "tests/factory.py",
        "tests/data/JSONTestSuite/LICENSE",
        "docs/rules.md",
        "docs/example-dataset/claims.jsonl",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "LICENSE",
        "validators/cli/__init__.py",
        "pyproject.toml",
    } <= names


def test_wheel_metadata_states_the_package_version(wheel: Path) -> None:
    metadata = zipfile.ZipFile(wheel).read(f"kursk_pows-{__version__}.dist-info/METADATA")
    assert f"\nVersion: {__version__}\n".encode() in metadata


def test_wheel_contains_data_and_schemas(wheel: Path, repo_root: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"kursk_pows/dataset/{p.relative_to(repo_root / 'dataset')}"
        for p in (repo_root / "dataset").rglob("*")
        if p.is_file()
    } | {f"kursk_pows/schema/{p.name}" for p in (repo_root / "schema").glob("*.json")}
    assert expected <= names
    assert "kursk_pows/__init__.py" in names
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {"kursk_pows", f"kursk_pows-{__version__}.dist-info"}


def _run_outside(python: str, code: str, env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


CHECK = (
    "import kursk_pows, pathlib, sys\n"
    "ds = kursk_pows.load()\n"
    "print(pathlib.Path(kursk_pows.__file__).parent)\n"
    "print(ds.root)\n"
    "print(len(ds.claims), ds.report.valid)\n"
    "import hashlib\n"
    "print(hashlib.sha256(kursk_pows.datasheet().encode()).hexdigest())\n"
    "print(hashlib.sha256(kursk_pows.rule_catalog().encode()).hexdigest())\n"
    "from kursk_pows.cli import main\n"
    "sys.exit(main(['validate']))\n"
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_installed_wheel_finds_its_own_data(wheel: Path, tmp_path: Path, repo_root: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = _run_outside(sys.executable, CHECK, env, tmp_path).splitlines()
    package, root, counts, datasheet, catalog, *_ = out
    assert Path(package) == target / "kursk_pows"
    assert Path(root) == target / "kursk_pows" / "dataset"
    assert counts.endswith(" True")
    # the dataset card and the rule catalog are reachable from the installed package
    assert datasheet == _sha256(repo_root / "DATASHEET.md")
    assert catalog == _sha256(repo_root / "docs" / "rules.md")


@pytest.mark.wheel
def test_wheel_in_fresh_virtualenv(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel with its dependencies into a new environment; no checkout in sight."""
    env_dir = tmp_path / "env"
    python = str(env_dir / "bin" / "python")
    if uv := shutil.which("uv"):  # as .ci/run installs: the same resolver, and much faster
        venv.create(env_dir, with_pip=False)
        subprocess.run([uv, "pip", "install", "-q", "--python", python, str(wheel)], check=True)
    else:
        venv.create(env_dir, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = _run_outside(python, CHECK, env, tmp_path).splitlines()
    assert Path(out[0]).is_relative_to(env_dir)
    probe = (
        "import sys, kursk_pows; kursk_pows.validate(); print('kursk_pows.models' in sys.modules)"
    )
    assert _run_outside(python, probe, env, tmp_path).strip() == "False"  # the cache was used
    cli = subprocess.run(
        [str(env_dir / "bin" / "kursk-pows"), "validate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr
