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
    for name in ("pull-request.yml", "pages.yml"):
        workflow = yaml.safe_load((repo_root / ".github/workflows" / name).read_text())
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                for line in step.get("run", "").splitlines():
                    found.append((name, line.strip()))
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
    assert "python -m pytest -m browser" in runs


def test_a_release_publishes_the_site(repo_root: Path) -> None:
    workflow = yaml.safe_load((repo_root / ".github/workflows/pages.yml").read_text())
    assert workflow[True]["release"] == {"types": ["published"]}  # yaml reads "on" as True
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [s.get("run", "") for s in steps]
    assert 'python -m pip install ".[site]"' in runs
    assert "kursk-pows site _site --dataset dataset" in runs
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


COMMANDS = _kursk_commands(Path(__file__).resolve().parent.parent)


@pytest.mark.parametrize(("where", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_every_command_parses(where: str, command: str) -> None:
    words = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "main", command))[1:]
    args = _parser().parse_args(words)  # exits (a test failure) on an unknown command or option
    assert args.command in {"validate", "fmt", "diff", "manifest", "coverage", "rules", "site"}, (
        where
    )
