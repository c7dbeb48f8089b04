"""The proposition rules, each pinned by the exact issues on both sides of its edge.

Each case is one change to the valid minimal dataset (tests/factory.py), whose claims each
state a proposition of their own, and the exact (code, record) list validation must give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from factory import DatasetSpec, claim, evidence, predicate
from kursk_pows import Report

Change = Callable[[DatasetSpec], None]
SNIPER = {"type": "text", "text": "sniper"}
B = "person:soldier-b"


def _role(
    cid: str,
    proposition: str,
    claimant: str,
    value: dict[str, Any] = SNIPER,
    subject: str = "person:soldier-a",
    **extra: Any,
) -> Change:
    """Add a claim that ``subject`` is a sniper (or ``value``), stated by ``claimant``."""

    def change(spec: DatasetSpec) -> None:
        made = claim(cid, subject, "military-role", value, "as a sniper", **extra)
        made["proposition"] = proposition
        made["claimed_by"] = claimant
        spec.records["claim"].append(made)

    return change


def _remarks(first: str, second: str) -> Change:
    """Two claims of one proposition of a many-valued text predicate, by two claimants."""

    def change(spec: DatasetSpec) -> None:
        spec.records["predicate"].append(predicate("remark", "text", ["person"], False))
        for n, (text, claimant) in enumerate(((first, B), (second, "group:soldiers")), 1):
            made = claim(
                f"claim:z.r{n}",
                "person:soldier-a",
                "remark",
                {"type": "text", "text": text},
                "as a sniper",
            )
            spec.records["claim"].append(
                {**made, "proposition": "proposition:r", "claimed_by": claimant}
            )

    return change


def _hedge(claim_id: str, hedge: str) -> Change:
    def change(spec: DatasetSpec) -> None:
        spec.one(claim_id)["evidence"][0]["hedge"] = hedge

    return change


def _both(*changes: Change) -> Change:
    def change(spec: DatasetSpec) -> None:
        for each in changes:
            each(spec)

    return change


def _set(record_id: str, **fields: Any) -> Change:
    def change(spec: DatasetSpec) -> None:
        spec.one(record_id).update(fields)

    return change


def _event_evidence(quote: str, event_type: str = "capture", **extra: Any) -> Change:
    """Give the capture event (of ``event_type``) a second evidence item quoting ``quote``."""

    def change(spec: DatasetSpec) -> None:
        event = spec.one("event:capture")
        event["type"] = event_type
        event["evidence"].append(evidence(quote, **extra))

    return change


A_ROLE = "proposition:a.role"
RIFLEMAN = {"type": "text", "text": "rifleman"}
CASES: dict[str, tuple[Change, list[tuple[str, str | None]]]] = {
    "a second claimant of one proposition": (_role("claim:z.role", A_ROLE, B), []),
    "the same text in other case and spacing": (_remarks("a sniper", " A  Sniper "), []),
    "another text": (_remarks("a sniper", "a rifleman"), [("proposition-disagrees", "claim:z.r2")]),
    "another value in one proposition": (
        _role("claim:z.role", A_ROLE, B, RIFLEMAN, subject=B),
        [("proposition-disagrees", "claim:z.role")],
    ),
    "another subject in one proposition": (
        _role("claim:z.role", A_ROLE, B, subject=B),
        [("proposition-disagrees", "claim:z.role")],
    ),
    "the odd one out of three is named, not the two that agree": (
        _both(
            _role("claim:z.role", A_ROLE, B, RIFLEMAN, subject=B),
            _role("claim:y.role", A_ROLE, "group:soldiers"),
        ),
        [("proposition-disagrees", "claim:z.role")],
    ),
    "dates differing only in their basis agree": (
        _both(
            _set("claim:a.age", proposition="proposition:age"),
            lambda spec: spec.records["claim"].append(
                {
                    **claim(
                        "claim:z.age",
                        "person:soldier-a",
                        "age",
                        {
                            "type": "age",
                            "years": 25,
                            "at": {
                                "earliest": "2025-01-10",
                                "latest": "2025-01-10",
                                "precision": "day",
                                "basis": "another article's words",
                            },
                        },
                        "He is 25 years old.",
                    ),
                    "proposition": "proposition:age",
                    "claimed_by": B,
                }
            ),
        ),
        [],
    ),
    "one claimant twice in a proposition": (
        _role("claim:z.role", A_ROLE, "source:test-article"),
        [("proposition-same-claimant", "claim:z.role")],
    ),
    "one claimant twice, one of them retracted": (
        _role(
            "claim:z.role",
            A_ROLE,
            "source:test-article",
            status="retracted",
            retraction={"reason": "a mistake"},
        ),
        [],
    ),
    "the same statement in two propositions": (
        _role("claim:z.role", "proposition:z.role", B),
        [("proposition-duplicated", "claim:z.role")],
    ),
    "the same statement in two propositions, linked as refining": (
        _role(
            "claim:z.role",
            "proposition:z.role",
            B,
            links=[{"type": "refines", "claim": "claim:a.role"}],
        ),
        [],
    ),
    "the same statement in two propositions, linked from the other side": (
        _both(
            _role("claim:z.role", "proposition:z.role", B),
            _set("claim:a.role", links=[{"type": "refines", "claim": "claim:z.role"}]),
        ),
        [],
    ),
    "another value in another proposition": (
        _role("claim:z.role", "proposition:z.role", B, RIFLEMAN, subject=B),
        [],
    ),
    "the same statement again, retracted": (
        _role(
            "claim:z.role",
            "proposition:z.role",
            B,
            status="retracted",
            retraction={"reason": "a mistake"},
        ),
        [],
    ),
    "a proposition id without its prefix": (
        _set("claim:a.role", proposition="role:a"),
        [("proposition-malformed", "claim:a.role")],
    ),
    "a proposition id with capitals": (
        _set("claim:a.role", proposition="proposition:A-role"),
        [("proposition-malformed", "claim:a.role")],
    ),
    "event evidence via a speaker whose words are no claim": (
        _event_evidence("as a sniper", via=[B]),
        [("statement-not-claimed", "event:capture")],
    ),
    "event evidence via a speaker whose words are his claim": (
        _both(_event_evidence("as a sniper", via=[B]), _role("claim:z.role", A_ROLE, B)),
        [],
    ),
    "event evidence via a speaker, the passage only in an article's own voice": (
        _event_evidence("born in 1999", via=[B]),
        [("statement-not-claimed", "event:capture")],
    ),
    "a hedge that is the value's own word": (
        _hedge("claim:a.role", "sniper"),
        [("hedge-in-value", "claim:a.role")],
    ),
    "a hedge that is not in the value": (_hedge("claim:a.role", "as a"), []),
    "a hedge on a value that is no text": (_hedge("claim:a.birth-year", "born"), []),
    "event evidence with a reporting word and no via": (
        _event_evidence("They were moved to Kyiv.", hedge=None),
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_proposition_rules_report_exactly(name: str, spec: DatasetSpec, tmp_path: Path) -> None:
    change, expected = CASES[name]
    change(spec)
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "record") == expected


SPOKEN = "Officials said the two soldiers were captured."
UNCLAIMED = ("statement-not-claimed", "event:capture")


SPEAKER_CASES: list[tuple[str, str, dict[str, Any], list[tuple[str, str]]]] = [
    (SPOKEN, "capture", {}, [("event-speaker-not-recorded", "event:capture")]),
    (SPOKEN, "capture", {"hedge": "said"}, []),
    (SPOKEN, "capture", {"via": ["org:officials"]}, [("statement-not-claimed", "event:capture")]),
    (SPOKEN, "statement", {}, []),
    (
        "\u201cWe captured them,\u201d he wrote.",
        "capture",
        {},
        [("event-speaker-not-recorded", "event:capture")],
    ),
    ("We captured them.", "capture", {}, []),
]


def _with_second_article(
    spec: DatasetSpec, tmp_path: Path, quote: str, event_type: str, extra: dict[str, Any]
) -> Report:
    """The report on ``spec`` with a second article, ``quote`` and a fragment, whose quote is
    one more evidence item of the capture (of ``event_type``)."""
    text = f"{quote} Two soldiers."
    spec.texts["sources/second.txt"] = text.encode()
    source = dict(spec.one("source:test-article"))
    source.update(
        id="source:second",
        path="sources/second.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    spec.records["source"].append(source)
    spec.records["entity"].append({"id": "org:officials", "type": "organization", "name": "O"})
    spec.records["exclusion"].append(
        {
            "id": "exclusion:second",
            "source": "source:second",
            "sentence": "Two soldiers.",
            "reason": "a fragment",
        }
    )
    event = spec.one("event:capture")
    event["type"] = event_type
    event["evidence"].append(evidence(quote, text=text, source="source:second", **extra))
    return kursk_pows.validate(spec.write(tmp_path / "ds"))


def test_the_message_names_the_word_that_reports_a_speaker(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    report = _with_second_article(spec, tmp_path, SPOKEN, "capture", {})
    assert report.flatten("message") == [("evidence 1 reports a statement ('said') with no via",)]


@pytest.mark.parametrize(
    ("quote", "event_type", "extra", "expected"),
    SPEAKER_CASES,
    ids=["said", "hedged", "via", "a statement event", "opening quote", "no speaking"],
)
def test_an_event_quoting_a_speaker_names_him_in_via(
    spec: DatasetSpec,
    tmp_path: Path,
    quote: str,
    event_type: str,
    extra: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    report = _with_second_article(spec, tmp_path, quote, event_type, extra)
    assert report.flatten("code", "record") == expected


def test_a_statement_quoted_in_two_touching_pieces_is_covered() -> None:
    from kursk_pows.rules.propositions import _covered, _merged

    assert _merged([(5, 9), (0, 5)]) == [(0, 9)]
    assert _merged([(5, 9), (0, 4)]) == [(0, 4), (5, 9)]
    assert _covered(_merged([(5, 9), (0, 5)]), 2, 8)
    assert not _covered(_merged([(5, 9), (0, 4)]), 2, 8)


@pytest.mark.parametrize(
    ("value", "subject", "differ"),
    [(RIFLEMAN, "person:soldier-a", "value"), (SNIPER, B, "subject")],
)
def test_a_disagreeing_claim_is_pointed_at_the_part_that_differs(
    value: dict[str, Any], subject: str, differ: str, spec: DatasetSpec, tmp_path: Path
) -> None:
    _role("claim:z.role", A_ROLE, B, value, subject=subject)(spec)
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    (issue,) = [i for i in report.issues if i.code == "proposition-disagrees"]
    assert (issue.record, issue.pointer) == ("claim:z.role", f"/{differ}")
    assert issue.message.startswith(f"its {differ} differ from those of claim:a.role, ")
