"""The search page's index: one entry per record, with its quotes and the pages that show it.

Each entity, event, article and claim is one entry: its kind, its name (``label``), the words it
is found by besides (``text``: aliases, a description, a claim's value), how many articles
report it (``reports``, to rank equals), its page, the articles it is reported in (``where``),
its quotes, each with the address of its words in its article, that article's name and, when
it is not known on every day of the as-of control, the first day it is; and,
when it is not known on every day of the as-of control, the first day it is (``from``).  The
page's script ranks the matches (see ``site.js``).

The index is embedded in the page as JSON inside ``<script type="application/json">`` (a page
opened from ``file://`` cannot fetch a file).  :func:`embedded_json` escapes ``<``, ``>`` and
``&`` so that no text in the data can close the element.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..reports.escaping import printable

if TYPE_CHECKING:
    from .model import Site

ARTICLES_NAMED = 3
"""How many articles an entry names before it says how many more there are."""


def _where(site: Site, sources: list[str]) -> str:
    if not sources:
        return ""
    names = [site.name(s) for s in sources[:ARTICLES_NAMED]]
    more = len(sources) - len(names)
    return "in " + "; ".join(names) + (f" and {more} more" if more else "")


def _quotes(site: Site, record: Any, since: Callable[[str], str | None]) -> list[list[str]]:
    found = []
    for position, evidence in enumerate(record.evidence):
        href = site.span_href(record.id, position)
        if href is not None:
            quote = [printable(evidence.quote), href, printable(site.name(evidence.source))]
            first = since(evidence.source)
            found.append(quote if first is None else [*quote, first])
    return found


def entries(
    site: Site, since: Callable[[str], str | None] = lambda record_id: None
) -> list[dict[str, Any]]:
    """One entry per entity, event, article and claim (see the module's docstring);
    ``since(record_id)`` is the first as-of day a record is known, ``None`` for every day."""
    ds = site.dataset
    found: list[dict[str, Any]] = []

    def add(
        kind: str, record_id: str, label: str, text: str, sources: list[str], **more: Any
    ) -> None:
        href = site.href(record_id)
        if href is not None:
            entry: dict[str, Any] = {"kind": kind, "label": printable(label)}
            entry |= {"text": printable(text)}
            entry |= {"href": href, "reports": len(set(sources))}
            entry |= {"where": printable(_where(site, sorted(set(sources)))), "quotes": []}
            first = since(record_id)
            if first is not None:
                entry["from"] = first
            found.append(entry | more)

    for event in ds.events.values():
        sources = [e.source for e in event.evidence]
        add("event", event.id, event.description, "", sources, quotes=_quotes(site, event, since))
    for entity in ds.entities.values():
        words = " ".join([*entity.aliases, entity.description or ""])
        add("entity", entity.id, entity.name, words, [])
    for source in ds.sources.values():
        add("article", source.id, site.name(source.id), source.publisher or "", [])
    for claim in ds.claims.values():
        sources = [e.source for e in claim.evidence]
        quotes = _quotes(site, claim, since)
        add("claim", claim.id, site.statement(claim), "", sources, quotes=quotes)
    return found


def embedded_json(value: object) -> str:
    """JSON safe to place inside a ``<script>`` element of an HTML page."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
