"""CONTRIBUTING.md's worked example works when followed literally, in a copy of this checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

IGNORE = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", ".*cache", ".hypothesis", "__pycache__"
)


def test_worked_example_runs_as_written(repo_root: Path, tmp_path: Path) -> None:
    guide = (repo_root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = guide.split("## Worked example", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^```sh\n(.*?)^```", example, flags=re.M | re.S)
    assert len(steps) == 7
    work = tmp_path / "checkout"
    shutil.copytree(repo_root, work, ignore=IGNORE)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    subprocess.run([*git, "add", "-A"], cwd=work, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=work, check=True)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for number, step in enumerate(steps, start=1):
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", step],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"step {number}:\n{step}\n{result.stdout}{result.stderr}"
    validate = subprocess.run(
        ["kursk-pows", "validate", "dataset"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "valid: 0 error(s), 0 warning(s)" in validate.stdout
    assert "claim:example-guide.step-count" in (work / "dataset" / "claims.jsonl").read_text()
