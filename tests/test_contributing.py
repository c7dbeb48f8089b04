"""CONTRIBUTING.md's worked example works when followed literally, in a copy of this checkout."""

from __future__ import annotations

import re
from pathlib import Path

from checkouts import copy_checkout


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
    assert validate.stdout.splitlines()[-1].startswith(
        "dataset (version 0.3.0): valid: 0 error(s), 0 warning(s); records: 69 predicates, "
        "6 sources, 59 entities, 41 events, 196 claims, 22 exclusions"
    )
    assert "claim:example-guide.step-count" in (checkout.root / "dataset/claims.jsonl").read_text()
