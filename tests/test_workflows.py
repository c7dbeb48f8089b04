"""The CI workflow and the pre-commit hooks only run commands that exist, with valid options."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from kursk_pows.cli import _parser


def _kursk_commands(repo_root: Path) -> list[tuple[str, str]]:
    found = []
    for name in ("pull-request.yml", "pages.yml", "release.yml"):
        workflow = yaml.safe_load((repo_root / ".github/workflows" / name).read_text())
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                for line in step.get("run", "").splitlines():
                    found.append((name, line.strip()))
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        data = yaml.safe_load((repo_root / name).read_text())
        hooks = data if isinstance(data, list) else [h for r in data["repos"] for h in r["hooks"]]
        for hook in hooks:
            command = " ".join([hook["entry"], *hook.get("args", [])])
            found.append((name, command.replace(HOOK, "kursk-pows", 1)))
    return [(where, cmd) for where, cmd in found if cmd.startswith("kursk-pows")]


HOOK = "python scripts/hook.py"
"""How this repository's own pre-commit hooks run kursk-pows (see scripts/hook.py)."""


def test_the_repositorys_hooks_need_no_activated_environment(repo_root: Path) -> None:
    data = yaml.safe_load((repo_root / ".pre-commit-config.yaml").read_text())
    hooks = [h for r in data["repos"] for h in r["hooks"]]
    assert {h["language"] for h in hooks} == {"python"}
    for hook in hooks:
        assert hook["additional_dependencies"], hook["id"]
        if hook["id"].startswith("kursk-pows"):
            assert hook["entry"].startswith(HOOK + " ")


def test_workflow_runs_tests_and_the_checks(repo_root: Path) -> None:
    workflow = yaml.safe_load((repo_root / ".github/workflows/pull-request.yml").read_text())
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert 'python -m pip install -e ".[test]"' in runs
    assert "python -m pytest" in runs
    assert {c.split()[1] for _, c in _kursk_commands(repo_root)} >= {"validate", "diff", "fmt"}
    assert any("--format github" in r for r in runs)
    assert any("diff" in r and "--check" in r for r in runs)
    assert "python -m pytest -m browser" in runs


