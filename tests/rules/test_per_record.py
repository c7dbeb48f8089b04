"""What several rules keep of one record is made once: the rules hold one object, not copies."""

from __future__ import annotations

from types import SimpleNamespace

from kursk_pows.reading.stream import Located
from kursk_pows.rules.index import spot
from kursk_pows.rules.per_record import once_per_record, statement


def _claim(claim_id: str, text: str) -> Located:
    value = SimpleNamespace(type="text", text=text)
    record = SimpleNamespace(subject="person:a", predicate="predicate:b", value=value)
    return Located("claim", record, "claims.jsonl", 3, claim_id)


def test_the_second_rule_asking_gets_the_first_ones_object() -> None:
    made: list[str] = []

    @once_per_record
    def make(located: Located) -> list[str]:
        made.append(located.id)
        return [located.id]

    first, second = _claim("claim:one", "x"), _claim("claim:two", "x")
    assert make(first) is make(first)
    assert make(second) == ["claim:two"]
    assert make(first) == ["claim:one"]  # made again: only the last record is remembered
    assert made == ["claim:one", "claim:two", "claim:one"]


def test_statements_and_spots_are_shared_and_equal_for_equal_records() -> None:
    one, same = _claim("claim:one", "Sniper"), _claim("claim:two", " sniper")
    assert statement(one) is statement(one)
    assert spot(one) is spot(one)
    assert statement(one) == statement(same)  # case and spacing say nothing
    assert statement(one) != statement(_claim("claim:three", "gunner"))
    assert spot(one) == ("claims.jsonl", 3, "claim:one")
