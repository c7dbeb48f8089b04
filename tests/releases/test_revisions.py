"""The version bump cannot be forgotten: ``kursk-pows diff base`` compares the working tree with
where the branch left its target branch (or the last commit of the previous version), and names
scripts/bump.py; comparing the checkout with itself is refused."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.releases.manifest import write_manifest
from kursk_pows.releases.revisions import release_base

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]


def git(repo: Path, *args: str) -> str:
    done = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def set_version(repo: Path, version: str) -> None:
    (repo / "validators" / "_version.py").write_text(f'__version__ = "{version}"\n')
    write_manifest(repo / "dataset", version)


def change_a_record(repo: Path) -> None:
    claims = repo / "dataset" / "claims.jsonl"
    lines = claims.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["note"] = "corrected"
    lines[0] = json.dumps(record, ensure_ascii=False)
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def repo(spec: DatasetSpec, tmp_path: Path) -> Path:
    """A kursk-pows checkout at version 1.0.0, one commit."""
    project = tmp_path / "repo"
    spec.write(project / "dataset")
    (project / "validators").mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "kursk-pows"\n')
    set_version(project, "1.0.0")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "1.0.0")
    return project


def test_a_change_without_a_bump_is_caught_and_the_hint_names_bump_py(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    change_a_record(repo)
    write_manifest(repo / "dataset", "1.0.0")  # the manifest rewritten, the version forgotten
    assert main(["diff", "--check"]) == 1
    *_, verdict = capsys.readouterr().out.splitlines()
    assert verdict == (
        "error: the changes need a patch version bump, but the version went from 1.0.0 to "
        "1.0.0 (none); because: changed claim claim:a.age (note). In a checkout, run "
        'python3 scripts/bump.py patch "what changed" (it writes the version, the CHANGELOG '
        "entry and the manifest)"
    )
    set_version(repo, "1.0.1")
    assert main(["diff", "base", "dataset", "--check"]) == 0


def test_base_without_upstream_is_the_last_commit_of_the_previous_version(repo: Path) -> None:
    first = git(repo, "rev-parse", "HEAD")
    assert release_base(repo) == first  # no earlier version: the first commit
    change_a_record(repo)
    set_version(repo, "1.0.1")
    assert release_base(repo) == "HEAD"  # bumped in the working tree: still the last commit
    git(repo, "commit", "-qam", "correct a.age")
    (repo / "dataset" / "sources").joinpath("extra.txt").write_text("x")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "more under the same bump")
    assert release_base(repo) == f"{git(repo, 'rev-parse', 'HEAD~1')}^"
    assert git(repo, "rev-parse", release_base(repo)) == first


def test_base_with_no_version_in_the_working_tree_is_the_last_commit(repo: Path) -> None:
    (repo / "validators" / "_version.py").unlink()
    assert release_base(repo) == "HEAD"


def test_a_version_file_removed_and_written_back_counts_as_set_when_written_back(
    repo: Path,
) -> None:
    git(repo, "rm", "-q", "validators/_version.py")
    git(repo, "commit", "-qm", "no version")
    removed = git(repo, "rev-parse", "HEAD")
    (repo / "validators").mkdir()  # git took the emptied directory away
    set_version(repo, "1.0.0")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "1.0.0 again")
    assert git(repo, "rev-parse", release_base(repo)) == removed


def test_a_revision_is_labelled_by_its_name_and_base_by_the_commit_too(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kursk_pows.releases.revisions import open_release

    first = git(repo, "rev-parse", "HEAD")
    monkeypatch.chdir(repo)
    with open_release("HEAD") as named, open_release("base") as base:
        assert (named.label, base.label) == ("HEAD", f"base ({first[:12]})")


def test_base_with_an_upstream_is_the_merge_base(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    forked = git(clone, "rev-parse", "HEAD")
    change_a_record(clone)
    git(clone, "commit", "-qam", "a change on a branch")
    assert release_base(clone) == forked


def test_installed_is_refused_when_it_is_this_checkout(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo_root)  # the tests run from an editable install of this checkout
    assert main(["diff", "installed", "."]) == 2
    assert capsys.readouterr().err == (
        "kursk-pows: error: 'installed' is this checkout's own dataset/ (an editable install), "
        "so the comparison could find nothing: compare with the last release instead, e.g. "
        "`kursk-pows diff base` (where this branch left its target) or a tag, or name the "
        "dataset directory to compare\n"
    )


def test_installed_outside_a_checkout_is_not_called_editable(tmp_path: Path) -> None:
    from kursk_pows.cli.release import _same_release

    installed = tmp_path / "site-packages" / "kursk_pows" / "dataset"
    installed.mkdir(parents=True)
    said = _same_release("installed", installed)
    assert "editable" not in said
    assert said.startswith("'installed' is the installed package's data, and so is the dataset")


@pytest.mark.parametrize("name", [".pre-commit-hooks.yaml", ".pre-commit-config.yaml"])
def test_the_bump_check_is_a_pre_commit_hook(repo_root: Path, name: str) -> None:
    import yaml

    data = yaml.safe_load((repo_root / name).read_text())
    hooks = data if isinstance(data, list) else [h for r in data["repos"] for h in r["hooks"]]
    (hook,) = [h for h in hooks if h["id"] == "kursk-pows-version"]
    command = " ".join([hook["entry"], *hook.get("args", [])])
    assert command.replace("python scripts/hook.py", "kursk-pows") == (
        "kursk-pows diff base dataset --check"
    )


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../outside.txt"])
def test_a_revision_holding_links_is_compared_without_following_them(
    repo: Path,
    target: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (repo / "dataset" / "sources" / "linked.txt").symlink_to(target)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a link")
    (repo / "dataset" / "sources" / "linked.txt").unlink()
    monkeypatch.chdir(repo)
    status = main(["diff", "HEAD", str(repo / "dataset")])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "root:" not in captured.out


def test_a_branch_tracking_its_own_remote_is_still_compared_with_the_target(
    repo: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    forked = git(clone, "rev-parse", "HEAD")
    git(clone, "checkout", "-qb", "feature")
    change_a_record(clone)
    git(clone, "commit", "-qam", "a change on a branch")
    git(clone, "push", "-q", "-u", "origin", "feature")  # @{upstream} is now origin/feature
    assert git(clone, "rev-parse", "@{upstream}") == git(clone, "rev-parse", "HEAD")
    assert release_base(clone) == forked


def test_a_fresh_clone_of_the_target_is_compared_with_the_previous_version(
    repo: Path, tmp_path: Path
) -> None:
    first = git(repo, "rev-parse", "HEAD")
    change_a_record(repo)
    set_version(repo, "1.0.1")
    git(repo, "commit", "-qam", "1.0.1")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    assert git(clone, "rev-parse", release_base(clone)) == first


def test_the_target_can_be_named(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forked = git(repo, "rev-parse", "HEAD")
    git(repo, "branch", "-q", "release")
    change_a_record(repo)
    set_version(repo, "1.0.1")  # without the target, the base would be this commit's parent
    git(repo, "commit", "-qam", "a change on the default branch")
    git(repo, "commit", "-q", "--allow-empty", "-m", "more under the same bump")
    monkeypatch.setenv("KURSK_POWS_TARGET", "release")
    assert release_base(repo) == forked


def test_the_hook_ci_and_the_workflow_ask_the_same_question(repo_root: Path) -> None:
    import yaml

    data = (repo_root / ".ci" / "data").read_text(encoding="utf-8")
    assert "  kursk-pows diff base . --check" in data.splitlines()
    workflow = yaml.safe_load((repo_root / ".github/workflows/pull-request.yml").read_text())
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert [r for r in runs if "diff" in r] == ["kursk-pows diff base . --check"]


def test_a_directory_with_either_record_index_or_manifest_is_a_release(tmp_path: Path) -> None:
    from kursk_pows.releases.revisions import ReleaseNotFound, open_release

    for name in ("sources.jsonl", "manifest.json"):
        directory = tmp_path / f"with-{name}"
        directory.mkdir()
        (directory / name).write_text("{}\n")
        with open_release(str(directory)) as found:
            assert found.dataset == directory
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReleaseNotFound), open_release(str(tmp_path / "empty")):
        pass
