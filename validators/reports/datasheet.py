"""DATASHEET.md, the dataset card, rendered from the data so that it cannot drift."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..analysis.dataset import Dataset, load
from ..exports.about import citation
from ..models import Source
from ..records.wording import span_text
from ..releases.atomic import write_text_atomic
from .coverage import Coverage, coverage_of

DATASHEET = "DATASHEET.md"

INTRO = """\
# Datasheet: kursk-pows {version}

Generated from the data whenever the manifest is written (`python3 scripts/bump.py`,
`kursk-pows manifest`); a test fails when it is out of date.

## What the dataset covers

The facts stated by {articles} (listed under "Sources") about Ukraine's capture of
two North Korean soldiers in Russia's Kursk region in January 2025, and the other war news they
report alongside (North Korea's deployment and losses, the Kursk incursion, the front line near
Pokrovsk and Kurakhove, diplomatic statements, a Russian tanker adrift in the Baltic). Each fact
is a claim or an event tied to the exact words of the article that reports it, with who asserts
it and through whom.

It does **not** cover: anything those articles do not say (no outside knowledge, no later
reporting, no corrections of the articles), the photos and videos the articles mention (only
what the texts say about them), or the truth of the claims: a claim records that someone said
something, not that it is so.
"""

BUILT = """\
## How it was built and reviewed

- Each article text is shipped unchanged, as received, and pinned by its SHA-256.
- Annotators read each article sentence by sentence and recorded every fact as claims and events,
  with verbatim quotes anchored by character offsets. Every sentence is either covered by the
  evidence of some record or listed in `exclusions.jsonl` with the reason it states no fact
  (headings, bylines, photo credits, link lines); the validator fails otherwise.
- A second reader who did not write the records checked each article line by line against them;
  the corrections are listed in CHANGELOG.md.
- `kursk-pows validate` checks structure, quotes, references and consistency on every change.

## Licence and citation

Annotations (`*.jsonl`, `schema/`): CC BY 4.0. Code: MIT. Article texts: third-party works,
copyright of their publishers and agencies, included only so that quotes can be verified.

Cite the version you used; for this one:

{citation}

CITATION.cff in the source repository says the same in machine-readable form.

## Known limitations

{limits}
- Where an article does not say which prisoner a fact is about, the claim is about the pair (a
  group), or the evidence records the article's words for the man (`mention`) and the basis of
  the identification (`identification`); an unnamed speaker ("One soldier") identified by
  inference has `speaker_mention` and `speaker_identification`, and one that no text identifies
  ("one prisoner") is filed under the pair.
- The attribution review of 2026-12 re-read every record, one reviewer per article and one
  across articles; docs/reviews/2026-12-attribution.md says what was done with each finding and
  what is left. Version 1.0.0 filed every claim under its proposition and re-read the texts by
  class; docs/reviews/2026-12-propositions.md compares the article counts of 51 propositions with
  a count made by hand from the texts alone. `Dataset.support` counts the reports, articles,
  origins and outlets behind a proposition; an article count is not a count of independent
  confirmations.
- Coverage counts a sentence as covered when any evidence overlaps it; that every fact of a
  covered sentence is on record rests on the annotation and the review, not on a rule.
- Relative dates ("on Sunday", "five months ago") are resolved only where the texts allow, with
  the basis written down; otherwise they stay intervals.
