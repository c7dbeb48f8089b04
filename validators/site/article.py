"""An article's text as HTML, with every evidence span and excluded sentence marked.

The text is cut into segments (:mod:`.highlight`).  A segment under evidence is a link to the
first record it supports, classed by the strongest kind of its evidence (``k-own``,
``k-attributed``, ``k-hedged``, ``k-disputed``; in ``data-kind-as-of`` its kind on the as-of
days it differs), and lists its records in ``data-ev`` (at most
:data:`SHOWN_KEYS`; a run of white space only is a ``<span>``, since a link needs visible
text); an empty ``span-…`` anchor marks where each evidence item starts, so records can link
back to it.  Excluded sentences are wrapped in ``<span class="excluded">``.  Everything from
the data is escaped, and control and bidi characters are shown as escapes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..reports.escaping import printable
from .highlight import Mark, segments

if TYPE_CHECKING:
    from markupsafe import Markup

    from .model import Span


@dataclass(frozen=True)
class Excluded:
    """An excluded sentence of the article, where it stands and why it is left out."""

    key: str
    start: int
    end: int
    text: str
    reason: str


SHOWN_KEYS = 32
"""At most this many records are named on one highlighted run; the rest are counted in
``data-more`` (all are listed below the text), so that deeply nested quotes cannot make the
page grow with the square of their number."""


def visible(text: str) -> str:
    """``text`` with controls and bidi characters written as escapes, line breaks kept."""
    return "\n".join(printable(line) for line in text.split("\n"))


KINDS = ("disputed", "hedged", "attributed", "own")
"""Highlight kinds, strongest first: a run covered by evidence of several kinds shows the first
(see :meth:`.model.Site.span_kind`); each is the class ``k-<kind>``."""


def strongest(kinds: Sequence[str]) -> str:
    """The first of :data:`KINDS` among ``kinds`` (``own`` when there is none)."""
    return next((kind for kind in KINDS if kind in kinds), "own")


def article_body(
    text: str,
    spans: Sequence[Span],
    excluded: Sequence[Excluded],
    retracted: set[str],
    kinds: Mapping[str, str] | None = None,
    kinds_by_day: Mapping[str, Mapping[str, str]] | None = None,
) -> Markup:
    """The article's text as marked-up, escaped HTML (see the module's docstring); ``kinds``
    gives each span key its highlight kind (``own`` when missing), ``kinds_by_day`` a span's
    kind on the as-of days it has another."""
    from markupsafe import Markup, escape

    kinds = kinds or {}
    kinds_by_day = kinds_by_day or {}

    marks = [Mark(s.key, s.start, s.end) for s in spans]
    marks += [Mark(x.key, x.start, x.end) for x in excluded]
    reasons = {x.key: x.reason for x in excluded}
    starts: dict[int, list[str]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span.key)
    struck = {s.key for s in spans if s.record in retracted}
    parts: list[str] = []
    for segment in segments(len(text), marks):
        for key in starts.pop(segment.start, ()):
            parts.append(f'<span class="anchor" id="span-{key}"></span>')
        piece = str(escape(visible(text[segment.start : segment.end])))
        evidence = [k for k in segment.keys if k not in reasons]
        if evidence:
            overall = strongest([kinds.get(k, "own") for k in evidence])
            kind = "hl k-" + overall
            if all(k in struck for k in evidence):
                kind += " gone"
            keys = f'data-ev="{" ".join(evidence[:SHOWN_KEYS])}"'
            by_day = _kinds_on_days(evidence, kinds, kinds_by_day, overall)
            if by_day:
                keys += f' data-kind-as-of="{escape(json.dumps(by_day, sort_keys=True))}"'
            if len(evidence) > SHOWN_KEYS:
                keys += f' data-more="{len(evidence) - SHOWN_KEYS}"'
            if piece.strip():
                piece = f'<a class="{kind}" href="#{evidence[0]}" {keys}>{piece}</a>'
            else:  # a link needs visible text: white space between quotes stays a plain mark
                piece = f'<span class="{kind}" {keys}>{piece}</span>'

        for key in (k for k in segment.keys if k in reasons):
            piece = f'<span class="excluded" data-x="{key}">{piece}</span>'
        parts.append(piece)
    return Markup("".join(parts))


def _kinds_on_days(
    keys: Sequence[str],
    kinds: Mapping[str, str],
    kinds_by_day: Mapping[str, Mapping[str, str]],
    overall: str,
) -> dict[str, str]:
    """The strongest kind of ``keys`` on each as-of day it is not ``overall``."""
    days = {day for key in keys for day in kinds_by_day.get(key, {})}
    found = {}
    for day in sorted(days):
        then = strongest([kinds_by_day.get(k, {}).get(day, kinds.get(k, "own")) for k in keys])
        if then != overall:
            found[day] = then
    return found
