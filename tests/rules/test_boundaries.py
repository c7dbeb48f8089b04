"""The edges of the interval rules, each pinned by the exact issues on both of its sides.

Written against the mutants a mutation pass left alive (mutation/README.md): a comparison moved
by one, a condition dropped, an overlap test replaced by equality, a link ignored.  Each case
is one change to the valid minimal dataset and the exact (code, record) list it must give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from factory import DatasetSpec, claim, day, predicate

Change = Callable[[DatasetSpec], None]
Expected = list[tuple[str, str | None]]


def _service_from(year: int) -> Change:
    def change(spec: DatasetSpec) -> None:
        spec.one("claim:a.service-start")["value"]["year"] = year

    return change


def _two_values(value_type: str, first: dict[str, Any], second: dict[str, Any]) -> Change:
    """Two claims of one single-valued predicate about soldier a."""

    def change(spec: DatasetSpec) -> None:
        spec.records["predicate"].append(predicate("fact", value_type, ["person"], True))
        for n, value in enumerate((first, second), start=1):
            made = claim(f"claim:a.fact-{n}", "person:soldier-a", "fact", value, "as a sniper")
            if n == 2 and second == first:  # one statement by a second claimant: one proposition
                made.update(proposition="proposition:a.fact-1", claimed_by="person:soldier-b")
            spec.records["claim"].append(made)

    return change


def _dates(a: tuple[str, str], b: tuple[str, str]) -> Change:
    def span(bounds: tuple[str, str]) -> dict[str, Any]:
        return {"earliest": bounds[0], "latest": bounds[1], "precision": "range"}

    return _two_values("date", {"type": "date", "date": span(a)}, {"type": "date", "date": span(b)})


def _quantities(a: tuple[int, int], b: tuple[int, int]) -> Change:
    def value(bounds: tuple[int, int]) -> dict[str, Any]:
        return {"type": "quantity", "qualifier": "range", "low": bounds[0], "high": bounds[1]}

    return _two_values("quantity", value(a), value(b))


def _ages(a: int, b: int, at: dict[str, Any]) -> Change:
    return _two_values(
        "age", {"type": "age", "years": a, "at": at}, {"type": "age", "years": b, "at": at}
    )


def _month(iso_first: str, iso_last: str) -> dict[str, Any]:
    return {"earliest": iso_first, "latest": iso_last, "precision": "month"}


def _nominal(nominal: int, low: int, high: int) -> Change:
    def change(spec: DatasetSpec) -> None:
        value = {
            "type": "quantity",
            "qualifier": "about",
            "nominal": nominal,
            "low": low,
            "high": high,
        }
        spec.records["claim"].append(
            claim("claim:deployed", "group:soldiers", "deployed-count", value, "Two soldiers")
        )

    return change


def _dated_claim(earliest: str | None, latest: str | None, precision: str) -> Change:
    """One claim whose value is a date span (the rule reads a claim's date as well as an
    event's date and a source's publication)."""

    def change(spec: DatasetSpec) -> None:
        spec.records["predicate"].append(predicate("fact", "date", ["person"], True))
        span = {"earliest": earliest, "latest": latest, "precision": precision}
        spec.records["claim"].append(
            claim(DATED, "person:soldier-a", "fact", {"type": "date", "date": span}, "as a sniper")
        )

    return change


def _contradicting(claim_id: str, other: str, change: Change) -> Change:
    def linked(spec: DatasetSpec) -> None:
        change(spec)
        spec.one(claim_id)["links"] = [{"type": "contradicts", "claim": other}]

    return linked


def _successor_retracted(spec: DatasetSpec) -> None:
    successor = claim(
        "claim:a.role-2",
        "person:soldier-a",
        "military-role",
        {"type": "text", "text": "x"},
        "as a sniper",
    )
    successor["status"] = "retracted"
    successor["retraction"] = {"reason": "also misread"}
    spec.records["claim"].append(successor)
    spec.one("claim:a.role")["status"] = "retracted"
    spec.one("claim:a.role")["retraction"] = {
        "reason": "misread",
        "superseded_by": "claim:a.role-2",
    }


def _born(year: int) -> Change:
    def change(spec: DatasetSpec) -> None:
        spec.one("claim:a.birth-year")["value"]["year"] = year

    return change


DATED = "claim:a.fact-date"
START = "claim:a.service-start"
AGE = "claim:a.age"
SECOND = "claim:a.fact-2"
CONFLICT = ("single-value-conflict", SECOND)
CASES: dict[str, tuple[Change, Expected]] = {
    # born 1999: service in 1999 means joining at age 0 -- implausible, not before birth
    "service in the birth year": (_service_from(1999), [("service-age-implausible", START)]),
    "service the year before birth": (_service_from(1998), [("service-before-birth", START)]),
    # joining in 2013 is at 13 or 14: 14 is plausible; in 2012, 12 or 13 is not
    "service at 13 or 14": (_service_from(2013), []),
    "service at 12 or 13": (_service_from(2012), [("service-age-implausible", START)]),
    # serving from 2024: born 1958, joining at 65 or 66 is plausible; born 1957, 66 or 67 not
    "service from 65 or 66": (
        lambda spec: (_born(1958)(spec), _service_from(2024)(spec), _age(spec, 66)),
        [],
    ),
    "service from 66 or 67": (
        lambda spec: (_born(1957)(spec), _service_from(2024)(spec), _age(spec, 67)),
        [("service-age-implausible", START)],
    ),
    "service before birth, linked as contradicting": (
        _contradicting(START, "claim:a.birth-year", _service_from(1990)),
        [],
    ),
    "age impossible, linked as contradicting": (
        _contradicting(AGE, "claim:a.birth-year", lambda spec: _age(spec, 27)),
        [],
    ),
    "age 24 on the day is impossible for 1999": (
        lambda spec: _age(spec, 24),
        [("age-birth-year-conflict", AGE)],
    ),
    "age 26 on the day is possible for 1999": (lambda spec: _age(spec, 26), []),
    "age 27 on the day is impossible for 1999": (
        lambda spec: _age(spec, 27),
        [("age-birth-year-conflict", AGE)],
    ),
    "overlapping date spans agree": (
        _dates(("2024-10-01", "2024-11-30"), ("2024-11-01", "2024-12-31")),
        [],
    ),
    "date spans touching on a day agree": (
        _dates(("2024-10-01", "2024-11-01"), ("2024-11-01", "2024-12-31")),
        [],
    ),
    "disjoint date spans conflict": (
        _dates(("2024-10-01", "2024-10-31"), ("2024-11-01", "2024-12-31")),
        [CONFLICT],
    ),
    "overlapping quantities agree": (_quantities((5, 10), (10, 20)), []),
    "disjoint quantities conflict": (_quantities((5, 9), (10, 20)), [CONFLICT]),
    "two ages on one day conflict": (_ages(25, 26, day("2025-01-10")), [CONFLICT]),
    "one age twice on one day agrees": (_ages(25, 25, day("2025-01-10")), []),
    "two ages on two days may both hold": (
        _two_values(
            "age",
            {"type": "age", "years": 25, "at": day("2025-01-10")},
            {"type": "age", "years": 26, "at": day("2025-03-10")},
        ),
        [],
    ),
    "two ages stated in a month may both hold": (
        _ages(25, 26, _month("2025-01-01", "2025-01-31")),
        [],
    ),
    "nominal above high": (_nominal(11, 5, 10), [("quantity-bounds-inverted", "claim:deployed")]),
    "nominal below low": (_nominal(4, 5, 10), [("quantity-bounds-inverted", "claim:deployed")]),
    "nominal on the bounds": (_nominal(10, 10, 10), []),
    "a claimed day that spans two days": (
        _dated_claim("2024-10-01", "2024-10-02", "day"),
        [("date-precision-mismatch", DATED)],
    ),
    "a claimed day": (_dated_claim("2024-10-01", "2024-10-01", "day"), []),
    "a claimed year without its first day": (
        _dated_claim(None, "2024-12-31", "year"),
        [("date-precision-mismatch", DATED)],
    ),
    "successor itself retracted": (
        _successor_retracted,
        [("superseded-by-invalid", "claim:a.role")],
    ),
}


def _age(spec: DatasetSpec, years: int) -> None:
    spec.one(AGE)["value"]["years"] = years


@pytest.mark.parametrize("name", sorted(CASES))
def test_boundary_reports_exactly(name: str, spec: DatasetSpec, tmp_path: Path) -> None:
    change, expected = CASES[name]
    change(spec)
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "record") == expected


@pytest.mark.parametrize("bounds", [(None, "2024-12-31"), ("2024-01-01", None)])
def test_a_year_with_a_missing_bound_is_told_it_needs_both(
    bounds: tuple[str | None, str | None], spec: DatasetSpec, tmp_path: Path
) -> None:
    _dated_claim(*bounds, "year")(spec)
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert [(i.code, i.record, i.pointer) for i in report.issues] == [
        ("date-precision-mismatch", DATED, "/value/date/precision")
    ]
    assert "precision year needs both earliest and latest" in report.issues[0].message


@pytest.mark.parametrize("extra", [False, True], ids=["three records", "four records"])
def test_a_needless_exclusion_names_the_lowest_three_covering_records(
    spec: DatasetSpec, tmp_path: Path, extra: bool
) -> None:
    sentence = "The first was born in 1999 and has served since 2016 as a sniper."
    spec.records["exclusion"].append(
        {
            "id": "exclusion:test-born",
            "source": "source:test-article",
            "sentence": sentence,
            "reason": "x",
        }
    )
    if extra:  # a fourth record, sorting first, covering the same sentence
        value = {"type": "text", "text": "sniper"}
        made = claim("claim:a.aa-role", "person:soldier-a", "military-role", value, "as a sniper")
        made.update(proposition="proposition:a.role", claimed_by="person:soldier-b")
        spec.records["claim"].append(made)
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    named = (
        "claim:a.aa-role, claim:a.birth-year, claim:a.role"
        if extra
        else ("claim:a.birth-year, claim:a.role, claim:a.service-start")
    )
    assert [(i.code, i.message) for i in report.issues] == [
        ("exclusion-needless", f"the sentence is covered by {named}")
    ]


@pytest.mark.parametrize("length", [70, 71])
def test_an_uncovered_sentence_is_shown_whole_up_to_70_characters(
    spec: DatasetSpec, tmp_path: Path, length: int
) -> None:
    sentence = "A" + "b" * (length - 2) + "."
    text = spec.texts["sources/test.txt"].decode() + " " + sentence
    spec.texts["sources/test.txt"] = text.encode()
    spec.one("source:test-article")["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    (issue,) = report.issues
    shown = sentence if length <= 70 else sentence[:67] + "..."
    assert (issue.code, repr(shown) in issue.message) == ("sentence-uncovered", True)
