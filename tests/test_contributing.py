"""CONTRIBUTING.md's worked example works when followed literally, in a copy of this checkout."""

from __future__ import annotations

import re
from pathlib import Path

from checkouts import copy_checkout, next_minor, record_count


def test_worked_example_runs_as_written(repo_root: Path, tmp_path: Path) -> None:
    guide = (repo_root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = guide.split("## Worked example", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^```sh\n(.*?)^```", example, flags=re.M | re.S)
    assert len(steps) == 7
    checkout = copy_checkout(repo_root, tmp_path)
    for number, step in enumerate(steps, start=1):
        result = checkout.run(step)
        assert result.returncode == 0, f"step {number}:\n{step}\n{result.stdout}{result.stderr}"
    validate = checkout.run("kursk-pows validate")
    assert validate.returncode == 0, validate.stdout
    count = {
        f: record_count(repo_root, f"{f}.jsonl") for f in ("predicates", "sources", "entities")
    }
    count |= {f: record_count(repo_root, f"{f}.jsonl") for f in ("events", "claims", "exclusions")}
    # the worked example adds a predicate, a source, an entity, a claim and two exclusions
    assert validate.stdout.splitlines()[-1].startswith(
        f"dataset (version {next_minor(repo_root)[1]}): valid: 0 error(s), 0 warning(s); records: "
        f"{count['predicates'] + 1} predicates, {count['sources'] + 1} sources, "
        f"{count['entities'] + 1} entities, {count['events']} events, "
        f"{count['claims'] + 1} claims, {count['exclusions'] + 2} exclusions"
    )
    assert "claim:example-guide.step-count" in (checkout.root / "dataset/claims.jsonl").read_text()
