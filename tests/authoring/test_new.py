"""``kursk-pows new``: a skeleton with every required field, valid when the options give the
values, and flagged by the validator where a placeholder is left."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.cli import main

SOURCE = "source:test-article"


def _new(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["new", *args]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n")
    assert out.count("\n") == 1  # one line, to append to a file
    return out


def _append(root: Path, file: str, line: str) -> None:
    with open(root / file, "a", encoding="utf-8") as stream:
        stream.write(line)


def test_a_claim_from_options_is_valid(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the spec's own age claim, made again with `new` from the same values
    spec.records["claim"] = [c for c in spec.records["claim"] if c["id"] != "claim:a.age"]
    root = spec.write(tmp_path / "ds")
    evidence = (
        '{"source": "source:test-article", "quote": "He is 25 years old.", "start": 107, '
        '"end": 126}'
    )
    line = _new(
        [
            "claim",
            "claim:a.age",
            "--subject",
            "person:soldier-a",
            "--predicate",
            "predicate:age",
            "--claimed-by",
            SOURCE,
            "--value",
            '{"type": "age", "years": 25, "at": {"earliest": "2025-01-10", "latest": '
            '"2025-01-10", "precision": "day"}}',
            "--evidence",
            evidence,
        ],
        capsys,
    )
    assert line == (
        '{"id": "claim:a.age", "proposition": "proposition:a.age", "subject": "person:soldier-a", '
        '"predicate": "predicate:age", '
        '"value": {"type": "age", "years": 25, "at": {"earliest": "2025-01-10", "latest": '
        '"2025-01-10", "precision": "day"}}, "claimed_by": "source:test-article", '
        f'"evidence": [{evidence}]}}\n'
    )
    _append(root, "claims.jsonl", line)
    assert main(["fmt", str(root)]) == 0
    assert main(["manifest", str(root)]) == 0
    capsys.readouterr()
    assert kursk_pows.validate(root).flatten("code", "record") == []


def test_a_bare_claim_has_placeholders_the_validator_flags(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = spec.write(tmp_path / "ds")
    line = _new(["claim", "claim:a.todo"], capsys)
    assert json.loads(line) == {
        "id": "claim:a.todo",
        "proposition": "proposition:a.todo",
        "subject": "todo:subject",
        "predicate": "predicate:todo",
        "value": {"type": "todo"},
        "claimed_by": "todo:claimed-by",
        "evidence": [
            {
                "source": "source:todo",
                "quote": "TODO: the exact words; kursk-pows quote SOURCE WORDS prints this "
                "evidence item",
            }
        ],
    }
    _append(root, "claims.jsonl", line)
    manifest = ("manifest-mismatch", "/files/claims.jsonl")  # the file changed, as any edit does
    # a value of no type stops the record's other checks; the message lists the types
    assert kursk_pows.validate(root).flatten("code", "pointer") == [
        ("field-invalid", "/value/type"),
        manifest,
    ]
    assert "expected tags: 'year', 'date'," in kursk_pows.validate(root).issues[0].message
    # with a value, each placeholder reference is an error at its field
    spec.records["claim"].append(
        json.loads(_new(["claim", "claim:a.todo", "--value", YEAR], capsys))
    )
    root = spec.write(tmp_path / "ds2")
    assert sorted(kursk_pows.validate(root).flatten("code", "pointer")) == [
        ("predicate-unknown", "/predicate"),
        ("ref-missing", "/claimed_by"),
        ("ref-missing", "/evidence/0/source"),
        ("ref-missing", "/subject"),
    ]


YEAR = '{"type": "year", "year": 1999}'


def test_a_claim_joins_the_proposition_it_is_given(capsys: pytest.CaptureFixture[str]) -> None:
    line = _new(["claim", "claim:b.role", "--proposition", "proposition:a.role"], capsys)
    assert json.loads(line)["proposition"] == "proposition:a.role"


def test_an_entity_takes_its_type_from_the_prefix(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _new(["entity", "org:example-agency", "--name", "the example agency"], capsys)
    assert line == (
        '{"id": "org:example-agency", "type": "organization", "name": "the example agency"}\n'
    )
    root = spec.write(tmp_path / "ds")
    _append(root, "entities.jsonl", line)
    assert main(["fmt", str(root)]) == 0
    assert main(["manifest", str(root)]) == 0
    assert kursk_pows.validate(root).flatten("code", "record") == []


def test_an_event_with_its_date_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    line = _new(
        [
            "event",
            "event:move",
            "--type",
            "transfer",
            "--description",
            "The soldiers were moved to Kyiv.",
            "--date",
            "2025-01-09..2025-01-10",
        ],
        capsys,
    )
    assert line == (
        '{"id": "event:move", "type": "transfer", "description": "The soldiers were moved to '
        'Kyiv.", "date": {"earliest": "2025-01-09", "latest": "2025-01-10", "precision": '
        '"range"}, "evidence": [{"source": "source:todo", "quote": "TODO: the exact words; '
        'kursk-pows quote SOURCE WORDS prints this evidence item"}]}\n'
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["entity", "soldier:x", "--name", "x"],
            "new entity: soldier:x: no entity type has the prefix 'soldier'; use one of "
            "country:, document:, group:, media:, org:, person:, place:, unit:, vessel: or "
            "give --type",
        ),
        (["claim", "claim:x", "--value", "{"], "new claim: --value: not JSON ("),
        (["claim", "claim:x", "--evidence", "[1"], "new claim: --evidence: not JSON ("),
        (
            ["event", "event:x", "--type", "t", "--description", "d", "--date", "soon"],
            "new event: --date 'soon': 'soon' is not a date (YYYY-MM-DD)",
        ),
    ],
)
def test_an_option_that_cannot_go_in_is_a_usage_error(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kursk-pows: error: {message}")
    assert "Traceback" not in err


def test_skeleton_parts_keep_what_they_are_given() -> None:
    """A type given overrides the prefix's; evidence given replaces the placeholder."""
    from kursk_pows.authoring.skeleton import entity, event

    assert entity("person:x", "X", "group")["type"] == "group"
    quote = {"source": "source:a", "quote": "seen"}
    assert event("event:e", "capture", "Seen.", evidence=[quote])["evidence"] == [quote]


def test_a_record_the_model_refuses_keeps_its_date_even_when_empty() -> None:
    """Fields left empty are dropped, but an empty date stays for the validator to name."""
    from kursk_pows.authoring.skeleton import canonical_line

    line = json.loads(canonical_line("event", {"id": "event:e", "type": None, "date": None}))
    assert line == {"id": "event:e", "date": None}
