"""The wheel built from this tree is self-contained: data, schemas, no stray top-level names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from kursk_pows import __version__


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = Path(__file__).resolve().parent.parent
    tree = tmp_path_factory.mktemp("tree") / "kursk-pows"
    # build from a copy: a stale build/ folder in the checkout must not leak into the wheel
    shutil.copytree(
        repo,
        tree,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", ".*cache", ".hypothesis", "__pycache__"
        ),
    )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(tree),
        ],
        check=True,
        cwd=out,
    )
    (found,) = out.glob("kursk_pows-*.whl")
    return found


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
    "from kursk_pows.cli import main\n"
    "sys.exit(main(['validate']))\n"
)


def test_installed_wheel_finds_its_own_data(wheel: Path, tmp_path: Path) -> None:
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
    package, root, counts, *_ = _run_outside(sys.executable, CHECK, env, tmp_path).splitlines()
    assert Path(package) == target / "kursk_pows"
    assert Path(root) == target / "kursk_pows" / "dataset"
    assert counts.endswith(" True")


@pytest.mark.wheel
def test_wheel_in_fresh_virtualenv(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel with its dependencies into a new environment; no checkout in sight."""
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = _run_outside(python, CHECK, env, tmp_path).splitlines()
    assert Path(out[0]).is_relative_to(env_dir)
    cli = subprocess.run(
        [str(env_dir / "bin" / "kursk-pows"), "validate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr
