"""``site``: the dataset as a static web site, written into a new directory in one step.

Pages are rendered with Jinja2 (extra ``site``) with autoescaping on; every text from the data
also has its control and bidi characters shown as escapes.  The site needs no server and no
network: styles and the one script are files beside the pages, the search index is embedded in
the search page, and the tables are included as CSV with their descriptors.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Callable
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
from .as_of import AS_OF_DAYS, AsOf, snapshot_days
from .facts import Fact, facts_about, open_points
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


def build_site(
    dataset: Dataset, out: str | Path, version: str, *, as_of_days: int = AS_OF_DAYS
) -> list[Path]:
    """Write the site of ``dataset`` into the new or empty directory ``out``.

    ``dataset`` should be loaded with its retracted records, which are shown struck through.
    Every page can also show the evidence as it may have stood on up to ``as_of_days`` days an
    article may first have appeared (from ``Dataset.as_of(day, possibly=True)``; see
    :mod:`kursk_pows.site.as_of`), chosen with a control that the page's script runs.  A dataset
    that is itself ``as_of`` a day gets no control, and its pages say the day.  Returns the files
    written, sorted.  Raises :class:`~kursk_pows.exports.ExportError` for an unusable ``out`` and
    :class:`~kursk_pows.tables.extras.ExtraMissing` without Jinja2.
    """
    env = _environment()
    site = Site(dataset)
    days = snapshot_days(dataset, as_of_days) if dataset.as_of_date is None else []
    as_of = AsOf(site, days)
    target = Path(out)
    with fresh_directory(target) as directory:
        _write_pages(env, site, as_of, directory, version)
    return sorted(p for p in target.rglob("*") if p.is_file())


def _facts_by_site(
    site: Site, facts: list[Fact], as_of: AsOf, subject: str
) -> Callable[[Site, str], Fact | None]:
    """``fact_in(site, proposition)``: the fact about ``subject`` stating ``proposition`` as the
    whole site or one of the as-of days' sites has it, if any."""
    found: dict[Site, dict[str, Fact]] = {site: {f.proposition: f for f in facts}}
    for moment in as_of.moments:
        ds = moment.dataset
        present = subject in ds.entities or subject in ds.events
        listed = facts_about(moment, subject) if present else []
        found[moment] = {f.proposition: f for f in listed}
    return lambda where, proposition: found[where].get(proposition)


def _coverage_by_site(site: Site, covered: Coverage) -> Callable[[Site], dict[str, int]]:
    """``coverage(site)``: the sentence counts of the whole site's or an as-of day's dataset."""
    found = {site: covered.stats()}

    def coverage(where: Site) -> dict[str, int]:
        if where not in found:
            found[where] = coverage_of(where.dataset).stats()
        return found[where]

    return coverage


def _write_pages(env: Any, site: Site, as_of: AsOf, directory: Path, version: str) -> None:
    """Every page of the site, its data and its static files, into ``directory``."""
    dataset = site.dataset
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
        "as_of": as_of,
        "day_words": day_words,
    }
    directory.mkdir(parents=True, exist_ok=True)

    def page(name: str, template: str, **context: Any) -> None:
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        root = "../" * name.count("/")
        here = name.rsplit("/", 1)[-1]
        html = env.get_template(template).render(root=root, here=here, **common, **context)
        path.write_text(html, encoding="utf-8")

    for source_id in dataset.sources:
        spans = site.spans.get(source_id, [])
        kinds = {span.key: site.span_kind(span) for span in spans}
        kinds_by_day = {
            span.key: as_of.kinds_before_dispute(span)
            for span in spans
            if kinds[span.key] == "disputed"
        }
        body = article_body(
            dataset.text(source_id),
            spans,
            excluded.get(source_id, []),
            retracted,
            kinds,
            kinds_by_day,
        )
        page(
            str(site.page(source_id)),
            "article.html",
            source=dataset.sources[source_id],
            body=body,
            spans=spans,
            kinds=kinds,
            kinds_by_day=kinds_by_day,
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
            fact_in=_facts_by_site(site, facts, as_of, subject),
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
    )
    page("disagreements.html", "disagreements.html", pairs=site.disagreements)
    page("search.html", "search.html", index=embedded_json(entries(site, as_of.since)))
    export(dataset, directory / "data", "csv", version)
    page(
        "index.html",
        "index.html",
        tables=[t.name for t in tables()],
        license=LICENSE,
        citation=citation(version),
        coverage=_coverage_by_site(site, covered),
    )
    static = resources.files("kursk_pows.site") / "static"
    for name in STATIC:
        with resources.as_file(static / name) as path:
            shutil.copyfile(path, directory / name)
