"""The loader's quick path (pydantic's own parser for canonical lines) must refuse exactly what
the strict reader refuses: numbers beyond 2**53 in a line that is otherwise canonical."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from factory import SOURCE_ID, DatasetSpec, evidence
from kursk_pows.models import Claim
from kursk_pows.reading.stream import numbers_exact

BIG = 2**53 + 1


def _number_range_lines(root: Path, value: dict[str, Any], quoted: dict[str, Any]) -> list[int]:
    """Write the test dataset plus one claim, dumped as the canonical form would write it
    (numbers included); return the lines of claims.jsonl reported as ``json-number-range``,
    and the claim's own line last."""
    DatasetSpec(manifest=False).write(root)
    subject, predicate = (
        ("country:russia", "deployed-count")
        if value["type"] == "quantity"
        else ("person:soldier-a", "military-role")
    )
    record = {
        "id": "claim:z.big",
        "proposition": "proposition:z.big",
        "subject": subject,
        "predicate": f"predicate:{predicate}",
        "value": value,
        "claimed_by": SOURCE_ID,
        "evidence": [quoted],
    }
    path = root / "claims.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = kursk_pows.validate(root)
    found = [
        i.line for i in report.issues if (i.file, i.code) == ("claims.jsonl", "json-number-range")
    ]
    return [*found, len(lines)]


@pytest.mark.parametrize("field", ["start", "end"])
def test_big_offsets_are_refused_as_by_the_strict_reader(tmp_path: Path, field: str) -> None:
    quoted = {**evidence("He is 25 years old."), field: BIG}
    *found, line = _number_range_lines(tmp_path, {"type": "text", "text": "sniper"}, quoted)
    assert found == [line]


@pytest.mark.parametrize("field", ["nominal", "low", "high"])
def test_big_quantities_are_refused_as_by_the_strict_reader(tmp_path: Path, field: str) -> None:
    value = {"type": "quantity", "qualifier": "exact", field: -BIG if field == "low" else BIG}
    *found, line = _number_range_lines(tmp_path, value, evidence("He is 25 years old."))
    assert found == [line]


def test_numbers_exact_accepts_the_limit_and_refuses_beyond() -> None:
    def with_nominal(n: int) -> Claim:
        return Claim.model_validate(
            {
                "id": "claim:x",
                "proposition": "proposition:x",
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
