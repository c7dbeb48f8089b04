"""``build_site`` and ``kursk-pows site``: every page, deterministic, atomic, hostile data inert."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hostile_data import ATTACKS, BIDI, hostile_spec
from pages import elements, html_pages

import kursk_pows
from kursk_pows.cli import main
from kursk_pows.exports import ExportError
from kursk_pows.site import build_site
from kursk_pows.site.model import Site
from kursk_pows.tables import tables
from kursk_pows.tables.extras import ExtraMissing


def _evidence_per_source(dataset: kursk_pows.Dataset) -> Counter[str]:
    records = [*dataset.claims.values(), *dataset.events.values()]
    return Counter(e.source for record in records for e in record.evidence)


def test_every_record_with_a_page_gets_one(dataset: kursk_pows.Dataset, built: Path) -> None:
    site = Site(dataset)
    expected = {"index.html", "timeline.html", "disagreements.html", "search.html"}
    for table in (dataset.sources, dataset.entities, dataset.events):
        expected |= {str(site.page(record_id)) for record_id in table}
    written = {str(p.relative_to(built)) for p in html_pages(built)}
    assert set(written) == expected
    assert {p.name for p in (built / "data").iterdir()} == {
        *(f"{t.name}.csv" for t in tables()),
        "datapackage.json",
        "croissant.json",
    }


def test_each_article_has_one_anchor_per_evidence_item(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    site = Site(dataset)
    for source_id, count in _evidence_per_source(dataset).items():
        page = built / str(site.page(source_id))
        anchors = [a for tag, a in elements(page) if a.get("class") == "anchor"]
        records = [
            a
            for tag, a in elements(page)
            if tag == "article" and "record" in (a.get("class") or "")
        ]
        assert len(anchors) == count == len(records), source_id


class _Excluded(HTMLParser):
    """The text of each excluded sentence marked in an article page, by its ``data-x`` key."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.texts: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.open.append(
            attributes.get("data-x") if attributes.get("class") == "excluded" else None
        )

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for key in filter(None, self.open):
            self.texts[key] = self.texts.get(key, "") + data


def test_each_article_marks_the_sentences_its_exclusions_name(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    """The excluded sentences marked in an article are those its exclusions name, no others."""
    site = Site(dataset)
    for source_id in dataset.sources:
        parser = _Excluded()
        parser.feed((built / str(site.page(source_id))).read_text(encoding="utf-8"))
        named = [x.sentence for x in dataset.exclusions.values() if x.source == source_id]
        assert set(parser.texts.values()) == set(named), source_id  # a sentence may recur
    assert dataset.exclusions


def test_only_evidence_of_retracted_records_is_struck_through(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    """A highlighted run is classed ``gone`` exactly when every record whose evidence it shows
    is retracted."""
    site = Site(dataset)
    status = {i: r.status for table in (dataset.claims, dataset.events) for i, r in table.items()}
    seen = set()
    for source_id in dataset.sources:
        records = {span.key: span.record for span in site.spans.get(source_id, [])}
        html = (built / str(site.page(source_id))).read_text(encoding="utf-8")
        for classes, keys in re.findall(r'class="hl ([^"]*)"[^>]*data-ev="([^"]*)"', html):
            gone = all(status[records[key]] != "active" for key in keys.split())
            assert ("gone" in classes.split()) == gone, (source_id, keys)
            seen.add(gone)
    assert seen == {True, False}


def test_the_site_is_the_same_bytes_each_time(dataset: kursk_pows.Dataset, tmp_path: Path) -> None:
    first = build_site(dataset, tmp_path / "a", "1.0.0")
    second = build_site(dataset, tmp_path / "b", "1.0.0")
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second
    ]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))


