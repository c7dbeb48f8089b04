"""The as-of control: one tree of pages that can show the evidence as it may have stood on each
day an article may first have appeared.  A part not yet known on a day has ``data-from`` set
to a later day, a note shown only before a record is known has ``data-until``, and a text that
read differently then has its words for that day in ``data-as-of``; the expectations here come
from ``Dataset.as_of(day, possibly=True)``."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pages import elements, html_pages

import kursk_pows
from kursk_pows.site import build_site
from kursk_pows.site.as_of import AS_OF_DAYS
from kursk_pows.site.model import Site

NIS = "event:nis-confirmation"
CAPTURE = "event:capture"


def _publication_days(dataset: kursk_pows.Dataset) -> list[str]:
    """Every day an article may first have appeared."""
    return sorted(
        {
            s.published.earliest.isoformat()
            for s in dataset.sources.values()
            if s.published is not None and s.published.earliest is not None
        }
    )


def _control_days(built: Path) -> list[str]:
    """The days the overview's as-of control offers, in order."""
    return [
        str(a["data-day"])
        for tag, a in elements(built / "index.html")
        if tag == "a" and a.get("data-day")
    ]


@dataclass
class Part:
    """An element of a page with the as-of attributes of it and of its ancestors."""

    tag: str
    attributes: dict[str, str | None]
    hidden_from: list[str] = field(default_factory=list)
    text: str = ""

    def shown_on(self, day: str) -> bool:
        return all(day >= since for since in self.hidden_from)

    def text_on(self, day: str) -> str:
        changed = json.loads(self.attributes.get("data-as-of") or "{}")
        return str(changed.get(day, self.text)).strip()


VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})
"""HTML elements that have no end tag."""


