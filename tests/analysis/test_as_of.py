"""``Dataset.as_of``: the story as a reader could know it on each day.

The two facts checked by name cannot have been reported earlier by any article a contributor
may add (the capture was on 9 January 2025, the NIS confirmed it on Sunday 12 January), so
these tests hold as the dataset grows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import kursk_pows

CAPTURE = "event:capture"
NIS_CONFIRMATION = "event:nis-confirmation"


@pytest.fixture(scope="module")
def ds() -> kursk_pows.Dataset:
    return kursk_pows.load()


def _days(ds: kursk_pows.Dataset) -> list[dt.date]:
    """Every publication bound the sources give, and the day before the first."""
    bounds = {
        day
        for s in ds.sources.values()
        if s.published is not None
        for day in (s.published.earliest, s.published.latest)
        if day is not None
    }
    return sorted({*bounds, min(bounds) - dt.timedelta(days=1)})


def _by(source: object, day: dt.date, possibly: bool) -> bool:
    span = getattr(source, "published", None)
    if span is None:
        return False
    bound = span.earliest if possibly else span.latest
    return bound is not None and bound <= day


@pytest.mark.parametrize("possibly", [False, True])
def test_only_evidence_published_by_then_and_the_story_only_grows(
    ds: kursk_pows.Dataset, possibly: bool
) -> None:
    before: set[str] = set()
    for day in _days(ds):
        then = ds.as_of(day, possibly=possibly)
        known = {k for k, s in ds.sources.items() if _by(s, day, possibly)}
        assert set(then.sources) == known
        expected = {c.id for c in ds.claims.values() if any(e.source in known for e in c.evidence)}
        assert set(then.claims) == expected
        for claim in then.claims.values():
            assert {e.source for e in claim.evidence} <= known
            assert all(link.claim in then.claims for link in claim.links)
        for pid in then.propositions:
            reported = {
                e.source for c in then.claims_of(pid) for e in c.evidence if e.source in known
            }
            assert set(then.support(pid).articles) == reported
        assert before <= set(then.claims)
        before = set(then.claims)


def test_the_nis_confirmation_appears_on_12_january_2025(ds: kursk_pows.Dataset) -> None:
    sunday = dt.date(2025, 1, 12)
    assert NIS_CONFIRMATION not in ds.as_of(sunday - dt.timedelta(days=1), possibly=True).events
    assert NIS_CONFIRMATION in ds.as_of(sunday).events  # an article dated that day reports it
    assert NIS_CONFIRMATION in ds.as_of("2025-01-12").events


def test_the_capture_appears_when_first_reported(ds: kursk_pows.Dataset) -> None:
    first = min(
        s.published.earliest
        for s in ds.sources.values()
        if s.published is not None
        and s.published.earliest is not None
        and any(e.source == s.id for e in ds.events[CAPTURE].evidence)
    )
    assert first >= dt.date(2025, 1, 9)
    assert CAPTURE not in ds.as_of(first - dt.timedelta(days=1), possibly=True).events
    assert CAPTURE in ds.as_of(first, possibly=True).events


def test_as_of_leaves_the_dataset_alone(ds: kursk_pows.Dataset) -> None:
    evidence = {c.id: len(c.evidence) for c in ds.claims.values()}
    then = ds.as_of("2025-01-12")
    assert then.as_of_date == dt.date(2025, 1, 12)
    assert "as of 2025-01-12" in repr(then)
    assert {c.id: len(c.evidence) for c in ds.claims.values()} == evidence
    assert any(len(then.claims[k].evidence) < n for k, n in evidence.items() if k in then.claims)
    assert ds.as_of_date is None
    with pytest.raises(AttributeError):
        next(iter(then.claims.values())).evidence.append(None)


def test_export_as_of_writes_what_as_of_gives(
    ds: kursk_pows.Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kursk_pows.cli import main

    out = tmp_path / "out"
    assert main(["export", str(out), "--format", "jsonl", "--as-of", "2025-01-12"]) == 0
    lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"] for line in lines} == set(ds.as_of("2025-01-12").claims)
    assert main(["export", str(tmp_path / "x"), "--possibly-published"]) == 2
    assert "--possibly-published goes with --as-of" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
