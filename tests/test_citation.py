"""CITATION.cff is valid, and it, the README, DATASHEET.md and the version agree."""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import kursk_pows
from kursk_pows.exports.about import TITLE, citation


def _cff(repo_root: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((repo_root / "CITATION.cff").read_text("utf-8"))
    return loaded


def _changelog_top(repo_root: Path) -> tuple[str, str]:
    text = (repo_root / "CHANGELOG.md").read_text(encoding="utf-8")
    found = re.search(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.M)
    assert found is not None
    return found.group(1), found.group(2)


def test_citation_file_is_valid_cff_1_2_0(repo_root: Path) -> None:
    schema = json.loads((repo_root / "tests/data/cff/schema-1.2.0.json").read_text("utf-8"))
    cff = _cff(repo_root)
    # as cffconvert reads it: dates are strings in the schema (YAML would make them dates)
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)
    assert cff["cff-version"] == "1.2.0"


def test_the_schema_rejects_what_cff_forbids(repo_root: Path) -> None:
    """The vendored schema is the real one: a field CFF does not know is an error."""
    schema = json.loads((repo_root / "tests/data/cff/schema-1.2.0.json").read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'licence' was unexpected"):
        jsonschema.validate({**_cff(repo_root), "licence": "MIT"}, schema)


def test_citation_states_this_version_and_its_changelog_date(repo_root: Path) -> None:
    cff = _cff(repo_root)
    version, date = _changelog_top(repo_root)
    assert version == kursk_pows.__version__
    found = (cff["version"], cff["date-released"])
    preferred = (cff["preferred-citation"]["version"], cff["preferred-citation"]["date-released"])
    assert found == preferred == (kursk_pows.__version__, date)


def test_citation_names_the_dataset_its_licence_and_authors(repo_root: Path) -> None:
    cff = _cff(repo_root)
    project = tomllib.loads((repo_root / "pyproject.toml").read_text("utf-8"))["project"]
    assert cff["type"] == "dataset"
    assert cff["preferred-citation"]["type"] == "data"
    assert cff["title"] == cff["preferred-citation"]["title"] == TITLE
    assert cff["license"] == cff["preferred-citation"]["license"] == "CC-BY-4.0"
    assert "CC-BY-4.0" in project["license"].split(" AND ")
    names = [{"name": author["name"]} for author in project["authors"]]
    assert cff["authors"] == cff["preferred-citation"]["authors"] == names
    assert "cite the version you used" in cff["message"]


def test_the_citation_text() -> None:
    assert citation("1.2.3") == (
        "kursk-pows maintainers. kursk-pows: two North Korean soldiers captured in Kursk, "
        "January 2025. Dataset, version 1.2.3"
    )


def test_readme_and_datasheet_give_the_same_citation(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Citing\n", 1)[1].split("\n## ", 1)[0]
    text = citation(kursk_pows.__version__)
    assert f"\n{text}\n" in section
    assert "CITATION.cff" in section
    sheet = (repo_root / "DATASHEET.md").read_text(encoding="utf-8")
    assert f"Cite the version you used; for this one:\n\n{text}\n\nCITATION.cff" in sheet


def test_bump_writes_version_and_date_into_every_field(repo_root: Path) -> None:
    sys.path.insert(0, str(repo_root / "scripts"))
    try:
        from bump import cite
    finally:
        sys.path.remove(str(repo_root / "scripts"))
    before = (
        "cff-version: 1.2.0\n"
        "version: 1.0.0\n"
        'date-released: "2026-12-07"\n'
        "preferred-citation:\n"
        "  version: 1.0.0\n"
        '  date-released: "2026-12-07"\n'
        "  notes: the version: 1.0.0 stays as prose\n"
    )
    assert cite(before, "1.1.0", "2027-01-31") == (
        "cff-version: 1.2.0\n"
        "version: 1.1.0\n"
        'date-released: "2027-01-31"\n'
        "preferred-citation:\n"
        "  version: 1.1.0\n"
        '  date-released: "2027-01-31"\n'
        "  notes: the version: 1.0.0 stays as prose\n"
    )


def test_ci_runs_cffconvert_validate(repo_root: Path) -> None:
    lines = [line.strip() for line in (repo_root / ".ci/run").read_text().splitlines()]
    assert "uv pip install -q --python '$work/cff/bin/python' 'cffconvert==2.0.0'\"" in lines
    assert '"$work/cff/bin/cffconvert" --validate -i CITATION.cff' in lines
