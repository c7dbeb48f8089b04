"""Randomly generated datasets that respect every rule validate without a single issue."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec, base_records, predicate

words = st.text(
    alphabet="abcdefghij klmnopqrstuvwxyz\u2019\u201c\u201d\u2014\u00e9", min_size=1, max_size=12
)


@st.composite
def valid_datasets(draw: st.DrawFn) -> DatasetSpec:
    """A dataset of people with consistent birth, age and service facts, and dated events."""
    sentences = draw(st.lists(words, min_size=3, max_size=8, unique=True))
    text = " ".join(f"[{i}] {s} end." for i, s in enumerate(sentences))  # "end": no abbreviation
    published = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    source_id = "source:generated"
    records: dict[str, list[dict[str, Any]]] = {"predicate": base_records()["predicate"]}
    records["predicate"].append(predicate("held-at", "entity", ["person"], False))
    records["source"] = [
        {
            "id": source_id,
            "title": None,
            "publisher": None,
            "url": None,
            "published": {"earliest": None, "latest": published.isoformat(), "precision": "range"},
            "path": "sources/generated.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        }
    ]

    quoted: set[int] = set()

    def evidence() -> dict[str, Any]:
        i = draw(st.integers(0, len(sentences) - 1))
        quoted.add(i)
        quote = f"[{i}] {sentences[i]} end."
        start = text.index(quote)
        return {"source": source_id, "quote": quote, "start": start, "end": start + len(quote)}

    people = draw(st.integers(1, 4))
    records["entity"] = [{"id": "place:somewhere", "type": "place", "name": "somewhere"}]
    records["event"], records["claim"] = [], []
    for n in range(people):
        person = f"person:p{n}"
        records["entity"].append({"id": person, "type": "person", "name": f"person {n}"})
        born = draw(st.integers(published.year - 60, published.year - 20))
        joined = draw(st.integers(born + 15, born + 19))
        event_day = draw(st.dates(dt.date(joined, 1, 1), published))
        records["event"].append(
            {
                "id": f"event:e{n}",
                "type": "capture",
                "description": "an event",
                "date": {
                    "earliest": event_day.isoformat(),
                    "latest": event_day.isoformat(),
                    "precision": "day",
                },
                "place": "place:somewhere",
                "participants": [{"entity": person, "role": "captured"}],
                "evidence": [evidence()],
            }
        )
        at = draw(st.dates(dt.date(born + 21, 1, 1), dt.date(born + 59, 12, 31)))
        # on 31 December everyone born in `born` has had a birthday; on other days one may not
        not_yet = 0 if (at.month, at.day) == (12, 31) else draw(st.integers(0, 1))
        years = at.year - born - not_yet
        values = {
            "birth-year": {"type": "year", "year": born},
            "service-start-year": {"type": "year", "year": joined},
            "age": {
                "type": "age",
                "years": years,
                "at": {"earliest": at.isoformat(), "latest": at.isoformat(), "precision": "day"},
            },
            "held-at": {"type": "entity", "entity": "place:somewhere"},
        }
        for name, value in values.items():
            records["claim"].append(
                {
                    "id": f"claim:p{n}.{name}",
                    "proposition": f"proposition:p{n}.{name}",
                    "subject": person,
                    "predicate": f"predicate:{name}",
                    "value": value,
                    "claimed_by": source_id,
                    "evidence": [evidence() for _ in range(draw(st.integers(1, 2)))],
                }
            )
    records["exclusion"] = [
        {
            "id": f"exclusion:s{i}",
            "source": source_id,
            "sentence": f"[{i}] {sentences[i]} end.",
            "reason": "not quoted by any record",
        }
        for i in range(len(sentences))
        if i not in quoted
    ]
    return DatasetSpec(records, {"sources/generated.txt": text.encode()})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_datasets())
def test_generated_valid_dataset_passes(spec: DatasetSpec) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = kursk_pows.validate(spec.write(Path(tmp) / "ds"))
    assert report.flatten("code", "record", "message") == []
