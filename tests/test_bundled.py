"""The shipped dataset: valid, documented by a working README example, and guarded by the
validator against the breaks a contributor could make."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import bundled_snapshot
import pytest

import kursk_pows
from kursk_pows.cli import main
from kursk_pows.reading.locations import bundled

Record = dict[str, object]


def test_readme_example_runs(repo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Using the data\n", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"^```python\n(.*?)\n```", section, flags=re.M | re.S)
    tree = ast.parse(example)
    claims = [
        node
        for node in tree.body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Compare)
    ]
    assert claims, "the example states something checkable (a comparison)"
    for node in claims:  # a comparison the example states must hold: it becomes an assert
        tree.body[tree.body.index(node)] = ast.copy_location(ast.Assert(node.value), node)
    exec(compile(ast.fix_missing_locations(tree), "README.md", "exec"), {})
    assert "birth-year" in capsys.readouterr().out


def test_bundled_dataset_is_clean() -> None:
    report = kursk_pows.validate()
    assert report.issues == ()
    # every record read is counted: the lines of each file, as the snapshot counts them
    assert report.stats == bundled_snapshot.expected()["records"], (
        f"the dataset's records differ from {bundled_snapshot.SNAPSHOT.name}: after changing "
        f"the data, run {bundled_snapshot.REGENERATE} and review the diff"
    )


def test_the_two_prisoners_are_told_apart() -> None:
    ds = kursk_pows.load()
    years = {
        person: [
            c.value.year for c in ds.claims_about(person) if c.predicate.endswith("birth-year")
        ]
        for person in ("person:pow-born-1999", "person:pow-born-2005")
    }
    # the prisoner's own account (001, 003, 004) and 000's own voice; for the man born in 2005
    # also the SBU's statement as 003 gives it
    assert years == {
        "person:pow-born-1999": [1999, 1999],
        "person:pow-born-2005": [2005, 2005, 2005],
    }


def _edit(root: Path, file: str, record_id: str, change: Callable[[Record], None]) -> int:
    """Apply ``change`` to one record of a copied dataset; return its line number."""
    path = root / file
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
        if record["id"] == record_id:
            change(record)
            lines[number - 1] = json.dumps(record, ensure_ascii=False)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return number
    raise KeyError(record_id)


BIRTH = "claim:pow-born-2005.birth-year"


def _break_quote(r: Record) -> None:
    r["evidence"][0]["quote"] = "born in 2006"  # type: ignore[index]


def _break_reference(r: Record) -> None:
    r["subject"] = "person:pow-born-2006"


def _break_birth_year(r: Record) -> None:
    r["value"] = {"type": "year", "year": 2022}  # after his stated service start, 2021


def _break_capture_date(r: Record) -> None:
    r["date"] = {"earliest": "2025-01-19", "latest": "2025-01-19", "precision": "day"}


def _open_interrogation_end(r: Record) -> None:
    del r["date"]["latest"]


@pytest.mark.parametrize(
    ("file", "record", "change", "expected"),
    [
        ("claims.jsonl", BIRTH, _break_quote, {("quote-not-found", BIRTH)}),
        (
            "claims.jsonl",
            BIRTH,
            _break_reference,
            {("ref-missing", BIRTH), ("proposition-disagrees", BIRTH)},  # its subject differs
        ),
        (
            "claims.jsonl",
            BIRTH,
            _break_birth_year,
            {  # 2022 is after every report of his service start, and 000 and the SBU say 2005
                ("service-before-birth", "claim:pow-born-2005.service-start-year"),
                ("service-before-birth", "claim:pow-born-2005.service-start-year-reuters-pap"),
                ("service-before-birth", "claim:pow-born-2005.service-start-year-sbu"),
                ("single-value-conflict", "claim:pow-born-2005.birth-year-reuters-pap"),
                ("single-value-conflict", "claim:pow-born-2005.birth-year-sbu"),
                ("proposition-disagrees", BIRTH),  # the other reports of it say 2005
            },
        ),
        (
            "events.jsonl",
            "event:capture",
            _break_capture_date,
            {
                ("event-after-publication", "event:capture"),  # 002 is dated January 12
                ("event-order-violated", "event:interrogation"),  # all dated before January 19
                ("event-order-violated", "event:nis-confirmation"),
                ("event-order-violated", "event:sbu-video-release"),
            },
        ),
        (
            "events.jsonl",
            "event:interrogation",
            _open_interrogation_end,  # under way by the AFP report, dated 12 January 2025
            {("date-bound-from-publication", "event:interrogation")},
        ),
    ],
    ids=["quote", "reference", "birth-year", "capture-date", "interrogation-end"],
)
def test_breaking_the_bundled_data_is_caught(
    tmp_path: Path,
    file: str,
    record: str,
    change: Callable[[Record], None],
    expected: set[tuple[str, str]],
) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(bundled("dataset"), root)
    _edit(root, file, record, change)
    report = kursk_pows.validate(root)
    # every edit also leaves the manifest behind: the data changed without a new release
    assert set(report.flatten("code", "record")) == expected | {("manifest-mismatch", None)}
    assert main(["validate", str(root)]) == 1


def test_breaking_a_checksum_is_caught(tmp_path: Path) -> None:
    root = tmp_path / "dataset"
    shutil.copytree(bundled("dataset"), root)
    text = next((root / "sources").glob("002_*.txt"))
    text.write_bytes(text.read_bytes().replace(b"January 9", b"January 8"))
    report = kursk_pows.validate(root)
    assert ("source-checksum-mismatch", "source:seoul-confirms-ukraine-captured-2") in set(
        report.flatten("code", "record")
    )
    assert main(["validate", str(root)]) == 1


def test_the_articles_giving_the_capture_date_can_be_listed() -> None:
    capture = kursk_pows.load().events["event:capture"]
    stated = {(e.source, e.date_words) for e in capture.evidence if e.date_words}
    assert stated == {
        ("source:seoul-confirms-ukraine-captured-2", "on January 9"),
        ("source:ukraine-announces-capture-of-two", "captured on January 9"),
    }
    assert (capture.date.earliest, capture.date.latest) == (
        dt.date(2025, 1, 9),
        dt.date(2025, 1, 9),
    )
