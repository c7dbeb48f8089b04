"""The loader's quick path (pydantic's own parser for canonical lines) must refuse exactly what
the strict reader refuses: numbers beyond 2**53 in a line that is otherwise canonical."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from factory import DatasetSpec, claim, evidence
from kursk_pows.loading import numbers_exact
from kursk_pows.models import Claim

BIG = 2**53 + 1


def _canonical_claim_line(spec: DatasetSpec, root: Path, record: dict[str, Any]) -> int:
    """Append a claim to claims.jsonl as the canonical dump would write it, numbers included;
    return its line number."""
    spec.write(root)
    path = root / "claims.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


@pytest.mark.parametrize(
    ("field", "value"),
    [("start", BIG), ("end", BIG)],
)
def test_big_offsets_are_refused_as_by_the_strict_reader(
    tmp_path: Path, field: str, value: int
) -> None:
    spec = DatasetSpec(manifest=False)
    record = claim("claim:z.big", "person:soldier-a", "age", {}, "He is 25 years old.")
    record = {
        "id": "claim:z.big",
        "subject": "person:soldier-a",
        "predicate": "predicate:military-role",
        "value": {"type": "text", "text": "sniper"},
        "claimed_by": record["claimed_by"],
        "evidence": [{**evidence("He is 25 years old."), field: value}],
    }
    line = _canonical_claim_line(spec, tmp_path, record)
    report = kursk_pows.validate(tmp_path)
    found = [(i.code, i.line) for i in report.issues if i.file == "claims.jsonl"]
    assert ("json-number-range", line) in found


@pytest.mark.parametrize("field", ["nominal", "low", "high"])
def test_big_quantities_are_refused_as_by_the_strict_reader(tmp_path: Path, field: str) -> None:
    spec = DatasetSpec(manifest=False)
    base = claim("claim:z.count", "country:russia", "deployed-count", {}, "He is 25 years old.")
    record = {
        "id": "claim:z.count",
        "subject": "country:russia",
        "predicate": "predicate:deployed-count",
        "value": {"type": "quantity", "qualifier": "exact", field: -BIG if field == "low" else BIG},
        "claimed_by": base["claimed_by"],
        "evidence": [evidence("He is 25 years old.")],
    }
    line = _canonical_claim_line(spec, tmp_path, record)
    report = kursk_pows.validate(tmp_path)
    assert ("json-number-range", line) in [
        (i.code, i.line) for i in report.issues if i.file == "claims.jsonl"
    ]


def test_numbers_exact_accepts_the_limit_and_refuses_beyond() -> None:
    def with_nominal(n: int) -> Claim:
        return Claim.model_validate(
            {
                "id": "claim:x",
                "subject": "country:x",
                "predicate": "predicate:p",
                "value": {"type": "quantity", "qualifier": "exact", "nominal": n},
                "claimed_by": "source:s",
                "evidence": [{"source": "source:s", "quote": "q", "start": 2**53, "end": 2**53}],
            }
        )

    assert numbers_exact(with_nominal(2**53))
    assert not numbers_exact(with_nominal(2**53 + 1))


def _unbounded_numbers(schema: Any, path: str, found: set[str]) -> None:
    if isinstance(schema, dict):
        if schema.get("type") in ("integer", "number") and "maximum" not in schema:
            found.add(path)
        for key, sub in schema.items():
            _unbounded_numbers(sub, f"{path}/{key}" if key != "anyOf" else path, found)
    elif isinstance(schema, list):
        for sub in schema:
            _unbounded_numbers(sub, path, found)


def test_numbers_exact_knows_every_unbounded_number_of_the_schemas() -> None:
    """If a model gains another unbounded number, numbers_exact must learn to check it."""
    found: set[str] = set()
    _unbounded_numbers(Claim.model_json_schema(), "", found)
    fields = {path.rsplit("/", 1)[-1] for path in found}
    assert fields == {"start", "end", "nominal", "low", "high"}
