"""The dataset as a reader could know it on a given day.

Only evidence from articles published by then counts: with ``possibly=False`` (the default),
articles whose publication interval ends on or before the day, so an article whose date the
text leaves open at the end (``2025-01-12 or later``) is never included; with ``possibly=True``,
articles whose interval starts on or before it.  Claims and events left with no evidence go,
and with them the propositions only they stated; links to a claim not yet known go too.  An
event that a remaining claim is about, or that a remaining event follows, stays (with the
evidence it has by then, which may be none).  Counts are recomputed from what remains.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..records.compiled import ReadOnlyList, replaced

if TYPE_CHECKING:
    from ..models import Source
    from .dataset import Dataset


def published_by(source: Source, day: dt.date, *, possibly: bool = False) -> bool:
    """Whether ``source`` was published by ``day``: certainly (its interval ends by then) or,
    with ``possibly``, perhaps (its interval starts by then).  An unknown date is neither."""
    span = source.published
    if span is None:
        return False
    bound = span.earliest if possibly else span.latest
    return bound is not None and bound <= day


def _frozen(records: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(sorted(records.items())))


def _with_evidence(record: Any, known: Mapping[str, Any]) -> Any:
    """``record`` with only the evidence from ``known`` sources (itself when all of it is)."""
    kept = [e for e in record.evidence if e.source in known]
    return (
        record
        if len(kept) == len(record.evidence)
        else replaced(record, evidence=ReadOnlyList(kept))
    )


def as_of(dataset: Dataset, day: dt.date, *, possibly: bool = False) -> Dataset:
    """``dataset`` as it stood on ``day`` (see the module's docstring)."""
    sources = {k: s for k, s in dataset.sources.items() if published_by(s, day, possibly=possibly)}
    claims: dict[str, Any] = {}
    for claim_id, claim in dataset.claims.items():
        trimmed = _with_evidence(claim, sources)
        if trimmed.evidence:
            claims[claim_id] = trimmed
    for claim_id, claim in claims.items():
        links = [link for link in claim.links if link.claim in claims]
        if len(links) < len(claim.links):
            claims[claim_id] = replaced(claim, links=ReadOnlyList(links))
    events = {k: _with_evidence(e, sources) for k, e in dataset.events.items()}
    needed = {c.subject for c in claims.values()} | {
        getattr(c.value, "entity", None) for c in claims.values()
    }
    shown = {k for k, e in events.items() if e.evidence or k in needed}
    todo = sorted(shown)
    while todo:  # an event a shown one follows is shown too
        for earlier in events[todo.pop()].after:
            if earlier in events and earlier not in shown:
                shown.add(earlier)
                todo.append(earlier)
    kept_events: dict[str, Any] = {}
    for event_id in shown:
        event = events[event_id]
        after = [a for a in event.after if a in shown]
        kept_events[event_id] = (
            event if len(after) == len(event.after) else replaced(event, after=ReadOnlyList(after))
        )
    exclusions = {k: x for k, x in dataset.exclusions.items() if x.source in sources}
    return dataclasses.replace(
        dataset,
        sources=_frozen(sources),
        claims=_frozen(claims),
        events=_frozen(kept_events),
        exclusions=_frozen(exclusions),
        as_of_date=day,
        as_of_possibly=possibly,
        _texts=dataset._texts,
    )
