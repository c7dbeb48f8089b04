"""fmt: canonical files, lossless, atomic, and refusing what it cannot read."""

from __future__ import annotations

import json
import random
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.models import Evidence
from kursk_pows.records.canonical import canonical_data
from kursk_pows.records.kinds import KINDS
from kursk_pows.releases.fmt import format_dataset
from kursk_pows.releases.manifest import write_manifest


def _scramble(root: Path, seed: int) -> None:
    """Rewrite every record file non-canonically: shuffled lines and keys, other spacing,
    ASCII escapes, defaults spelled out."""
    rng = random.Random(seed)
    for kind in KINDS:
        path = root / kind.file
        records = [
            kind.model.model_validate(json.loads(line)).model_dump(mode="json")
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        rng.shuffle(records)
        lines = []
        for record in records:
            keys = list(record)
            rng.shuffle(keys)
            lines.append(
                json.dumps(
                    {k: record[k] for k in keys},
                    ensure_ascii=rng.random() < 0.5,
                    separators=(",", ":") if rng.random() < 0.5 else None,
                )
            )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _records(root: Path) -> dict[str, object]:
    ds = kursk_pows.load(root, include_retracted=True)
    return {
        "claims": dict(ds.claims),
        "events": dict(ds.events),
        "entities": dict(ds.entities),
        "sources": dict(ds.sources),
        "predicates": dict(ds.predicates),
    }


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32))
def test_fmt_is_lossless_and_idempotent(seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = DatasetSpec().write(Path(tmp) / "ds")
        before = _records(root)
        canonical = {k.file: (root / k.file).read_bytes() for k in KINDS}
        _scramble(root, seed)
        assert format_dataset(root, check=True).changed  # it sees the difference
        format_dataset(root)
        assert _records(root) == before
        assert {k.file: (root / k.file).read_bytes() for k in KINDS} == canonical
        assert format_dataset(root).changed == []


def test_fmt_fills_unique_offsets_only(spec: DatasetSpec, tmp_path: Path) -> None:
    for record_id in ("claim:a.role", "event:transfer"):  # unique quote; quote printed twice
        evidence = spec.one(record_id)["evidence"][0]
        del evidence["start"], evidence["end"]
    root = spec.write(tmp_path / "ds")
    format_dataset(root)
    claims = {
        json.loads(line)["id"]: json.loads(line)
        for line in (root / "claims.jsonl").read_text().splitlines()
    }
    events = {
        json.loads(line)["id"]: json.loads(line)
        for line in (root / "events.jsonl").read_text().splitlines()
    }
    assert claims["claim:a.role"]["evidence"][0] == {
        "source": "source:test-article",
        "quote": "as a sniper",
        "start": 94,
        "end": 105,
    }
    assert "start" not in events["event:transfer"]["evidence"][0]  # which of the two? unknown


def test_fmt_normalises_text_to_nfc_but_never_quotes(spec: DatasetSpec, tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Zelenskyy\u2019s caf\u00e9")
    spec.one("place:kyiv")["name"] = decomposed
    root = spec.write(tmp_path / "ds")
    format_dataset(root)
    assert kursk_pows.load(root).entities["place:kyiv"].name == unicodedata.normalize(
        "NFC", decomposed
    )
    evidence = Evidence(source="source:x", quote=decomposed)
    assert canonical_data(evidence)["quote"] == decomposed  # a quote must match its text as is


def test_fmt_leaves_a_broken_file_alone(spec: DatasetSpec, tmp_path: Path, capsys: object) -> None:
    root = spec.write(tmp_path / "ds")
    claims = root / "claims.jsonl"
    broken = claims.read_text() + '{"id": "claim:x", oops}\n'
    claims.write_text(broken)
    assert main(["fmt", str(root)]) == 1
    assert claims.read_text() == broken
    assert main(["fmt", str(root), "--check"]) == 1


def test_fmt_check_exit_codes(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")
    assert main(["fmt", str(root), "--check"]) == 0
    _scramble(root, 1)
    assert main(["fmt", str(root), "--check"]) == 1
    assert main(["fmt", str(root)]) == 0
    assert main(["fmt", str(root), "--check"]) == 0


def test_shipped_dataset_is_canonical(repo_root: Path) -> None:
    assert format_dataset(repo_root / "dataset", check=True).changed == []
    assert format_dataset(repo_root / "docs" / "example-dataset", check=True).changed == []


def test_fmt_check_lists_the_errors_of_an_invalid_record(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = spec.write(tmp_path / "ds")
    claims = root / "claims.jsonl"
    claims.write_text(claims.read_text() + '{"id": "claim:x", "subject": 7}\n{"id": oops}\n')
    assert main(["fmt", str(root), "--check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{claims}: not formatted, fix its errors first:",
        "    line 6: not valid JSON: Expecting value at column 8",
        "    line 5: required field /proposition is missing",
        "    line 5: /subject: Input should be a valid string (got 7)",
        "    line 5: required field /predicate is missing",
        "    line 5: required field /value is missing",
        "    line 5: required field /claimed_by is missing",
        "    line 5: required field /evidence is missing",
    ]


def test_fmt_never_says_canonical_while_offsets_are_missing(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evidence = spec.one("claim:a.role")["evidence"][0]
    evidence.pop("start")
    evidence.pop("end")
    evidence["quote"] = "not in the text"
    root = spec.write(tmp_path / "ds")
    for args in (["fmt", str(root)], ["fmt", str(root), "--check"]):
        assert main(args) == 1
        captured = capsys.readouterr()
        assert "canonical" not in captured.out
        assert captured.err.splitlines() == [
            f"{root / 'claims.jsonl'}: offsets not filled in (make the quote occur exactly "
            "once, or give start and end):",
            "    claim:a.role /evidence/0: the quote occurs 0 times in source:test-article",
        ]


def test_a_missing_final_line_feed_is_flagged_by_validate_and_fmt_check(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = spec.write(tmp_path / "ds")
    claims = root / "claims.jsonl"
    claims.write_text(claims.read_text().removesuffix("\n"))
    write_manifest(root, "1.0.0")
    report = kursk_pows.validate(root)
    assert report.flatten("code", "line", "message") == [
        ("line-not-canonical", 4, "the file does not end with a line feed")
    ]
    assert main(["fmt", str(root), "--check"]) == 1
    assert capsys.readouterr().out == f"would reformat {claims}\n"
    assert main(["fmt", str(root)]) == 0
    write_manifest(root, "1.0.0")
    assert kursk_pows.validate(root).issues == ()


@pytest.mark.parametrize("kept", ["start", "end"])
def test_fmt_leaves_an_evidence_item_with_one_offset_alone(
    spec: DatasetSpec, tmp_path: Path, kept: str
) -> None:
    """An item that gives one offset is the contributor's to finish: fmt fills in neither."""
    evidence = spec.one("claim:a.role")["evidence"][0]
    evidence[kept] = 3
    del evidence["end" if kept == "start" else "start"]
    root = spec.write(tmp_path / "ds")
    format_dataset(root)
    claims = [json.loads(line) for line in (root / "claims.jsonl").read_text().splitlines()]
    (claim,) = [c for c in claims if c["id"] == "claim:a.role"]
    assert claim["evidence"][0] == {
        "source": "source:test-article",
        "quote": "as a sniper",
        kept: 3,
    }


def test_fmt_leaves_a_linked_record_file_alone_and_a_missing_one_unreported(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")
    lines = (root / "claims.jsonl").read_text().splitlines()
    scrambled = "".join(json.dumps(dict(reversed(json.loads(x).items()))) + "\n" for x in lines)
    target = tmp_path / "elsewhere.jsonl"
    target.write_text(scrambled)
    (root / "claims.jsonl").unlink()
    (root / "claims.jsonl").symlink_to(target)
    (root / "exclusions.jsonl").unlink(missing_ok=True)
    result = format_dataset(root)
    assert (root / "claims.jsonl").is_symlink()
    assert target.read_text() == scrambled
    assert "claims.jsonl" not in result.changed
    assert not result.refused  # the link is validate's to report, and the missing file too
