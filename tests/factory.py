"""A small, valid dataset built in code, for tests to break one rule at a time."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kursk_pows.records.canonical import dump_record
from kursk_pows.records.kinds import KINDS
from kursk_pows.releases.manifest import write_manifest

TEXT = (
    "Two soldiers were captured on January 9. "
    "The first was born in 1999 and has served since 2016 as a sniper. "
    "He is 25 years old. "
    "They were moved to Kyiv. They were moved to Kyiv."
)
SOURCE_ID = "source:test-article"
Record = dict[str, Any]


def evidence(quote: str, text: str = TEXT, source: str = SOURCE_ID, **extra: Any) -> Record:
    """An evidence item anchored at the first occurrence of ``quote``."""
    start = text.index(quote)
    return {"source": source, "quote": quote, "start": start, "end": start + len(quote), **extra}


def predicate(name: str, value_type: str, subjects: list[str], single: bool) -> Record:
    return {
        "id": f"predicate:{name}",
        "label": name.replace("-", " "),
        "description": f"The {name.replace('-', ' ')}.",
        "value_type": value_type,
        "subject_types": subjects,
        "single_valued": single,
    }


def day(iso: str) -> Record:
    return {"earliest": iso, "latest": iso, "precision": "day", "basis": None}


def claim(cid: str, subject: str, pred: str, value: Record, quote: str, **extra: Any) -> Record:
    return {
        "id": cid,
        "proposition": "proposition:" + cid.split(":", 1)[1],
        "subject": subject,
        "predicate": f"predicate:{pred}",
        "value": value,
        "claimed_by": SOURCE_ID,
        "evidence": [evidence(quote)],
        **extra,
    }


def base_records() -> dict[str, list[Record]]:
    return {
        "predicate": [
            predicate("birth-year", "year", ["person"], True),
            predicate("service-start-year", "year", ["person"], True),
            predicate("age", "age", ["person"], False),
            predicate("military-role", "text", ["person"], True),
            predicate("deployed-count", "quantity", ["group", "country"], False),
        ],
        "source": [
            {
                "id": SOURCE_ID,
                "title": None,
                "publisher": None,
                "url": None,
                "published": day("2025-01-10"),
                "path": "sources/test.txt",
                "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
                "credits": [],
                "notes": None,
            }
        ],
        "entity": [
            {"id": "person:soldier-a", "type": "person", "name": "first soldier"},
            {"id": "person:soldier-b", "type": "person", "name": "second soldier"},
            {
                "id": "group:soldiers",
                "type": "group",
                "name": "the two soldiers",
                "members": ["person:soldier-a", "person:soldier-b"],
            },
            {"id": "place:kyiv", "type": "place", "name": "Kyiv"},
            {"id": "place:front", "type": "place", "name": "the front"},
        ],
        "event": [
            {
                "id": "event:capture",
                "type": "capture",
                "description": "The two soldiers are captured.",
                "date": day("2025-01-09"),
                "place": "place:front",
                "participants": [{"entity": "group:soldiers", "role": "captured"}],
                "evidence": [evidence("Two soldiers were captured on January 9.")],
            },
            {
                "id": "event:transfer",
                "type": "transfer",
                "description": "The soldiers are moved to Kyiv.",
                "date": {"earliest": "2025-01-09", "latest": "2025-01-10", "precision": "range"},
                "place": "place:kyiv",
                "participants": [{"entity": "group:soldiers", "role": "moved"}],
                "after": ["event:capture"],
                "evidence": [evidence("They were moved to Kyiv.")],
            },
        ],
        "claim": [
            claim(
                "claim:a.birth-year",
                "person:soldier-a",
                "birth-year",
                {"type": "year", "year": 1999},
                "born in 1999",
            ),
            claim(
                "claim:a.service-start",
                "person:soldier-a",
                "service-start-year",
                {"type": "year", "year": 2016},
                "has served since 2016",
            ),
            claim(
                "claim:a.age",
                "person:soldier-a",
                "age",
                {"type": "age", "years": 25, "at": day("2025-01-10")},
                "He is 25 years old.",
            ),
            claim(
                "claim:a.role",
                "person:soldier-a",
                "military-role",
                {"type": "text", "text": "sniper"},
                "as a sniper",
            ),
        ],
        "exclusion": [
            {
                "id": "exclusion:test-repeat",
                "source": SOURCE_ID,
                "sentence": "They were moved to Kyiv.",
                "reason": "the sentence is printed twice; the first is covered",
            }
        ],
    }


def _line(model: type[BaseModel], record: Record) -> str:
    """A record in canonical form when it is valid; as given (for tests of invalid records)."""
    try:
        return dump_record(model.model_validate(record))  # type: ignore[arg-type]
    except ValidationError:
        return json.dumps(record, ensure_ascii=False)


@dataclass
class DatasetSpec:
    """Records and texts of a dataset, to be changed by a test and then written out."""

    records: dict[str, list[Record]] = field(default_factory=base_records)
    texts: dict[str, bytes] = field(default_factory=lambda: {"sources/test.txt": TEXT.encode()})
    sort: bool = True
    canonical: bool = True
    manifest: bool = True
    after_write: Callable[[Path], object] = lambda root: None

    def one(self, record_id: str) -> Record:
        """The record with this id (the first one, if duplicated)."""
        for records in self.records.values():
            for record in records:
                if record.get("id") == record_id:
                    return record
        raise KeyError(record_id)

    def copy(self) -> DatasetSpec:
        return DatasetSpec(
            copy.deepcopy(self.records), dict(self.texts), self.sort, self.canonical, self.manifest
        )

    def write(self, root: Path) -> Path:
        """Write the dataset under ``root`` (created) and return it."""
        root.mkdir(parents=True, exist_ok=True)
        for kind in KINDS:
            records = self.records.get(kind.name)
            if records is None:
                continue
            if self.sort:
                records = sorted(records, key=lambda r: str(r.get("id")))
            lines = "".join(
                (_line(kind.model, r) if self.canonical else json.dumps(r, ensure_ascii=False))
                + "\n"
                for r in records
            )
            (root / kind.file).write_text(lines, encoding="utf-8")
        for path, data in self.texts.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(data)
        if self.manifest:
            write_manifest(root, "1.0.0")
        return root


def claim_with_value(value: Record) -> Any:
    """A valid ``Claim`` model with ``value`` and placeholder ids, for the tables' tests."""
    from kursk_pows.models import Claim

    return Claim.model_validate(
        {
            "id": "claim:x",
            "proposition": "proposition:x",
            "subject": "person:x",
            "predicate": "predicate:x",
            "value": value,
            "claimed_by": "source:x",
            "evidence": [{"source": "source:x", "quote": "q"}],
        }
    )