"""


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number(n: int) -> str:
    """A count as the card writes it in prose: a word up to ten, digits above."""
    return NUMBERS[n] if n < len(NUMBERS) else str(n)


def _articles(n: int) -> str:
    return f"{number(n)} news {'article' if n == 1 else 'articles'}"


def _limits(ds: Dataset) -> str:
    """The first known limitation: how few articles, and what their texts leave unknown."""
    sources = list(ds.sources.values())
    undated = sum(1 for s in sources if s.published is None or s.published.latest is None)
    n = len(sources)
    no_publisher = sum(1 for s in sources if s.publisher is None)
    no_url = sum(1 for s in sources if s.url is None)
    return (
        f"- {_articles(n).capitalize()} only. Unknown from "
        f"the texts, and recorded as intervals or `null`: {undated} of {n} exact publication "
        f"dates, {no_publisher} of {n} publishers, {no_url} of {n} URLs."
    )


def _unknown(source: Source) -> str:
    missing = [name for name in ("title", "publisher", "url") if getattr(source, name) is None]
    if source.published is None or source.published.latest is None:
        missing.append("exact publication date")
    return ", ".join(missing) or "nothing"


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _sources(ds: Dataset) -> list[str]:
    lines = [
        "## Sources",
        "",
        "| id | title | publisher | url | published | credits | unknown from the text |",
        "|---|---|---|---|---|---|---|",
    ]
    for source in ds.sources.values():
        credits = "; ".join(f"{c.name} ({c.role})" for c in source.credits)
        lines.append(
            f"| `{source.id}` | {_cell(source.title)} | {_cell(source.publisher)} | "
            f"{_cell(source.url)} | {span_text(source.published)} | {_cell(credits)} | "
            f"{_unknown(source)} |"
        )
    lines += ["", "How each publication date was determined:", ""]
    lines += [
        f"- `{s.id}`: {_cell(s.published.basis if s.published else None)}"
        for s in ds.sources.values()
    ]
    return lines


def _counts(ds: Dataset, coverage: Coverage) -> list[str]:
    stats = coverage.stats()
    lines = [
        "## Counts",
        "",
        "| records | count |",
        "|---|---|",
        f"| sources | {len(ds.sources)} |",
        f"| entities | {len(ds.entities)} |",
        f"| events | {len(ds.events)} |",
        f"| claims | {len(ds.claims)} |",
        f"| evidence items | {sum(len(c.evidence) for c in ds.claims.values())} (claims), "
        f"{sum(len(e.evidence) for e in ds.events.values())} (events) |",
        f"| predicates | {len(ds.predicates)} |",
        f"| sentences | {stats['sentences']}: {stats['covered']} covered, "
        f"{stats['excluded']} excluded, {stats['uncovered']} uncovered |",
        "",
        "Entities by type: "
        + ", ".join(
            f"{t} {n}" for t, n in sorted(Counter(e.type for e in ds.entities.values()).items())
        )
        + ".",
        "",
        "| predicate | value type | claims |",
        "|---|---|---|",
    ]
    used = Counter(c.predicate for c in ds.claims.values())
    lines += [f"| `{p.id}` | {p.value_type} | {used[p.id]} |" for p in ds.predicates.values()]
    return lines


def _support_counts(ds: Dataset) -> list[str]:
    """How many propositions are reported by n articles, and by n origins."""
    active = [p for p in ds.propositions.values() if p.status == "active"]
    found = [ds.support(p.id).counts() for p in active]
    by_articles = Counter(c["articles"] for c in found)
    by_origins = Counter(c["origins"] for c in found)
    lines = [
        "## Who stands behind a proposition",
        "",
        f"{len(active)} propositions: statements (subject, predicate, value) whoever makes them, "
        "each stated by one claim per claimant (`Dataset.propositions`, `Dataset.support`). "
        f"{sum(c['articles'] >= 2 for c in found)} are reported by two or more articles; "
        f"{sum(c['origins'] >= 2 for c in found)} come from two or more origins (distinct "
        "original claimants: the speaker behind any intermediaries, or an article's own voice); "
        f"{sum(c['outlets'] >= 2 for c in found)} reach two or more outlets (articles sharing a "
        "wire credit count once).",
        "",
        "| reported by | articles | origins |",
        "|---|---|---|",
    ]
    for n in sorted(set(by_articles) | set(by_origins)):
        lines.append(f"| {n} | {by_articles[n]} | {by_origins[n]} |")
    return lines


def _disagreements(ds: Dataset) -> list[str]:
    lines = [
        "## Disagreements on record",
        "",
        "Claims linked as contradicting or refining one another; both sides are kept.",
        "",
        "| claim | link | other claim | note |",
        "|---|---|---|---|",
    ]
    for claim in ds.claims.values():
        for link in claim.links:
            if link.type in ("contradicts", "refines"):
                lines.append(
                    f"| `{claim.id}` | {link.type} | `{link.claim}` | {_cell(link.note)} |"
                )
    return lines


def render_datasheet(ds: Dataset, coverage: Coverage, version: str) -> str:
    """The whole dataset card as Markdown."""
    parts = [
        INTRO.format(version=version, articles=_articles(len(ds.sources))),
        "\n".join(_sources(ds)),
        "\n".join(_counts(ds, coverage)),
        "\n".join(_support_counts(ds)),
        "\n".join(_disagreements(ds)),
        BUILT.format(citation=citation(version), limits=_limits(ds)),
    ]
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def write_datasheet(root: Path, version: str) -> bool:
    """Rewrite the DATASHEET.md beside the dataset directory ``root`` (in its checkout) from
    the data; return whether it changed.  Raises :class:`~kursk_pows.DatasetInvalid` when the
    data has errors (nothing is written then)."""
    dataset = load(root)
    text = render_datasheet(dataset, coverage_of(dataset), version)
    path = root.parent / DATASHEET
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    write_text_atomic(path, text)
    return True
