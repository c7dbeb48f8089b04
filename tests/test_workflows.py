"""The CI workflow and the pre-commit hooks only run commands that exist, with valid options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from kursk_pows.cli import _parser


def _kursk_commands(repo_root: Path) -> list[tuple[str, str]]:
    found = []
    workflow = yaml.safe_load((repo_root / ".github/workflows/pull-request.yml").read_text())
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                found.append(("workflow", line.strip()))
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        data = yaml.safe_load((repo_root / name).read_text())
        hooks = data if isinstance(data, list) else [h for r in data["repos"] for h in r["hooks"]]
        for hook in hooks:
            found.append((name, " ".join([hook["entry"], *hook.get("args", [])])))
    return [(where, cmd) for where, cmd in found if cmd.startswith("kursk-pows")]


def test_workflow_runs_tests_and_the_checks(repo_root: Path) -> None:
    workflow = yaml.safe_load((repo_root / ".github/workflows/pull-request.yml").read_text())
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert 'python -m pip install -e ".[test]"' in runs
    assert "python -m pytest" in runs
    assert {c.split()[1] for _, c in _kursk_commands(repo_root)} >= {"validate", "diff", "fmt"}
    assert any("--format github" in r for r in runs)
    assert any("diff" in r and "--check" in r for r in runs)


COMMANDS = _kursk_commands(Path(__file__).resolve().parent.parent)


@pytest.mark.parametrize(("where", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_every_command_parses(where: str, command: str) -> None:
    words = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "main", command))[1:]
    args = _parser().parse_args(words)  # exits (a test failure) on an unknown command or option
    assert args.command in {"validate", "fmt", "diff", "manifest", "coverage", "rules"}, where
