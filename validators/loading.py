"""Read a dataset directory into validated records, collecting every issue on the way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .canonical import is_canonical_line
from .config import Config
from .kinds import KINDS, Kind
from .models import Record, Source
from .reading import iter_jsonl, strict_again
from .report import Issue
from .schema_errors import issues_from_validation_error
from .source_texts import SourceText, read_source_text

PROGRESS_EVERY = 10_000
"""Lines between two calls of a progress callback."""

Progress = Callable[[str, int], None]
"""Called with a file name and the number of lines of it read so far."""


@dataclass(frozen=True, slots=True)
class Located:
    """A record that passed its model, with the file and line it was read from."""

    kind: str
    record: Any
    file: str
    line: int

    @property
    def id(self) -> str:
        return str(self.record.id)


class LoadedDataset:
    """All records of a dataset directory that are structurally valid, indexed by id."""

    def __init__(
        self, root: Path, config: Config | None = None, progress: Progress | None = None
    ) -> None:
        self.root = root
        self.config = config or Config()
        self._progress = progress
        self.issues: list[Issue] = []
        self.invalid_ids: set[str] = set()
        """Ids of records that failed their model: referencing them is not a second error."""
        self.records: dict[str, list[Located]] = {}
        for kind in KINDS:
            self.records[kind.name] = self._read_kind(kind)
        self._texts: dict[str, SourceText] = {}
        self._live: dict[str, list[Located]] = {}
        self.by_id: dict[str, Located] = {}
        for located in self.all_records():
            self.by_id.setdefault(located.id, located)

    def live(self, kind: str) -> list[Located]:
        """The records of a kind that are not retracted (computed once)."""
        if kind not in self._live:
            self._live[kind] = [r for r in self.records[kind] if r.record.status == "active"]
        return self._live[kind]

    def all_records(self) -> list[Located]:
        return [r for kind in KINDS for r in self.records[kind.name]]

    def stats(self) -> dict[str, int]:
        return {kind.file.removesuffix(".jsonl"): len(self.records[kind.name]) for kind in KINDS}

    def _read_kind(self, kind: Kind) -> list[Located]:
        path = self.root / kind.file
        if not path.exists() and not path.is_symlink():
            self.issues.append(
                Issue(
                    "file-missing",
                    "error",
                    f"the dataset has no {kind.file}",
                    file=kind.file,
                    hint=f"create {kind.file} (it may be empty) in the dataset directory",
                )
            )
            return []
        located: list[Located] = []
        for quick_line in iter_jsonl(path, kind.file, self.issues, self.config, quick=True):
            if self._progress is not None and quick_line.number % PROGRESS_EVERY == 0:
                self._progress(kind.file, quick_line.number)
            record = self._valid_or_none(kind, quick_line.data)
            canonical = record is not None and is_canonical_line(quick_line.text, record)
            if not canonical:  # a canonical line cannot repeat a key: no need to read it again
                line = strict_again(quick_line, kind.file, self.issues, self.config)
                if line is None:
                    continue  # refused by the strict reader (a duplicate key): reported there
                if record is None:  # the strict read gives the same data: validate once only
                    record = self._validate(kind, line.data, line.number)
                if record is not None:
                    self.issues.append(_not_canonical(kind.file, line.number, record))
            if record is not None:
                located.append(Located(kind.name, record, kind.file, quick_line.number))
        return located

    @staticmethod
    def _valid_or_none(kind: Kind, data: dict[str, Any]) -> Record | None:
        try:
            return kind.model.model_validate(data)
        except ValidationError:
            return None

    def _validate(self, kind: Kind, data: dict[str, Any], line: int) -> Record | None:
        try:
            return kind.model.model_validate(data)
        except ValidationError as exc:
            record_id = data.get("id") if isinstance(data.get("id"), str) else None
            if record_id is not None:
                self.invalid_ids.add(record_id)
            self.issues.extend(issues_from_validation_error(exc, data, kind.file, line, record_id))
            return None

    def source_text(self, source: Source) -> SourceText:
        """A source's text (read once), or why it could not be read."""
        if source.id not in self._texts:
            self._texts[source.id] = read_source_text(self.root, source)
        return self._texts[source.id]


def _not_canonical(file: str, line: int, record: Record) -> Issue:
    return Issue(
        "line-not-canonical",
        "warning",
        "the record is not written in canonical form (key order, spacing, defaults, NFC)",
        file=file,
        line=line,
        record=str(getattr(record, "id", "")) or None,
        hint="run kursk-pows fmt to rewrite the file in canonical form",
    )
