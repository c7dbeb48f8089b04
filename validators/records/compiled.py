"""Record validators that start fast: the models' own core schemas, stored as data.

Defining pydantic models costs a fresh process more than a tenth of a second, which is most
of what a ``kursk-pows validate`` of the bundled dataset takes.  The validators pydantic builds
from the models are pydantic-core schemas; ``core_schemas.json`` holds them, written by
``python scripts/regenerate.py`` (a test fails when it drifts from the models).  Loaded here,
they validate into *views*: plain read-only objects with the models' attributes and nothing
else, enough for the rules.  :func:`kursk_pows.load` still gives analysts the real models.

The stored schemas are used only with the pydantic and pydantic-core versions that wrote them;
with any other, the validators come from the models themselves, so the result never depends on
which path was taken.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic_core import SchemaSerializer, SchemaValidator

from .coercions import integral_number, iso_date
from .kinds import KINDS

SNAPSHOT = "core_schemas.json"
FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "integral_number": integral_number,
    "iso_date": iso_date,
}
"""The only functions the models' schemas may call, by the name they are stored under."""
FACTORIES: dict[str, Callable[[], Any]] = {"list": list}
"""The only default factories the models may use."""
_REF_SUFFIX = re.compile(r":\d+$")  # pydantic makes refs unique with an object's address
_PYDANTIC_VERSION = re.compile(r"""^VERSION = ['"]([^'"]+)['"]""", re.M)


@dataclass(frozen=True)
class RecordType:
    """How records of one kind are validated (from JSON text or parsed data) and dumped."""

    validator: SchemaValidator
    serializer: SchemaSerializer


class View:
    """A validated record or value: its fields as read-only attributes, and nothing more."""

    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"


def model_types() -> dict[str, RecordType]:
    """Validators of the pydantic models: records come out as model instances."""
    return {
        kind.name: RecordType(
            kind.model.__pydantic_validator__,  # type: ignore[arg-type]
            kind.model.__pydantic_serializer__,
        )
        for kind in KINDS
    }


def view_types() -> dict[str, RecordType]:
    """Validators built from the stored schemas (records come out as views), or, when the
    schemas were written by another pydantic-core than the one installed, the models'."""
    snapshot = json.loads(Path(__file__).with_name(SNAPSHOT).read_text(encoding="utf-8"))
    if snapshot["versions"] != _versions():
        return model_types()
    views: dict[str, type[View]] = {}
    types = {}
    for name, stored in snapshot["schemas"].items():
        schema = _revive(stored, views)
        types[name] = RecordType(SchemaValidator(schema), SchemaSerializer(schema))
    return types


def _versions() -> dict[str, str | None]:
    """The installed pydantic and pydantic-core versions.  pydantic's is read from its
    ``version.py`` without importing pydantic, whose import alone would cost what the stored
    schemas save; ``None`` if it cannot be read (then the stored schemas are not used)."""
    spec = importlib.util.find_spec("pydantic")
    found = None
    if spec is not None and spec.origin is not None:
        try:
            text = Path(spec.origin).with_name("version.py").read_text(encoding="utf-8")
        except OSError:
            text = ""
        match = _PYDANTIC_VERSION.search(text)
        found = match.group(1) if match else None
    return {"pydantic": found, "pydantic_core": pydantic_core.__version__}


def _revive(node: Any, views: dict[str, type[View]]) -> Any:
    """Put classes and functions back where :func:`_store` left their names."""
    if isinstance(node, dict):
        if "$class" in node:
            name = node["$class"]
            if name not in views:
                views[name] = type(name, (View,), {"__slots__": ()})
            return views[name]
        if "$function" in node:
            return FUNCTIONS[node["$function"]]
        if "$factory" in node:
            return FACTORIES[node["$factory"]]
        return {key: _revive(value, views) for key, value in node.items()}
    if isinstance(node, list):
        return [_revive(value, views) for value in node]
    return node


def snapshot_text() -> str:
    """``core_schemas.json`` as the models and the installed pydantic-core would write it."""
    schemas = {kind.name: _store(kind.model.__pydantic_core_schema__) for kind in KINDS}
    snapshot = {"versions": _versions(), "schemas": schemas}
    return json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n"


def _store(node: Any) -> Any:
    """A core schema as JSON data: classes and functions by name; no metadata, which holds
    only what JSON Schema generation needs."""
    if isinstance(node, Mapping):
        return {
            key: _store_ref(value) if key in ("ref", "schema_ref") else _store(value)
            for key, value in node.items()
            if key != "metadata"
        }
    if isinstance(node, list | tuple):
        return [_store(value) for value in node]
    if isinstance(node, type) and node in FACTORIES.values():
        return {"$factory": node.__name__}
    if isinstance(node, type):
        if not hasattr(node, "__pydantic_core_schema__"):
            raise ValueError(f"a model's schema names {node!r}, which is not a model")
        return {"$class": node.__name__}
    if callable(node):
        names = [name for name, function in FUNCTIONS.items() if function is node]
        if not names:
            raise ValueError(f"a model calls {node!r}, which compiled.FUNCTIONS does not know")
        return {"$function": names[0]}
    if node is None or isinstance(node, str | int | float | bool):
        return node
    raise ValueError(f"cannot store {type(node).__name__} {node!r} in a core schema snapshot")


def _store_ref(ref: Any) -> Any:
    return _REF_SUFFIX.sub("", ref) if isinstance(ref, str) else ref
