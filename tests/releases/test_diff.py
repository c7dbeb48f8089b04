"""diff: what changed between two releases, and the smallest version bump it needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factory import DatasetSpec, claim
from kursk_pows.releases.diff import DatasetDiff, Release, diff_releases, version_bump
from kursk_pows.releases.manifest import write_manifest


def release(spec: DatasetSpec, root: Path, version: str) -> Release:
    spec.write(root)
    write_manifest(root, version)
    return Release(root, None, str(root))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kursk_pows", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [
        ("1.2.3", "1.2.3", "none"),
        ("1.2.3", "1.2.4", "patch"),
        ("1.2.3", "1.3.0", "minor"),
        ("1.2.3", "2.0.0", "major"),
        ("1.2.3", "1.2.2", None),
        ("1.2", "1.3", None),
        (None, "1.0.0", None),
        ("1.0.0", None, None),
        ("one", "1.0.0", None),
    ],
)
def test_version_bump(old: str | None, new: str | None, bump: str | None) -> None:
    assert version_bump(old, new) == bump


@given(st.tuples(*[st.integers(0, 30)] * 3), st.tuples(*[st.integers(0, 30)] * 3))
def test_bump_is_none_only_for_equal_and_missing_for_decrease(
    a: tuple[int, int, int], b: tuple[int, int, int]
) -> None:
    bump = version_bump(".".join(map(str, a)), ".".join(map(str, b)))
    assert (bump is None) == (b < a)
    assert (bump == "none") == (a == b)


def _changed(tmp_path: Path, change: str) -> tuple[Release, Release]:
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    spec = DatasetSpec()
    if change == "remove":
        spec.records["claim"] = [c for c in spec.records["claim"] if c["id"] != "claim:a.role"]
    elif change == "add":
        spec.records["claim"].append(
            claim(
                "claim:b.role",
                "person:soldier-b",
                "military-role",
                {"type": "text", "text": "rifleman"},
                "as a sniper",
            )
        )
    elif change == "correct":
        spec.one("claim:a.role")["value"]["text"] = "marksman"
    elif change == "retype":
        spec.one("place:front")["type"] = "country"
    elif change == "repoint":  # claim:a.role's proposition id now about the other soldier
        spec.one("claim:a.role")["subject"] = "person:soldier-b"
    return old, Release(spec.write(tmp_path / "new"), None, "new")


@pytest.mark.parametrize(
    ("change", "required", "described"),
    [
        ("remove", "major", "removed claim claim:a.role"),
        ("add", "minor", "added claim claim:b.role"),
        ("correct", "patch", "changed claim claim:a.role (value)"),
        ("retype", "major", "reused id of entity place:front (type)"),
    ],
)
def test_required_bump_per_change(
    tmp_path: Path, change: str, required: str, described: str
) -> None:
    old, new = _changed(tmp_path, change)
    for version, ok in (
        ("1.0.0", False),
        ("1.0.1", required == "patch"),
        ("1.1.0", required != "major"),
        ("2.0.0", True),
    ):
        write_manifest(new.dataset, version)
        result = diff_releases(old, new)
        assert result.required == required
        assert [c.describe() for c in result.changes] == [described]
        assert (not result.problems()) == ok, (version, result.problems())


def test_a_proposition_id_reused_for_another_subject_needs_major(tmp_path: Path) -> None:
    old, new = _changed(tmp_path, "repoint")
    write_manifest(new.dataset, "1.1.0")
    result = diff_releases(old, new)
    assert [c.describe() for c in result.changes] == [
        "changed claim claim:a.role (subject)",
        "reused id of proposition proposition:a.role (subject, predicate)",
    ]
    assert result.required == "major"


def test_a_corrected_value_keeps_its_proposition_a_patch(tmp_path: Path) -> None:
    old, new = _changed(tmp_path, "correct")
    write_manifest(new.dataset, "1.0.1")
    assert diff_releases(old, new).problems() == []


def test_retraction_is_a_patch_and_named(tmp_path: Path) -> None:
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    spec = DatasetSpec()
    spec.one("claim:a.role")["status"] = "retracted"
    spec.one("claim:a.role")["retraction"] = {"reason": "misread"}
    new = release(spec, tmp_path / "new", "1.0.1")
    result = diff_releases(old, new)
    assert [c.describe() for c in result.changes] == [
        "retracted claim claim:a.role (retraction, status)"
    ]
    assert result.problems() == []


def test_schema_field_removed_needs_major(tmp_path: Path, repo_root: Path) -> None:
    old_schema, new_schema = tmp_path / "old_schema", tmp_path / "new_schema"
    old_schema.mkdir()
    new_schema.mkdir()
    text = (repo_root / "schema" / "entity.schema.json").read_text()
    (old_schema / "entity.schema.json").write_text(text)
    schema = json.loads(text)
    del schema["properties"]["aliases"]
    schema["properties"]["type"]["enum"].remove("vessel")
    schema["properties"]["nickname"] = {"type": "string"}
    (new_schema / "entity.schema.json").write_text(json.dumps(schema))
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    new = Release(release(DatasetSpec(), tmp_path / "new", "1.1.0").dataset, new_schema, "new")
    result = diff_releases(Release(old.dataset, old_schema, "old"), new)
    assert [(c.bump, c.describe()) for c in result.changes] == [
        ("major", "removed field schema entity:Entity.aliases"),
        ("minor", "added field schema entity:Entity.nickname"),
        ("major", 'narrowed schema entity:Entity.type ("vessel")'),
    ]
    assert "need a major version bump" in result.problems()[0]


def test_schema_fields_required_or_optional_by_hand(tmp_path: Path, repo_root: Path) -> None:
    """A new required field and a field made required break readers' records (major); a new
    optional field, one made optional and a value added do not (minor)."""
    old_schema, new_schema = tmp_path / "old_schema", tmp_path / "new_schema"
    old_schema.mkdir()
    new_schema.mkdir()
    text = (repo_root / "schema" / "entity.schema.json").read_text()
    (old_schema / "entity.schema.json").write_text(text)
    schema = json.loads(text)
    schema["properties"]["rank"] = {"type": "string"}
    schema["properties"]["nickname"] = {"type": "string"}
    schema["required"] = ["id", "type", "rank", "description"]  # name made optional
    schema["properties"]["type"]["enum"].append("fleet")
    (new_schema / "entity.schema.json").write_text(json.dumps(schema))
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    new = Release(release(DatasetSpec(), tmp_path / "new", "2.0.0").dataset, new_schema, "new")
    result = diff_releases(Release(old.dataset, old_schema, "old"), new)
    assert [(c.bump, c.describe()) for c in result.changes] == [
        ("minor", "added field schema entity:Entity.nickname"),
        ("major", "added field schema entity:Entity.rank"),
        ("major", "made required schema entity:Entity.description"),
        ("minor", "made optional schema entity:Entity.name"),
        ("minor", "widened schema entity:Entity.type"),
    ]
    assert result.required == "major"


def test_cli_check_exit_codes_and_json(tmp_path: Path) -> None:
    old, new = _changed(tmp_path, "remove")
    write_manifest(new.dataset, "1.1.0")
    failing = run("diff", str(old.dataset), str(new.dataset), "--check")
    assert failing.returncode == 1
    assert failing.stdout.splitlines()[-1] == (
        "error: the changes need a major version bump, but the version went from 1.0.0 to "
        "1.1.0 (minor); because: removed claim claim:a.role. In a checkout, run "
        'python3 scripts/bump.py major "what changed" (it writes the version, the CHANGELOG '
        "entry and the manifest)"
    )
    as_json = json.loads(run("diff", str(old.dataset), str(new.dataset), "--format", "json").stdout)
    assert (as_json["required_bump"], as_json["actual_bump"], as_json["ok"]) == (
        "major",
        "minor",
        False,
    )
    write_manifest(new.dataset, "2.0.0")
    assert run("diff", str(old.dataset), str(new.dataset), "--check").returncode == 0


def test_git_revision_and_installed_release(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    release(DatasetSpec(), repo / "dataset", "1.0.0")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    (repo / "dataset" / "exclusions.jsonl").write_text("")
    write_manifest(repo / "dataset", "1.0.0")
    result = run("diff", "HEAD", ".", "--check", cwd=repo)
    assert result.returncode == 1
    assert "removed exclusion exclusion:test-repeat" in result.stdout
    assert run("diff", "no-such-revision", ".", cwd=repo).returncode == 2
    assert run("diff", "installed", "installed", "--check").returncode == 2  # itself


def test_a_lower_version_is_a_problem_even_with_no_changes() -> None:
    assert DatasetDiff("2.0.0", "1.0.0").problems() == [
        "version went from 2.0.0 to 1.0.0, which is not an increase of a SemVer version"
    ]
    assert DatasetDiff("1.0.0", "1.0.0").problems() == []
    assert DatasetDiff("1.0.0", "1.0.1").problems() == []


def test_a_claim_retracted_before_and_changed_again_is_only_changed(tmp_path: Path) -> None:
    spec = DatasetSpec()
    spec.one("claim:a.role")["status"] = "retracted"
    spec.one("claim:a.role")["retraction"] = {"reason": "misread"}
    old = release(spec, tmp_path / "old", "1.0.0")
    spec.one("claim:a.role")["retraction"] = {"reason": "misread: the quote is about another man"}
    new = release(spec, tmp_path / "new", "1.0.1")
    assert [c.describe() for c in diff_releases(old, new).changes] == [
        "changed claim claim:a.role (retraction)"
    ]


def test_a_source_text_missing_from_the_new_release_is_no_changed_text(tmp_path: Path) -> None:
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    new = release(DatasetSpec(), tmp_path / "new", "1.0.0")
    for text in (new.dataset / "sources").glob("*"):
        text.unlink()
    changes = [c.describe() for c in diff_releases(old, new).changes]
    assert not [c for c in changes if c.startswith("changed text of")]


def test_a_changed_source_text_is_a_patch(tmp_path: Path) -> None:
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    new = release(DatasetSpec(), tmp_path / "new", "1.0.0")
    (text,) = (new.dataset / "sources").glob("*")
    text.write_bytes(text.read_bytes() + b"\nOne more line.\n")
    result = diff_releases(old, new)
    assert [c.describe() for c in result.changes] == [
        f"changed text of source file sources/{text.name}"
    ]
    assert result.required == "patch"


def test_schemas_are_compared_only_when_both_releases_have_one(
    tmp_path: Path, repo_root: Path
) -> None:
    """A release without a schema directory (or with a missing one) is no removal or addition
    of every field."""
    old = release(DatasetSpec(), tmp_path / "old", "1.0.0")
    new = release(DatasetSpec(), tmp_path / "new", "1.0.0")
    schema = repo_root / "schema"
    for before, after in ((schema, None), (None, schema), (schema, tmp_path / "no-schema")):
        result = diff_releases(
            Release(old.dataset, before, "old"), Release(new.dataset, after, "new")
        )
        assert result.changes == [], (before, after)


@pytest.mark.parametrize(
    ("spec", "allowed"),
    [
        ({"anyOf": [{"enum": ["a", "b"]}, {"type": "null"}]}, {'"a"', '"b"'}),
        ({"anyOf": [{"enum": ["a"]}, {"const": "c"}]}, {'"a"', '"c"'}),
        ({"anyOf": [{"enum": ["a"]}, {"type": "string"}]}, None),
        ({"anyOf": [{"type": "null"}]}, None),
        ({"items": {"const": 1}}, {"1"}),
    ],
)
def test_the_values_a_schema_property_allows(
    spec: dict[str, Any], allowed: set[str] | None
) -> None:
    """Null aside, a property allows the union of its alternatives' values, or any value when
    one of them is open."""
    from kursk_pows.releases.diff import _allowed_values

    assert _allowed_values(spec) == allowed


def test_a_closed_field_opened_is_widened_and_an_open_one_closed_is_narrowed(
    tmp_path: Path,
) -> None:
    schemas = {
        "old": {"kind": {"enum": ["a"]}, "free": {"type": "string"}},
        "new": {"kind": {"type": "string"}, "free": {"enum": ["x"]}},
    }
    releases = []
    for label, properties in schemas.items():
        (tmp_path / label / "schema").mkdir(parents=True)
        schema = {"title": "Thing", "properties": properties}
        (tmp_path / label / "schema" / "thing.schema.json").write_text(json.dumps(schema))
        found = release(DatasetSpec(), tmp_path / label / "data", "1.0.0")
        releases.append(Release(found.dataset, tmp_path / label / "schema", label))
    changes = diff_releases(*releases).changes
    assert [(c.bump, c.describe()) for c in changes] == [
        ("major", "narrowed schema thing:Thing.free"),
        ("minor", "widened schema thing:Thing.kind"),
    ]