class Parts(HTMLParser):
    """Every element of a page as a :class:`Part`, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Part] = []
        self.open: list[Part] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        above = self.open[-1].hidden_from if self.open else []
        since = attributes.get("data-from")
        part = Part(tag, attributes, [*above, since] if since else list(above))
        self.found.append(part)
        if tag not in VOID:
            self.open.append(part)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        if any(p.tag == tag for p in self.open):
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        for part in self.open:
            part.text += data


def parts(path: Path) -> list[Part]:
    parser = Parts()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.found


def _classed(found: list[Part], tag: str, name: str) -> list[Part]:
    return [p for p in found if p.tag == tag and name in (p.attributes.get("class") or "").split()]


@pytest.fixture(scope="module")
def site(dataset: kursk_pows.Dataset) -> Site:
    return Site(dataset)


def test_every_page_offers_the_days_articles_may_first_have_appeared(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    """Each such day while there are at most ``AS_OF_DAYS``, else that many from the first to
    the last; the same on every page."""
    every = _publication_days(dataset)
    days = _control_days(built)
    assert len(days) == min(len(every), AS_OF_DAYS) >= 2
    assert set(days) <= set(every)
    assert (days[0], days[-1]) == (every[0], every[-1])
    for page in html_pages(built):
        if "data" in page.relative_to(built).parts:
            continue
        found = parts(page)
        navs = [p for p in found if p.tag == "nav" and p.attributes.get("aria-label") == "As of"]
        assert len(navs) == 1, page
        start = found.index(navs[0])
        links = [p.attributes for p in found[start:] if p.tag == "a" and "data-day" in p.attributes]
        assert [a["data-day"] for a in links] == ["", *days], page
        assert [a["href"] for a in links] == [
            page.name,
            *(f"{page.name}?as-of={day}" for day in days),
        ]
    assert not (built / "as-of").exists()


def test_pages_and_cards_are_shown_from_the_day_their_records_are_known(
    dataset: kursk_pows.Dataset, built: Path, site: Site
) -> None:
    cards = {site.anchor(c): c for c in dataset.claims}
    pairs = _classed(parts(built / "disagreements.html"), "section", "pair")
    assert len(pairs) == len(site.disagreements)
    for day in _control_days(built):
        then = dataset.as_of(day, possibly=True)
        shown = [p.shown_on(day) for p in pairs]
        assert shown == [a in then.claims and b in then.claims for a, b, _ in site.disagreements]
        for source_id in dataset.sources:
            body = _classed(parts(built / str(site.page(source_id))), "div", "article-page")
            assert [p.shown_on(day) for p in body] == [source_id in then.sources], source_id
        for event_id in dataset.events:
            found = parts(built / str(site.page(event_id)))
            body = _classed(found, "div", "subject-body")
            assert [p.shown_on(day) for p in body] == [event_id in then.events], (event_id, day)
        for subject in [*dataset.entities, *dataset.events]:
            for card in _classed(parts(built / str(site.page(subject))), "article", "claim"):
                claim_id = cards[str(card.attributes["id"])]
                assert card.shown_on(day) == (claim_id in then.claims), (claim_id, day)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def test_fact_sheets_count_what_was_known_on_each_day(
    dataset: kursk_pows.Dataset, built: Path, site: Site
) -> None:
    """Each line of a fact sheet is shown on the days a claim of its proposition is known, with
    the articles and origins that support it then."""
    checked = 0
    for day in _control_days(built):
        then = dataset.as_of(day, possibly=True)
        for subject in [*dataset.entities, *dataset.events]:
            found = parts(built / str(site.page(subject)))
            shown = {
                str(p.attributes["data-proposition"]): p
                for p in _classed(found, "li", "fact")
                if p.shown_on(day)
            }
            expected = (
                {c.proposition for c in then.claims_about(subject)}
                if subject in then.entities or subject in then.events
                else set()
            )
            assert set(shown) == expected, (subject, day)
            for proposition, line in shown.items():
                counts = then.support(proposition).counts()
                assert _support_words(found, line, day) == (
                    f"reported in {_plural(counts['articles'], 'article')} "
                    f"from {_plural(counts['origins'], 'origin')}"
                ), (subject, proposition, day)
                checked += 1
    assert checked > 0


def test_the_front_page_counts_the_articles_known_on_each_day(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    """The front page's line of records reads, as of each day, the number of articles known
    then."""
    found = parts(built / "index.html")
    (term,) = [p for p in found if p.tag == "dt" and p.text == "Records"]
    line = found[found.index(term) + 1]
    assert line.tag == "dd"
    for day in _control_days(built):
        then = dataset.as_of(day, possibly=True)
        assert line.text_on(day).startswith(_plural(len(then.sources), "article") + ","), day
    assert line.text_on("").startswith(_plural(len(dataset.sources), "article") + ",")


def test_a_text_that_varies_is_kept_as_its_words_on_each_day_it_differs(
    dataset: kursk_pows.Dataset, site: Site
) -> None:
    """``data-as-of`` holds a rendered text's words (tags dropped, entities decoded) on each day
    they differ from the whole site's, and only on those."""
    from html import unescape

    from markupsafe import Markup

    from kursk_pows.site.as_of import AsOf

    days = [dt.date.fromisoformat(d) for d in _publication_days(dataset)]
    attribute = str(
        AsOf(site, days).vary(
            lambda s: Markup("<b>{}</b> &amp; more").format(len(s.dataset.sources))
        )
    )
    (value,) = re.findall(r' data-as-of="([^"]*)"', attribute)
    counts = {d.isoformat(): len(dataset.as_of(d, possibly=True).sources) for d in days}
    assert json.loads(unescape(value)) == {
        day: f"{count} & more" for day, count in counts.items() if count != len(dataset.sources)
    }
    assert len(json.loads(unescape(value))) >= 1


def _support_words(found: list[Part], line: Part, day: str) -> str:
    """The words of the support span inside a fact line, as on ``day``."""
    start = found.index(line)
    span = next(
        p for p in found[start + 1 :] if "fact-support" in (p.attributes.get("class") or "")
    )
    inner = found[found.index(span) + 1]
    return inner.text_on(day)


