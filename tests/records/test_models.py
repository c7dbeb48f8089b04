"""Models round-trip through JSON unchanged and reject what strict typing forbids."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kursk_pows.models import Claim, DateSpan, Entity, Event, Evidence, Source
from kursk_pows.records.canonical import dump_record, is_canonical_line

slugs = st.from_regex(r"[a-z]+:[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True)
# The canonical form writes every string but a quote in NFC, so identity holds for NFC text;
# quotes are kept verbatim and may be anything.
any_texts = st.text(min_size=1, max_size=20)
texts = any_texts.map(lambda text: unicodedata.normalize("NFC", text))
numbers = st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False))
spans = st.builds(
    DateSpan,
    earliest=st.none() | st.dates(),
    latest=st.none() | st.dates(),
    precision=st.sampled_from(["day", "month", "year", "range"]),
    basis=st.none() | texts,
)
values: st.SearchStrategy[dict[str, object]] = st.one_of(
    st.builds(dict, type=st.just("year"), year=st.integers(1, 9999)),
    st.builds(dict, type=st.just("date"), date=spans.map(lambda s: s.model_dump())),
    st.builds(
        dict,
        type=st.just("quantity"),
        qualifier=st.sampled_from(["exact", "about", "at-least", "range"]),
        nominal=st.none() | numbers,
        low=st.none() | numbers,
        high=st.none() | numbers,
        unit=st.none() | texts,
    ),
    st.builds(
        dict, type=st.just("age"), years=st.integers(0, 200), at=spans.map(lambda s: s.model_dump())
    ),
    st.builds(dict, type=st.just("entity"), entity=slugs),
    st.builds(dict, type=st.just("text"), text=texts),
    st.builds(dict, type=st.just("text-list"), items=st.lists(texts, min_size=1, max_size=3)),
    st.builds(dict, type=st.just("boolean"), value=st.booleans()),
)
evidence = st.builds(
    Evidence,
    source=slugs,
    quote=any_texts,
    start=st.none() | st.integers(0, 10**6),
    end=st.none() | st.integers(0, 10**6),
    via=st.lists(slugs, max_size=2),
    hedge=st.none() | texts,
)
claims = st.builds(
    Claim,
    id=slugs,
    proposition=slugs,
    subject=slugs,
    predicate=slugs,
    value=values,
    claimed_by=slugs,
    evidence=st.lists(evidence, min_size=1, max_size=2),
    links=st.lists(
        st.builds(
            dict,
            type=st.sampled_from(["contradicts", "refines"]),
            claim=slugs,
            note=st.none() | texts,
        ),
        max_size=2,
    ),
    note=st.none() | texts,
)
events = st.builds(
    Event,
    id=slugs,
    type=texts,
    description=texts,
    date=st.none() | spans,
    tense=st.sampled_from(["past", "ongoing", "expected"]),
    place=st.none() | slugs,
    participants=st.lists(st.builds(dict, entity=slugs, role=texts), max_size=2),
    after=st.lists(slugs, max_size=2),
    evidence=st.lists(evidence, min_size=1, max_size=2),
)
entities = st.builds(
    Entity,
    id=slugs,
    type=st.sampled_from(["person", "group", "place"]),
    name=texts,
    aliases=st.lists(texts, max_size=2),
    members=st.lists(slugs, max_size=2),
    description=st.none() | texts,
)
sources = st.builds(
    Source,
    id=slugs,
    title=st.none() | texts,
    publisher=st.none() | texts,
    url=st.none() | texts,
    published=st.none() | spans,
    path=texts,
    sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
    credits=st.lists(st.builds(dict, name=texts, role=st.just("author")), max_size=2),
    notes=st.none() | texts,
)


@given(st.one_of(claims, events, entities, sources))
def test_json_round_trip_is_identity(record: Claim | Event | Entity | Source) -> None:
    line = dump_record(record)
    again = type(record).model_validate(json.loads(line))
    assert again == record
    assert dump_record(again) == line


@given(any_texts, any_texts)
def test_dump_writes_nfc_except_quotes_and_is_stable(hedge: str, quote: str) -> None:
    record = Evidence(source="source:a", quote=quote, hedge=hedge)
    line = dump_record(record)
    again = Evidence.model_validate(json.loads(line))
    assert again.hedge == unicodedata.normalize("NFC", hedge)
    assert again.quote == quote
    assert dump_record(again) == line


def test_a_compatibility_ideograph_in_a_hedge_is_normalised() -> None:
    line = dump_record(Evidence(source="source:a", quote="\uf900", hedge="\uf900"))
    assert json.loads(line) == {"source": "source:a", "quote": "\uf900", "hedge": "\u8c48"}


@pytest.mark.parametrize(
    "value",
    [
        {"type": "year", "year": "1999"},
        {"type": "year", "year": True},
        {"type": "year", "year": 1999.5},
        {"type": "year", "year": 0},
        {"type": "boolean", "value": 1},
        {"type": "text", "text": ""},
        {"type": "text-list", "items": []},
        {"type": "colour", "text": "red"},
        {"type": "year", "year": 1999, "month": 3},
    ],
)
def test_strict_values_are_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        Claim.model_validate(
            {
                "id": "claim:x",
                "proposition": "proposition:x",
                "subject": "person:a",
                "predicate": "predicate:p",
                "value": value,
                "claimed_by": "org:b",
                "evidence": [{"source": "source:s", "quote": "q"}],
            }
        )


def test_dates_accept_only_iso_calendar_dates() -> None:
    assert DateSpan.model_validate({"earliest": "2024-02-29", "precision": "day"}).earliest == (
        dt.date(2024, 2, 29)
    )
    for bad in ("2025-02-29", "2025-1-9", "20250109", "2025-01-09T00:00", 20250109):
        with pytest.raises(ValidationError):
            DateSpan.model_validate({"earliest": bad, "precision": "day"})


def test_a_canonical_line_is_in_nfc_except_its_quotes() -> None:
    decomposed = "Kursk e\u0301"
    composed = "Kursk \u00e9"
    quote = {"quote": decomposed}
    note = {"note": decomposed}
    assert is_canonical_line('{"quote": "Kursk e\u0301"}', quote)
    assert not is_canonical_line('{"note": "Kursk e\u0301"}', note)
    assert is_canonical_line('{"note": "Kursk \u00e9"}', {"note": composed})
    assert not is_canonical_line('{"note": "Kursk \u00e9"}', {"note": "Kursk"})
