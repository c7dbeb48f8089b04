"""Articles named for people: by title, else by who carried them and when, never by id alone."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from kursk_pows.records.wording import source_name, value_text


def _source(
    title: str | None,
    publisher: str | None,
    credits: list[tuple[str, str]],
    earliest: dt.date | None,
    latest: dt.date | None,
) -> Any:
    published = None
    if earliest or latest:
        published = SimpleNamespace(earliest=earliest, latest=latest, precision="range")
    return SimpleNamespace(
        id="source:x",
        title=title,
        publisher=publisher,
        credits=[SimpleNamespace(name=n, role=r) for n, r in credits],
        published=published,
    )


DAY = dt.date(2025, 1, 12)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (_source("A title", "P", [], DAY, DAY), "A title"),
        (
            _source(None, "Daily", [("AFP", "news-agency")], DAY, DAY),
            "untitled article (Daily, 2025-01-12)",
        ),
        (
            _source(
                None,
                None,
                [("Reuters", "wire-service"), ("PAP", "wire-service"), ("Jane", "author")],
                DAY,
                None,
            ),
            "untitled article (Reuters/PAP, 2025-01-12 or later)",
        ),
        (_source(None, None, [("Jane", "photo")], None, None), "untitled article source:x"),
        (
            _source(None, None, [], DAY, dt.date(2025, 1, 31)),
            "untitled article (2025-01-12 to 2025-01-31)",
        ),
    ],
    ids=["title", "publisher and day", "wire credits, open end", "nothing known", "a range"],
)
def test_an_article_is_named_by_what_its_record_says(source: Any, expected: str) -> None:
    assert source_name(source) == expected


def test_quantities_in_words() -> None:
    def quantity(qualifier: str, **numbers: float | str | None) -> Any:
        fields = {"nominal": None, "low": None, "high": None, "unit": None, **numbers}
        return SimpleNamespace(type="quantity", qualifier=qualifier, **fields)

    assert value_text(quantity("exact", nominal=3.0, unit="soldiers"), str) == "3 soldiers"
    assert value_text(quantity("about", nominal=2.5), str) == "about 2.5"
    assert value_text(quantity("range", low=2, high=4), str) == "2 to 4"
    assert value_text(quantity("approximate-range", low=10, high=20), str) == "about 10 to 20"
    assert value_text(quantity("up-to", high=12, unit="km"), str) == "up to 12 km"
    assert value_text(quantity("fewer-than", high=5), str) == "fewer than 5"
    assert value_text(quantity("range", high=12, unit="km"), str) == "at most 12 km"
    assert value_text(quantity("at-least", low=3), str) == "at least 3"
    assert value_text(quantity("more-than", low=1000), str) == "more than 1,000"
    assert value_text(quantity("approximate-range", low=0.0), str) == "at least 0"
    assert value_text(quantity("range", unit="days"), str) == "no number given (days)"
    assert value_text(quantity("exact"), str) == "no number given"


def test_an_article_known_only_to_be_published_before_a_day_is_not_dated() -> None:
    """Only an earliest day dates an untitled article (``? to`` a day says nothing useful)."""
    source = _source(None, "Reuters", [], None, dt.date(2025, 1, 31))
    assert source_name(source) == "untitled article (Reuters)"
