"""``Dataset.as_of``: the story as a reader could know it on each day.

The two facts checked by name cannot have been reported earlier by any article a contributor
may add (the capture was on 9 January 2025, the NIS confirmed it on Sunday 12 January), so
these tests hold as the dataset grows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

import factory
import kursk_pows
from factory import SOURCE_ID, DatasetSpec

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


LATER_TEXT = "The soldiers had fought for a day. Their capture followed that fight."
LATER = "source:later-article"


def _with_later_article(spec: DatasetSpec) -> DatasetSpec:
    """``spec`` with a second article, published on 1 February 2025."""
    spec.records["source"].append(
        {
            **spec.one(SOURCE_ID),
            "id": LATER,
            "published": factory.day("2025-02-01"),
            "path": "sources/later.txt",
            "sha256": hashlib.sha256(LATER_TEXT.encode()).hexdigest(),
        }
    )
    spec.texts["sources/later.txt"] = LATER_TEXT.encode()
    return spec


def _later(quote: str) -> dict[str, object]:
    return factory.evidence(quote, LATER_TEXT, LATER)


def _capture_reported_later(spec: DatasetSpec, *quotes: str) -> None:
    """The capture reported by the later article only (the first article's sentence about it
    excluded)."""
    spec.one(CAPTURE)["evidence"] = [_later(q) for q in quotes]
    spec.records["exclusion"].append(
        {
            "id": "exclusion:test-capture",
            "source": SOURCE_ID,
            "sentence": "Two soldiers were captured on January 9.",
            "reason": "the capture is taken from the later article",
        }
    )


def test_an_event_a_known_event_follows_stays_through_a_chain(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    """The transfer is known on 10 January; the capture it follows, and the fight the capture
    follows, are reported only in February, yet both stay, with no evidence, and the order of
    the three is kept."""
    _with_later_article(spec)
    spec.records["event"].append(
        {
            "id": "event:fight",
            "type": "fight",
            "description": "The soldiers fight for a day.",
            "date": factory.day("2025-01-08"),
            "evidence": [_later("The soldiers had fought for a day.")],
        }
    )
    spec.one(CAPTURE)["after"] = ["event:fight"]
    _capture_reported_later(spec, "Their capture followed that fight.")
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    then = ds.as_of("2025-01-10")
    assert set(then.events) == {"event:fight", CAPTURE, "event:transfer"}
    assert list(then.events["event:transfer"].after) == [CAPTURE]
    assert list(then.events[CAPTURE].after) == ["event:fight"]
    assert list(then.events[CAPTURE].evidence) == []
    assert list(then.events["event:fight"].evidence) == []
    assert set(ds.as_of("2025-01-09", possibly=True).events) == set()


def test_events_that_follow_each_other_in_a_circle_are_both_kept(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    """Validation lets two events of one day each be recorded as after the other; ``as_of``
    keeps both (and returns)."""
    spec.one(CAPTURE)["after"] = ["event:transfer"]
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    then = ds.as_of("2025-01-10")
    assert set(then.events) == {CAPTURE, "event:transfer"}
    assert list(then.events[CAPTURE].after) == ["event:transfer"]
    assert list(then.events["event:transfer"].after) == [CAPTURE]


def test_an_event_a_known_claim_is_about_stays_without_evidence(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    _with_later_article(spec)
    about_events = factory.predicate("characterization", "text", ["event"], False)
    spec.records["predicate"].append(about_events)
    spec.records["claim"].append(
        factory.claim(
            "claim:capture.characterization",
            CAPTURE,
            "characterization",
            {"type": "text", "text": "two soldiers captured"},
            "Two soldiers were captured on January 9.",
        )
    )
    spec.one("event:transfer")["after"] = []  # nothing known follows the capture
    spec.one(CAPTURE)["evidence"] = [
        _later("The soldiers had fought for a day."),
        _later("Their capture followed that fight."),
    ]
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    then = ds.as_of("2025-01-10")
    assert "claim:capture.characterization" in then.claims
    assert CAPTURE in then.events
    assert list(then.events[CAPTURE].evidence) == []


def test_exclusions_of_an_article_come_with_it(spec: DatasetSpec, tmp_path: Path) -> None:
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    assert set(ds.as_of("2025-01-09").exclusions) == set()
    assert set(ds.as_of("2025-01-10").exclusions) == {"exclusion:test-repeat"}


def test_an_article_with_no_known_date_is_never_included(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one(SOURCE_ID)["published"] = None
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    for possibly in (False, True):
        then = ds.as_of(dt.date.max, possibly=possibly)
        assert set(then.sources) == set()
        assert set(then.claims) == set()
        assert set(then.events) == set()
