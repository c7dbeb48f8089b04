"""CONTRIBUTING.md's worked example works when followed literally, in a copy of this checkout:
a sixth (or next) article added with ``add-source``, ``quote`` and ``new``; CI's data checks
pass; and the tests about the bundled data pass on the grown data with no edit to a test."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from checkouts import PYTEST, Checkout, copy_checkout, next_minor, record_count

EXAMPLE = "tests/data/example-article.txt"
BUNDLED_DATA_TESTS = (
    "tests/test_snapshot.py",
    "tests/test_bundled.py",
    "tests/reading/test_sentences.py",
    "tests/analysis/test_api.py",
    "tests/test_docs.py",
    "tests/test_cli.py",
    "tests/reports/test_coverage.py",
    "tests/test_citation.py",  # CITATION.cff states the new version and its CHANGELOG date
    "tests/releases/test_agreement.py",  # and the release check passes for the new version
)
"""The tests that read the bundled data (the whole suite runs with ``-m slow``)."""


def _steps(repo_root: Path) -> list[str]:
    guide = (repo_root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = guide.split("## Worked example", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```sh\n(.*?)^```", example, flags=re.M | re.S)


def _follow_the_guide(repo_root: Path, tmp_path: Path) -> Checkout:
    steps = _steps(repo_root)
    assert len(steps) == 7
    checkout = copy_checkout(repo_root, tmp_path)
    checkout.env |= {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    for number, step in enumerate(steps, start=1):
        result = checkout.run(step)
        assert result.returncode == 0, f"step {number}:\n{step}\n{result.stdout}{result.stderr}"
    return checkout


def test_worked_example_adds_an_article_and_ci_passes(repo_root: Path, tmp_path: Path) -> None:
    count = {
        kind: record_count(repo_root, f"{kind}.jsonl")
        for kind in ("predicates", "sources", "entities", "events", "claims", "exclusions")
    }
    numbers = [int(p.name[:3]) for p in (repo_root / "dataset" / "sources").glob("[0-9]*.txt")]
    checkout = _follow_the_guide(repo_root, tmp_path)
    text = (repo_root / EXAMPLE).read_bytes()
    name = f"{max(numbers) + 1:03d}_{hashlib.sha256(text).hexdigest()[:16]}.txt"
    assert (checkout.root / "dataset" / "sources" / name).read_bytes() == text
    validate = checkout.run("kursk-pows validate")
    assert validate.returncode == 0, validate.stdout
    # the example adds two predicates, a source, two entities, two claims and an exclusion
    assert validate.stdout.splitlines()[-1] == (
        f"dataset (version {next_minor(repo_root)[1]}): valid: 0 error(s), 0 warning(s); records: "
        f"{count['predicates'] + 2} predicates, {count['sources'] + 1} sources, "
        f"{count['entities'] + 2} entities, {count['events']} events, "
        f"{count['claims'] + 2} claims, {count['exclusions'] + 1} exclusions"
    )
    claims = {
        json.loads(line)["id"]: json.loads(line)
        for line in (checkout.root / "dataset/claims.jsonl").read_text("utf-8").splitlines()
    }
    assert claims["claim:example-guide.step-count"]["evidence"] == [
        {
            "source": "source:example-wire-guide",
            "quote": "The example guide lists 3 steps.",
            "start": 13,
            "end": 45,
        }
    ]
    assert claims["claim:example-guide.written-year"]["evidence"][0]["start"] == 46
    snapshot = json.loads((checkout.root / "tests/bundled_snapshot.json").read_text("utf-8"))
    assert snapshot["sentences"]["source:example-wire-guide"] == 3
    assert snapshot["records"]["sources"] == count["sources"] + 1
    ci = checkout.run(".ci/data")  # committed by the last step, so the bump is checked too
    assert ci.returncode == 0, ci.stdout + ci.stderr
    assert f"version {next_minor(repo_root)[0]} -> {next_minor(repo_root)[1]} (minor)" in ci.stdout
    tests = checkout.run(f"{PYTEST} {' '.join(BUNDLED_DATA_TESTS)}")
    assert tests.returncode == 0, tests.stdout[-3000:]


@pytest.mark.slow
def test_the_whole_suite_passes_with_the_example_article(repo_root: Path, tmp_path: Path) -> None:
    checkout = _follow_the_guide(repo_root, tmp_path)
    # the example is already in this copy: its own test would add it a second time
    tests = checkout.run(
        "python -m pytest -q -p no:cacheprovider --ignore=tests/test_contributing.py"
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