def test_a_claim_is_marked_disputed_from_the_day_its_dispute_is_known(
    dataset: kursk_pows.Dataset, built: Path, site: Site
) -> None:
    """Each record card of an article page names its kind on each day: ``disputed`` only once
    both claims of a contradicting pair are known, else the kind it has then."""
    changed = 0
    for day in _control_days(built):
        then = Site(dataset.as_of(day, possibly=True))
        for source_id in then.dataset.sources:
            spans = {span.key: span for span in site.spans.get(source_id, [])}
            # the same span in the day's site (its positions in a record may differ then)
            same = {(s.record, s.start, s.end): s for s in then.spans.get(source_id, [])}
            found = parts(built / str(site.page(source_id)))
            for card in _classed(found, "article", "record"):
                span = spans[str(card.attributes["id"])]
                by_day = json.loads(card.attributes.get("data-kind-as-of") or "{}")
                shown = by_day.get(day, card.attributes["data-kind"])
                expected = then.span_kind(same[(span.record, span.start, span.end)])
                assert shown == expected, (source_id, span.record, day)
                changed += shown != card.attributes["data-kind"]
    assert changed > 0


def test_the_nis_confirmation_is_not_known_before_sunday_and_the_capture_once_reported(
    dataset: kursk_pows.Dataset, built: Path, site: Site
) -> None:
    """The NIS confirmation (Sunday 12 January 2025) is reported by no article that may have
    appeared before that day: its page says so then; the capture (9 January) is known from the
    first day an article reporting it may have appeared."""
    sunday = dt.date(2025, 1, 12).isoformat()
    days = _control_days(built)
    first_report = min(
        str(dataset.sources[e.source].published.earliest) for e in dataset.events[CAPTURE].evidence
    )
    nis = parts(built / str(site.page(NIS)))
    capture = parts(built / str(site.page(CAPTURE)))
    for day in _control_days(built):
        (body,) = _classed(nis, "div", "subject-body")
        assert body.shown_on(day) == (day >= sunday)
        (body,) = _classed(capture, "div", "subject-body")
        assert body.shown_on(day) == (day >= first_report)
    notes = _classed(nis, "p", "not-yet")
    assert [n.attributes["data-until"] for n in notes] == [min(d for d in days if d >= sunday)]


def test_the_search_index_says_from_when_each_record_is_known(
    dataset: kursk_pows.Dataset, built: Path, site: Site
) -> None:
    found = parts(built / "search.html")
    (data,) = [p for p in found if p.attributes.get("id") == "search-data"]
    entries = json.loads(data.text)
    pages = {str(site.page(r)): r for r in [*dataset.sources, *dataset.entities, *dataset.events]}
    for day in _control_days(built):
        then = dataset.as_of(day, possibly=True)
        known = {*then.sources, *then.entities, *then.events}
        for entry in entries:
            if entry["kind"] == "claim":
                continue
            record = pages[entry["href"]]
            assert (entry.get("from", "") <= day) == (record in known), (record, day)


def test_a_site_of_one_day_says_so_and_has_no_control(
    dataset: kursk_pows.Dataset, tmp_path: Path
) -> None:
    build_site(dataset.as_of("2025-01-12"), tmp_path / "site", "9.9.9")
    index = tmp_path / "site" / "index.html"
    assert "As of 12 January 2025: only the articles certainly published by then." in (
        index.read_text(encoding="utf-8")
    )
    assert not [a for tag, a in elements(index) if tag == "nav" and a["aria-label"] == "As of"]


def _sources(days: list[str]) -> object:
    """Sources published on ``days``, and two whose first day is not known."""
    from types import SimpleNamespace

    sources = {
        f"source:s{n}": SimpleNamespace(
            published=SimpleNamespace(earliest=dt.date.fromisoformat(d), latest=None)
        )
        for n, d in enumerate(days)
    }
    sources["source:undated"] = SimpleNamespace(published=None)
    sources["source:later"] = SimpleNamespace(
        published=SimpleNamespace(earliest=None, latest=dt.date(2025, 2, 1))
    )
    return SimpleNamespace(sources=sources)


