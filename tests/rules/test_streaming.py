"""Rules see records as they stream past, so a reference may point back (checked at once) or
forward (kept and checked at the end).  The order of records must not change what is found,
apart from the warnings about order itself."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec, claim, day
from kursk_pows.issues import Report
from kursk_pows.reading.locations import bundled
from kursk_pows.records.kinds import KINDS
from kursk_pows.reports.examples import EXAMPLES, example_copy
from kursk_pows.rules import CODES

ABOUT_ORDER = {"records-unsorted", "manifest-mismatch"}
"""Codes that report the order of lines, or the changed bytes of reordered files."""
BOM = b"\xef\xbb\xbf"
PAIRED = {"single-value-conflict"}
"""Codes reported on the later record of a pair: which one that is depends on the order."""


def _found(report: Report) -> Counter[tuple[str, str | None, str | None]]:
    return Counter(
        (i.code, None if i.code in PAIRED else i.record, i.pointer)
        for i in report.issues
        if i.code not in ABOUT_ORDER
    )


def _reorder(root: Path, order: dict[str, list[int]] | None = None) -> None:
    """Rewrite each record file with its lines reversed, or in the given order of indexes."""
    for kind in KINDS:
        path = root / kind.file
        if not path.is_file():
            continue
        data = path.read_bytes()
        bom = BOM if data.startswith(BOM) else b""  # a byte-order mark stays at the start
        lines = data.removeprefix(bom).splitlines(keepends=True)
        if lines and not lines[-1].endswith(b"\n"):
            lines[-1] += b"\n"
        indexes = (order or {}).get(kind.file, list(reversed(range(len(lines)))))
        path.write_bytes(bom + b"".join(lines[i] for i in indexes))


@pytest.mark.parametrize("code", sorted(CODES))
def test_reversed_files_report_the_same_issues(code: str, repo_root: Path, tmp_path: Path) -> None:
    root = example_copy(repo_root / "docs" / "example-dataset", tmp_path / "ds")
    config = EXAMPLES[code].apply(root)
    before = _found(kursk_pows.validate(root, config))
    _reorder(root)
    assert _found(kursk_pows.validate(root, config)) == before


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False))
def test_bundled_dataset_in_any_order_is_valid(
    tmp_path_factory: pytest.TempPathFactory, rnd: object
) -> None:
    import random

    assert isinstance(rnd, random.Random)
    root = tmp_path_factory.mktemp("ds") / "dataset"
    shutil.copytree(bundled("dataset"), root)
    order = {}
    for kind in KINDS:
        count = len((root / kind.file).read_bytes().splitlines())
        indexes = list(range(count))
        rnd.shuffle(indexes)
        order[kind.file] = indexes
    _reorder(root, order)
    report = kursk_pows.validate(root)
    assert {i.code for i in report.issues} <= ABOUT_ORDER
    assert report.stats == kursk_pows.validate(bundled("dataset")).stats


def test_forward_references_are_checked_at_the_end(tmp_path: Path) -> None:
    """Each reference below names a record that is read later (later in the file, or in a
    later file), so it is kept and checked once every record has been read."""
    spec = DatasetSpec()
    role = {"type": "text", "text": "sniper"}
    spec.records["claim"] += [
        claim("claim:a.aa", "claim:a.role", "military-role", role, "as a sniper"),
        claim(
            "claim:a.ab",
            "person:soldier-a",
            "age",
            {"type": "age", "years": 25, "at": day("2025-01-10")},
            "He is 25 years old.",
            links=[
                {"type": "refines", "claim": "claim:z.withdrawn"},
                {"type": "refines", "claim": "exclusion:test-repeat"},
            ],
            proposition="proposition:a.age",  # what claim:a.age states, by another claimant
            claimed_by="person:soldier-b",
        ),
        claim(
            "claim:z.withdrawn",
            "person:soldier-a",
            "age",
            {"type": "age", "years": 25, "at": day("2025-01-10")},
            "He is 25 years old.",
            status="retracted",
            retraction={"reason": "test", "superseded_by": "exclusion:test-repeat"},
        ),
    ]
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "record", "pointer") == [
        ("ref-wrong-type", "claim:a.aa", "/subject"),
        ("subject-type-mismatch", "claim:a.aa", "/subject"),
        ("ref-retracted", "claim:a.ab", "/links/0/claim"),
        ("ref-wrong-type", "claim:a.ab", "/links/1/claim"),
        ("superseded-by-invalid", "claim:z.withdrawn", "/retraction/superseded_by"),
    ]
