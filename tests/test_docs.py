"""Generated docs match the registry; user-facing files say what they must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kursk_pows
from kursk_pows.reading.manifest import checkout_versions
from kursk_pows.reports.catalog import render_catalog
from kursk_pows.reports.datasheet import render_datasheet
from kursk_pows.reports.examples import EXAMPLES, example_copy
from kursk_pows.rules import CODES


def test_rule_catalog_is_current(repo_root: Path) -> None:
    on_disk = (repo_root / "docs" / "rules.md").read_text(encoding="utf-8")
    assert on_disk == render_catalog(), "docs/rules.md drifted: run python scripts/regenerate.py"


def test_every_code_has_a_catalog_entry_and_back(repo_root: Path) -> None:
    text = (repo_root / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## ([a-z0-9-]+)$", text, flags=re.M))
    assert documented == set(CODES)
    for code in CODES.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code.code)
        assert code.title
        assert code.explanation
        assert code.fix


@pytest.mark.parametrize("code", sorted(CODES))
def test_catalog_example_triggers_exactly_its_code(
    code: str, repo_root: Path, tmp_path: Path
) -> None:
    root = example_copy(repo_root / "docs" / "example-dataset", tmp_path / "ds")
    config = EXAMPLES[code].apply(root)
    assert set(kursk_pows.validate(root, config).codes()) == {code}


def test_example_dataset_is_clean(repo_root: Path) -> None:
    assert kursk_pows.validate(repo_root / "docs" / "example-dataset").issues == ()
    assert set(EXAMPLES) == set(CODES)


def test_changelog_top_entry_is_this_version(repo_root: Path) -> None:
    text = (repo_root / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.M)
    assert top is not None
    assert top.group(1) == checkout_versions(repo_root / "dataset")["validators/_version.py"]


def test_readme_test_command_is_what_ci_runs(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^```sh\n(.*?)\n```", readme, flags=re.M | re.S)
    assert len(commands) >= 2
    install, test = (part.strip() for part in commands[1].split("&&"))
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert test in ci_lines, f"CI does not run the README's test command {test!r} as is"
    requirement = install.split("install", 1)[1].strip()  # -e ".[test]"
    assert any(line.endswith(f"install -q {requirement}") for line in ci_lines)


def test_datasheet_matches_the_data(repo_root: Path) -> None:
    dataset = repo_root / "dataset"  # this checkout's, whichever package is imported
    version = checkout_versions(dataset)["validators/_version.py"]
    expected = render_datasheet(kursk_pows.load(dataset), kursk_pows.coverage(dataset), version)
    on_disk = (repo_root / "DATASHEET.md").read_text(encoding="utf-8")
    assert on_disk == expected, "DATASHEET.md drifted: run kursk-pows manifest"


def test_the_readme_shows_the_current_version(repo_root: Path) -> None:
    import re

    import kursk_pows

    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r'(?:\(version |version |e\.g\. ")(\d+\.\d+\.\d+)', readme)
    assert shown
    assert set(shown) == {kursk_pows.__version__}


def test_the_readme_python_type_checks_strictly(repo_root: Path, tmp_path: Path) -> None:
    """The README's Python, read as one module in order, passes ``mypy --strict`` against the
    package's own annotations (a link named kursk_pows points at the source)."""
    import os
    import re
    import subprocess
    import sys

    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", readme, flags=re.M | re.S)
    assert blocks
    (tmp_path / "path").mkdir()
    (tmp_path / "path" / "kursk_pows").symlink_to(repo_root / "validators")
    module = tmp_path / "readme_python.py"
    module.write_text("\n".join(blocks), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",  # the README is checked here; the package by CI's mypy
            "--cache-dir",
            str(tmp_path / "cache"),
            str(module),
        ],
        env={**os.environ, "MYPYPATH": str(tmp_path / "path")},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
