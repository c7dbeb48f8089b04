"""What the cross-record rules share while records stream past: every id seen so far, its
type, status and place, and the source texts.  Records themselves are not kept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..reading.source_texts import SourceText, read_source_text
from ..reading.stream import Located
from ..records.kinds import ENTITY_PREFIXES, KIND_BY_NAME, KINDS
from .per_record import once_per_record

if TYPE_CHECKING:
    from ..models import Source


class Entry(NamedTuple):
    """The first record read with an id: its type, whether it is active, and where it is."""

    type: str
    """An entity's type, or the kind of any other record (``source``, ``event``, ...)."""
    active: bool
    file: str
    line: int


TYPES: tuple[str, ...] = (*ENTITY_PREFIXES, *(kind.name for kind in KINDS if kind.name != "entity"))
"""Every record type, in the order their numbers are packed into an index code."""
_TYPE_NUMBER = {name: number for number, name in enumerate(TYPES)}
_FILE = {name: KIND_BY_NAME["entity" if name in ENTITY_PREFIXES else name].file for name in TYPES}
_SHIFT = 5  # 4 bits of type number, 1 bit of status, then the line


def pack(type_name: str, active: bool, line: int) -> int:
    """One small integer for an index entry (the file follows from the type)."""
    return (line << _SHIFT) | (_TYPE_NUMBER[type_name] << 1) | active


def type_of(code: int) -> str:
    """The record type of a packed entry."""
    return TYPES[(code >> 1) & 15]


def is_active(code: int) -> bool:
    """Whether the record of a packed entry is active."""
    return bool(code & 1)


def line_of(code: int) -> int:
    """The line of a packed entry's record."""
    return code >> _SHIFT


def file_of(code: int) -> str:
    """The file of a packed entry's record."""
    return _FILE[type_of(code)]


def unpack(code: int) -> Entry:
    name = type_of(code)
    return Entry(name, is_active(code), _FILE[name], code >> _SHIFT)


class Spot(NamedTuple):
    """Where a record was read, kept by rules that report on it after it has gone."""

    file: str
    line: int
    id: str


@once_per_record
def spot(located: Located) -> Spot:
    """Where a record was read (one object, however many rules keep it)."""
    return Spot(located.file, located.line, located.id)


def record_type(located: Located) -> str:
    """An entity's type, or the kind of any other record (``source``, ``event``, ...)."""
    return str(located.record.type) if located.kind == "entity" else located.kind


class Index:
    """Ids seen so far (the first record of each id wins), and the texts of sources.

    ``invalid_ids`` holds the ids of records that failed their model: a reference to one of
    them is not reported a second time.
    """

    def __init__(self, root: Path, invalid_ids: set[str]) -> None:
        self.root = root
        self.codes: dict[str, int] = {}
        """Every id read so far, with its first record packed by :func:`pack` (an int takes
        a fraction of the memory of a tuple)."""
        self.invalid_ids = invalid_ids
        self._sources: dict[str, Source] = {}
        self._texts: dict[str, SourceText] = {}

    def add(self, located: Located) -> None:
        """Record a record's id, unless an earlier record has it already."""
        record = located.record
        if located.id not in self.codes:
            self.codes[located.id] = pack(
                record_type(located), record.status == "active", located.line
            )
        if located.kind == "source":
            self._sources.setdefault(record.id, record)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.codes

    def entry(self, record_id: str) -> Entry | None:
        """The first record read with an id, or ``None`` if there is none (yet)."""
        code = self.codes.get(record_id)
        return None if code is None else unpack(code)

    def type(self, record_id: str) -> str | None:
        """The type of the first record read with an id, or ``None``."""
        code = self.codes.get(record_id)
        return None if code is None else type_of(code)

    def text_of(self, source: Source) -> SourceText:
        """The text at this source record's own path: the cached one when it is the first
        source read with its id, else read for it (a duplicate id must not borrow the first
        record's file)."""
        if self._sources.get(source.id) is source:
            found = self.source_text(source.id)
            if found is not None:
                return found
        return read_source_text(self.root, source)

    def source_text(self, source_id: str) -> SourceText | None:
        """The text of the first source read with this id (read once); ``None`` if no source
        has the id."""
        if source_id not in self._texts:
            source = self._sources.get(source_id)
            if source is None:
                return None
            self._texts[source_id] = read_source_text(self.root, source)
        return self._texts[source_id]
