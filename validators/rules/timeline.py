"""Event dates against publication dates and against stated orderings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from .index import Index, Spot, spot
from .registry import Check, RuleCode, issue_at, rule

if TYPE_CHECKING:
    from ..models import Event

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
class EventBeforePublication(Check):
    kinds = frozenset({"source", "event"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.published: dict[str, dt.date | None] = {}
        """The latest publication date of the first source read with each id."""

    def see(self, located: Located, out: list[Issue]) -> None:
        record = located.record
        if located.kind == "source":
            latest = record.published.latest if record.published is not None else None
            self.published.setdefault(record.id, latest)
            return
        event: Event = record
        began = event.date.earliest if event.date else None
        if began is None or event.tense == "expected" or event.status != "active":
            return
        for index, evidence in enumerate(event.evidence):
            if self.index.type(evidence.source) != "source":
                continue
            latest = self.published.get(evidence.source)
            if latest is not None and began > latest:
                out.append(
                    issue_at(
                        located,
                        "event-after-publication",
                        f"dated from {began.isoformat()}, but {evidence.source} was published "
                        f"by {latest.isoformat()} at the latest",
                        pointer=f"/evidence/{index}/source",
                    )
                )


@rule(ORDER)
class EventOrder(Check):
    """Keeps each event's earliest date and each live event's stated predecessors, and
    compares them at the end (a predecessor may come later in the file)."""

    kinds = frozenset({"event"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.began: dict[str, dt.date | None] = {}
        self.ordered: list[tuple[Spot, dt.date, tuple[str, ...]]] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        event: Event = located.record
        self.began.setdefault(event.id, event.date.earliest if event.date else None)
        latest = event.date.latest if event.date else None
        if event.status == "active" and latest is not None and event.after:
            self.ordered.append((spot(located), latest, tuple(event.after)))

    def finish(self, out: list[Issue]) -> None:
        for where, latest, after in self.ordered:
            for index, earlier_id in enumerate(after):
                if self.index.type(earlier_id) != "event":
                    continue
                began = self.began.get(earlier_id)
                if began is not None and latest < began:
                    out.append(
                        issue_at(
                            where,
                            "event-order-violated",
                            f"ends by {latest.isoformat()}, before {earlier_id} began "
                            f"({began.isoformat()}), yet it is recorded as coming after it",
                            pointer=f"/after/{index}",
                        )
                    )
