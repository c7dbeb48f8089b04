"""The search page's index: names, values and quotes, each with the page that shows it.

The index is embedded in the page as JSON inside ``<script type="application/json">`` (a page
opened from ``file://`` cannot fetch a file).  :func:`embedded_json` escapes ``<``, ``>`` and
``&`` so that no text in the data can close the element.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..reports.escaping import printable

if TYPE_CHECKING:
    from .model import Site


def entries(site: Site) -> list[dict[str, str]]:
    """One entry per entity, event, claim and evidence quote: kind, label, text, address."""
    ds = site.dataset
    found: list[dict[str, str]] = []

    def add(kind: str, label: str, text: str, href: str | None) -> None:
        if href is not None:
            found.append(
                {"kind": kind, "label": printable(label), "text": printable(text), "href": href}
            )

    for entity in ds.entities.values():
        names = " ".join([entity.name, *entity.aliases, entity.description or ""])
        add("entity", entity.name, names, site.href(entity.id))
    for event in ds.events.values():
        add("event", event.description, event.description, site.href(event.id))
    for claim in ds.claims.values():
        add("claim", site.statement(claim), site.statement(claim), site.href(claim.id))
    records: list[Any] = [*ds.events.values(), *ds.claims.values()]
    for record in records:
        for position, evidence in enumerate(record.evidence):
            label = f"“{evidence.quote}” ({site.name(evidence.source)})"
            add("quote", label, evidence.quote, site.span_href(record.id, position))
    return found


def embedded_json(value: object) -> str:
    """JSON safe to place inside a ``<script>`` element of an HTML page."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
