"""A copy of this checkout in which commands run as a contributor's would: git history of its
own, and its own code (not the installed package's) behind ``kursk-pows`` and ``kursk_pows``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

IGNORE = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", ".*cache", ".hypothesis", "__pycache__"
)
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
PYTEST = (
    "python -m pytest -q -n 0 -p no:cacheprovider "
    "--deselect tests/test_docs.py::test_the_readme_python_type_checks_strictly"
)
"""The test command run inside a copy: one process (the outer suite already fills the cores),
and without the README's type check, which a data change cannot affect and the outer suite
runs."""


@dataclass
class Checkout:
    root: Path
    env: dict[str, str]

    def run(self, script: str) -> subprocess.CompletedProcess[str]:
        """Run a bash script in the checkout (strict mode), capturing its output."""
        return subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def commit(self, message: str) -> None:
        subprocess.run([*GIT, "add", "-A"], cwd=self.root, check=True)
        subprocess.run([*GIT, "commit", "-qm", message], cwd=self.root, check=True)


def copy_checkout(repo_root: Path, tmp_path: Path) -> Checkout:
    """This checkout copied under ``tmp_path`` and committed once (the base a pull request
    starts from).  ``kursk_pows`` is imported from the copy's ``validators/`` (a path entry
    ahead of the installed package), as after ``pip install -e`` of the copy."""
    work = tmp_path / "checkout"
    shutil.copytree(repo_root, work, ignore=IGNORE)
    shim = tmp_path / "path"
    shim.mkdir()
    (shim / "kursk_pows").symlink_to(work / "validators", target_is_directory=True)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(shim),
    }
    subprocess.run([*GIT, "init", "-q"], cwd=work, check=True)
    checkout = Checkout(work, env)
    checkout.commit("base")
    return checkout


def next_minor(repo_root: Path) -> tuple[str, str]:
    """The checkout's version and the one a minor bump gives."""
    text = (repo_root / "validators" / "_version.py").read_text(encoding="utf-8")
    current = text.split('__version__ = "', 1)[1].split('"', 1)[0]
    major, minor, _ = current.split(".")
    return current, f"{major}.{int(minor) + 1}.0"


def record_count(repo_root: Path, file: str) -> int:
    """Records in one of the checkout's dataset files."""
    lines = (repo_root / "dataset" / file).read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.strip())


def active_count(repo_root: Path, file: str) -> int:
    """Records of a dataset file that are not retracted (what the datasheet counts)."""
    lines = (repo_root / "dataset" / file).read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.strip() and '"status": "retracted"' not in line)
