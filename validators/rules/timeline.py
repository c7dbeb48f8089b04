"""Event dates against publication dates and against stated orderings."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..loading import LoadedDataset
from ..models import Event, Source
from ..report import Issue
from .registry import RuleCode, issue_at, rule

AFTER_PUBLICATION = RuleCode(
    "event-after-publication",
    "error",
    "An event reported as past is dated after its source could have been published",
    "A source that reports an event as done or under way was published after the event began; "
    "the event's earliest date must not be later than the source's latest publication date.",
    "Check the event's date and the source's `published` interval against the texts.",
)
ORDER = RuleCode(
    "event-order-violated",
    "error",
    "An event is dated entirely before an event it is stated to follow",
    "`after` lists events that happened first (captured before transferred); the later event's "
    "latest date cannot precede the earlier event's earliest date.",
    "Correct one of the dates, or the `after` list.",
)


@rule(AFTER_PUBLICATION)
def check_event_before_publication(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.live("event"):
        event: Event = located.record
        began = event.date.earliest if event.date else None
        if began is None or event.tense == "expected":
            continue
        for index, evidence in enumerate(event.evidence):
            found = ds.by_id.get(evidence.source)
            if found is None or not isinstance(found.record, Source):
                continue
            published = found.record.published
            if published is not None and published.latest is not None and began > published.latest:
                yield issue_at(
                    located,
                    "event-after-publication",
                    f"dated from {began.isoformat()}, but {found.id} was published by "
                    f"{published.latest.isoformat()} at the latest",
                    pointer=f"/evidence/{index}/source",
                )


@rule(ORDER)
def check_event_order(ds: LoadedDataset, config: Config) -> Iterator[Issue]:
    for located in ds.live("event"):
        event: Event = located.record
        latest = event.date.latest if event.date else None
        if latest is None:
            continue
        for index, earlier_id in enumerate(event.after):
            earlier = ds.by_id.get(earlier_id)
            if earlier is None or not isinstance(earlier.record, Event):
                continue
            began = earlier.record.date.earliest if earlier.record.date else None
            if began is not None and latest < began:
                yield issue_at(
                    located,
                    "event-order-violated",
                    f"ends by {latest.isoformat()}, before {earlier_id} began "
                    f"({began.isoformat()}), yet it is recorded as coming after it",
                    pointer=f"/after/{index}",
                )
