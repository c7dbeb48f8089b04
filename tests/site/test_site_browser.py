"""The built site in a real browser: Debian's Chromium driven by Playwright, no download.

Run on purpose with ``python -m pytest -m browser`` (``.ci/run`` does).  The browser is
``$KURSK_POWS_CHROMIUM`` or ``chromium`` on the path; the accessibility check needs axe-core's
``axe.min.js`` at ``$KURSK_POWS_AXE`` (``npm ci`` with ``.ci/axe/package-lock.json``).
Screenshots go to ``$KURSK_POWS_SCREENSHOTS`` (default ``build/screenshots``).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from hostile_data import hostile_spec
from pages import elements, html_pages

import kursk_pows
from kursk_pows.site import build_site, web_address
from kursk_pows.site.model import Site

pytestmark = pytest.mark.browser

Page = Any


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = {a["id"] or "" for _, a in elements(path) if "id" in a}
    return cache[path]


SHARES = 4
"""The pages are checked in this many tests (every fourth page each), which the suite's
processes share."""


@pytest.mark.parametrize("share", range(SHARES))
def test_every_page_loads_cleanly_and_every_internal_link_resolves(
    share: int, page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    outside = {web_address(s.url) for s in dataset.sources.values()} - {None}
    ids: dict[Path, set[str]] = {}
    broken: list[str] = []
    for html in html_pages(built)[share::SHARES]:
        page.goto(html.as_uri())
        targets = page.eval_on_selector_all(  # each as written, and resolved (one call a page)
            "[href], [src]",
            "nodes => nodes.map(n => n.href && n.href.baseVal !== undefined"
            " ? n.href.baseVal : (n.href || n.src))"
            ".map(t => [t, new URL(t, document.baseURI).href])",
        )
        for target, resolved in targets:
            parts = urlsplit(resolved)
            if parts.scheme != "file" and target not in outside:
                broken.append(f"{html.name}: leaves the site: {target}")
                continue
            file = Path(unquote(parts.path))
            if parts.scheme != "file":
                continue
            if not file.is_file():
                broken.append(f"{html.name}: no file {file}")
            elif (
                parts.fragment and file.suffix == ".html" and parts.fragment not in _ids(file, ids)
            ):
                broken.append(f"{html.name}: no #{parts.fragment} in {file.name}")
    assert page.problems == []
    assert broken == []


def _spans_by_key(page: Page) -> dict[str, str]:
    return dict(
        page.evaluate(
            """() => {
                const found = {};
                for (const link of document.querySelectorAll('.article-text .hl')) {
                    for (const key of link.dataset.ev.split(' ')) {
                        found[key] = (found[key] || '') + link.textContent;
                    }
                }
                return found;
            }"""
        )
    )


def test_each_article_highlights_every_evidence_quote_exactly(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    records = [*dataset.claims.values(), *dataset.events.values()]
    per_source = Counter(e.source for record in records for e in record.evidence)
    for source_id in dataset.sources:
        page.goto((built / str(site.page(source_id))).as_uri())
        assert page.locator(".anchor").count() == per_source[source_id]
        spans = site.spans.get(source_id, [])
        assert _spans_by_key(page) == {span.key: span.evidence.quote for span in spans}
    assert page.problems == []


def test_clicking_or_pressing_enter_on_a_highlight_shows_its_records(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    source_id = next(iter(dataset.sources))
    page.goto((built / str(site.page(source_id))).as_uri())
    panel = page.locator("#panel")
    assert not panel.is_visible()
    shared = page.locator('a.hl[data-ev*=" "]').first
    keys = str(shared.get_attribute("data-ev")).split()
    shared.click()
    assert panel.is_visible()
    by_key = {span.key: span for span in site.spans[source_id]}
    shown = panel.locator("article.record")
    assert shown.count() == len(keys)
    for number, key in enumerate(keys):
        assert by_key[key].record in str(shown.nth(number).text_content())
    panel.locator("button.close").click()
    assert not panel.is_visible()
    single = page.locator('a.hl:not([data-ev*=" "])').first
    single.focus()
    page.keyboard.press("Enter")
    assert panel.is_visible()
    record = by_key[str(single.get_attribute("data-ev"))].record
    assert record in str(panel.text_content())
    assert page.problems == []


def test_the_timeline_draws_one_mark_per_event_dated_on_both_sides(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    bounded = {
        site.anchor(e.id)
        for e in dataset.events.values()
        if e.date is not None and e.date.earliest and e.date.latest
    }
    page.goto((built / "timeline.html").as_uri())
    drawn = page.eval_on_selector_all(
        "#timeline-all rect.mark", "marks => marks.map(m => m.dataset.event)"
    )
    assert sorted(drawn) == sorted(bounded)
    assert page.locator("#timeline-all rect.mark").first.bounding_box()["width"] > 0
    assert page.problems == []


def test_search_finds_a_quote_and_leads_to_it_in_its_article(
    page: Page, built: Path, dataset: kursk_pows.Dataset
) -> None:
    site = Site(dataset)
    span = site.spans[next(iter(site.spans))][0]
    page.goto((built / "search.html").as_uri())
    page.fill("#q", span.evidence.quote)
    found = page.locator(f'#search-results a[href="{site.page(span.source)}#span-{span.key}"]')
    assert found.count() == 1
    assert span.evidence.quote in str(page.locator("#search-results li").first.text_content())
    assert "match" in str(page.locator("#search-status").text_content())
    found.first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"{site.page(span.source)}#span-{span.key}")
    page.goto((built / "index.html").as_uri())
    page.fill("#quick-q", "Tuva")
    page.click(".quick-search button")
    page.wait_for_load_state()
    assert page.locator("#q").input_value() == "Tuva"
    assert page.locator("#quick-q").input_value() == "Tuva"
    assert page.locator("#search-results li").count() > 0
    assert page.problems == []


def test_hostile_data_renders_as_text_with_nothing_injected(page: Page, tmp_path: Path) -> None:
    root = hostile_spec().write(tmp_path / "data")
    out = tmp_path / "site"
    build_site(kursk_pows.load(root, include_retracted=True), out, "1.0.0")
    for html in html_pages(out):
        page.goto(html.as_uri())
        for link in page.locator("a.hl").all():
            link.hover()
            link.click()
        report = page.evaluate(
            """() => ({
                pwned: window.__pwned === undefined ? null : String(window.__pwned),
                handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                    .filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
                images: document.querySelectorAll('img').length,
                svgs: [...document.querySelectorAll('svg')]
                    .filter(s => !s.classList.contains('timeline')).length,
                scripts: [...document.scripts].map(s => s.getAttribute('src') || s.type),
                scriptLinks: [...document.querySelectorAll('[href]')].filter(
                    e => /^\\s*javascript:/i.test(e.getAttribute('href'))).length,
            })"""
        )
        assert report["pwned"] is None, html.name
        assert report["handlers"] == [], html.name
        assert report["images"] == 0, html.name
        assert report["svgs"] == 0, html.name
        assert report["scriptLinks"] == 0, html.name
        expected = ["application/json"] if html.name == "search.html" else []
        assert [s for s in report["scripts"] if not s.endswith("site.js")] == expected
    article = next((out / "articles").iterdir())
    page.goto(article.as_uri())
    assert "<img src=x onerror=" in str(page.locator(".article-text").text_content())
    assert "\\u202eevil\\u202c" in str(page.locator("main").text_content())
    assert page.problems == []


def _axe() -> Path:
    path = os.environ.get("KURSK_POWS_AXE")
    if not path or not Path(path).is_file():
        pytest.fail(
            "set KURSK_POWS_AXE to axe-core's axe.min.js "
            "(copy .ci/axe/package*.json into DIR, npm ci --prefix DIR; "
            "DIR/node_modules/axe-core/axe.min.js)"
        )
    return Path(path)


def _prisoner(dataset: kursk_pows.Dataset) -> str:
    """The first person with a birth year among the claims about him."""
    return min(
        c.subject
        for c in dataset.claims.values()
        if c.predicate == "predicate:birth-year" and c.subject in dataset.entities
    )


KINDS = ("home", "article", "person", "event", "timeline", "disagreements", "search")
"""One page of each kind, as :func:`_some_pages` names them."""


def _some_pages(dataset: kursk_pows.Dataset) -> dict[str, str]:
    site = Site(dataset)
    return dict(
        zip(
            KINDS,
            (
                "index.html",
                str(site.page(next(iter(dataset.sources)))),
                str(site.page(_prisoner(dataset))),
                str(site.page(next(iter(dataset.events)))),
                "timeline.html",
                "disagreements.html",
                "search.html?q=soldier",
            ),
            strict=True,
        )
    )


@pytest.mark.parametrize("kind", KINDS)  # one test a page, which the suite's processes share
def test_pages_pass_the_axe_accessibility_check(
    kind: str, browser: Any, built: Path, dataset: kursk_pows.Dataset
) -> None:
    axe = _axe()
    context = browser.new_context(bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(built.as_uri() + "/" + _some_pages(dataset)[kind])
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    if page.locator("a.hl").count():
        page.locator("a.hl").first.click()
        page.locator("a.hl").nth(1).focus()
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
    )
    context.close()
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]
    assert violations == []


def test_pages_fit_a_phone_screen(browser: Any, built: Path, dataset: kursk_pows.Dataset) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    wide = {}
    for name in _some_pages(dataset).values():
        page.goto(built.as_uri() + "/" + name)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            wide[name] = width
    context.close()
    assert wide == {}


def test_screenshots_of_an_article_a_prisoner_the_timeline_and_search(
    browser: Any, built: Path, dataset: kursk_pows.Dataset
) -> None:
    folder = Path(os.environ.get("KURSK_POWS_SCREENSHOTS", "build/screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    site = Site(dataset)
    article = max(dataset.sources, key=lambda s: (len(site.spans.get(s, [])), s))
    places = {
        "article": str(site.page(article)),
        "prisoner": str(site.page(_prisoner(dataset))),
        "timeline": "timeline.html",
        "search": "search.html?q=capture",
    }
    shots = []
    for width, height in ((1280, 800), (375, 740)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for name, where in places.items():
            page.goto(built.as_uri() + "/" + where)
            if name == "article":
                page.locator("a.hl").nth(2).focus()
            shots.append(folder / f"{name}-{width}.png")
            page.screenshot(path=str(shots[-1]))
        context.close()
    for path in shots:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.dumps(sorted(p.name for p in shots)) == (
        '["article-1280.png", "article-375.png", "prisoner-1280.png", "prisoner-375.png", '
        '"search-1280.png", "search-375.png", "timeline-1280.png", "timeline-375.png"]'
    )
