"""Read a dataset directory's records one at a time, validated, collecting every issue."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic_core import ValidationError

from ..config import Config
from ..issues import Issue, IssueLog
from ..records.canonical import is_canonical_line
from ..records.compiled import model_types
from ..records.kinds import KINDS, Kind
from .jsonl import MAX_EXACT_INT, Line, Unparsed, iter_jsonl, strict_again
from .schema_errors import issues_from_validation_error

if TYPE_CHECKING:
    from ..models import Identified
    from ..records.compiled import RecordType

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
    id: str


class RecordReader:
    """Reads the record files of a dataset directory in :data:`KINDS` order.

    Iterating yields every record that passes its model, one at a time, with its file and
    line; nothing else is kept, so a caller decides what to hold in memory.  Problems go to
    ``issues``; the ids of records that failed their model go to ``invalid_ids``.
    """

    def __init__(
        self,
        root: Path,
        config: Config | None = None,
        progress: Progress | None = None,
        types: Mapping[str, RecordType] | None = None,
    ) -> None:
        self.root = root
        self.config = config or Config()
        self._progress = progress
        self._types = types if types is not None else model_types()
        """How each kind is validated: the models' own validators unless told otherwise."""
        self.issues = IssueLog(self.config.max_issues_per_file, self.config.max_issues)
        self.invalid_ids: set[str] = set()
        """Ids of records that failed their model: referencing them is not a second error."""
        self.counts: dict[str, int] = {}
        """Valid records read, by kind."""

    def __iter__(self) -> Iterator[Located]:
        for kind in KINDS:
            self.counts[kind.name] = 0
            yield from self._read_kind(kind)

    def stats(self) -> dict[str, int]:
        """Valid records read, by file name without its extension."""
        return {kind.file.removesuffix(".jsonl"): self.counts.get(kind.name, 0) for kind in KINDS}

    def _read_kind(self, kind: Kind) -> Iterator[Located]:
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
            return
        progress, file, name = self._progress, kind.file, kind.name
        for line in iter_jsonl(path, file, self.issues, self.config, quick=True):
            if progress is not None and line.number % PROGRESS_EVERY == 0:
                progress(file, line.number)
            record = (
                self._validate(kind, line) if isinstance(line, Line) else self._quick(kind, line)
            )
            if record is not None:
                self.counts[name] += 1
                yield Located(name, record, file, line.number, record.id)

    def _quick(self, kind: Kind, line: Unparsed) -> Identified | None:
        """Validate a line straight from its text; read it again strictly unless the record
        is valid, canonical and within the strict reader's number range."""
        types = self._types[kind.name]
        try:
            record = types.validator.validate_json(line.text)
        except ValidationError:
            record = None
        if (
            record is not None
            and is_canonical_line(line.text, _dumped(types, record))
            and numbers_exact(record)
        ):
            return record  # type: ignore[no-any-return]
        strict = strict_again(line, kind.file, self.issues, self.config)
        if strict is None:
            return None  # refused by the strict reader (a duplicate key): reported there
        return self._validate(kind, strict)

    def _validate(self, kind: Kind, line: Line) -> Identified | None:
        """Validate a strictly read line (the models' Python mode decides), and report it if
        it is not in canonical form."""
        data = line.data
        types = self._types[kind.name]
        try:
            record = types.validator.validate_python(data)
        except ValidationError as exc:
            record_id = data.get("id") if isinstance(data.get("id"), str) else None
            if record_id is not None:
                self.invalid_ids.add(record_id)
            self.issues.extend(
                issues_from_validation_error(exc, data, kind.file, line.number, record_id)
            )
            return None
        if not is_canonical_line(line.text, _dumped(types, record)):
            self.issues.append(_not_canonical(kind.file, line.number, record))
        return record  # type: ignore[no-any-return]


def numbers_exact(record: Any) -> bool:
    """Whether every integer of a record is within 2**53, as the strict reader requires.

    Only evidence offsets and quantity numbers are unbounded in the models; every other number
    has bounds far smaller (a test keeps this list in step with the schemas).
    """
    evidence = getattr(record, "evidence", ())
    for item in evidence:
        if (item.start or 0) > MAX_EXACT_INT or (item.end or 0) > MAX_EXACT_INT:
            return False
    value = getattr(record, "value", None)
    if value is not None and value.type == "quantity":
        for number in (value.low, value.high, value.nominal):
            if isinstance(number, int) and abs(number) > MAX_EXACT_INT:
                return False
    return True


def _dumped(types: RecordType, record: Any) -> Any:
    """A record as JSON data, default values left out (the canonical form before NFC)."""
    return types.serializer.to_python(record, mode="json", exclude_defaults=True)


def _not_canonical(file: str, line: int, record: Any) -> Issue:
    return Issue(
        "line-not-canonical",
        "warning",
        "the record is not written in canonical form (key order, spacing, defaults, NFC)",
        file=file,
        line=line,
        record=str(getattr(record, "id", "")) or None,
        hint="run kursk-pows fmt to rewrite the file in canonical form",
    )