def test_a_directory_with_files_is_refused_and_left_alone(
    dataset: kursk_pows.Dataset, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not a new or empty directory"):
        build_site(dataset, out, "1.0.0")
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_without_jinja2_the_error_names_the_extra(
    dataset: kursk_pows.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(
        ExtraMissing,
        match=r'pip install "kursk-pows\[site\]" \(in a checkout of '
        r'the source: pip install -e "\.\[site\]"\)$',
    ):
        build_site(dataset, tmp_path / "out", "1.0.0")
    assert not (tmp_path / "out").exists()


def _hostile_site(tmp_path: Path) -> Path:
    root = hostile_spec().write(tmp_path / "data")
    out = tmp_path / "site"
    build_site(kursk_pows.load(root, include_retracted=True), out, "1.0.0")
    return out


def test_hostile_text_is_inert_in_every_page(tmp_path: Path) -> None:
    out = _hostile_site(tmp_path)
    for page in html_pages(out):
        html = page.read_text(encoding="utf-8")
        for attack in ATTACKS:
            assert attack not in html, page.name
        assert BIDI not in html, page.name
        assert "\u202e" not in html, page.name
        for tag, attrs in elements(page):
            assert not [name for name in attrs if name.startswith("on")], (page.name, tag)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:")), (page.name, tag)
            if tag == "script":
                assert attrs in (
                    {"src": attrs.get("src")},
                    {"type": "application/json", "id": "search-data"},
                )
                assert attrs.get("src") in (None, "site.js", "../site.js")
    article = next((out / "articles").iterdir()).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = &#39;script&#39;;&lt;/script&gt;" in article
    assert "\\u202eevil\\u202c" in article
    assert "javascript:window.__pwned" in article  # shown as text
    assert 'href="javascript:' not in article


def test_the_command_builds_the_bundled_site(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "kursk_pows", "site", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    written = sum(1 for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert run.stdout == f"wrote {written} files (site) to {tmp_path / 'out'}\n"


def test_the_command_refuses_a_used_directory_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "kursk_pows", "site", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1
    assert "not a new or empty directory" in run.stderr


def test_every_page_allows_only_its_own_script_and_style(built: Path) -> None:
    for page in html_pages(built):
        policies = [
            a.get("content")
            for tag, a in elements(page)
            if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
        ]
        assert policies == [
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "base-uri 'none'; form-action 'self'"
        ], page.name


def test_the_readme_site_command_builds_the_site(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Seeing the evidence: the site\n", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^```sh\n(.*?)\n```$", section, flags=re.M | re.S)
    assert commands == ["kursk-pows site site-out"]
    monkeypatch.chdir(tmp_path)
    assert main(shlex.split(commands[0])[1:]) == 0
    assert (tmp_path / "site-out" / "index.html").is_file()


def test_each_claim_card_states_its_articles_and_origins(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    site = Site(dataset)
    members: dict[str, list[Any]] = {}
    for claim in dataset.claims.values():
        members.setdefault(claim.proposition, []).append(claim)

    def articles(claim: Any) -> set[str]:
        return {e.source for c in members[claim.proposition] for e in c.evidence}

    claim = max(dataset.claims.values(), key=lambda c: (len(articles(c)), c.id))
    origins = {c.claimed_by for c in members[claim.proposition]}
    page = (built / str(site.page(claim.id))).read_text(encoding="utf-8")
    card = page.split(f'id="{site.anchor(claim.id)}"', 1)[1].split("</article>", 1)[0]
    assert f"reported in {len(articles(claim))} articles" in card
    assert f"from {len(origins)} origin" in card
    assert f"<code>{claim.proposition}</code>" in card


def _resolves(built: Path, href: str | None) -> bool:
    """Whether a site address names a written page, and an element of it after ``#``."""
    if href is None:
        return False
    name, _, fragment = href.partition("#")
    page = built / name
    return page.is_file() and (not fragment or f'id="{fragment}"' in page.read_text("utf-8"))


def test_record_and_evidence_addresses_lead_to_their_place_in_the_built_site(
    dataset: kursk_pows.Dataset, built: Path
) -> None:
    """Every source, entity, event and claim has an address in the site, every quote found in
    its article the address of its highlight, and what has no page (a predicate, an evidence
    item that does not exist) has none."""
    site = Site(dataset)
    for table in (dataset.sources, dataset.entities, dataset.events, dataset.claims):
        for record_id in table:
            assert _resolves(built, site.href(record_id)), record_id
    for span in (s for spans in site.spans.values() for s in spans):
        assert _resolves(built, site.span_href(span.record, span.position)), span
    assert site.span_of
    assert site.href(next(iter(dataset.predicates))) is None
    assert site.span_href(next(iter(dataset.claims)), 10_000) is None
