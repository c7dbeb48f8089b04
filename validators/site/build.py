"""``site``: the dataset as a static web site, written into a new directory in one step.

Pages are rendered with Jinja2 (extra ``site``) with autoescaping on; every text from the data
also has its control and bidi characters shown as escapes.  The site needs no server and no
network: styles and the one script are files beside the pages, the search index is embedded in
the search page, and the tables are included as CSV with their descriptors.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..exports import export
from ..exports.about import LICENSE, citation
from ..exports.directory import fresh_directory
from ..records.wording import span_text
from ..reports.coverage import Coverage, coverage_of
from ..reports.escaping import printable
from ..tables import tables
from ..tables.extras import need
from .article import Excluded, article_body
from .facts import facts_about, open_points
from .model import Site
from .search import embedded_json, entries
from .timeline import axis, dated, detail_window, half_open
from .words import day_words

if TYPE_CHECKING:
    from ..analysis.dataset import Dataset

STATIC = ("site.css", "site.js")


def web_address(url: str | None) -> str | None:
    """``url`` when it is a plain ``http(s)`` address, else ``None`` (shown as text only)."""
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def _environment() -> Any:
    jinja2 = need("jinja2", "site")
    markup = need("markupsafe", "site").Markup

    def finalize(value: Any) -> Any:
        """Every text from the data shows its controls and bidi characters as escapes."""
        return (
            printable(value) if isinstance(value, str) and not isinstance(value, markup) else value
        )

    return jinja2.Environment(
        loader=jinja2.PackageLoader("kursk_pows.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _excluded(covered: Coverage) -> dict[str, list[Excluded]]:
    found: dict[str, list[Excluded]] = defaultdict(list)
    for source, sentences in covered.sources.items():
        for sentence in sentences:
            if sentence.exclusion is not None:
                key = f"x-{len(found[source]) + 1}"
                found[source].append(
                    Excluded(key, sentence.start, sentence.end, sentence.text, sentence.exclusion)
                )
    return found


AS_OF_DAYS = 4
"""At most this many as-of trees: each is a whole site, so their number bounds the size."""


def snapshot_days(dataset: Dataset, most: int = AS_OF_DAYS) -> list[dt.date]:
    """The days the site is also shown as of: each day an article may first have appeared, or,
    when there are more than ``most``, ``most`` of them spread evenly from the first to the
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


@dataclass(frozen=True)
class Tree:
    """One tree of pages: the whole dataset (``day`` None) or the dataset as of ``day``,
    written under ``as-of/<day>/``."""

    day: dt.date | None
    dataset: Dataset
    site: Site

    @property
    def folder(self) -> str:
        return "" if self.day is None else f"as-of/{self.day.isoformat()}/"


def _as_of_links(trees: list[Tree], here: Tree, name: str, record: str | None, root: str) -> Any:
    """The as-of control of one page: each tree's version of the page (its index when the
    record is not in that tree), the current one marked."""
    top = root + ("../../" if here.day is not None else "")
    links = []
    for tree in trees:
        target = name if record is None else tree.site.page(record)
        label = "All articles" if tree.day is None else day_words(tree.day)
        href = f"{top}{tree.folder}{target or 'index.html'}"
        links.append({"label": label, "href": href, "current": tree is here})
    return links


def build_site(
    dataset: Dataset, out: str | Path, version: str, *, as_of_days: int = AS_OF_DAYS
) -> list[Path]:
    """Write the site of ``dataset`` into the new or empty directory ``out``.

    ``dataset`` should be loaded with its retracted records, which are shown struck through.
    Besides the pages of the whole dataset, the site holds one tree of pages per day an article
    may first have appeared (``as-of/<day>/``, from ``Dataset.as_of(day, possibly=True)``; at
    most ``as_of_days`` of those days, spread evenly, and none with 0), and every page links to
    its version in each.  A dataset that is itself ``as_of`` a day
    gets no such trees, and its pages say the day.  Returns the files written, sorted.
    Raises :class:`~kursk_pows.exports.ExportError` for an unusable ``out`` and
    :class:`~kursk_pows.tables.extras.ExtraMissing` without Jinja2.
    """
    env = _environment()
    trees = [Tree(None, dataset, Site(dataset))]
    if dataset.as_of_date is None:
        for day in snapshot_days(dataset, as_of_days):
            then = dataset.as_of(day, possibly=True)
            trees.append(Tree(day, then, Site(then)))
    target = Path(out)
    with fresh_directory(target) as directory:
        for tree in trees:
            _write_tree(env, trees, tree, directory / tree.folder, version)
    return sorted(p for p in target.rglob("*") if p.is_file())


def _write_tree(env: Any, trees: list[Tree], tree: Tree, directory: Path, version: str) -> None:
    """Every page of one tree, its data and its static files, into ``directory``."""
    dataset, site = tree.dataset, tree.site
    covered = coverage_of(dataset)
    excluded = _excluded(covered)
    retracted = {
        record_id
        for table in (dataset.claims, dataset.events)
        for record_id, record in table.items()
        if record.status != "active"
    }
    common = {
        "site": site,
        "version": version,
        "web_address": web_address,
        "span_text": span_text,
        "site_license": LICENSE["name"],
        "as_of_day": day_words(dataset.as_of_date) if dataset.as_of_date else None,
        "as_of_possibly": dataset.as_of_possibly,
        "tree_day": day_words(tree.day) if tree.day else None,
    }
    directory.mkdir(parents=True, exist_ok=True)

    def page(name: str, template: str, record: str | None = None, **context: Any) -> None:
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        root = "../" * name.count("/")
        as_of = _as_of_links(trees, tree, name, record, root) if len(trees) > 1 else []
        html = env.get_template(template).render(root=root, as_of=as_of, **common, **context)
        path.write_text(html, encoding="utf-8")

    for source_id in dataset.sources:
        spans = site.spans.get(source_id, [])
        kinds = {span.key: site.span_kind(span) for span in spans}
        body = article_body(
            dataset.text(source_id), spans, excluded.get(source_id, []), retracted, kinds
        )
        page(
            str(site.page(source_id)),
            "article.html",
            source_id,
            source=dataset.sources[source_id],
            body=body,
            spans=spans,
            kinds=kinds,
            excluded=excluded.get(source_id, []),
        )
    for subject in [*dataset.entities, *dataset.events]:
        facts = facts_about(site, subject)
        page(
            str(site.page(subject)),
            "subject.html",
            subject,
            subject=subject,
            facts=facts,
            open_points=open_points(site, subject, facts),
        )
    events = list(dataset.events.values())
    window = detail_window(events)
    page(
        "timeline.html",
        "timeline.html",
        axis=axis(events),
        detail=axis(events, window) if window else None,
        dated=dated(events),
        open_ended=half_open(events),
        day_words=day_words,
    )
    page("disagreements.html", "disagreements.html", pairs=site.disagreements)
    page("search.html", "search.html", index=embedded_json(entries(site)))
    export(dataset, directory / "data", "csv", version)
    page(
        "index.html",
        "index.html",
        tables=[t.name for t in tables()],
        stats=covered.stats(),
        license=LICENSE,
        citation=citation(version),
        retracted=len(retracted),
    )
    static = resources.files("kursk_pows.site") / "static"
    for name in STATIC:
        with resources.as_file(static / name) as path:
            shutil.copyfile(path, directory / name)
