"""Fact sheets, open points, highlight kinds and article names, on small hand-made datasets.

Every expectation is written out by hand from the factory's records and text.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pages import elements

import kursk_pows
from factory import SOURCE_ID, DatasetSpec, claim, evidence
from kursk_pows.site import build_site
from kursk_pows.site.article import article_body
from kursk_pows.site.facts import facts_about, open_points
from kursk_pows.site.model import Site


def _site(spec: DatasetSpec, tmp_path: Path) -> Site:
    return Site(kursk_pows.load(spec.write(tmp_path / "data"), include_retracted=True))


def _soldier_says_he_was_born_in_1999(spec: DatasetSpec, hedge: str | None = None) -> None:
    """A second report of the birth year: the first soldier's own word, in the same article."""
    said = claim("claim:a.birth-year-own", "person:soldier-a", "birth-year", {}, "born in 1999")
    said["value"] = {"type": "year", "year": 1999}
    said["proposition"] = "proposition:a.birth-year"
    said["claimed_by"] = "person:soldier-a"
    said["evidence"] = [evidence("The first was born in 1999", hedge=hedge)]
    spec.records["claim"].append(said)


def test_a_fact_line_counts_the_articles_and_origins_of_its_proposition(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    _soldier_says_he_was_born_in_1999(spec)
    facts = facts_about(_site(spec, tmp_path), "person:soldier-a")
    assert [(f.label, f.value, f.support) for f in facts] == [
        ("age", "25 years old (2025-01-10)", "reported in 1 article from 1 origin"),
        ("birth year", "1999", "reported in 1 article from 2 origins"),
        ("military role", "sniper", "reported in 1 article from 1 origin"),
        ("service start year", "2016", "reported in 1 article from 1 origin"),
    ]
    assert [f.anchor for f in facts] == ["fact-1", "fact-2", "fact-3", "fact-4"]
    assert [c.id for c in facts[1].claims] == ["claim:a.birth-year", "claim:a.birth-year-own"]
    assert [(f.hedges, f.disputed, f.retracted) for f in facts] == [((), None, False)] * 4


def test_the_hedge_shows_only_when_every_report_is_hedged(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    _soldier_says_he_was_born_in_1999(spec, hedge="The first")
    site = _site(spec, tmp_path / "one")
    assert [f.hedges for f in facts_about(site, "person:soldier-a")][1] == ()
    spec.one("claim:a.birth-year")["evidence"] = [evidence("born in 1999", hedge="born")]
    site = _site(spec, tmp_path / "both")
    assert [f.hedges for f in facts_about(site, "person:soldier-a")][1] == ("The first", "born")


def test_a_contradicted_fact_points_at_its_pair_on_the_disagreements_page(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    other = claim("claim:a.role-2", "person:soldier-a", "military-role", {}, "as a sniper")
    other["value"] = {"type": "text", "text": "rifleman"}
    other["links"] = [{"type": "contradicts", "claim": "claim:a.role", "note": None}]
    spec.records["claim"].append(other)
    site = _site(spec, tmp_path)
    disputed = {f.value: f.disputed for f in facts_about(site, "person:soldier-a")}
    assert disputed == {
        "25 years old (2025-01-10)": None,
        "1999": None,
        "rifleman": "disagreements.html#pair-1",
        "sniper": "disagreements.html#pair-1",
        "2016": None,
    }


def test_open_points_say_what_the_texts_leave_unknown(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one("event:transfer")["place"] = None
    count = claim("claim:g.count", "group:soldiers", "deployed-count", {}, "Two soldiers")
    count["value"] = {"type": "quantity", "qualifier": "about", "nominal": 2}
    more = claim("claim:g.more", "group:soldiers", "deployed-count", {}, "Two soldiers")
    more["value"] = {"type": "quantity", "qualifier": "at-least", "nominal": 2, "low": 2}
    spec.records["claim"] += [count, more]
    site = _site(spec, tmp_path)
    assert open_points(site, "event:capture", facts_about(site, "event:capture")) == []
    assert open_points(site, "event:transfer", facts_about(site, "event:transfer")) == [
        ("Date", "known only to lie between 9 January 2025 and 10 January 2025 (2 days)", ()),
        ("Place", "the texts name no place", ()),
    ]
    group = facts_about(site, "group:soldiers")
    assert open_points(site, "group:soldiers", group) == [
        ("deployed count", "about 2: how far “about” reaches is not said", ("claim:g.count",)),
        ("deployed count", "no upper bound is given (at least 2)", ("claim:g.more",)),
    ]


@pytest.mark.parametrize(
    ("earliest", "latest", "words"),
    [
        (None, None, "the texts give no date"),
        (
            "2025-01-09",
            None,
            "the texts give no end: only that it was no earlier than 9 January 2025",
        ),
        (
            None,
            "2025-01-10",
            "the texts give no start: only that it was no later than 10 January 2025",
        ),
        ("2025-01-09", "2025-01-09", None),
    ],
)
def test_a_date_open_at_one_end_says_which(
    earliest: str | None, latest: str | None, words: str | None
) -> None:
    from datetime import date

    from kursk_pows.site.facts import span_words

    bounds = [date.fromisoformat(d) if d else None for d in (earliest, latest)]
    span = SimpleNamespace(earliest=bounds[0], latest=bounds[1], precision="range")
    assert span_words(span) == words  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("qualifier", "nominal", "low", "high", "words"),
    [
        ("about", 2.5, None, None, "about 2.5: how far “about” reaches is not said"),
        ("exact", 2, None, None, None),
        ("at-least", None, 2, None, "no upper bound is given (at least 2)"),
        ("up-to", 5, None, 5, "no lower bound is given (at most 5)"),
        ("range", 3, 2, 5, "only a range is given: 2 to 5"),
        ("approximate-range", None, 2, 2, None),
        ("about", None, None, None, None),  # no number at all: nothing to say, and no failure
    ],
)
def test_a_quantity_says_which_bound_the_text_leaves_open(
    qualifier: str, nominal: float | None, low: float | None, high: float | None, words: str | None
) -> None:
    from kursk_pows.site.facts import value_open

    value = SimpleNamespace(
        type="quantity", qualifier=qualifier, nominal=nominal, low=low, high=high
    )
    assert value_open(value) == words


def test_an_age_says_what_its_day_leaves_open() -> None:
    from datetime import date

    from kursk_pows.site.facts import value_open

    day = date(2025, 1, 9)
    on_a_day = SimpleNamespace(earliest=day, latest=day, precision="day")
    open_end = SimpleNamespace(earliest=day, latest=None, precision="range")
    assert value_open(SimpleNamespace(type="age", at=on_a_day)) is None
    assert value_open(SimpleNamespace(type="age", at=open_end)) == (
        "the day the age refers to: the texts give no end: only that it was no earlier than "
        "9 January 2025"
    )


def _render(spec: DatasetSpec, tmp_path: Path) -> Path:
    out = tmp_path / "site"
    build_site(kursk_pows.load(spec.write(tmp_path / "data"), include_retracted=True), out, "1")
    return out


def test_a_subject_page_opens_with_its_fact_sheet_and_keeps_its_reports_folded(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    page = _render(spec, tmp_path) / "entities" / "person-soldier-a.html"
    html = page.read_text(encoding="utf-8")
    sheet = html.split('<ul class="facts-list">', 1)[1].split("</ul>", 1)[0]
    lines = [re.sub(r"<[^>]+>", "", line).strip() for line in sheet.split("</li>")[:-1]]
    assert lines == [
        "age 25 years old (2025-01-10) reported in 1 article from 1 origin",
        "birth year 1999 reported in 1 article from 1 origin",
        "military role sniper reported in 1 article from 1 origin",
        "service start year 2016 reported in 1 article from 1 origin",
    ]
    assert html.index('class="facts-list"') < html.index("<blockquote>")
    folded = [a for tag, a in elements(page) if tag == "details"]
    assert [a.get("id") for a in folded] == [None, "fact-1", "fact-2", "fact-3", "fact-4"]
    assert all("open" not in a for a in folded)
    for number in range(1, 5):
        assert f'href="#fact-{number}"' in sheet


def test_a_member_page_names_its_groups_claims_in_one_line(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    count = claim("claim:g.count", "group:soldiers", "deployed-count", {}, "Two soldiers")
    count["value"] = {"type": "quantity", "qualifier": "exact", "nominal": 2}
    spec.records["claim"].append(count)
    out = _render(spec, tmp_path)
    member = (out / "entities" / "person-soldier-b.html").read_text(encoding="utf-8")
    line = re.findall(r'<p class="group-claims">(.*?)</p>', member)
    assert [re.sub(r"<[^>]+>", "", text) for text in line] == [
        "Claims about the groups second soldier belongs to are on their pages: "
        "the two soldiers (1 claim)."
    ]
    assert "Two soldiers" not in member  # the group's claim and its quote stay on its page


def _span(key: str, start: int, end: int) -> Any:
    return SimpleNamespace(key=key, start=start, end=end, record=f"claim:{key}")


def test_a_highlight_takes_the_strongest_kind_of_its_records() -> None:
    text = "aaaa bbbb cccc"
    spans = [_span("ev-1", 0, 9), _span("ev-2", 5, 14)]
    kinds = {"ev-1": "own", "ev-2": "hedged"}
    body = str(article_body(text, spans, [], set(), kinds))
    assert re.findall(r'class="([^"]*)" href="#[^"]*" data-ev="([^"]*)"', body) == [
        ("hl k-own", "ev-1"),
        ("hl k-hedged", "ev-1 ev-2"),
        ("hl k-hedged", "ev-2"),
    ]
    assert 'class="hl k-own"' in str(article_body(text, spans, [], set()))


@pytest.mark.parametrize(
    ("kind", "record", "speaker", "via", "hedge", "contradicted"),
    [
        ("own", "claim:a.role", SOURCE_ID, [], None, False),
        ("attributed", "claim:a.role", "person:soldier-a", [], None, False),
        ("attributed", "claim:a.role", SOURCE_ID, ["person:soldier-b"], None, False),
        ("hedged", "claim:a.role", "person:soldier-a", [], "as a", False),
        ("disputed", "claim:a.role", SOURCE_ID, [], "as a", True),
        ("own", "event:capture", None, [], None, False),
    ],
)
def test_each_evidence_item_gets_its_kind(
    spec: DatasetSpec,
    tmp_path: Path,
    kind: str,
    record: str,
    speaker: str | None,
    via: list[str],
    hedge: str | None,
    contradicted: bool,
) -> None:
    if speaker is not None:
        made = spec.one(record)
        made["claimed_by"] = speaker
        made["evidence"] = [evidence("as a sniper", via=via, hedge=hedge)]
    if contradicted:
        other = claim("claim:a.role-2", "person:soldier-a", "military-role", {}, "as a sniper")
        other["value"] = {"type": "text", "text": "rifleman"}
        other["links"] = [{"type": "contradicts", "claim": record, "note": None}]
        spec.records["claim"].append(other)
    site = _site(spec, tmp_path)
    [span] = [s for s in site.spans[SOURCE_ID] if s.record == record]
    assert site.span_kind(span) == kind


def test_an_article_is_named_by_title_or_publisher_and_date_never_by_id(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    source = spec.one(SOURCE_ID)
    assert _site(spec, tmp_path / "a").name(SOURCE_ID) == "untitled article (2025-01-10)"
    source["publisher"] = "The Daily Test"
    named = _site(spec, tmp_path / "b").name(SOURCE_ID)
    assert named == "untitled article (The Daily Test, 2025-01-10)"
    source["publisher"] = None
    source["published"] = None
    assert (
        _site(spec, tmp_path / "c").name(SOURCE_ID)
        == "untitled article beginning “Two soldiers were captured on January 9. The…”"
    )
    out = _render(spec, tmp_path / "d")
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        shown = re.sub(r"<code>[^<]*</code>", "", html)  # the id stays as the record's id
        assert SOURCE_ID not in re.sub(r"<[^>]+>", "", shown), page.name


@pytest.mark.parametrize(
    ("published", "words"),
    [
        ({"earliest": "2025-01-10", "latest": "2025-01-10", "precision": "day"}, "10 January 2025"),
        (
            {"earliest": "2025-01-12", "latest": None, "precision": "range"},
            "12 January 2025 or later",
        ),
        (
            {"earliest": None, "latest": "2025-02-01", "precision": "range"},
            "1 February 2025 or earlier",
        ),
        (
            {"earliest": "2025-01-10", "latest": "2025-01-31", "precision": "range"},
            "between 10 January 2025 and 31 January 2025",
        ),
    ],
)
def test_an_articles_byline_gives_its_date_in_words(
    spec: DatasetSpec, tmp_path: Path, published: dict[str, Any], words: str
) -> None:
    spec.one(SOURCE_ID)["published"] = {**published, "basis": None}
    assert _site(spec, tmp_path).published(SOURCE_ID) == f"published {words}"


def test_an_entity_page_knows_the_events_it_is_in_and_the_claims_it_makes(
    dataset: kursk_pows.Dataset,
) -> None:
    """Each entity takes part in the events that name it as a participant or as their place,
    and makes the claims it is the claimant of."""
    site = Site(dataset)
    events = list(dataset.events.values())
    roles = set()
    for entity_id in dataset.entities:
        expected = [(e.id, p.role) for e in events for p in e.participants if p.entity == entity_id]
        expected += [(e.id, "place") for e in events if e.place == entity_id]
        assert sorted(site.events_of(entity_id)) == sorted(expected), entity_id
        roles |= {role for _, role in expected}
        made = [c.id for c in dataset.claims.values() if c.claimed_by == entity_id]
        assert [c.id for c in site.claims_made_by(entity_id)] == made, entity_id
    assert "place" in roles
    assert len(roles) > 1
    assert any(site.claims_made_by(e) for e in dataset.entities)


def _support(articles: int, outlets: int) -> Any:
    """A stand-in dataset with no records (a test adds those it needs) whose every proposition
    is reported in ``articles`` articles from ``outlets`` outlets and one origin."""
    counts = {"articles": articles, "outlets": outlets, "origins": 1}
    behind = SimpleNamespace(counts=lambda: counts, origins=("person:speaker",))
    tables: dict[str, Any] = {t: {} for t in ("sources", "entities", "events", "claims")}
    return SimpleNamespace(**tables, predicates={}, support=lambda record_id: behind)


def test_the_outlets_are_counted_apart_only_when_articles_share_one() -> None:
    """Articles that share a wire credit count once as outlets; the support text says so only
    when that makes the count differ."""
    assert Site(_support(3, 2)).support_text("claim:x") == (
        "reported in 3 articles (2 outlets), from 1 origin (person:speaker)"
    )
    assert Site(_support(3, 3)).support_text("claim:x") == (
        "reported in 3 articles, from 1 origin (person:speaker)"
    )


def test_a_short_statement_marks_a_subject_name_it_cut(dataset: kursk_pows.Dataset) -> None:
    site = Site(dataset)
    claim = next(c for c in dataset.claims.values() if len(site.name(c.subject)) > 20)
    assert site.short_statement(claim, 1000) == site.statement(claim)
    short = site.short_statement(claim, 20)
    subject = short.split(" — ")[0]
    assert subject.endswith("…")
    assert site.name(claim.subject).startswith(subject.removesuffix("…"))


def test_an_evidence_item_names_its_claimant_unless_the_article_speaks(
    dataset: kursk_pows.Dataset,
) -> None:
    site = Site(dataset)
    seen = set()
    for span in (s for spans in site.spans.values() for s in spans):
        claim = dataset.claims.get(span.record)
        own = claim is None or claim.claimed_by == span.source
        speaker = "This article" if own else site.name(claim.claimed_by)  # type: ignore[union-attr]
        assert site.claimant(span) == speaker, span.key
        seen.add(own)
    assert seen == {True, False}


def test_only_events_with_no_date_bound_are_undated() -> None:
    day = "2025-01-09"
    dates = {
        "event:none": None,
        "event:no-bound": SimpleNamespace(earliest=None, latest=None),
        "event:open-end": SimpleNamespace(earliest=day, latest=None),
        "event:open-start": SimpleNamespace(earliest=None, latest=day),
        "event:day": SimpleNamespace(earliest=day, latest=day),
    }
    events = {
        i: SimpleNamespace(id=i, date=d, participants=(), place=None) for i, d in dates.items()
    }
    dataset = _support(1, 1)
    dataset.events = events
    assert [e.id for e in Site(dataset).undated()] == ["event:none", "event:no-bound"]


def test_a_disagreement_is_a_contradiction_between_two_claims_of_the_dataset() -> None:
    """Only ``contradicts`` links make pairs, and only to a claim the dataset holds."""

    def link(kind: str, other: str) -> Any:
        return SimpleNamespace(type=kind, claim=other, note=f"{kind} {other}")

    links = {
        "claim:a": [link("contradicts", "claim:b"), link("refines", "claim:c")],
        "claim:b": [link("contradicts", "claim:gone")],
        "claim:c": [],
    }
    dataset = _support(1, 1)
    dataset.claims = {
        i: SimpleNamespace(id=i, claimed_by="person:x", links=ls) for i, ls in links.items()
    }
    assert Site(dataset).disagreements == [("claim:a", "claim:b", "contradicts claim:b")]


def test_the_entities_are_listed_once_each_under_their_type(dataset: kursk_pows.Dataset) -> None:
    groups = Site(dataset).entities_by_type()
    assert [kind for kind, _ in groups] == sorted({str(e.type) for e in dataset.entities.values()})
    listed = [(kind, i) for kind, ids in groups for i in ids]
    assert sorted(i for _, i in listed) == sorted(dataset.entities)
    assert all(str(dataset.entities[i].type) == kind for kind, i in listed)
