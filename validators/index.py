"""What the cross-record rules share while records stream past: every id seen so far, its
type, status and place, and the source texts.  Records themselves are not kept."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .loading import Located
from .models import Entity, Source
from .source_texts import SourceText, read_source_text


class Entry(NamedTuple):
    """The first record read with an id: its type, whether it is active, and where it is."""

    type: str
    """An entity's type, or the kind of any other record (``source``, ``event``, ...)."""
    active: bool
    file: str
    line: int


class Spot(NamedTuple):
    """Where a record was read, kept by rules that report on it after it has gone."""

    file: str
    line: int
    id: str


def spot(located: Located) -> Spot:
    return Spot(located.file, located.line, located.id)


def record_type(located: Located) -> str:
    """An entity's type, or the kind of any other record (``source``, ``event``, ...)."""
    record = located.record
    return str(record.type) if isinstance(record, Entity) else located.kind


class Index:
    """Ids seen so far (the first record of each id wins), and the texts of sources.

    ``invalid_ids`` holds the ids of records that failed their model: a reference to one of
    them is not reported a second time.
    """

    def __init__(self, root: Path, invalid_ids: set[str]) -> None:
        self.root = root
        self.entries: dict[str, Entry] = {}
        self.invalid_ids = invalid_ids
        self._sources: dict[str, Source] = {}
        self._texts: dict[str, SourceText] = {}

    def add(self, located: Located) -> None:
        """Record a record's id, unless an earlier record has it already."""
        record = located.record
        if located.id not in self.entries:
            self.entries[located.id] = Entry(
                record_type(located), record.status == "active", located.file, located.line
            )
        if isinstance(record, Source):
            self._sources.setdefault(record.id, record)

    def source_text(self, source_id: str) -> SourceText | None:
        """The text of the first source read with this id (read once); ``None`` if no source
        has the id."""
        if source_id not in self._texts:
            source = self._sources.get(source_id)
            if source is None:
                return None
            self._texts[source_id] = read_source_text(self.root, source)
        return self._texts[source_id]
