"""The as-of control: the site as it may have stood on each day an article may first have
appeared, one tree of pages per day under ``as-of/<day>/``, every page linking to its
versions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pages import elements, html_pages

import kursk_pows
from kursk_pows.site import build_site
from kursk_pows.site.model import Site

CAPTURE_PAGE = str(Site(kursk_pows.load()).page("event:capture"))
NIS_PAGE = str(Site(kursk_pows.load()).page("event:nis-confirmation"))


def _days(dataset: kursk_pows.Dataset) -> set[str]:
    return {
        s.published.earliest.isoformat()
        for s in dataset.sources.values()
        if s.published is not None and s.published.earliest is not None
    }


def _control(page: Path) -> list[str]:
    """The hrefs of the page's as-of control, in order (it ends where the search form starts)."""
    found, inside = [], False
    for tag, attributes in elements(page):
        if tag == "nav":
            inside = attributes.get("aria-label") == "As of"
        elif tag == "form":
            inside = False
        elif tag == "a" and inside:
            found.append(str(attributes["href"]))
    return found


def test_one_tree_per_day_an_article_may_have_appeared(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    assert {p.name for p in (built / "as-of").iterdir()} == _days(dataset)
    for day in _days(dataset):
        then = dataset.as_of(day, possibly=True)
        articles = {p.name for p in (built / "as-of" / day / "articles").glob("*.html")}
        assert len(articles) == len(then.sources)


def test_every_page_links_to_its_version_in_every_tree(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    trees = 1 + len(_days(dataset))
    for page in html_pages(built):
        if "data" in page.relative_to(built).parts:
            continue
        links = _control(page)
        assert len(links) == trees, page
        for href in links:
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_the_story_grows_from_tree_to_tree(dataset: kursk_pows.Dataset, built: Path) -> None:
    """The NIS confirmation (Sunday 12 January 2025) is not in any tree before that day; the
    capture (9 January) is in every tree from the day an article reporting it may first have
    appeared."""
    sunday = dt.date(2025, 1, 12)
    for day in sorted(_days(dataset)):
        tree = built / "as-of" / day
        has_nis = (tree / NIS_PAGE).is_file()
        assert has_nis == (dt.date.fromisoformat(day) >= sunday)
        assert (tree / CAPTURE_PAGE).is_file()
        page = (tree / CAPTURE_PAGE).read_text(encoding="utf-8")
        assert "as it may have stood on" in page
    links = _control(built / CAPTURE_PAGE)
    first = sorted(_days(dataset))[0]
    assert f"../as-of/{first}/{CAPTURE_PAGE}" in links


def test_a_site_of_one_day_says_so_and_has_no_trees(
    dataset: kursk_pows.Dataset, tmp_path: Path
) -> None:
    build_site(dataset.as_of("2025-01-12"), tmp_path / "site", "9.9.9")
    assert not (tmp_path / "site" / "as-of").exists()
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "As of 12 January 2025: only the articles certainly published by then." in index


def _sources(days: list[str]) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(
        sources={
            f"source:s{n}": SimpleNamespace(
                published=SimpleNamespace(earliest=dt.date.fromisoformat(d), latest=None)
            )
            for n, d in enumerate(days)
        }
    )


def test_at_most_a_few_days_spread_from_the_first_to_the_last() -> None:
    from kursk_pows.site.build import snapshot_days

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


def test_the_command_can_leave_the_days_out(tmp_path: Path) -> None:
    from kursk_pows.cli import main

    assert main(["site", str(tmp_path / "none"), "--as-of-days", "0"]) == 0
    assert not (tmp_path / "none" / "as-of").exists()
