"""Each example fixed in the bundled data, put back into a copy, is caught by its rule.

These tests are about the bundled data's content: each names the records of one fix.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from kursk_pows.reading.locations import bundled

EDITED = {"manifest-mismatch", "line-not-canonical", "records-unsorted"}
"""What any hand edit of a copy causes: not what these tests are about."""

Edit = Callable[[dict[str, Any]], dict[str, Any] | None]


def _edit(root: Path, file: str, record_id: str, edit: Edit) -> None:
    """Apply ``edit`` to one record of a copy; an edit returning ``None`` deletes it."""
    path = root / file
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == record_id:
            record = edit(record)
            if record is None:
                continue
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _unretract(record: dict[str, Any]) -> dict[str, Any]:
    record.pop("status")
    record.pop("retraction")
    return record


def _into(proposition: str, text: str) -> Edit:
    """Make a retracted claim active again, in ``proposition``, stating ``text``."""

    def edit(record: dict[str, Any]) -> dict[str, Any]:
        record = _unretract(record)
        record["proposition"] = proposition
        record["value"]["text"] = text
        return record

    return edit


def _without_via(number: int) -> Edit:
    def edit(record: dict[str, Any]) -> dict[str, Any]:
        del record["evidence"][number]["via"]
        return record

    return edit


def _value_text(text: str) -> Edit:
    def edit(record: dict[str, Any]) -> dict[str, Any]:
        record["value"]["text"] = text
        return record

    return edit


def _hedge(hedge: str) -> Edit:
    def edit(record: dict[str, Any]) -> dict[str, Any]:
        record["evidence"][0]["hedge"] = hedge
        return record

    return edit


PUT_BACK: dict[str, tuple[str, str, Edit, list[tuple[str, str]]]] = {
    "one denial filed twice: Putin's beside the Kremlin officials' including him": (
        "claims.jsonl",
        "claim:north-korean-forces-in-russia.combat-involvement-putin-denial",
        _unretract,
        [
            (
                "proposition-duplicated",
                "claim:north-korean-forces-in-russia.combat-involvement-putin-denial",
            )
        ],
    ),
    "class 1: one man's training account in two claims of one proposition": (
        "claims.jsonl",
        "claim:pow-born-2005.believed-sent-for-training-not-to-fight",
        _into(
            "proposition:pow-born-2005.said-sent-for-training",
            "he was sent to Russia for training, not to fight",
        ),
        [
            (
                "proposition-same-claimant",
                "claim:pow-born-2005.said-sent-for-training",
            )
        ],
    ),
    "class 2: Zelensky's thanks to the captors only as event evidence": (
        "claims.jsonl",
        "claim:volodymyr-zelensky.statement-grateful-to-captors",
        lambda record: None,
        [("statement-not-claimed", "event:capture")],
    ),
    "class 3: the interpreters' claim blending in the NIS's cooperation": (
        "claims.jsonl",
        "claim:captured-soldiers.communication-korean-interpreters-ukraine-announces",
        _value_text(
            "through Korean interpreters provided with the cooperation of South Korea's "
            "National Intelligence Service"
        ),
        [
            (
                "proposition-disagrees",
                "claim:captured-soldiers.communication-korean-interpreters-ukraine-announces",
            )
        ],
    ),
    "class 7: 'appeared' recorded as the hedge of a claim that says how they appeared": (
        "claims.jsonl",
        "claim:captured-soldiers.condition-good-appearance",
        _hedge("appeared"),
        [("hedge-in-value", "claim:captured-soldiers.condition-good-appearance")],
    ),
    "class 6: Zelensky's words as event evidence with no via": (
        "events.jsonl",
        "event:capture",
        _without_via(2),
        [("event-speaker-not-recorded", "event:capture")],
    ),
}


@pytest.mark.parametrize(
    ("file", "record_id", "edit", "expected"), PUT_BACK.values(), ids=list(PUT_BACK)
)
def test_each_fixed_example_put_back_is_caught(
    tmp_path: Path, file: str, record_id: str, edit: Edit, expected: list[tuple[str, str]]
) -> None:
    root = tmp_path / "ds"
    shutil.copytree(bundled("dataset"), root)
    _edit(root, file, record_id, edit)
    report = kursk_pows.validate(root)
    assert [(i.code, i.record) for i in report.issues if i.code not in EDITED] == expected
