"""A data-only pull request that follows CONTRIBUTING.md passes every check CI runs on data.

A contributor, on a copy of this checkout: adds a claim (no offsets), runs the documented
commands (fmt, scripts/bump.py, validate, diff base --check), commits; then CI's data checks
(.ci/data: validate, fmt --check, manifest --check, the bump against the previous version) run
on the copy, with the copy's own code.  The tests that read the bundled data run on a copy grown
by CONTRIBUTING's worked example (test_contributing.py)."""

from __future__ import annotations

import json
from pathlib import Path

from checkouts import active_count, copy_checkout, next_minor, record_count

CLAIM = (
    '{"id": "claim:andriy-sybiga.communication-social-media", "proposition":'
    ' "proposition:andriy-sybiga.communication-social-media", "subject": "person:andriy-sybiga",'
    ' "predicate": "predicate:communication-method", "value": {"type": "text", "text": "social'
    ' media"}, "claimed_by": "source:rare-glimpse-pyongyang-participation", "evidence":'
    ' [{"source": "source:rare-glimpse-pyongyang-participation", "quote": "Andriy Sybiga, wrote'
    ' on social media"}]}'
)
CONTRIBUTOR = f"""
cat >> dataset/claims.jsonl <<'JSON'
{CLAIM}
JSON
kursk-pows fmt
python3 scripts/bump.py minor "Added: how Andriy Sybiga communicated his statement."
kursk-pows validate
kursk-pows diff base --check
"""


def test_a_data_only_pull_request_passes_ci(repo_root: Path, tmp_path: Path) -> None:
    before, after = next_minor(repo_root)
    claims = record_count(repo_root, "claims.jsonl") + 1  # validate counts every record read
    active = active_count(repo_root, "claims.jsonl") + 1  # the datasheet, those not retracted
    checkout = copy_checkout(repo_root, tmp_path)
    contributed = checkout.run(CONTRIBUTOR)
    assert contributed.returncode == 0, contributed.stdout + contributed.stderr
    checkout.commit("Add a claim")
    ci = checkout.run(".ci/data")
    assert ci.returncode == 0, ci.stdout + ci.stderr
    assert f"1 change(s); version {before} -> {after} (minor)" in ci.stdout
    assert ci.stdout.startswith(f"dataset (version {after}): valid: 0 error(s), 0 warning(s);")
    assert f", {claims} claims," in ci.stdout.splitlines()[0]
    sheet = (checkout.root / "DATASHEET.md").read_text(encoding="utf-8")
    assert sheet.startswith(f"# Datasheet: kursk-pows {after}\n")
    assert f"| claims | {active} |" in sheet
    changed = checkout.run("git diff --name-only HEAD~1").stdout.split()
    assert changed == [
        "CHANGELOG.md",
        "CITATION.cff",
        "DATASHEET.md",
        "README.md",  # the version its examples and citation show
        "dataset/claims.jsonl",
        "dataset/manifest.json",
        "tests/bundled_snapshot.json",  # the data's shape the bundled-data tests now expect
        "validators/_version.py",
    ]
    snapshot = json.loads((checkout.root / "tests/bundled_snapshot.json").read_text("utf-8"))
    assert snapshot["records"]["claims"] == claims
    assert snapshot["active_records"]["claims"] == active
