"""Record validators that start fast: the models' own core schemas, stored as data.

Defining pydantic models costs a fresh process more than a tenth of a second, which is most
of what a ``kursk-pows validate`` of the bundled dataset takes.  The validators pydantic builds
from the models are pydantic-core schemas; stored as data (classes and functions by name) in the
user's cache directory (:mod:`~kursk_pows.records.schema_cache`), they are built again in a later
process without the models.  They validate into *views*: plain read-only objects with the
models' attributes and nothing else.  Validation and :func:`kursk_pows.load` use them whatever
the installed pydantic; only the first run with a given set of versions pays for the models.
Should the installed pydantic put into a schema something this module cannot name, the models'
own validators are used instead, with a warning that says so.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_core import SchemaError, SchemaSerializer, SchemaValidator

from ..coercions import integral_number, iso_date
from . import schema_cache
from .kinds import KINDS

FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "integral_number": integral_number,
    "iso_date": iso_date,
}
"""The only functions the models' schemas may call, by the name they are stored under."""
FACTORIES: dict[str, Callable[[], Any]] = {"list": list}
"""The only default factories the models may use."""
_REF_SUFFIX = re.compile(r":\d+$")  # pydantic makes refs unique with an object's address


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

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        """Equal to a view of the same model with equal fields, as models compare."""
        if not isinstance(other, View):
            return NotImplemented
        return type(self) is type(other) and vars(self) == vars(other)

    def __hash__(self) -> int:
        """Hashed by its fields, as frozen models are (a field that is a list cannot be)."""
        return hash((type(self), *vars(self).values()))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled and copied by its model's name and fields: its class is made in each process."""
        fields_set = getattr(self, "__pydantic_fields_set__", None)
        return (_rebuilt, (type(self).__name__, vars(self), fields_set))


class ReadOnlyList(list[Any]):
    """A record's list, once loaded: a ``list`` (equal to a list with the same items, accepted
    where the models want one) whose every change raises, as a tuple's would."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> Any:
        raise AttributeError("a loaded record's list is read-only")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse

    def __setitem__(self, index: Any, value: Any) -> None:
        raise TypeError("a loaded record's list is read-only")

    def __delitem__(self, index: Any) -> None:
        raise TypeError("a loaded record's list is read-only")

    def __iadd__(self, other: Any) -> Any:  # type: ignore[misc]
        """``items += more`` binds ``items`` to a new list and leaves the record alone."""
        return [*self, *other]

    def __imul__(self, times: Any) -> Any:  # type: ignore[misc]
        return list(self) * times

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled and copied by its items (list's own way fills it in with ``extend``)."""
        return (ReadOnlyList, (list(self),))


def read_only(record: Any) -> Any:
    """Make every list in ``record`` (a view, or a model where views are not used) and in the
    values nested in it a :class:`ReadOnlyList`, in place; return ``record``.  Only for a
    record nobody else holds yet: its fields are replaced without ``__setattr__``."""
    fields = vars(record)
    for name, value in fields.items():
        if type(value) is list:
            fields[name] = ReadOnlyList(
                [read_only(item) if hasattr(item, "__dict__") else item for item in value]
            )
        elif hasattr(value, "__dict__"):
            read_only(value)
    return record


def replaced(record: Any, **changes: Any) -> Any:
    """A copy of ``record`` with some fields changed (a view stays a read-only view, a model a
    frozen model); ``record`` itself is left as it is."""
    if not isinstance(record, View):
        return record.model_copy(update=changes)
    fields_set = getattr(record, "__pydantic_fields_set__", None)
    return read_only(_rebuilt(type(record).__name__, {**vars(record), **changes}, fields_set))


_VIEWS: dict[str, type[View]] = {}
"""The view class of each model, by the model's name: one class per process."""


def view_class(name: str) -> type[View]:
    """The view class standing for the model ``name`` (``Claim``, ``YearValue``...)."""
    if name not in _VIEWS:
        _VIEWS[name] = type(name, (View,), {"__slots__": ()})
    return _VIEWS[name]


def _rebuilt(name: str, fields: dict[str, Any], fields_set: set[str] | None) -> View:
    """A view again, from what :meth:`View.__reduce__` gave (as pydantic-core fills one in)."""
    view = object.__new__(view_class(name))
    for slot, value in (
        ("__dict__", dict(fields)),
        ("__pydantic_fields_set__", fields_set),
        ("__pydantic_extra__", None),
        ("__pydantic_private__", None),
    ):
        object.__setattr__(view, slot, value)
    return view


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
    """Validators built from the models' stored core schemas: records come out as views.

    The schemas come from the cache when it holds a sound entry for the installed versions;
    otherwise from the models, and the cache is written for the next run."""
    key = schema_cache.cache_key()
    cached = schema_cache.read(key) if key is not None else None
    if cached is not None:
        try:
            return _types_from(cached)
        except (KeyError, TypeError, ValueError, RecursionError, SchemaError):
            pass  # an entry this module cannot use: written again below
    try:
        stored = stored_schemas()
    except ValueError as exc:
        warnings.warn(
            f"records are validated by the pydantic models, which is slower: {exc}",
            RuntimeWarning,
            stacklevel=2,
        )
        return model_types()
    if key is not None:
        schema_cache.write(key, stored)
    return _types_from(stored)


def stored_schemas() -> dict[str, Any]:
    """Every kind's core schema as the models and the installed pydantic give it, as data."""
    return {kind.name: _store(kind.model.__pydantic_core_schema__) for kind in KINDS}


def _types_from(stored: Mapping[str, Any]) -> dict[str, RecordType]:
    types = {}
    for kind in KINDS:
        schema = _revive(stored[kind.name])
        types[kind.name] = RecordType(SchemaValidator(schema), SchemaSerializer(schema))
    return types


def _revive(node: Any) -> Any:
    """Put classes and functions back where :func:`_store` left their names."""
    if isinstance(node, dict):
        if "$class" in node:
            return view_class(node["$class"])
        if "$function" in node:
            return FUNCTIONS[node["$function"]]
        if "$factory" in node:
            return FACTORIES[node["$factory"]]
        return {key: _revive(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_revive(value) for value in node]
    return node


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
    raise ValueError(f"cannot store {type(node).__name__} {node!r} as core schema data")


def _store_ref(ref: Any) -> Any:
    return _REF_SUFFIX.sub("", ref) if isinstance(ref, str) else ref
