"""Each rule, triggered by one small change to a valid dataset, reports exactly what it should."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import kursk_pows
from factory import TEXT, DatasetSpec, claim, day, evidence
from kursk_pows.config import Config
from kursk_pows.records.canonical import canonical_data
from kursk_pows.records.kinds import KIND_BY_NAME
from kursk_pows.rules import CODES
from kursk_pows.rules.structure import STRUCTURE_CODES

Mutation = Callable[[DatasetSpec, Path], None]
CASES: dict[str, tuple[Mutation, list[tuple[str, str | None]]]] = {}


def case(name: str, *expected: tuple[str, str | None]) -> Callable[[Mutation], Mutation]:
    """Register a mutation and the exact (code, record) list it must produce."""

    def register(mutation: Mutation) -> Mutation:
        CASES[name] = (mutation, list(expected))
        return mutation

    return register


@case("duplicate id", ("id-duplicate", "person:soldier-a"))
def _duplicate(spec: DatasetSpec, root: Path) -> None:
    spec.records["entity"].append({"id": "person:soldier-a", "type": "person", "name": "again"})


@case("id not a slug", ("id-malformed", "person:Soldier_C"))
def _bad_slug(spec: DatasetSpec, root: Path) -> None:
    spec.records["entity"].append({"id": "person:Soldier_C", "type": "person", "name": "c"})


@case("id prefix does not match type", ("id-malformed", "org:soldier-c"))
def _bad_prefix(spec: DatasetSpec, root: Path) -> None:
    spec.records["entity"].append({"id": "org:soldier-c", "type": "person", "name": "c"})


@case("reference to nothing", ("ref-missing", "claim:a.role"))
def _missing_ref(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["subject"] = "person:nobody"


@case("reference to wrong type", ("ref-wrong-type", "event:capture"))
def _wrong_ref(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:capture")["place"] = "person:soldier-b"


@case("unsorted file", ("records-unsorted", "claim:a.age"))
def _unsorted(spec: DatasetSpec, root: Path) -> None:
    spec.sort = False
    for records in spec.records.values():
        records.sort(key=lambda r: r["id"])
    claims = spec.records["claim"]  # a.age, a.birth-year, a.role, a.service-start
    claims.insert(0, claims.pop(2))  # a.role first: a.age is then out of order


@case("text file missing", ("source-text-missing", "source:test-article"))
def _no_text(spec: DatasetSpec, root: Path) -> None:
    spec.texts.clear()


@case("text path leaves sources/", ("source-path-unsafe", "source:test-article"))
def _escape(spec: DatasetSpec, root: Path) -> None:
    spec.one("source:test-article")["path"] = "../test.txt"


@case("text not UTF-8", ("source-text-invalid", "source:test-article"))
def _latin1(spec: DatasetSpec, root: Path) -> None:
    spec.texts["sources/test.txt"] = TEXT.encode() + b"\xff"


@case("checksum differs", ("source-checksum-mismatch", "source:test-article"))
def _checksum(spec: DatasetSpec, root: Path) -> None:
    spec.one("source:test-article")["sha256"] = "0" * 64


@case("quote not verbatim", ("quote-not-found", "claim:a.role"))
def _misquote(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["evidence"] = [
        {"source": "source:test-article", "quote": "as a Sniper"}
    ]


@case("quote twice, no offsets", ("quote-ambiguous", "event:transfer"))
def _ambiguous(spec: DatasetSpec, root: Path) -> None:
    ev = spec.one("event:transfer")["evidence"][0]
    del ev["start"], ev["end"]


@case("offsets off by one", ("quote-offsets-mismatch", "claim:a.role"))
def _shifted(spec: DatasetSpec, root: Path) -> None:
    ev = spec.one("claim:a.role")["evidence"][0]
    ev["start"] += 1
    ev["end"] += 1


@case("end off by one", ("quote-offsets-mismatch", "claim:a.role"))
def _long_end(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["evidence"][0]["end"] += 1  # the start is right


@case("start without end", ("quote-offsets-mismatch", "claim:a.role"))
def _start_only(spec: DatasetSpec, root: Path) -> None:
    del spec.one("claim:a.role")["evidence"][0]["end"]


@case("end without start", ("quote-offsets-mismatch", "claim:a.role"))
def _end_only(spec: DatasetSpec, root: Path) -> None:
    del spec.one("claim:a.role")["evidence"][0]["start"]


@case("offsets absent", ("quote-offsets-missing", "claim:a.role"))
def _no_offsets(spec: DatasetSpec, root: Path) -> None:
    ev = spec.one("claim:a.role")["evidence"][0]
    del ev["start"], ev["end"]


@case("hedge not quoted", ("hedge-not-in-quote", "claim:a.role"))
def _hedge(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["evidence"][0]["hedge"] = "reportedly"


@case("unknown predicate", ("predicate-unknown", "claim:a.role"))
def _unknown_predicate(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["predicate"] = "predicate:favourite-colour"


@case("value of wrong type", ("value-type-mismatch", "claim:a.role"))
def _wrong_value(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["value"] = {"type": "year", "year": 2016}


@case("subject of wrong type", ("subject-type-mismatch", "claim:a.role"))
def _wrong_subject(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["subject"] = "place:kyiv"


def _second_role(spec: DatasetSpec, **extra: object) -> None:
    spec.records["claim"].append(
        claim(
            "claim:a.role-2",
            "person:soldier-a",
            "military-role",
            {"type": "text", "text": "rifleman"},
            "as a sniper",
            **extra,
        )
    )


@case("single-valued predicate, two values", ("single-value-conflict", "claim:a.role-2"))
def _conflict(spec: DatasetSpec, root: Path) -> None:
    _second_role(spec)


@case("conflict linked as contradicting")
def _linked_conflict(spec: DatasetSpec, root: Path) -> None:
    _second_role(spec, links=[{"type": "contradicts", "claim": "claim:a.role"}])
    spec.one("claim:a.role-2")["evidence"] = [evidence("The first was born")]


def _same_role(spec: DatasetSpec, kind: str, text: str = "sniper", **extra: object) -> None:
    """A second claim of soldier A's role, on other words than claim:a.role's, linking it."""
    _second_role(spec, links=[{"type": kind, "claim": "claim:a.role"}], **extra)
    spec.one("claim:a.role-2")["value"]["text"] = text
    spec.one("claim:a.role-2")["evidence"] = [evidence("The first was born")]


@case(
    "one value linked as contradicting itself",
    ("link-contradicts-same-value", "claim:a.role-2"),
)
def _contradicts_same_value(spec: DatasetSpec, root: Path) -> None:
    _same_role(spec, "contradicts")


@case(
    "one value linked as contradicting itself, from the earlier claim",
    ("link-contradicts-same-value", "claim:a.role"),
)
def _contradicts_same_value_forward(spec: DatasetSpec, root: Path) -> None:
    _same_role(spec, "refines", claimed_by="person:soldier-b")
    del spec.one("claim:a.role-2")["links"]
    _link(spec, "claim:a.role", "claim:a.role-2", kind="contradicts")


@case("one value by two claimants, in one proposition")
def _one_proposition_same_value(spec: DatasetSpec, root: Path) -> None:
    _same_role(spec, "refines", claimed_by="person:soldier-b")
    del spec.one("claim:a.role-2")["links"]
    spec.one("claim:a.role-2")["proposition"] = "proposition:a.role"


@case("two values linked as contradicting")
def _contradicts_other_value(spec: DatasetSpec, root: Path) -> None:
    _same_role(spec, "contradicts", text="scout sniper")


@case("one value of two subjects linked as contradicting")
def _contradicts_other_subject(spec: DatasetSpec, root: Path) -> None:
    _same_role(spec, "contradicts")
    spec.one("claim:a.role-2")["subject"] = "person:soldier-b"


@case(
    "one value linked as contradicting a retracted claim stating it",
    ("ref-retracted", "claim:a.role-2"),
)
def _contradicts_retracted_same_value(spec: DatasetSpec, root: Path) -> None:
    _same_role(spec, "contradicts")
    spec.one("claim:a.role")["status"] = "retracted"
    spec.one("claim:a.role")["retraction"] = {"reason": "misread"}


def _link(spec: DatasetSpec, owner: str, *targets: str, kind: str = "refines") -> None:
    spec.one(owner)["links"] = [{"type": kind, "claim": target} for target in targets]


@case("one pair linked from both ends", ("link-duplicated", "claim:a.birth-year"))
def _linked_both_ways(spec: DatasetSpec, root: Path) -> None:
    _link(spec, "claim:a.age", "claim:a.birth-year")
    _link(spec, "claim:a.birth-year", "claim:a.age")


@case("one pair linked twice by one claim", ("link-duplicated", "claim:a.age"))
def _linked_twice(spec: DatasetSpec, root: Path) -> None:
    _link(spec, "claim:a.age", "claim:a.birth-year", "claim:a.birth-year")


@case("one claimant's two claims linked as refining")
def _one_claimant_refining(spec: DatasetSpec, root: Path) -> None:
    _link(spec, "claim:a.age", "claim:a.birth-year", kind="refines")


@case("one claim linked to two others")
def _linked_to_two(spec: DatasetSpec, root: Path) -> None:
    _link(spec, "claim:a.age", "claim:a.birth-year", "claim:a.role")


@case("date words not quoted", ("date-words-not-in-quote", "event:capture"))
def _date_words_elsewhere(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:capture")["evidence"][0]["date_words"] = "on January 10"


@case("date words quoted")
def _date_words(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:capture")["evidence"][0]["date_words"] = "on January 9"


def _mention(**fields: str) -> Mutation:
    def change(spec: DatasetSpec, root: Path) -> None:
        spec.one("claim:a.birth-year")["evidence"][0].update(fields)

    return change


MENTIONED = ("mention-invalid", "claim:a.birth-year")
case("mention in the quote, identified")(_mention(mention="born", identification="by the text"))
case("mention not in the quote", MENTIONED)(_mention(mention="the other", identification="x"))
case("mention without identification", MENTIONED)(_mention(mention="born"))
case("identification without mention", MENTIONED)(_mention(identification="by reading 003"))
case("speaker mention in the quote, identified")(
    _mention(speaker_mention="born", speaker_identification="the next sentence")
)
case("speaker mention not in the quote", MENTIONED)(
    _mention(speaker_mention="One soldier", speaker_identification="x")
)
case("speaker mention without identification", MENTIONED)(_mention(speaker_mention="born"))
case("speaker identification without mention", MENTIONED)(_mention(speaker_identification="x"))
case("both mentions wrong", MENTIONED, MENTIONED)(
    _mention(mention="the other", identification="x", speaker_mention="born")
)


def _other_source(spec: DatasetSpec, text: str) -> None:
    source = dict(spec.one("source:test-article"), id="source:other", path="sources/other.txt")
    source["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    spec.records["source"].append(source)
    spec.texts["sources/other.txt"] = text.encode()


def _captured_in_other_source(spec: DatasetSpec, text: str, claimant: str) -> None:
    """A claim that soldier a's role is "captured" (as claim:a.role says, single-valued), with
    evidence from a second source holding ``text``."""
    _other_source(spec, text)
    value = {"type": "text", "text": "captured"}
    record = claim("claim:a.captured", "person:soldier-a", "military-role", value, "as a sniper")
    record["claimed_by"] = claimant
    record["evidence"] = [evidence(text, text, source="source:other")]
    if claimant == "source:test-article":  # claim:a.role's claimant: a proposition of its own
        record["links"] = [{"type": "refines", "claim": "claim:a.role"}]
    else:
        record["proposition"] = "proposition:a.role"
    spec.records["claim"].append(record)
    spec.one("claim:a.role")["value"]["text"] = "captured"


@case("own voice citing another source", ("claimant-source-evidence", "claim:a.captured"))
def _borrowed_voice(spec: DatasetSpec, root: Path) -> None:
    _captured_in_other_source(spec, "The soldiers were captured.", "source:test-article")


@case("own voice quoting 'said', speaker in via")
def _recorded_speaker(spec: DatasetSpec, root: Path) -> None:
    _captured_in_other_source(spec, "Officials said the soldiers were captured.", "source:other")
    spec.one("claim:a.captured")["evidence"][0]["via"] = ["person:soldier-b"]


@case("own voice quoting 'said', the word recorded as the hedge")
def _recorded_hedge(spec: DatasetSpec, root: Path) -> None:
    _captured_in_other_source(spec, "Officials said the soldiers were captured.", "source:other")
    spec.one("claim:a.captured")["evidence"][0]["hedge"] = "said"


@case("own voice quoting 'said'", ("attribution-not-recorded", "claim:a.captured"))
def _unrecorded_speaker(spec: DatasetSpec, root: Path) -> None:
    _captured_in_other_source(spec, "Officials said the soldiers were captured.", "source:other")


@case("age impossible for birth year", ("age-birth-year-conflict", "claim:a.age"))
def _bad_age(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.age")["value"]["years"] = 27


@case("service before birth", ("service-before-birth", "claim:a.service-start"))
def _early_service(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.service-start")["value"]["year"] = 1990


@case("service at age 0 or 1", ("service-age-implausible", "claim:a.service-start"))
def _baby_soldier(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.service-start")["value"]["year"] = 2000


@case(
    "service after capture and transfer",
    ("service-after-event", "claim:a.service-start"),
    ("service-after-event", "claim:a.service-start"),
)
def _late_service(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.service-start")["value"]["year"] = 2026


@case(
    "an open bound that the reporting article's publication closes",
    ("date-bound-from-publication", "event:transfer"),
)
def _open_before_publication(spec: DatasetSpec, root: Path) -> None:
    date = spec.one("event:transfer")["date"]
    date |= {"latest": None, "before_publication_of": "source:test-article"}


@case(
    "bounds past the publication they are tied to, and a tie to no source",
    ("date-bound-from-publication", "claim:a.age"),
    ("date-bound-from-publication", "event:capture"),
    ("date-bound-from-publication", "event:transfer"),
)
def _bounds_against_publication(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:capture")["date"]["after_publication_of"] = "source:test-article"
    transfer = spec.one("event:transfer")["date"]
    transfer |= {"latest": "2025-01-11", "before_publication_of": "source:test-article"}
    spec.one("claim:a.age")["value"]["at"]["before_publication_of"] = "person:soldier-a"


@case(
    "bounds that agree with the publication, or that it leaves open",
)
def _bounds_within_publication(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:transfer")["date"]["before_publication_of"] = "source:test-article"
    spec.one("event:capture")["date"]["before_publication_of"] = "source:test-article"
    spec.one("source:test-article")["published"] = {
        "earliest": "2025-01-10",
        "latest": None,
        "precision": "range",
    }
    spec.one("event:transfer")["date"]["after_publication_of"] = "source:test-article"
    spec.one("event:transfer")["date"]["earliest"] = "2025-01-10"


@case(
    "events after publication",
    ("event-after-publication", "event:capture"),
    ("event-after-publication", "event:transfer"),
)
def _early_publication(spec: DatasetSpec, root: Path) -> None:
    spec.one("source:test-article")["published"] = {
        "earliest": None,
        "latest": "2025-01-08",
        "precision": "range",
    }


@case(
    "an event open at its start cannot be after its article",
    ("event-after-publication", "event:capture"),
)
def _open_start_after_early_publication(spec: DatasetSpec, root: Path) -> None:
    _early_publication(spec, root)
    spec.one("event:transfer")["date"]["earliest"] = None


@case(
    "a retracted event is not held to its article's date",
    ("event-after-publication", "event:capture"),
)
def _retracted_after_early_publication(spec: DatasetSpec, root: Path) -> None:
    _early_publication(spec, root)
    spec.one("event:transfer")["status"] = "retracted"
    spec.one("event:transfer")["retraction"] = {"reason": "misread"}


@case("expected event may lie ahead")
def _expected_event(spec: DatasetSpec, root: Path) -> None:
    transfer = spec.one("event:transfer")
    transfer["tense"] = "expected"
    transfer["date"] = {"earliest": "2025-02-01", "latest": None, "precision": "range"}


@case("transfer before capture", ("event-order-violated", "event:transfer"))
def _order(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:transfer")["date"] = day("2025-01-05")


@case("a retracted event is not held to the order of the events it follows")
def _retracted_order(spec: DatasetSpec, root: Path) -> None:
    _order(spec, root)
    spec.one("event:transfer")["status"] = "retracted"
    spec.one("event:transfer")["retraction"] = {"reason": "misdated"}


@case("date span inverted", ("date-span-inverted", "event:transfer"))
def _inverted(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:transfer")["date"] = {
        "earliest": "2025-01-10",
        "latest": "2025-01-09",
        "precision": "range",
    }


@case("precision does not match bounds", ("date-precision-mismatch", "event:capture"))
def _precision(spec: DatasetSpec, root: Path) -> None:
    spec.one("event:capture")["date"] = {
        "earliest": "2025-01-01",
        "latest": "2025-01-30",
        "precision": "month",
    }


@case("quantity low above high", ("quantity-bounds-inverted", "claim:deployed"))
def _quantity(spec: DatasetSpec, root: Path) -> None:
    value = {"type": "quantity", "qualifier": "range", "low": 5, "high": 4, "unit": "day"}
    spec.records["claim"].append(
        claim("claim:deployed", "group:soldiers", "deployed-count", value, "Two soldiers")
    )


@case("sentence neither covered nor excluded", ("sentence-uncovered", "source:test-article"))
def _uncovered(spec: DatasetSpec, root: Path) -> None:
    spec.records["exclusion"].clear()


@case("exclusion of a sentence the source lacks", ("exclusion-unmatched", "exclusion:test-typo"))
def _unmatched(spec: DatasetSpec, root: Path) -> None:
    spec.records["exclusion"].append(
        {
            "id": "exclusion:test-typo",
            "source": "source:test-article",
            "sentence": "They were moved to Kyiv",
            "reason": "a typo: the sentence ends in a period",
        }
    )


@case("exclusion of a covered sentence", ("exclusion-needless", "exclusion:test-capture"))
def _needless(spec: DatasetSpec, root: Path) -> None:
    spec.records["exclusion"].append(
        {
            "id": "exclusion:test-capture",
            "source": "source:test-article",
            "sentence": "He is 25 years old.",
            "reason": "none",
        }
    )


@case(
    "record file missing",
    ("file-missing", None),
    ("sentence-uncovered", "source:test-article"),  # the file held the one exclusion
)
def _no_file(spec: DatasetSpec, root: Path) -> None:
    del spec.records["exclusion"]


@case("required field missing", ("field-missing", "place:kyiv"))
def _field_missing(spec: DatasetSpec, root: Path) -> None:
    del spec.one("place:kyiv")["name"]


@case("unknown field", ("field-unknown", "place:kyiv"))
def _field_unknown(spec: DatasetSpec, root: Path) -> None:
    spec.one("place:kyiv")["population"] = 3_000_000


@case("string where a number belongs", ("field-invalid", "claim:a.birth-year"))
def _field_invalid(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.birth-year")["value"]["year"] = "1999"


def test_every_rule_code_has_a_case() -> None:
    from test_proposition_rules import CASES as PROPOSITION_CASES
    from test_proposition_rules import SPEAKER_CASES

    covered = {code for _, expected in CASES.values() for code, _ in expected}
    covered |= {code for _, expected in PROPOSITION_CASES.values() for code, _ in expected}
    covered |= {code for *_, expected in SPEAKER_CASES for code, _ in expected}
    reader = {c.code for c in STRUCTURE_CODES} - {
        "file-missing",
        "field-missing",
        "field-unknown",
        "field-invalid",
    }  # in test_reading.py
    assert set(CODES) - reader - covered == set()


def test_issue_points_at_field(spec: DatasetSpec, tmp_path: Path) -> None:
    _shifted(spec, tmp_path)
    (issue,) = kursk_pows.validate(spec.write(tmp_path / "ds")).issues
    assert (issue.file, issue.line, issue.pointer) == ("claims.jsonl", 3, "/evidence/0/start")
    assert issue.hint
    assert str(TEXT.index("as a sniper")) in issue.message


def test_closest_passage_is_a_hint(spec: DatasetSpec, tmp_path: Path) -> None:
    _misquote(spec, tmp_path)
    (issue,) = kursk_pows.validate(spec.write(tmp_path / "ds")).issues
    assert issue.hint == "closest passage in the source: 'as a sniper'"


def test_service_age_bounds_are_configurable(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")  # born 1999, serving from 2016: joined at 16 or 17
    strict = kursk_pows.validate(root, Config(min_service_age=18))
    assert strict.flatten("code", "record") == [
        ("service-age-implausible", "claim:a.service-start")
    ]
    assert kursk_pows.validate(root, Config(min_service_age=17)).issues == ()


def test_all_problems_reported_not_first(spec: DatasetSpec, tmp_path: Path) -> None:
    for mutation in (_missing_ref, _bad_age, _order, _checksum):
        mutation(spec, tmp_path)
    codes = set(kursk_pows.validate(spec.write(tmp_path / "ds")).codes())
    assert codes == {
        "ref-missing",
        "age-birth-year-conflict",
        "event-order-violated",
        "source-checksum-mismatch",
    }


def test_evidence_helper_anchors_first_occurrence() -> None:
    assert evidence("Kyiv")["start"] == TEXT.index("Kyiv")


@case("retracted without a reason", ("retraction-inconsistent", "claim:a.role"))
def _retracted_silently(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["status"] = "retracted"


@case("active with a retraction", ("retraction-inconsistent", "claim:a.role"))
def _active_retraction(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["retraction"] = {"reason": "why?"}


@pytest.mark.parametrize(
    ("mutation", "state"),
    [
        (_retracted_silently, "retracted without a retraction"),
        (_active_retraction, "active but has a retraction"),
    ],
)
def test_an_inconsistent_retraction_says_which_way(
    mutation: Mutation, state: str, spec: DatasetSpec, tmp_path: Path
) -> None:
    mutation(spec, tmp_path)
    (issue,) = kursk_pows.validate(spec.write(tmp_path / "ds")).issues
    assert issue.message == f"the record is {state}"


@case("properly retracted and superseded")
def _retracted(spec: DatasetSpec, root: Path) -> None:
    _second_role(spec)
    spec.one("claim:a.role")["status"] = "retracted"
    spec.one("claim:a.role")["retraction"] = {
        "reason": "misread",
        "superseded_by": "claim:a.role-2",
    }


@case("successor of another type", ("superseded-by-invalid", "claim:a.role"))
def _bad_successor(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["status"] = "retracted"
    spec.one("claim:a.role")["retraction"] = {"reason": "misread", "superseded_by": "place:kyiv"}


@case("live records rely on a retracted place", ("ref-retracted", "event:transfer"))
def _relies(spec: DatasetSpec, root: Path) -> None:
    spec.one("place:kyiv")["status"] = "retracted"
    spec.one("place:kyiv")["retraction"] = {"reason": "duplicate"}


@case("retracted claim covers nothing", ("sentence-uncovered", "source:test-article"))
def _retracted_coverage(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.age")["status"] = "retracted"
    spec.one("claim:a.age")["retraction"] = {"reason": "the age was misread"}


@case("keys out of order", ("line-not-canonical", "place:kyiv"))
def _not_canonical(spec: DatasetSpec, root: Path) -> None:
    kyiv = spec.one("place:kyiv")
    spec.records["entity"].remove(kyiv)
    spec.records["entity"].append({"name": "Kyiv", "type": "place", "id": "place:kyiv"})
    spec.canonical = False
    for records in spec.records.values():  # everything else stays canonical
        for i, record in enumerate(records):
            if record["id"] != "place:kyiv":
                records[i] = canonical_data(
                    KIND_BY_NAME[kind_of(record)].model.model_validate(record)
                )


def kind_of(record: dict[str, object]) -> str:
    prefix = str(record["id"]).split(":", 1)[0]
    return {
        "predicate": "predicate",
        "source": "source",
        "event": "event",
        "claim": "claim",
        "exclusion": "exclusion",
    }.get(prefix, "entity")


@case("no manifest", ("manifest-missing", None))
def _no_manifest(spec: DatasetSpec, root: Path) -> None:
    spec.manifest = False


@case(
    "a file changed after the manifest was written",
    ("manifest-mismatch", None),
    ("sentence-uncovered", "source:test-article"),
)
def _stale_manifest(spec: DatasetSpec, root: Path) -> None:
    spec.after_write = lambda root: (root / "exclusions.jsonl").write_text("")


@case("a file the manifest does not list", ("manifest-mismatch", None))
def _unlisted(spec: DatasetSpec, root: Path) -> None:
    spec.after_write = lambda root: (root / "sources" / "extra.txt").write_text("x")


def _manifest_field(name: str, value: object) -> Callable[[Path], None]:
    """After the write: the manifest with one field replaced."""

    def rewrite(root: Path) -> None:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        (root / "manifest.json").write_text(json.dumps({**manifest, name: value}), "utf-8")

    return rewrite


@case("manifest files not an object", ("manifest-missing", None))
def _manifest_files_list(spec: DatasetSpec, root: Path) -> None:
    spec.after_write = _manifest_field("files", [])


@case("manifest version not a string", ("manifest-missing", None))
def _manifest_version_number(spec: DatasetSpec, root: Path) -> None:
    spec.after_write = _manifest_field("version", 2)


@case("manifest version differs from CHANGELOG", ("version-mismatch", None))
def _version(spec: DatasetSpec, root: Path) -> None:
    spec.after_write = lambda root: (root.parent / "CHANGELOG.md").write_text(
        "# Changelog\n\n## [2.0.0] - 2026-11-23\n"
    )


@case("empty text", ("source-text-invalid", "source:test-article"))
def _empty_text(spec: DatasetSpec, root: Path) -> None:
    spec.texts["sources/test.txt"] = b""


@case("text is a directory", ("source-path-unsafe", "source:test-article"))
def _text_directory(spec: DatasetSpec, root: Path) -> None:
    spec.texts.clear()
    spec.after_write = lambda root: (root / "sources" / "test.txt").mkdir(parents=True)


@case("text is a link", ("source-path-unsafe", "source:test-article"))
def _text_link(spec: DatasetSpec, root: Path) -> None:
    spec.texts["sources/real.txt"] = spec.texts.pop("sources/test.txt")
    spec.after_write = lambda root: (root / "sources" / "test.txt").symlink_to("real.txt")


@case("absolute text path", ("source-path-unsafe", "source:test-article"))
def _absolute(spec: DatasetSpec, root: Path) -> None:
    spec.one("source:test-article")["path"] = "/etc/hostname"


@case(
    "evidence from no source",
    ("claimant-source-evidence", "claim:a.role"),  # not the claimant's own source either
    ("ref-missing", "claim:a.role"),
)
def _evidence_from_nowhere(spec: DatasetSpec, root: Path) -> None:
    spec.one("claim:a.role")["evidence"][0]["source"] = "source:nowhere"


# after every @case above, so that the parametrization sees them all
@pytest.mark.parametrize("name", sorted(CASES))
def test_mutation_reports_exactly(name: str, spec: DatasetSpec, tmp_path: Path) -> None:
    mutation, expected = CASES[name]
    root = tmp_path / "ds"
    mutation(spec, root)
    spec.write(root)
    spec.after_write(root)
    report = kursk_pows.validate(root)
    assert report.flatten("code", "record") == expected


spans = st.tuples(st.sampled_from(["source:a", "source:b"]), st.integers(0, 8), st.integers(1, 4))


@given(spans, spans)
@example(("source:a", 5, 3), ("source:a", 2, 3))  # ends where the other starts
@example(("source:a", 2, 3), ("source:a", 5, 3))
def test_spans_overlap_when_they_share_a_character_of_one_source(
    one: tuple[str, int, int], other: tuple[str, int, int]
) -> None:
    """Spans drawn as (source, start, length): they overlap when a character is in both."""
    from kursk_pows.rules.attribution import overlaps

    (a_source, a_start, a_length), (b_source, b_start, b_length) = one, other
    a_chars = {(a_source, n) for n in range(a_start, a_start + a_length)}
    b_chars = {(b_source, n) for n in range(b_start, b_start + b_length)}
    a = (a_source, a_start, a_start + a_length)
    b = (b_source, b_start, b_start + b_length)
    assert overlaps(a, b) == bool(a_chars & b_chars)
