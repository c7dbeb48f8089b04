"""The release check: a tag and the files stating the version must agree, or nothing is
published.  Each kind of disagreement on small files made here, and the bundled checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kursk_pows.releases.agreement import changelog_top, disagreements

CHANGELOG = """\
# Changelog

## [Unreleased]

- not yet

## [2.1.0] - 2027-03-04

- added

## [2.0.0] - 2027-01-02
"""
CITATION = """\
cff-version: 1.2.0
title: t
version: 2.1.0
date-released: "2027-03-04"
preferred-citation:
  version: 9.9.9
"""


def _checkout(root: Path, changed: dict[str, str] | None = None) -> Path:
    contents = {
        "validators/_version.py": '"""v"""\n\n__version__ = "2.1.0"\n',
        "dataset/manifest.json": '{"name": "kursk-pows", "version": "2.1.0", "files": {}}\n',
        "CHANGELOG.md": CHANGELOG,
        "CITATION.cff": CITATION,
    }
    contents.update(changed or {})
    for name, text in contents.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


BUMP = "bump with python3 scripts/bump.py or tag the version the files state"


def test_agreeing_files_pass(tmp_path: Path) -> None:
    assert disagreements(_checkout(tmp_path), "v2.1.0") == []


def test_the_tag_must_name_the_version(tmp_path: Path) -> None:
    assert disagreements(_checkout(tmp_path), "v2.0.0") == [
        f"CHANGELOG.md: version 2.1.0, but the tag v2.0.0 says 2.0.0; {BUMP}",
        f"CITATION.cff: version 2.1.0, but the tag v2.0.0 says 2.0.0; {BUMP}",
        f"dataset/manifest.json: version 2.1.0, but the tag v2.0.0 says 2.0.0; {BUMP}",
        f"validators/_version.py: version 2.1.0, but the tag v2.0.0 says 2.0.0; {BUMP}",
    ]


@pytest.mark.parametrize("tag", ["2.1.0", "v2.1", "v2.1.0-rc1", "release-2.1.0"])
def test_a_tag_that_is_not_vxyz(tmp_path: Path, tag: str) -> None:
    assert disagreements(_checkout(tmp_path), tag) == [
        f"tag {tag!r} is not a release tag: tag the release vX.Y.Z (e.g. v1.0.0)"
    ]


def test_version_file_disagrees(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"validators/_version.py": '__version__ = "2.1.1"\n'})
    assert disagreements(root, "v2.1.0") == [
        f"validators/_version.py: version 2.1.1, but the tag v2.1.0 says 2.1.0; {BUMP}"
    ]


def test_manifest_disagrees(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"dataset/manifest.json": '{"version": "2.0.0"}'})
    assert disagreements(root, "v2.1.0") == [
        f"dataset/manifest.json: version 2.0.0, but the tag v2.1.0 says 2.1.0; {BUMP}"
    ]


def test_changelog_newest_entry_disagrees(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"CHANGELOG.md": CHANGELOG.replace("## [2.1.0] - 2027-03-04\n", "")})
    assert disagreements(root, "v2.1.0") == [
        f"CHANGELOG.md: version 2.0.0, but the tag v2.1.0 says 2.1.0; {BUMP}",
        "CITATION.cff: date-released is 2027-03-04, but the CHANGELOG entry of 2.1.0 is dated "
        "2027-01-02; write 2027-01-02 (or run python3 scripts/bump.py)",
    ]


def test_changelog_entry_without_a_date(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"CHANGELOG.md": CHANGELOG.replace("] - 2027-03-04", "]")})
    assert disagreements(root, "v2.1.0") == [
        "CHANGELOG.md: newest entry '## [2.1.0]' is not '## [X.Y.Z] - YYYY-MM-DD'; run "
        "python3 scripts/bump.py to open the entry"
    ]


def test_citation_version_disagrees(tmp_path: Path) -> None:
    root = _checkout(
        tmp_path, {"CITATION.cff": CITATION.replace("version: 2.1.0", "version: 2.0.0")}
    )
    assert disagreements(root, "v2.1.0") == [
        f"CITATION.cff: version 2.0.0, but the tag v2.1.0 says 2.1.0; {BUMP}"
    ]


def test_citation_date_disagrees(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"CITATION.cff": CITATION.replace("2027-03-04", "2027-03-05")})
    assert disagreements(root, "v2.1.0") == [
        "CITATION.cff: date-released is 2027-03-05, but the CHANGELOG entry of 2.1.0 is dated "
        "2027-03-04; write 2027-03-04 (or run python3 scripts/bump.py)"
    ]


def test_missing_and_versionless_files(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"CITATION.cff": "cff-version: 1.2.0\n"})
    (root / "dataset" / "manifest.json").unlink()
    assert disagreements(root, "v2.1.0") == [
        "CITATION.cff: date-released is missing, but the CHANGELOG entry of 2.1.0 is dated "
        "2027-03-04; write 2027-03-04 (or run python3 scripts/bump.py)",
        "CITATION.cff: states no version; it must state 2.1.0",
        "dataset/manifest.json: cannot be read (No such file or directory); it must exist in "
        "the checkout",
    ]


def test_changelog_top_skips_only_the_unreleased_section() -> None:
    assert changelog_top(CHANGELOG) == ("2.1.0", "2027-03-04")
    assert changelog_top("# Changelog\n") == "no '## [X.Y.Z] - YYYY-MM-DD' entry"
    dated = CHANGELOG.replace("## [Unreleased]", "## [Unreleased] - 2027-05-06")
    assert changelog_top(dated) == (
        "newest entry '## [Unreleased] - 2027-05-06' is not '## [X.Y.Z] - YYYY-MM-DD'"
    )
    short = CHANGELOG.replace("## [2.1.0]", "## [2.1]")
    assert (
        changelog_top(short)
        == "newest entry '## [2.1] - 2027-03-04' is not '## [X.Y.Z] - YYYY-MM-DD'"
    )


def test_a_file_that_is_not_utf8_cannot_be_read(tmp_path: Path) -> None:
    root = _checkout(tmp_path)
    (root / "CHANGELOG.md").write_bytes(b"## [2.1.0] - 2027-03-04 \xff\n")
    assert "CHANGELOG.md: cannot be read (unreadable); it must exist in the checkout" in (
        disagreements(root, "v2.1.0")
    )


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(__file__).resolve().parents[2] / "scripts" / "release_check.py"
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )


def test_script_exits_1_with_one_line_per_disagreement(tmp_path: Path) -> None:
    root = _checkout(tmp_path, {"dataset/manifest.json": '{"version": "2.0.0"}'})
    result = _script("v2.1.0", str(root))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"release_check: dataset/manifest.json: version 2.0.0, but the tag v2.1.0 says 2.1.0; "
        f"{BUMP}\n"
    )


def test_script_passes_on_this_checkout(repo_root: Path) -> None:
    import kursk_pows

    result = _script(f"v{kursk_pows.__version__}")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout == (
        f"release_check: v{kursk_pows.__version__} agrees with the version and date every file "
        "states\n"
    )


def test_script_usage(tmp_path: Path) -> None:
    result = _script()
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "usage: python3 scripts/release_check.py vX.Y.Z [CHECKOUT]\n"
