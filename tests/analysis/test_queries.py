"""The analysts' questions: claims about an entity and its groups, by a claimant, in a source."""

from __future__ import annotations

from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec


@pytest.fixture(scope="module")
def dataset() -> kursk_pows.Dataset:
    return kursk_pows.load()


def test_members_adds_the_groups_claims_marked_with_the_group(
    dataset: kursk_pows.Dataset,
) -> None:
    person = "person:pow-born-1999"
    group = "group:captured-north-korean-soldiers"
    own = dataset.claims_about(person)
    both = dataset.claims_about(person, members=True)
    assert [a.claim for a in both if a.via is None] == own
    assert [a.claim for a in both if a.via == group] == dataset.claims_about(group)
    assert {a.via for a in both} == {None, group}


def test_groups_are_found_through_nested_groups(dataset: kursk_pows.Dataset) -> None:
    assert dataset.groups_of("country:ukraine") == [
        "group:kyiv-and-western-intelligence",
        "group:ukraine-united-states-south-korea",
    ]
    # western intelligence is a member of a group, not of one that contains Ukraine
    assert dataset.groups_of("group:western-intelligence") == [
        "group:kyiv-and-western-intelligence"
    ]
    assert dataset.groups_of("person:andriy-sybiga") == []


def test_claims_by_and_in_match_a_scan(dataset: kursk_pows.Dataset) -> None:
    for claimant in {c.claimed_by for c in dataset.claims.values()}:
        found = dataset.claims_by(claimant)
        assert found
        assert all(c.claimed_by == claimant for c in found)
    claimants = {c.claimed_by for c in dataset.claims.values()}
    assert sum(len(dataset.claims_by(k)) for k in claimants) == len(dataset.claims)
    for source in dataset.sources:
        found = dataset.claims_in(source)
        assert {c.id for c in found} == {
            c.id for c in dataset.claims.values() if source in {e.source for e in c.evidence}
        }
    with pytest.raises(KeyError, match="no source 'source:none' in the dataset"):
        dataset.claims_in("source:none")


def test_groups_of_follows_groups_inside_groups(spec: DatasetSpec, tmp_path: Path) -> None:
    """Soldier a is in group:soldiers, which is in group:unit, which is in group:army."""
    spec.records["entity"] += [
        {"id": "group:unit", "type": "group", "name": "unit", "members": ["group:soldiers"]},
        {"id": "group:army", "type": "group", "name": "army", "members": ["group:unit"]},
    ]
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    assert ds.groups_of("person:soldier-a") == ["group:army", "group:soldiers", "group:unit"]
    assert ds.groups_of("group:unit") == ["group:army"]
    assert ds.groups_of("group:army") == []
