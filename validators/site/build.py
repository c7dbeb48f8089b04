"""``site``: the dataset as a static web site, written into a new directory in one step.

Pages are rendered with Jinja2 (extra ``site``) with autoescaping on; every text from the data
also has its control and bidi characters shown as escapes.  The site needs no server and no
network: styles and the one script are files beside the pages, the search index is embedded in
the search page, and the tables are included as CSV with their descriptors.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
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


def build_site(dataset: Dataset, out: str | Path, version: str) -> list[Path]:
    """Write the site of ``dataset`` into the new or empty directory ``out``.

    ``dataset`` should be loaded with its retracted records, which are shown struck through.
    Returns the files written, sorted.  Raises :class:`~kursk_pows.exports.ExportError` for an
    unusable ``out`` and :class:`~kursk_pows.tables.extras.ExtraMissing` without Jinja2.
    """
    env = _environment()
    site = Site(dataset)
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
    }
    target = Path(out)
    with fresh_directory(target) as directory:

        def page(name: str, template: str, **context: Any) -> None:
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            root = "../" * name.count("/")
            html = env.get_template(template).render(root=root, **common, **context)
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
    return sorted(p for p in target.rglob("*") if p.is_file())
