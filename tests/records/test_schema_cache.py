"""The per-version cache of the models' core schemas: keyed, checked, and never in the way."""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

from factory import predicate
from kursk_pows.records import compiled, schema_cache

PREDICATE = predicate("p", "year", ["person"], single=True)


@pytest.fixture
def cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "kursk-pows"


def _key() -> dict[str, object]:
    key = schema_cache.cache_key()
    assert key is not None
    return key


def test_first_use_writes_one_entry_later_uses_read_it(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = compiled.view_types()
    (entry,) = cache_home.iterdir()
    assert entry == schema_cache.entry_path(_key())
    assert schema_cache.read(_key()) == compiled.stored_schemas()

    def no_models() -> None:
        raise AssertionError("the models were asked although the cache holds their schemas")

    monkeypatch.setattr(compiled, "stored_schemas", no_models)
    again = compiled.view_types()
    assert again["predicate"].validator is not first["predicate"].validator
    assert list(cache_home.iterdir()) == [entry]


def _truncated(text: bytes) -> bytes:
    return text[: len(text) // 2]


def _other_checksum(text: bytes) -> bytes:
    header, _, payload = text.partition(b"\n")
    fields = json.loads(header)
    fields["sha256"] = "0" * 64
    return json.dumps(fields).encode() + b"\n" + payload


def _payload_changed(text: bytes) -> bytes:
    assert b'"strict":true' in text
    return text.replace(b'"strict":true', b'"strict":false', 1)


def _unknown_function_with_its_checksum(text: bytes) -> bytes:
    """A sound entry as far as the checksum goes, naming a function compiled does not allow."""
    header, _, payload = text.partition(b"\n")
    assert b'"$function":"iso_date"' in payload
    payload = payload.replace(b'"$function":"iso_date"', b'"$function":"eval"')
    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(payload).hexdigest()
    return json.dumps(fields).encode() + b"\n" + payload


def _not_a_schema_with_its_checksum(text: bytes) -> bytes:
    header, _, _ = text.partition(b"\n")
    payload = json.dumps({k: {"type": "nonsense"} for k in ("predicate", "source")}).encode()
    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(payload).hexdigest()
    return json.dumps(fields).encode() + b"\n" + payload


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda text: b"",
        lambda text: b"\xff\xfe not json",
        lambda text: b"[" * 100_000 + b"\n" + text.partition(b"\n")[2],
        _truncated,
        _other_checksum,
        _payload_changed,
        _unknown_function_with_its_checksum,
        _not_a_schema_with_its_checksum,
    ],
    ids=[
        "empty",
        "binary",
        "deep-header",
        "truncated",
        "checksum",
        "payload",
        "unknown-function",
        "not-a-schema",
    ],
)
def test_a_corrupt_entry_is_ignored_and_written_again(cache_home: Path, corrupt: object) -> None:
    compiled.view_types()
    path = schema_cache.entry_path(_key())
    assert path is not None
    good = path.read_bytes()
    path.write_bytes(corrupt(good))  # type: ignore[operator]
    types = compiled.view_types()
    assert types["predicate"].validator.validate_python(PREDICATE).label == "p"
    assert path.read_bytes() == good


def test_a_cache_that_cannot_be_written_is_no_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    record = compiled.view_types()["predicate"].validator.validate_python(PREDICATE)
    assert isinstance(record, compiled.View)
    assert blocker.read_text() == "not a directory"
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_the_cache_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert schema_cache.cache_dir() == tmp_path / "xdg" / "kursk-pows"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG rules: ignored
    assert schema_cache.cache_dir() == tmp_path / "home" / ".cache" / "kursk-pows"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert schema_cache.cache_dir() == tmp_path / "home" / ".cache" / "kursk-pows"


def test_each_version_and_each_model_source_has_its_own_entry(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key = _key()
    for name in ("kursk_pows", "pydantic", "pydantic_core", "models"):
        assert schema_cache.entry_path({**key, name: "other"}) != schema_cache.entry_path(key)
    copy = tmp_path / "package"
    for pattern in schema_cache.SOURCES:
        for path in schema_cache.PACKAGE.glob(pattern):
            target = copy / path.relative_to(schema_cache.PACKAGE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    monkeypatch.setattr(schema_cache, "PACKAGE", copy)
    assert schema_cache.cache_key() == key
    values = copy / "models" / "values.py"
    values.write_text(values.read_text() + "\n# an edit\n")
    assert schema_cache.cache_key() != key


def test_the_key_covers_every_module_the_models_import() -> None:
    """An edit to anything the models are built from must change the key."""
    package = schema_cache.PACKAGE
    covered = {p for pattern in schema_cache.SOURCES for p in package.glob(pattern)}
    needed = set()
    for path in (package / "models").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = path.parent
                for _ in range(node.level - 1):
                    base = base.parent
                module = base.joinpath(*(node.module or "").split("."))
                found = module.with_suffix(".py")
                needed.add(found if found.is_file() else module / "__init__.py")
    assert needed <= covered
    assert package / "coercions.py" in needed


def test_no_pydantic_version_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        schema_cache, "versions", lambda: {"pydantic": None, "pydantic_core": "2.0"}
    )
    assert schema_cache.cache_key() is None


def test_versions_are_read_without_importing_pydantic() -> None:
    probe = (
        "import sys; from kursk_pows.records.schema_cache import versions; v = versions(); "
        "print(v['pydantic'], 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [pydantic.VERSION, "False"]


def test_the_key_holds_the_versions_that_shape_the_schemas() -> None:
    import annotated_types
    import pydantic_core

    key = _key()
    assert key["pydantic"] == pydantic.VERSION
    assert key["pydantic_core"] == pydantic_core.__version__
    assert key["annotated_types"] == annotated_types.__version__


def test_writing_an_entry_keeps_only_the_most_recently_used(cache_home: Path) -> None:
    import os

    cache_home.mkdir(parents=True)
    old = [cache_home / f"core-schemas-old{n}.json" for n in range(schema_cache.KEEP + 3)]
    for age, path in enumerate(old):
        path.write_text("{}\n{}", encoding="utf-8")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    schema_cache.write(_key(), {"any": "schemas"})
    kept = sorted(p.name for p in cache_home.iterdir())
    newest_old = sorted(p.name for p in old[-(schema_cache.KEEP - 1) :])
    assert kept == sorted([*newest_old, str(schema_cache.entry_path(_key()).name)])


def test_reading_an_entry_marks_it_used(cache_home: Path) -> None:
    import os

    schema_cache.write(_key(), {"any": "schemas"})
    path = schema_cache.entry_path(_key())
    assert path is not None
    os.utime(path, (1_000_000, 1_000_000))
    assert schema_cache.read(_key()) == {"any": "schemas"}
    assert path.stat().st_mtime > 1_000_000


def test_a_version_that_cannot_be_found_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No such package, a namespace package (no file to read next to), a package without the
    file, or one whose file declares no version: ``None``, never an exception."""
    (tmp_path / "kursk_namespace_only").mkdir()
    (tmp_path / "kursk_plain").mkdir()
    (tmp_path / "kursk_plain" / "__init__.py").write_text("VERSION = '1.2.3'\n")
    (tmp_path / "kursk_plain" / "other.py").write_text("x = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert schema_cache._declared_version("kursk_no_such_package", "version.py") is None
    assert schema_cache._declared_version("kursk_namespace_only", "version.py") is None
    assert schema_cache._declared_version("kursk_plain", "version.py") is None
    assert schema_cache._declared_version("kursk_plain", "other.py") is None
    assert schema_cache._declared_version("kursk_plain", "__init__.py") == "1.2.3"