def test_at_most_a_few_days_spread_from_the_first_to_the_last() -> None:
    from kursk_pows.site.as_of import snapshot_days

    days = [f"2025-01-{n:02d}" for n in range(1, 11)]
    picked = snapshot_days(_sources(days), 4)  # type: ignore[arg-type]
    assert [d.isoformat() for d in picked] == [
        "2025-01-01",
        "2025-01-04",
        "2025-01-07",
        "2025-01-10",
    ]
    three = snapshot_days(_sources(days[:3] + days[:3]), 4)  # type: ignore[arg-type]
    assert [d.isoformat() for d in three] == days[:3]
    assert snapshot_days(_sources(days), 0) == []  # type: ignore[arg-type]
    one, two = (snapshot_days(_sources(days), n) for n in (1, 2))  # type: ignore[arg-type]
    assert [d.isoformat() for d in one] == days[-1:]
    assert [d.isoformat() for d in two] == [days[0], days[-1]]


def test_the_command_offers_as_many_days_as_the_library_by_default() -> None:
    from kursk_pows.cli import site as command
    from kursk_pows.site import as_of

    assert command.AS_OF_DAYS == as_of.AS_OF_DAYS


def test_the_command_can_leave_the_control_out(tmp_path: Path) -> None:
    from kursk_pows.cli import main

    assert main(["site", str(tmp_path / "none"), "--as-of-days", "0"]) == 0
    index = tmp_path / "none" / "index.html"
    assert not [a for tag, a in elements(index) if tag == "nav" and a["aria-label"] == "As of"]
    assert "data-from" not in index.read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_control_changes_counts_and_hides_what_was_not_yet_known(
    page: Any, built: Path, dataset: kursk_pows.Dataset, site: Site
) -> None:
    """In Chromium, from ``file://``: the capture's page as of the first day it was reported
    counts the articles reporting it then, the NIS confirmation's page says it was not yet
    reported before Sunday 12 January 2025, and links keep the day."""
    days = _control_days(built)
    first = next(d for d in days if CAPTURE in dataset.as_of(d, possibly=True).events)
    counts = [
        len({e.source for e in known.events[CAPTURE].evidence})
        for known in (dataset, dataset.as_of(first, possibly=True))
    ]
    page.goto((built / str(site.page(CAPTURE))).as_uri())
    assert f"reported in {_plural(counts[0], 'article')}" in page.locator(".lede").inner_text()
    page.locator("nav.as-of a[data-day='" + first + "']").click()
    page.wait_for_url("**?as-of=" + first)
    assert f"reported in {_plural(counts[1], 'article')}" in page.locator(".lede").inner_text()
    assert page.locator("nav.as-of a[aria-current='page']").get_attribute("data-day") == first
    assert page.locator("#as-of-note").is_visible()
    timeline = page.locator("header nav[aria-label='Site'] a", has_text="Timeline")
    assert timeline.get_attribute("href").endswith("timeline.html?as-of=" + first)
    pages = [built / str(site.page(source)) for source in dataset.sources]
    changing = [p for p in pages if f"&#34;{first}&#34;" in p.read_text(encoding="utf-8")]
    article = changing[0].as_uri()  # an article with a highlight of another kind that day
    count = "n => document.querySelectorAll('.article-text .hl.k-disputed').length"
    page.goto(article)
    disputed = page.evaluate(count)
    page.goto(article + "?as-of=" + first)
    undisputed = page.evaluate(
        "d => [...document.querySelectorAll('.article-text .hl[data-kind-as-of]')]"
        ".filter(n => JSON.parse(n.dataset.kindAsOf)[d] !== undefined).length",
        first,
    )
    assert undisputed > 0
    assert page.evaluate(count) == disputed - undisputed
    before_sunday = [d for d in days if d < dt.date(2025, 1, 12).isoformat()][-1]
    page.goto((built / str(site.page(NIS))).as_uri() + "?as-of=" + before_sunday)
    assert page.locator("p.not-yet").is_visible()
    assert not page.locator(".fact-sheet").is_visible()
    page.goto((built / str(site.page(NIS))).as_uri())
    assert not page.locator("p.not-yet").is_visible()
    assert page.locator(".fact-sheet").is_visible()
    assert page.problems == []
