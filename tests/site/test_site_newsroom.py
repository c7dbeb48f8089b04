"""The site as a reader meets it, in a real browser: fact sheets above the fold, highlights
told apart by kind, their tooltips, the timeline's lanes and the ranked search.

Run with ``python -m pytest -m browser`` (see ``test_site_browser.py``).  Expectations are read
from the records with small implementations of their own, never from the site's code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from kursk_pows.site.model import Site

pytestmark = pytest.mark.browser

Page = Any
KIND_CLASSES = ("k-own", "k-attributed", "k-hedged", "k-disputed")


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def test_each_prisoners_fact_sheet_shows_his_birth_year_above_the_fold(
    browser: Any, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    label = dataset.predicates["predicate:birth-year"].label
    years: dict[str, dict[str, list[Any]]] = {}
    for claim in dataset.claims.values():
        if claim.predicate == "predicate:birth-year" and claim.status == "active":
            years.setdefault(claim.subject, {}).setdefault(claim.proposition, []).append(claim)
    assert len(years) >= 2
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    for person, propositions in sorted(years.items()):
        page.goto((built / str(site.page(person))).as_uri())
        lines = page.locator(".facts-list .fact", has=page.locator(".fact-label", has_text=label))
        assert lines.count() == len(propositions), person
        shown = [str(t) for t in lines.all_text_contents()]
        for claims in propositions.values():
            articles = {e.source for c in claims for e in c.evidence}
            origins = {c.claimed_by for c in claims}
            support = (
                f"reported in {_plural(len(articles), 'article')} "
                f"from {_plural(len(origins), 'origin')}"
            )
            year = str(claims[0].value.year)
            assert [s for s in shown if year in s and support in s], (person, shown)
        for number in range(lines.count()):
            assert lines.nth(number).bounding_box()["y"] + 30 <= 800, person
        sheet = page.locator(".facts-list").bounding_box()
        assert sheet["y"] + sheet["height"] <= 800, person
        assert page.locator("details[open]").count() == 0
        assert page.locator("blockquote").first.is_hidden()
    context.close()


def test_a_fact_links_to_its_reports_one_click_away(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    person = min(
        c.subject for c in dataset.claims.values() if c.predicate == "predicate:birth-year"
    )
    page.goto((built / str(site.page(person))).as_uri())
    value = page.locator(".facts-list .fact-value").first
    target = str(value.get_attribute("href")).lstrip("#")
    assert page.locator(f"#{target}").get_attribute("open") is None
    value.click()
    assert page.locator(f"#{target}").get_attribute("open") is not None
    assert page.locator(f"#{target} blockquote").first.is_visible()
    assert page.problems == []


def _expected_kinds(dataset: kursk_pows.Dataset, site: Site) -> dict[str, dict[str, str]]:
    """Each article's span keys with the kind their records say they are."""
    contradicted = set()
    for claim in dataset.claims.values():
        for link in claim.links:
            if link.type == "contradicts":
                contradicted |= {claim.id, link.claim}
    found: dict[str, dict[str, str]] = {}
    for source, spans in site.spans.items():
        for span in spans:
            claim = dataset.claims.get(span.record)
            speaker = claim.claimed_by if claim is not None else span.source
            if claim is not None and claim.id in contradicted:
                kind = "disputed"
            elif span.evidence.hedge:
                kind = "hedged"
            elif speaker != span.source or span.evidence.via:
                kind = "attributed"
            else:
                kind = "own"
            found.setdefault(source, {})[span.key] = kind
    return found


