"""Event dates against publication dates and against stated orderings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..config import Config
from ..issues import Issue
from ..reading.stream import Located
from .index import Index, Spot, spot
from .registry import Check, RuleCode, issue_at, rule
from .values import date_spans

if TYPE_CHECKING:
    from ..models import DateSpan, Event

AFTER_PUBLICATION = RuleCode(
    "event-after-publication",
    "error",
    "An event reported as past is dated after its source could have been published",
    "A source that reports an event as done or under way was published after the event began; "
    "the event's earliest date must not be later than the source's latest publication date.",
    "Check the event's date and the source's `published` interval against the texts.",
)
PUBLICATION_BOUND = RuleCode(
    "date-bound-from-publication",
    "error",
    "A date tied to a source's publication has a bound that publication contradicts or closes",
    "A date span with `before_publication_of` is no later than that source's publication: when "
    "the source's latest publication day is known, the span's `latest` must be set and be no "
    "later than it. With `after_publication_of` it is no earlier: the span's `earliest` must be "
    "set and be no earlier than the source's earliest publication day. The id must be a source.",
    "Set the bound to the source's publication day (keeping the basis), or correct the id.",
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


@rule(PUBLICATION_BOUND)
class PublicationBound(Check):
    """Keeps every source's publication interval and every span tied to one, and compares them
    at the end (a source may be read after the records that name it)."""

    kinds = frozenset({"source", "event", "claim"})

    def __init__(self, index: Index, config: Config) -> None:
        super().__init__(index, config)
        self.published: dict[str, tuple[dt.date | None, dt.date | None]] = {}
        self.tied: list[tuple[Spot, str, DateSpan]] = []

    def see(self, located: Located, out: list[Issue]) -> None:
        if located.kind == "source":
            span = located.record.published
            bounds = (None, None) if span is None else (span.earliest, span.latest)
            self.published.setdefault(located.id, bounds)
        elif located.record.status != "active":
            return
        for pointer, span in date_spans(located):
            if span.before_publication_of is not None or span.after_publication_of is not None:
                self.tied.append((spot(located), pointer, span))

    def finish(self, out: list[Issue]) -> None:
        for where, pointer, span in self.tied:
            if span.before_publication_of is not None:
                self._check(where, pointer, span, span.before_publication_of, before=True, out=out)
            if span.after_publication_of is not None:
                self._check(where, pointer, span, span.after_publication_of, before=False, out=out)

    def _check(
        self,
        where: Spot,
        pointer: str,
        span: DateSpan,
        source: str,
        *,
        before: bool,
        out: list[Issue],
    ) -> None:
        field = "before_publication_of" if before else "after_publication_of"
        if source not in self.published:
            out.append(
                issue_at(
                    where,
                    "date-bound-from-publication",
                    f"{field} names {source}, which is not a source",
                    pointer=f"{pointer}/{field}",
                )
            )
            return
        earliest, latest = self.published[source]
        day = latest if before else earliest
        if day is None:
            return  # the source's publication leaves this side open too
        bound = span.latest if before else span.earliest
        side = "latest" if before else "earliest"
        if bound is None:
            message = (
                f"the {side} bound is open, but {source} was published "
                f"{'by' if before else 'from'} {day.isoformat()}: set {side} to "
                f"{day.isoformat()}"
            )
        elif (bound > day) if before else (bound < day):
            message = (
                f"the {side} bound {bound.isoformat()} is {'after' if before else 'before'} "
                f"{source}'s publication ({'by' if before else 'from'} {day.isoformat()})"
            )
        else:
            return
        out.append(
            issue_at(where, "date-bound-from-publication", message, pointer=f"{pointer}/{side}")
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
