"""The compiled validators (the models' core schemas as data, records as views) agree with the
models, and are what validation and loading use with the installed pydantic."""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

import kursk_pows
from factory import DatasetSpec, predicate
from kursk_pows.reading.locations import resolve_root
from kursk_pows.records import compiled, schema_cache
from kursk_pows.records.kinds import KINDS
from kursk_pows.reports.examples import EXAMPLES, example_copy
from kursk_pows.rules import CODES
from kursk_pows.rules.engine import run_rules

PREDICATE = predicate("p", "year", ["person"], single=True)


def test_views_are_used_and_match_the_models() -> None:
    """Whatever the installed pydantic, validation goes through views built from the models'
    schemas as they are now (the cache of the test run holds exactly those)."""
    types = compiled.view_types()
    assert all(types[k.name].validator is not k.model.__pydantic_validator__ for k in KINDS)
    record = types["predicate"].validator.validate_python(PREDICATE)
    assert isinstance(record, compiled.View)
    assert type(record) is compiled.view_class("Predicate")
    key = schema_cache.cache_key()
    assert key is not None
    assert schema_cache.read(key) == compiled.stored_schemas()


@pytest.mark.parametrize("code", sorted(CODES))
def test_views_and_models_report_the_same(code: str, repo_root: Path, tmp_path: Path) -> None:
    root = example_copy(repo_root / "docs" / "example-dataset", tmp_path / "ds")
    config = EXAMPLES[code].apply(root)
    with_views = kursk_pows.validate(root, config)
    with_models = run_rules(root, config, types=compiled.model_types())
    assert with_views == with_models


def test_bundled_dataset_views_and_models_agree() -> None:
    root = resolve_root(None)
    assert kursk_pows.validate() == run_rules(root, types=compiled.model_types())


@pytest.mark.parametrize(
    "call", ["kursk_pows.validate()", "kursk_pows.load()", "kursk_pows.coverage()"]
)
def test_only_the_first_run_defines_the_models(call: str, tmp_path: Path) -> None:
    """The fast path on the installed pydantic: the first run fills the cache from the models,
    every later one validates without defining them."""
    probe = f"import sys, kursk_pows; {call}; print('kursk_pows.models' in sys.modules)"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        )
        for _ in range(3)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False", "False"]
    assert [run.stderr for run in runs] == ["", "", ""]
    assert len(list((tmp_path / "kursk-pows").iterdir())) == 1


def test_views_are_read_only_and_show_their_fields() -> None:
    record = compiled.view_types()["predicate"].validator.validate_python(PREDICATE)
    with pytest.raises(AttributeError, match="Predicate is read-only"):
        record.label = "changed"
    with pytest.raises(AttributeError, match="read-only"):
        del record.label
    assert record.label == "p"
    assert repr(record).startswith("Predicate(id='predicate:p', ")


def test_views_compare_and_hash_as_the_models_do() -> None:
    """Equal when the model and every field are; hashable unless a field is a list."""
    views = compiled.view_types()
    models = compiled.model_types()
    other = {**PREDICATE, "label": "q"}
    for types in (views, models):
        validate = types["predicate"].validator.validate_python
        assert validate(PREDICATE) == validate(PREDICATE)
        assert validate(PREDICATE) != validate(other)
        with pytest.raises(TypeError, match="unhashable"):
            hash(validate(PREDICATE))
    claim = {
        "id": "claim:c",
        "proposition": "proposition:c",
        "subject": "person:a",
        "predicate": "predicate:born",
        "value": {"type": "year", "year": 1999},
        "claimed_by": "source:s",
        "evidence": [{"source": "source:s", "quote": "born in 1999"}],
    }
    year_views = [views["claim"].validator.validate_python(claim).value for _ in range(2)]
    assert hash(year_views[0]) == hash(year_views[1])
    assert year_views[0] == year_views[1]
    assert year_views[0] != object()
    first, again = (compiled._rebuilt("First", {"x": 1}, None) for _ in range(2))
    assert first == again
    assert first != compiled._rebuilt("Second", {"x": 1}, None)  # same fields, other model


def test_views_pickle_and_copy_as_models_do(spec: DatasetSpec, tmp_path: Path) -> None:
    """Analysts hand records to other processes and copy them: the views survive both."""
    claims = kursk_pows.load(spec.write(tmp_path / "ds")).claims
    claim = claims["claim:a.birth-year"]
    again = pickle.loads(pickle.dumps(claim))
    assert again == claim
    assert type(again) is type(claim)
    assert type(again.evidence[0]) is type(claim.evidence[0])
    assert copy.deepcopy(claim) == claim
    assert copy.copy(claim) == claim
    with pytest.raises(AttributeError, match="read-only"):
        again.subject = "person:other"
    fresh = subprocess.run(
        [sys.executable, "-c", "import pickle, sys; print(pickle.load(sys.stdin.buffer).value)"],
        input=pickle.dumps(claim),
        capture_output=True,
        check=True,
    )
    assert fresh.stdout.decode().strip() == "YearValue(type='year', year=1999)"


def test_a_view_becomes_a_model_on_request() -> None:
    """What the README tells analysts who want a pydantic model (``model_dump`` and the rest)."""
    from kursk_pows.models import Predicate

    view = compiled.view_types()["predicate"].validator.validate_python(PREDICATE)
    model = Predicate.model_validate(view, from_attributes=True)
    assert model == Predicate.model_validate(PREDICATE)


def test_a_schema_it_cannot_store_falls_back_to_the_models_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(compiled, "FUNCTIONS", {})
    with pytest.warns(RuntimeWarning, match="validated by the pydantic models.*does not know"):
        types = compiled.view_types()
    assert all(types[k.name].validator is k.model.__pydantic_validator__ for k in KINDS)
    assert not (tmp_path / "kursk-pows").exists()


def test_store_refuses_what_it_cannot_name() -> None:
    with pytest.raises(ValueError, match="does not know"):
        compiled._store({"type": "function-plain", "function": lambda value: value})
    with pytest.raises(ValueError, match="not a model"):
        compiled._store({"cls": dict})
    with pytest.raises(ValueError, match="cannot store"):
        compiled._store({"default": object()})


def test_store_drops_metadata_and_object_addresses() -> None:
    stored = compiled._store({"ref": "pkg.Model:140234", "metadata": {"x": 1}, "strict": True})
    assert stored == {"ref": "pkg.Model", "strict": True}


def test_revive_gives_only_views_and_known_functions() -> None:
    assert compiled._revive({"$class": "Anything"}) is compiled.view_class("Anything")
    assert issubclass(compiled.view_class("Anything"), compiled.View)
    assert compiled._revive([{"$function": "iso_date"}]) == [compiled.FUNCTIONS["iso_date"]]
    with pytest.raises(KeyError):
        compiled._revive({"$function": "os.system"})
    with pytest.raises(KeyError):
        compiled._revive({"$factory": "dict"})


def test_stored_schemas_are_json_data() -> None:
    stored = compiled.stored_schemas()
    assert json.loads(json.dumps(stored)) == stored
    assert sorted(stored) == sorted(k.name for k in KINDS)


def test_a_frozen_model_and_a_view_both_refuse_changes() -> None:
    """Both paths keep records read-only (the models with pydantic's own error)."""
    model = compiled.model_types()["predicate"].validator.validate_python(PREDICATE)
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        model.label = "changed"
