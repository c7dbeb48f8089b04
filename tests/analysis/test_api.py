"""The Python API: lazy import, typed records, lookups, and one exception for invalid data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import bundled_snapshot
import pytest

import kursk_pows
from factory import DatasetSpec, claim_with_value
from kursk_pows.models import Claim, Entity, YearValue


def test_import_reads_no_data_and_loads_no_models() -> None:
    probe = (
        "import sys, json\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        "import kursk_pows\n"
        "print(json.dumps({'opened': opened, 'pydantic': 'pydantic' in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    seen = json.loads(out.stdout)
    assert [p for p in seen["opened"] if p.endswith((".jsonl", ".txt", ".json"))] == []
    assert seen["pydantic"] is False


def test_load_gives_typed_records(spec: DatasetSpec, tmp_path: Path) -> None:
    """Records are views with exactly the models' fields, and become models on request."""
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    birth = ds.claims["claim:a.birth-year"]
    assert type(birth).__name__ == "Claim"
    assert list(vars(birth)) == list(Claim.model_fields)
    assert type(birth.value).__name__ == "YearValue"
    assert (birth.value.type, birth.value.year) == ("year", 1999)
    assert Claim.model_validate(birth, from_attributes=True).value == YearValue(
        type="year", year=1999
    )
    assert [c.id for c in ds.claims_about("person:soldier-a")] == [
        "claim:a.age",
        "claim:a.birth-year",
        "claim:a.role",
        "claim:a.service-start",
    ]
    assert ds.claims_about("place:kyiv") == []
    assert ds.get("place:kyiv", Entity).name == "Kyiv"
    assert ds.text("source:test-article").startswith("Two soldiers")
    assert ds.version == "1.0.0"  # its manifest's (the factory writes 1.0.0)


def test_records_are_read_only(spec: DatasetSpec, tmp_path: Path) -> None:
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    with pytest.raises(TypeError):
        ds.claims["claim:new"] = ds.claims["claim:a.age"]  # type: ignore[index]
    with pytest.raises(AttributeError, match="Claim is read-only"):
        ds.claims["claim:a.age"].subject = "person:soldier-b"  # type: ignore[misc]


def test_unknown_id_names_it(spec: DatasetSpec, tmp_path: Path) -> None:
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    with pytest.raises(KeyError, match="person:nobody"):
        ds.get("person:nobody")
    with pytest.raises(KeyError, match="did you mean 'person:soldier-b'"):
        ds.get("person:soldier-q")


def test_get_with_a_kind_is_typed_and_checked(spec: DatasetSpec, tmp_path: Path) -> None:
    """Loaded records are views: ``isinstance`` with a model is false for them, so ``get``
    takes the kind and ``is_a`` tells kinds apart."""
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    age = ds.get("claim:a.age", Claim)
    assert age.subject == "person:soldier-a"
    assert not isinstance(age, Claim)  # why the kind is asked for
    assert kursk_pows.is_a(age, Claim)
    assert not kursk_pows.is_a(age, Entity)
    assert kursk_pows.is_a(Claim.model_validate(age, from_attributes=True), Claim)
    with pytest.raises(TypeError, match=r"'claim:a\.age' is a Claim, not a Entity"):
        ds.get("claim:a.age", Entity)
    anything = ds.get("person:soldier-a")
    assert (anything.id, anything.status) == ("person:soldier-a", "active")


def test_is_a_takes_an_instance_of_a_subclass_of_the_model() -> None:
    """``is_a`` answers as ``isinstance`` does for model instances: a record of a model derived
    from ``Claim`` is a ``Claim``, whatever its own class is called."""

    class ReviewedClaim(Claim):
        pass

    record = ReviewedClaim.model_validate(
        claim_with_value({"type": "year", "year": 1999}).model_dump()
    )
    assert kursk_pows.is_a(record, Claim)
    assert not kursk_pows.is_a(record, Entity)


def test_invalid_dataset_raises_with_report(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one("claim:a.age")["value"]["years"] = 40
    with pytest.raises(kursk_pows.DatasetInvalid) as caught:
        kursk_pows.load(spec.write(tmp_path / "ds"))
    assert caught.value.report.flatten("code", "record") == [
        ("age-birth-year-conflict", "claim:a.age")
    ]
    assert "claims.jsonl:1" in str(caught.value)


def test_warnings_do_not_stop_loading(spec: DatasetSpec, tmp_path: Path) -> None:
    del spec.one("claim:a.role")["evidence"][0]["start"]
    del spec.one("claim:a.role")["evidence"][0]["end"]
    ds = kursk_pows.load(spec.write(tmp_path / "ds"))
    assert ds.report.flatten("code") == [("quote-offsets-missing",)]


def test_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        kursk_pows.validate(tmp_path / "nope")


def test_bundled_dataset_loads() -> None:
    ds = kursk_pows.load()
    assert ds.version == kursk_pows.__version__
    active = bundled_snapshot.expected()["active_records"]  # load() leaves retracted ones out
    assert {
        "predicates": len(ds.predicates),
        "sources": len(ds.sources),
        "entities": len(ds.entities),
        "events": len(ds.events),
        "claims": len(ds.claims),
    } == {kind: active[kind] for kind in ("predicates", "sources", "entities", "events", "claims")}
    assert ds.report.errors == ()
    assert ds.report.warnings == ()


def test_retracted_records_are_left_out_unless_asked_for(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.records["claim"].append(
        {
            **spec.one("claim:a.role"),
            "id": "claim:a.role-old",
            "status": "retracted",
            "retraction": {"reason": "misread", "superseded_by": "claim:a.role"},
        }
    )
    root = spec.write(tmp_path / "ds")
    assert "claim:a.role-old" not in kursk_pows.load(root).claims
    everything = kursk_pows.load(root, include_retracted=True)
    assert everything.claims["claim:a.role-old"].retraction.superseded_by == "claim:a.role"  # type: ignore[union-attr]
    assert [c.id for c in kursk_pows.load(root).claims_about("person:soldier-a")] == [
        "claim:a.age",
        "claim:a.birth-year",
        "claim:a.role",
        "claim:a.service-start",
    ]
