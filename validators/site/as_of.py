"""The site as it may have stood on earlier days, in the one tree of pages.

For each of a few days an article may first have appeared, the dataset is taken
``as_of(day, possibly=True)``.  A part of a page that is not yet known on some of those days
carries ``data-from`` (the first of them on which it is known; :data:`NEVER` when it is known on
none), and a text that reads differently on some of them carries ``data-as-of``: a JSON object
from each such day to its text then.  The page's script shows the day the reader picks.  Both
grow with the parts of the pages times the number of days, which :data:`AS_OF_DAYS` bounds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..tables.extras import need
from .model import Site, Span

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset

AS_OF_DAYS = 6
"""At most this many days in the as-of control."""

NEVER = "9999-12-31"
"""``data-from`` of a part known on none of the control's days (an article with no date)."""


def snapshot_days(dataset: Dataset, most: int = AS_OF_DAYS) -> list[dt.date]:
    """The days the site can also be shown as of: each day an article may first have appeared,
    or, when there are more than ``most``, ``most`` of them spread evenly from the first to the
    last."""
    days = sorted(
        {
            s.published.earliest
            for s in dataset.sources.values()
            if s.published is not None and s.published.earliest is not None
        }
    )
    if len(days) <= most:
        return days
    if most <= 1:
        return days[-most:] if most else []
    step = (len(days) - 1) / (most - 1)
    return [days[round(i * step)] for i in range(most)]


def _known(dataset: Dataset) -> set[str]:
    return {*dataset.sources, *dataset.claims, *dataset.events, *dataset.entities}


class AsOf:
    """When each record of ``site`` becomes known on the control's ``days``, and how texts
    rendered from the site read on each of them."""

    def __init__(self, site: Site, days: list[dt.date]) -> None:
        self.site = site
        self.days = days
        self.moments = [Site(site.dataset.as_of(day, possibly=True)) for day in days]
        self._known = [_known(moment.dataset) for moment in self.moments]
        self._since: dict[str, str] = {}
        for day, known in reversed(list(zip(days, self._known, strict=True))):
            for record_id in known:
                self._since[record_id] = day.isoformat()

    def since(self, *record_ids: str, any_of: bool = False) -> str | None:
        """The first of the days on which all of ``record_ids`` are known (with ``any_of``, one
        of them), :data:`NEVER` when there is none, or ``None`` when that is every day."""
        if not self.days or not record_ids:
            return None
        days = [self._since.get(r, NEVER) for r in record_ids]
        day = min(days) if any_of else max(days)
        return None if day == self.days[0].isoformat() else day

    def known(self, *record_ids: str) -> Any:
        """The ``data-from`` attribute of a part about all of ``record_ids`` (nothing when it
        is known on every day)."""
        return _attributes({"data-from": self.since(*record_ids)})

    def known_any(self, record_ids: Iterable[str]) -> Any:
        """The ``data-from`` attribute of a part shown once one of ``record_ids`` is known."""
        return _attributes({"data-from": self.since(*record_ids, any_of=True)})

    def not_yet(self, record_id: str) -> Any:
        """``data-until`` and ``hidden`` for a note shown only before ``record_id`` is known;
        ``None`` when it is known on every day (no note is needed)."""
        day = self.since(record_id)
        return None if day is None else _attributes({"data-until": day}, " hidden")

    def vary(self, render: Callable[..., Any], *args: Any, within: Iterable[str] = ()) -> Any:
        """The ``data-as-of`` attribute of the text ``render(site, *args)``: its words on each
        day they differ from the whole site's (only the days one of ``within`` is known on,
        when given).  ``render`` is a template macro; its markup is reduced to its text."""
        ids = list(within)
        whole = _text(render(self.site, *args))
        changed: dict[str, str] = {}
        for day, moment, known in zip(self.days, self.moments, self._known, strict=True):
            if ids and not any(i in known for i in ids):
                continue
            words = _text(render(moment, *args))
            if words != whole:
                changed[day.isoformat()] = words
        text = json.dumps(changed, ensure_ascii=False, sort_keys=True) if changed else None
        return _attributes({"data-as-of": text})

    def kinds_before_dispute(self, span: Span) -> dict[str, str]:
        """The kind of a disputed evidence span on each day its article is known and its
        dispute (both claims of one of its pairs) is not: the kind it has without the
        dispute."""
        pairs = self.site.pairs_of(span.record)
        if not pairs or not self.days:
            return {}
        first = self.days[0].isoformat()
        disputed = min(self.since(a, b) or first for a, b in pairs)
        shown = self.since(span.source) or first  # no kind is needed before the article is
        before = self.site.span_kind(span, disputes=False)
        return {d: before for d in (d.isoformat() for d in self.days) if shown <= d < disputed}


def _text(rendered: Any) -> str:
    """The words of rendered markup: tags dropped, entities decoded, spaces collapsed."""
    striptags = getattr(rendered, "striptags", None)
    return str(striptags() if striptags is not None else rendered).strip()


def _attributes(values: dict[str, str | None], extra: str = "") -> Any:
    """`` name="value"`` for each value that is not ``None``, escaped, as markup."""
    markupsafe = need("markupsafe", "site")
    escape = markupsafe.escape
    parts = [f' {name}="{escape(value)}"' for name, value in values.items() if value is not None]
    return markupsafe.Markup("".join(parts) + extra)