def test_a_release_publishes_the_site_from_the_released_wheel(repo_root: Path) -> None:
    workflow = yaml.safe_load((repo_root / ".github/workflows/pages.yml").read_text())
    # yaml reads "on" as True: after the release workflow, from its run's artifact
    assert workflow[True] == {"workflow_run": {"workflows": ["release"], "types": ["completed"]}}
    build = workflow["jobs"]["build"]
    assert build["if"] == "github.event.workflow_run.conclusion == 'success'"
    (download,) = [s for s in build["steps"] if s.get("uses", "").startswith("actions/download")]
    assert download["with"] == {
        "name": "dist",  # the artifact release.yml uploads and publishes
        "path": "dist",
        "run-id": "${{ github.event.workflow_run.id }}",
        "github-token": "${{ github.token }}",
    }
    runs = [s.get("run", "") for s in build["steps"]]
    assert 'python -m pip install "$(echo dist/*.whl)[site]"' in runs
    assert "kursk-pows site _site" in runs
    assert not [s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout")]
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    release = yaml.safe_load((repo_root / ".github/workflows/release.yml").read_text())
    assert release["name"] == "release"
    steps = release["jobs"]["build"]["steps"]
    (upload,) = [s for s in steps if "upload-artifact" in s.get("uses", "")]
    assert upload["with"]["name"] == "dist"


COMMANDS = _kursk_commands(Path(__file__).resolve().parent.parent)


@pytest.mark.parametrize(("where", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_every_command_parses(where: str, command: str) -> None:
    words = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "main", command))[1:]
    args = _parser().parse_args(words)  # exits (a test failure) on an unknown command or option
    assert args.command in {"validate", "fmt", "diff", "manifest", "coverage", "rules", "site"}, (
        where
    )


# --- hardening (issue 22): least privilege, pinned actions, no event data pasted into scripts,
# axe-core from a lockfile ---

WORKFLOWS = ("pull-request.yml", "pages.yml", "release.yml")
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+(?:\.\d+)*$")


def _workflow(repo_root: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((repo_root / ".github/workflows" / name).read_text())
    return loaded


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("name", WORKFLOWS)
def test_every_action_is_pinned_by_commit_with_its_tag_in_a_comment(
    name: str, repo_root: Path
) -> None:
    lines = (repo_root / ".github/workflows" / name).read_text().splitlines()
    used = [line for line in lines if "uses:" in line]
    assert used
    assert [line for line in used if not PINNED.match(line)] == []
    parsed = [step["uses"] for step in _steps(_workflow(repo_root, name)) if "uses" in step]
    assert [f"{m[1]}@{m[2]}" for line in used if (m := PINNED.match(line))] == parsed


def test_each_action_has_one_pin(repo_root: Path) -> None:
    pins: dict[str, set[str]] = {}
    for name in WORKFLOWS:
        for step in _steps(_workflow(repo_root, name)):
            if "uses" in step:
                action, commit = step["uses"].split("@")
                pins.setdefault(action, set()).add(commit)
    assert {action: len(commits) for action, commits in pins.items()} == {
        "actions/checkout": 1,
        "actions/setup-python": 1,
        "actions/upload-artifact": 1,
        "actions/upload-pages-artifact": 1,
        "actions/deploy-pages": 1,
        "actions/download-artifact": 1,
        "pypa/gh-action-pypi-publish": 1,
    }


def test_pages_grants_writing_to_the_deploy_job_only(repo_root: Path) -> None:
    workflow = _workflow(repo_root, "pages.yml")
    assert workflow["permissions"] == {"contents": "read"}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {
        "build": {"actions": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }


def test_pull_requests_get_a_read_only_token(repo_root: Path) -> None:
    workflow = _workflow(repo_root, "pull-request.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert [name for name, job in workflow["jobs"].items() if "permissions" in job] == []


@pytest.mark.parametrize("name", WORKFLOWS)
def test_no_expression_is_pasted_into_a_script(name: str, repo_root: Path) -> None:
    """``${{ ... }}`` in ``run:`` is pasted into the shell script before it runs: a branch
    name can then run commands.  Values go through ``env:``."""
    pasted = [s["run"] for s in _steps(_workflow(repo_root, name)) if "${{" in s.get("run", "")]
    assert pasted == []


def test_the_base_branch_reaches_the_bump_check_through_env(repo_root: Path) -> None:
    (step,) = [
        s for s in _steps(_workflow(repo_root, "pull-request.yml")) if "diff" in s.get("run", "")
    ]
    assert step["env"] == {"KURSK_POWS_TARGET": "origin/${{ github.base_ref }}"}
    assert step["run"] == "kursk-pows diff base . --check"


@pytest.mark.parametrize("name", [w for w in WORKFLOWS if w != "pages.yml"])  # no checkout
def test_checkouts_keep_no_credentials(name: str, repo_root: Path) -> None:
    checkouts = [
        s
        for s in _steps(_workflow(repo_root, name))
        if s.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    assert [s.get("with", {}).get("persist-credentials") for s in checkouts] == [False] * len(
        checkouts
    )


def test_axe_core_is_locked_with_integrity(repo_root: Path) -> None:
    declared = json.loads((repo_root / ".ci/axe/package.json").read_text(encoding="utf-8"))
    locked = json.loads((repo_root / ".ci/axe/package-lock.json").read_text(encoding="utf-8"))
    assert declared["dependencies"] == {"axe-core": "4.14.1"}  # an exact version, no range
    assert locked["lockfileVersion"] >= 2
    assert locked["packages"][""]["dependencies"] == declared["dependencies"]
    packages = {k: v for k, v in locked["packages"].items() if k}
    assert set(packages) == {"node_modules/axe-core"}
    axe = packages["node_modules/axe-core"]
    assert axe["version"] == "4.14.1"
    assert axe["resolved"] == "https://registry.npmjs.org/axe-core/-/axe-core-4.14.1.tgz"
    assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", axe["integrity"])


def test_axe_core_is_installed_with_npm_ci_only(repo_root: Path) -> None:
    workflow = _workflow(repo_root, "pull-request.yml")
    scripts = [s.get("run", "") for s in _steps(workflow)]
    ci = (repo_root / ".ci/run").read_text(encoding="utf-8")
    for text in (*scripts, ci):
        assert "npm install" not in text
        assert "npm i " not in text
    install = 'npm ci --silent --no-audit --no-fund --prefix "$RUNNER_TEMP/axe"'
    assert [line.strip() for s in scripts for line in s.splitlines() if "npm" in line] == [install]
    assert 'cp .ci/axe/package.json .ci/axe/package-lock.json "$RUNNER_TEMP/axe/"' in "".join(
        scripts
    )
    lines = [line.strip() for line in ci.splitlines()]
    assert [line for line in lines if "npm" in line and not line.startswith("#")] == [
        'background axe npm ci --silent --no-audit --no-fund --prefix "$work/axe" '
        '--cache "$work/npm-cache"'
    ]
    assert 'cp .ci/axe/package.json .ci/axe/package-lock.json "$work/axe/"' in lines


def test_ci_leaves_nothing_in_the_temporary_directory(repo_root: Path) -> None:
    lines = [line.strip() for line in (repo_root / ".ci/run").read_text().splitlines()]
    # the trap waits for the background installs before removing the directory they write to
    assert lines.index('work="$(mktemp -d)"') < lines.index("trap 'wait; rm -rf \"$work\"' EXIT")
    assert 'export TMPDIR="$work/tmp"' in lines
    made = [line for line in lines if "mktemp" in line]
    assert made == ['work="$(mktemp -d)"']  # every other temporary path is under $work
    assert 'export UV_CACHE_DIR="$work/uv-cache"' in lines  # the installer's cache too


def test_the_browser_tests_have_an_extra_of_their_own(repo_root: Path) -> None:
    import tomllib

    extras = tomllib.loads((repo_root / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert not [dep for dep in extras["test"] if dep.startswith("playwright")]
    assert [dep for dep in extras["browser"] if dep.startswith("playwright")]
    ci = (repo_root / ".ci/run").read_text(encoding="utf-8")
    assert 'uv pip install -q -e ".[browser]"' in ci
    browser = _workflow(repo_root, "pull-request.yml")["jobs"]["browser"]
    assert 'python -m pip install -e ".[test,browser]"' in [s.get("run") for s in browser["steps"]]


def test_the_hook_script_runs_the_checkout_without_an_installed_package(
    repo_root: Path, tmp_path: Path
) -> None:
    """``python -S`` skips site-packages' .pth files, so the editable install of this checkout
    is not importable; with pydantic's directory on the path, only the script can find it."""
    import os
    import subprocess
    import sys
    import sysconfig

    env = {"PATH": os.environ["PATH"], "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    unaided = subprocess.run(
        [sys.executable, "-S", "-c", "import kursk_pows"], env=env, capture_output=True, text=True
    )
    assert "No module named 'kursk_pows'" in unaided.stderr
    done = subprocess.run(
        [sys.executable, "-S", "scripts/hook.py", "validate", "dataset", "--quiet"],
        cwd=repo_root,
        env={**env, "XDG_CACHE_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "dataset (version" in done.stdout


# --- releases (issue 26): build once, check, then publish with trusted publishing ---


def test_release_grants_an_oidc_token_to_the_publish_job_only(repo_root: Path) -> None:
    workflow = _workflow(repo_root, "release.yml")
    assert workflow["permissions"] == {"contents": "read"}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {"build": None, "publish": {"id-token": "write"}}


def test_a_published_release_runs_it(repo_root: Path) -> None:
    workflow = _workflow(repo_root, "release.yml")
    assert workflow[True] == {"release": {"types": ["published"]}}  # yaml reads "on" as True


def test_the_build_job_builds_once_checks_and_keeps_the_distributions(repo_root: Path) -> None:
    build = _workflow(repo_root, "release.yml")["jobs"]["build"]
    steps = [s.get("run") or s["uses"].split("@")[0] for s in build["steps"]]
    assert steps == [
        "actions/checkout",
        "actions/setup-python",
        'python -m pip install -e ".[test]"',
        'python scripts/release_check.py "$TAG"',
        "python -m build --outdir dist",
        "python scripts/check_dist.py dist",
        'python -m pytest -p no:cacheprovider -m "not slow" tests/test_wheel.py',
        "actions/upload-artifact",
    ]
    by_run = {s.get("run"): s for s in build["steps"]}
    assert by_run['python scripts/release_check.py "$TAG"']["env"] == {
        "TAG": "${{ github.event.release.tag_name }}"
    }
    wheel_test = by_run['python -m pytest -p no:cacheprovider -m "not slow" tests/test_wheel.py']
    assert wheel_test["env"] == {"KURSK_POWS_DIST": "dist"}
    assert build["steps"][-1]["with"] == {
        "name": "dist",
        "path": "dist",
        "if-no-files-found": "error",
    }
    for script in ("scripts/release_check.py", "scripts/check_dist.py", "tests/test_wheel.py"):
        assert (repo_root / script).is_file()


def test_the_publish_job_uploads_the_built_artifact_and_nothing_else(repo_root: Path) -> None:
    publish = _workflow(repo_root, "release.yml")["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["environment"] == {"name": "pypi", "url": "https://pypi.org/p/kursk-pows"}
    download, upload = publish["steps"]
    assert download["uses"].startswith("actions/download-artifact@")
    assert download["with"] == {"name": "dist", "path": "dist"}
    assert upload["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert "with" not in upload  # trusted publishing: no password, no token; dist/ by default
    text = (repo_root / ".github/workflows/release.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    assert text.count("python -m build") == 1
