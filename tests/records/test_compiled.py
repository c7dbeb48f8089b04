"""The compiled validators (stored core schemas, records as views) agree with the models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pydantic
import pydantic_core
import pytest

import kursk_pows
from kursk_pows.reading.locations import resolve_root
from kursk_pows.records import compiled
from kursk_pows.records.kinds import KINDS
from kursk_pows.reports.examples import EXAMPLES, example_copy
from kursk_pows.rules import CODES
from kursk_pows.rules.engine import run_rules

SNAPSHOT_MATCHES = compiled.json.loads(
    (Path(compiled.__file__).with_name(compiled.SNAPSHOT)).read_text()
)["versions"] == {"pydantic": pydantic.VERSION, "pydantic_core": pydantic_core.__version__}


def test_snapshot_is_current_or_set_aside() -> None:
    """Written by this pydantic-core, the snapshot must equal what the models give now; by
    another, it must not be used at all."""
    stored = Path(compiled.__file__).with_name(compiled.SNAPSHOT).read_text(encoding="utf-8")
    types = compiled.view_types()
    if SNAPSHOT_MATCHES:
        assert stored == compiled.snapshot_text(), "run python scripts/regenerate.py"
        assert all(types[k.name].validator is not k.model.__pydantic_validator__ for k in KINDS)
    else:
        assert all(types[k.name].validator is k.model.__pydantic_validator__ for k in KINDS)


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


def test_validate_does_not_define_the_models() -> None:
    """The point of the snapshot: a validation does not pay for defining pydantic models."""
    probe = (
        "import sys, kursk_pows; kursk_pows.validate(); print('kursk_pows.models' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(not SNAPSHOT_MATCHES)


def test_views_are_read_only_and_show_their_fields() -> None:
    types = compiled.view_types()
    record = types["predicate"].validator.validate_python(
        {
            "id": "predicate:p",
            "label": "p",
            "description": "A predicate.",
            "value_type": "year",
            "subject_types": ["person"],
            "single_valued": True,
        }
    )
    # A view refuses with AttributeError; a frozen model (the fallback) with a ValidationError.
    with pytest.raises((AttributeError, pydantic.ValidationError)):
        record.label = "changed"
    assert record.label == "p"
    assert repr(record).startswith("Predicate(id='predicate:p', ")


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


def test_versions_are_read_without_importing_pydantic() -> None:
    probe = (
        "import sys; from kursk_pows.records.compiled import _versions; v = _versions(); "
        "print(v['pydantic'], 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [pydantic.VERSION, "False"]
