"""Every attack shape, run as CI runs the validator: in a separate process under a memory limit
(``resource.setrlimit``) and a time budget, ending with exit status 1, the expected issue at
its place, and no traceback."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from factory import TEXT, DatasetSpec, claim, evidence

MEMORY_LIMIT = 1 << 30
"""Address space allowed to the validator: 1 GiB."""
TIME_BUDGET = 120
"""Seconds before the run counts as hung (the slowest shape takes a few seconds)."""


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _validate(root: Path) -> tuple[int, list[dict[str, object]], str]:
    done = subprocess.run(
        [sys.executable, "-m", "kursk_pows", "validate", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=TIME_BUDGET,
        preexec_fn=_limited,
        check=False,
    )
    issues = json.loads(done.stdout)["issues"] if done.stdout else []
    return done.returncode, issues, done.stderr


def _source_text(spec: DatasetSpec, text: str) -> None:
    data = text.encode("utf-8")
    spec.texts["sources/test.txt"] = data
    spec.one("source:test-article")["sha256"] = hashlib.sha256(data).hexdigest()


def _escaped_quotes_line(spec: DatasetSpec, root: Path) -> None:
    spec.write(root)
    with (root / "claims.jsonl").open("a", encoding="utf-8") as stream:
        stream.write("[" * 33 + '"' + '\\"' * 32000 + "\n")


def _dots_in_the_text(spec: DatasetSpec, root: Path) -> None:
    _source_text(spec, TEXT + " " + "." * 40000 + "\n")
    spec.write(root)


def _hint_searches(spec: DatasetSpec, root: Path) -> None:
    text = TEXT + " " + "ab " * 16000
    _source_text(spec, text)
    for n in range(4):
        record = claim(f"claim:a.note-{n}", "person:a", "role", {"type": "text", "text": "x"}, "He")
        record["evidence"] = [evidence("He", text) | {"quote": ("ab " * 133)[: 399 - n] + "Z"}]
        record["evidence"][0].pop("start")
        record["evidence"][0].pop("end")
        spec.records["claim"].append(record)
    spec.write(root)


def _fifo_manifest(spec: DatasetSpec, root: Path) -> None:
    spec.write(root)
    (root / "manifest.json").unlink()
    os.mkfifo(root / "manifest.json")


def _endless_manifest(spec: DatasetSpec, root: Path) -> None:
    spec.write(root)
    (root / "manifest.json").unlink()
    (root / "manifest.json").symlink_to("/dev/zero")


def _huge_source_text(spec: DatasetSpec, root: Path) -> None:
    spec.write(root)
    with (root / "sources" / "test.txt").open("r+b") as stream:
        stream.truncate(5 << 30)


def _bad_lines(count: int) -> Callable[[DatasetSpec, Path], None]:
    def make(spec: DatasetSpec, root: Path) -> None:
        spec.write(root)
        with (root / "claims.jsonl").open("ab") as stream:
            stream.write(b'{"id": "claim:zz00000001"}\n' * count)

    return make


SHAPES: dict[str, tuple[Callable[[DatasetSpec, Path], None], str, str]] = {
    "64 KB line of escaped quotes after 33 brackets": (
        _escaped_quotes_line,
        "json-too-deep",
        "claims.jsonl",
    ),
    "40,000 dots in a source text": (_dots_in_the_text, "sentence-uncovered", "sources.jsonl"),
    "four quotes not found in a 48,000-character text": (
        _hint_searches,
        "quote-not-found",
        "claims.jsonl",
    ),
    "manifest.json is a FIFO": (_fifo_manifest, "manifest-missing", "manifest.json"),
    "manifest.json links to /dev/zero": (_endless_manifest, "manifest-missing", "manifest.json"),
    "a 5 GiB source text": (_huge_source_text, "source-text-invalid", "sources.jsonl"),
    "100,000 bad lines": (_bad_lines(100_000), "field-missing", "claims.jsonl"),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_an_attack_ends_as_issues_within_limits(
    name: str, spec: DatasetSpec, tmp_path: Path
) -> None:
    make, code, file = SHAPES[name]
    make(spec, tmp_path / "ds")
    status, issues, stderr = _validate(tmp_path / "ds")
    assert "Traceback" not in stderr
    assert status == 1, stderr
    assert (code, file) in {(i["code"], i["file"]) for i in issues}


@pytest.mark.slow
def test_two_million_bad_lines_stay_within_the_memory_limit(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    _bad_lines(2_000_000)(spec, tmp_path / "ds")
    status, issues, stderr = _validate(tmp_path / "ds")
    assert (status, "Traceback" in stderr) == (1, False)
    assert len(issues) <= 10_000