def test_highlights_are_told_apart_by_kind_with_and_without_colour(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    expected = _expected_kinds(dataset, site)
    seen: set[str] = set()
    for source, kinds in expected.items():
        page.goto((built / str(site.page(source))).as_uri())
        runs = page.eval_on_selector_all(
            ".article-text a.hl",
            "links => links.map(l => [l.dataset.ev, l.className,"
            " getComputedStyle(l).borderBottomStyle])",
        )
        styles = page.eval_on_selector_all(
            ".legend .hl.sample",
            "samples => samples.map(s => [s.className, getComputedStyle(s).borderBottomStyle])",
        )
        legend = {
            next(c for c in KIND_CLASSES if c in name.split()): style for name, style in styles
        }
        assert sorted(legend) == sorted(KIND_CLASSES)
        assert len(set(legend.values())) == len(KIND_CLASSES)  # a line style each
        for keys, classes, style in runs:
            [kind] = [c for c in classes.split() if c.startswith("k-")]
            if " " not in keys:
                assert kind == f"k-{kinds[keys]}", (source, keys)
                seen.add(kinds[keys])
            assert style == legend[kind], (source, keys)
    assert seen == {"own", "attributed", "hedged", "disputed"}
    assert page.problems == []


def test_a_highlight_shows_who_says_what_on_focus_and_hover(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    source, span = next(
        (source, span)
        for source, spans in site.spans.items()
        for span in spans
        if span.record in dataset.claims
        and dataset.claims[span.record].claimed_by in dataset.entities
    )
    claim = dataset.claims[span.record]
    who = dataset.entities[claim.claimed_by].name
    what = dataset.predicates[claim.predicate].label
    page.goto((built / str(site.page(source))).as_uri())
    tip = page.locator("#tip")
    assert tip.is_hidden()
    link = page.locator(f'a.hl[data-ev^="{span.key} "], a.hl[data-ev="{span.key}"]').first
    link.focus()
    assert tip.is_visible()
    assert who in str(tip.text_content())
    assert what in str(tip.text_content())
    assert link.get_attribute("aria-describedby") == "tip"
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.locator("a.hl").nth(3).hover()
    assert tip.is_visible()
    tip.hover()  # the pointer can move onto the tooltip to read it (WCAG 1.4.13)
    assert tip.is_visible()
    page.mouse.move(0, 0)
    assert tip.is_hidden()
    link.click()
    assert page.locator("a.hl.selected[aria-current=true]").count() == 1
    page.locator("#panel button.close").click()
    assert page.locator("a.hl.selected").count() == 0
    assert page.problems == []


def _bounds(event: Any) -> tuple[Any, Any]:
    date = event.date
    return (None, None) if date is None else (date.earliest, date.latest)


def test_the_timeline_gives_open_ended_events_their_own_lane_and_clips_no_label(
    browser: Any, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    one_bound = {
        site.anchor(e.id) for e in dataset.events.values() if (_bounds(e).count(None) == 1)
    }
    assert one_bound
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto((built / "timeline.html").as_uri())
    listed = page.eval_on_selector_all("#open-ended li", "items => items.map(i => i.dataset.event)")
    assert sorted(listed) == sorted(one_bound)
    drawn = page.eval_on_selector_all("svg rect", "marks => marks.map(m => m.dataset.event)")
    assert not one_bound & set(drawn)
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('svg.timeline')].flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')].filter(t => {
                const r = t.getBoundingClientRect();
                return r.left < box.left - 0.5 || r.right > box.right + 0.5;
            }).map(t => t.textContent);
        })"""
    )
    assert clipped == []
    window = page.eval_on_selector_all(
        "#timeline-detail text.day-label", "labels => labels.map(l => l.dataset.day)"
    )
    days = sorted(
        e.date.earliest.isoformat()
        for e in dataset.events.values()
        if e.date is not None
        and e.date.precision == "day"
        and e.date.earliest is not None
        and e.date.earliest.isoformat() in window
    )
    assert days
    for day in days:
        label = page.locator(f'#timeline-detail text.day-label[data-day="{day}"]')
        assert label.text_content() == str(int(day[-2:]))
        assert label.bounding_box()["height"] >= 10
    context.close()
    phone = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = phone.new_page()
    page.goto((built / "timeline.html").as_uri())
    assert page.locator("svg.timeline").first.is_hidden()
    assert page.locator(".events-table tbody tr").first.is_visible()
    assert page.locator("#open-ended li").first.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    phone.close()


KIND_RANK = {"event": 0, "entity": 1, "article": 2, "claim": 3}


def test_search_ranks_exact_names_first_by_kind_one_result_per_record(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    word = re.compile(r"(^|\W)capture($|\W)", re.IGNORECASE)
    named = [e for e in dataset.events.values() if word.search(e.description)]
    best = max(named, key=lambda e: (len({x.source for x in e.evidence}), e.id))
    page.goto((built / "search.html").as_uri() + "?q=capture")
    assert page.locator("#quick-q").input_value() == "capture"
    assert page.locator("#q").input_value() == "capture"
    results = page.eval_on_selector_all(
        "#search-results li",
        "items => items.map(i => [i.querySelector('a').getAttribute('href'),"
        " i.querySelector('a').textContent, i.querySelector('.kind').textContent])",
    )
    assert results[0][0] == site.href(best.id)
    assert len({href for href, _, _ in results}) == len(results)
    whole = [bool(word.search(label)) for _, label, _ in results]
    assert whole == sorted(whole, reverse=True)  # names holding the word come first
    kinds = [KIND_RANK[kind] for (_, _, kind), hit in zip(results, whole, strict=True) if hit]
    assert kinds == sorted(kinds)
    assert page.problems == []
