"""Loaded records are read-only all the way down: every list in them (evidence, links, via,
members, aliases, participants...) refuses changes, so nothing can change what ``support()``
or the tables see; equality, pickling, copying and conversion to a model still work."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.models import Claim


def _lists(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Every list reachable from a record's fields, with its place (``evidence[0].via``)."""
    if isinstance(value, list):
        yield where, value
        for number, item in enumerate(value):
            yield from _lists(item, f"{where}[{number}]")
    elif hasattr(value, "__dict__"):
        for name, field in vars(value).items():
            yield from _lists(field, f"{where}.{name}" if where else name)


CHANGES: dict[str, Callable[[list[Any]], object]] = {
    "append": lambda items: items.append(items[0] if items else None),
    "extend": lambda items: items.extend([None]),
    "insert": lambda items: items.insert(0, None),
    "remove": lambda items: items.remove(items[0] if items else None),
    "pop": lambda items: items.pop(),
    "clear": lambda items: items.clear(),
    "sort": lambda items: items.sort(),
    "reverse": lambda items: items.reverse(),
}


def test_claim_evidence_cannot_be_appended_to(spec: DatasetSpec, tmp_path: Path) -> None:
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    claim = ds.claims["claim:a.role"]
    before = ds.support("claim:a.role")
    with pytest.raises(AttributeError, match="read-only"):
        claim.evidence.append(ds.claims["claim:a.age"].evidence[0])
    with pytest.raises(TypeError, match="read-only"):
        claim.evidence[0] = ds.claims["claim:a.age"].evidence[0]
    with pytest.raises(TypeError, match="read-only"):
        del claim.evidence[0]
    assert len(claim.evidence) == 1
    assert ds.support("claim:a.role") == before


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_list_of_every_loaded_record_refuses_changes(
    change: str, dataset: kursk_pows.Dataset
) -> None:
    found = 0
    for table in (
        dataset.claims,
        dataset.entities,
        dataset.events,
        dataset.sources,
        dataset.predicates,
        dataset.exclusions,
    ):
        for record in table.values():
            for where, items in _lists(record, ""):
                before = list(items)
                with pytest.raises(AttributeError, match="read-only"):
                    CHANGES[change](items)
                assert items == before, (record.id, where)
                found += 1
    assert found > 1000  # evidence, links, via, members, aliases, participants, after, credits...


def test_the_fields_named_in_the_issue_are_read_only(dataset: kursk_pows.Dataset) -> None:
    claim = next(c for c in dataset.claims.values() if c.links)
    group = next(e for e in dataset.entities.values() if e.members)
    event = next(e for e in dataset.events.values() if e.participants)
    for items in (claim.evidence, claim.links, group.members, event.participants, event.after):
        with pytest.raises(AttributeError, match="read-only"):
            items.append(items[0] if items else None)


def test_in_place_operators_leave_the_record_alone(spec: DatasetSpec, tmp_path: Path) -> None:
    """``+=`` on a name bound to a record's list rebinds the name, as for a tuple."""
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    members = ds.entities["group:soldiers"].members
    mine = members
    mine += ["person:someone"]
    mine *= 2
    assert members == ["person:soldier-a", "person:soldier-b"]
    assert mine == ["person:soldier-a", "person:soldier-b", "person:someone"] * 2
    assert ds.entities["group:soldiers"].members == ["person:soldier-a", "person:soldier-b"]


def test_read_only_records_still_pickle_copy_compare_and_convert(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    claim = ds.claims["claim:a.role"]
    for again in (pickle.loads(pickle.dumps(claim)), copy.deepcopy(claim), copy.copy(claim)):
        assert again == claim
        with pytest.raises(AttributeError, match="read-only"):
            again.evidence.append(again.evidence[0])
    assert claim.evidence == [claim.evidence[0]]  # equal to a plain list with the same items
    model = Claim.model_validate(claim, from_attributes=True)
    assert model.evidence[0].quote == "as a sniper"
    assert type(model.evidence) is list
