"""The dataset card's prose counts what the data holds: no number of articles is written in."""

from __future__ import annotations

import hashlib
from pathlib import Path

import kursk_pows
from factory import SOURCE_ID, DatasetSpec
from kursk_pows.reports.datasheet import number, render_datasheet, write_datasheet


def _card(spec: DatasetSpec, root: Path) -> str:
    spec.write(root)
    return render_datasheet(kursk_pows.load(root), kursk_pows.coverage(root), "1.0.0")


def test_one_article_is_counted_in_words(spec: DatasetSpec, tmp_path: Path) -> None:
    card = _card(spec, tmp_path / "ds")
    assert "The facts stated by one news article (listed under" in card
    assert (
        "- One news article only. Unknown from the texts, and recorded as intervals or `null`: "
        "0 of 1 exact publication dates, 1 of 1 publishers, 1 of 1 URLs.\n"
    ) in card


def test_a_second_article_changes_the_counts(spec: DatasetSpec, tmp_path: Path) -> None:
    text = b"A second text. It has a URL and a publisher but no date."
    spec.texts["sources/second.txt"] = text
    spec.records["source"].append(
        {
            **spec.one(SOURCE_ID),
            "id": "source:second",
            "publisher": "Example Wire",
            "url": "https://example.invalid/second",
            "published": None,
            "path": "sources/second.txt",
            "sha256": hashlib.sha256(text).hexdigest(),
        }
    )
    spec.records["exclusion"] += [
        {"id": f"exclusion:second-{n}", "source": "source:second", "sentence": s, "reason": "test"}
        for n, s in enumerate(["A second text.", "It has a URL and a publisher but no date."])
    ]
    card = _card(spec, tmp_path / "ds")
    assert "The facts stated by two news articles (listed under" in card
    assert "five" not in card.lower().split("## sources")[0]
    assert (
        "- Two news articles only. Unknown from the texts, and recorded as intervals or `null`: "
        "1 of 2 exact publication dates, 1 of 2 publishers, 1 of 2 URLs.\n"
    ) in card


def test_counts_are_words_up_to_ten_and_digits_above() -> None:
    assert [number(n) for n in (0, 1, 10, 11, 12)] == ["no", "one", "ten", "11", "12"]


def test_an_article_whose_record_says_everything_leaves_nothing_unknown(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    spec.one(SOURCE_ID).update(
        {"title": "Two captured", "publisher": "Example", "url": "https://example.invalid/a"}
    )
    card = _card(spec, tmp_path / "ds")
    row = next(line for line in card.splitlines() if line.startswith(f"| `{SOURCE_ID}` |"))
    assert row.endswith("| nothing |")


def test_write_datasheet_says_whether_the_card_changed(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "checkout" / "dataset")
    card = tmp_path / "checkout" / "DATASHEET.md"
    assert write_datasheet(root, "1.0.0") is True
    first = card.read_text(encoding="utf-8")
    assert first == render_datasheet(kursk_pows.load(root), kursk_pows.coverage(root), "1.0.0")
    assert write_datasheet(root, "1.0.0") is False
    assert card.read_text(encoding="utf-8") == first
    assert write_datasheet(root, "1.0.1") is True
    assert card.read_text(encoding="utf-8") != first
