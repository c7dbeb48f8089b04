"""What every descriptor says about the dataset: title, licence, citation, description."""

from __future__ import annotations

TITLE = "kursk-pows: two North Korean soldiers captured in Kursk, January 2025"
DESCRIPTION = (
    "The facts of news articles on the January 2025 capture of two North Korean soldiers "
    "in Russia's Kursk region, as tables of sources, entities, events and claims; every claim "
    "and event is tied to a verbatim quote of the article that reports it. An export holds the "
    "active records unless it was asked for the retracted ones too (--include-retracted); "
    "every table gives each row's status."
)
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
"""The annotations' licence; the article texts are third-party works (see the README)."""


AUTHORS = "kursk-pows maintainers"
"""The authors, as ``pyproject.toml`` and CITATION.cff name them."""


def citation(version: str) -> str:
    """How to cite this version of the dataset: the one text the README, DATASHEET.md, the site
    and every descriptor give (CITATION.cff says the same in its own fields)."""
    return f"{AUTHORS}. {TITLE}. Dataset, version {version}"
