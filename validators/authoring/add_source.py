"""Add an article to a dataset (``kursk-pows add-source``): its text and its source record.

The text is checked as the validator reads source texts (a regular file within
``Config.max_source_bytes``, UTF-8 and not empty), and more strictly, since a new text can still
be fixed before anything rests on it: no byte order mark, LF line ends only, Unicode NFC.  It is
copied to ``sources/NNN_<hex>.txt`` (the next three-digit number; the first 16 hex digits of its
SHA-256), its source record is put into ``sources.jsonl`` in canonical form at its sorted place,
and ``manifest.json`` is rewritten for the same version.  A text already in the dataset (same
SHA-256) or an id in use is refused; a refusal changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from ..reading.source_texts import SOURCES_DIR

SOURCE_ID = re.compile(r"source:[a-z0-9]+(?:[-.][a-z0-9]+)*")
NUMBERED = re.compile(r"^(\d{3})_[0-9a-f]+\.txt$")


class SourceRefused(ValueError):
    """The text or the record cannot be added; ``str()`` says why and what to do."""


@dataclass(frozen=True)
class AddedSource:
    """What :func:`add_source` wrote: the record's id, the text's path and its SHA-256."""

    id: str
    path: str
    sha256: str
    line: str


def check_text(data: bytes, name: str, max_bytes: int = Config.max_source_bytes) -> str:
    """The article text decoded, or :class:`SourceRefused` naming the line and the fix."""
    if len(data) > max_bytes:
        raise SourceRefused(
            f"{name}: {len(data):,} bytes, more than a source text may have ({max_bytes:,}, "
            "Config.max_source_bytes): the validator would not read it"
        )
    if not data.strip():
        raise SourceRefused(f"{name}: the text is empty; give the article's text")
    if data.startswith(b"\xef\xbb\xbf"):
        raise SourceRefused(
            f"{name}:1: the text starts with a byte order mark (U+FEFF): save it as UTF-8 "
            "without BOM"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceRefused(
            f"{name}:{line}: not valid UTF-8 (byte {exc.start}): save the text as UTF-8"
        ) from None
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise SourceRefused(
            f"{name}:{line}: carriage return (CRLF or CR line ends): convert the line ends to "
            "LF (e.g. dos2unix), so that offsets count the same for everyone"
        )
    if not unicodedata.is_normalized("NFC", text):
        lines = text.split("\n")
        line = next(n for n, s in enumerate(lines, 1) if not unicodedata.is_normalized("NFC", s))
        raise SourceRefused(
            f"{name}:{line}: not in Unicode NFC (a letter and its accent stored apart): "
            'normalise the text to NFC, e.g. python3 -c "import sys, unicodedata; '
            "sys.stdout.write(unicodedata.normalize('NFC', sys.stdin.read()))\""
        )
    return text


def _source_lines(root: Path) -> list[tuple[str, dict[str, Any]]]:
    path = root / "sources.jsonl"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceRefused(f"{path}: cannot be read ({exc}); fix it first") from None
    found = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            raise SourceRefused(
                f"{path}:{number}: not a JSON object; fix it first (kursk-pows validate "
                "shows what is wrong)"
            )
        found.append((line, record))
    return found


def next_path(root: Path, sha256: str, taken: list[str]) -> str:
    """``sources/NNN_<hex>.txt``: one more than the highest number in use."""
    names = [Path(p).name for p in taken]
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # refused further on
        names += os.listdir(root / SOURCES_DIR)
    numbers = [int(m.group(1)) for name in names if (m := NUMBERED.match(name))]
    return f"{SOURCES_DIR}/{max(numbers, default=-1) + 1:03d}_{sha256[:16]}.txt"


def source_record(fields: dict[str, Any]) -> str:
    """The canonical line of a source record, or :class:`SourceRefused` with each problem."""
    from pydantic import ValidationError

    from ..models import Source
    from ..records.canonical import dump_record

    try:
        return dump_record(Source.model_validate(fields))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'/'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()
        )
        raise SourceRefused(f"the source record is not valid: {problems}") from None


def add_source(
    root: Path,
    text_file: Path,
    fields: dict[str, Any],
    max_bytes: int = Config.max_source_bytes,
) -> AddedSource:
    """Add ``text_file`` to the dataset ``root`` with the source record ``fields`` (``id``,
    ``title``, ``publisher``, ``url``, ``published``, ``credits``, ``notes``; those left out
    are unknown, and ``path`` and ``sha256`` are filled in).  Everything is checked before
    anything is written; a write that fails is undone."""
    from ..reading.manifest import read_version
    from ..releases.atomic import dataset_lock, write_atomic

    try:
        with open(text_file, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise SourceRefused(f"{text_file}: cannot be read ({exc.strerror})") from None
    check_text(data, str(text_file), max_bytes)
    sha256 = hashlib.sha256(data).hexdigest()
    source_id = fields.get("id")
    if not isinstance(source_id, str) or not SOURCE_ID.fullmatch(source_id):
        raise SourceRefused(
            f"id {source_id!r}: a source id is 'source:' and lowercase words joined by hyphens, "
            "e.g. source:kyiv-independent-captives"
        )
    with dataset_lock(root):
        lines = _source_lines(root)
        for _, record in lines:
            if record.get("id") == source_id:
                raise SourceRefused(
                    f"{root / 'sources.jsonl'}: id {source_id} is in use (ids are never reused, "
                    "even when retracted): choose another --id"
                )
            if record.get("sha256") == sha256:
                raise SourceRefused(
                    f"{text_file}: this text is already in the dataset as {record.get('id')} "
                    f"({record.get('path')}, the same SHA-256 {sha256})"
                )
        path = next_path(root, sha256, [str(r.get("path", "")) for _, r in lines])
        unknown = dict.fromkeys(("title", "publisher", "url", "published"))
        line = source_record({**unknown, **fields, "path": path, "sha256": sha256})
        version = read_version(root)
        if version is None:
            raise SourceRefused(
                f"{root / 'manifest.json'}: no version can be read from it; fix it first "
                "(kursk-pows manifest rewrites it)"
            )
        ordered = sorted([*lines, (line, {"id": source_id})], key=lambda lr: str(lr[1]["id"]))
        records_text = "".join(f"{text}\n" for text, _ in ordered)
        target = root / path
        if target.parent.is_symlink() or (target.parent.exists() and not target.parent.is_dir()):
            raise SourceRefused(
                f"{target.parent}: not a directory of the dataset (a link or a file); the "
                "validator reads texts only from a real sources/ directory"
            )
        if os.path.lexists(target):
            raise SourceRefused(f"{target}: a file of that name is already there; remove it")
        sources = root / "sources.jsonl"
        before = sources.read_bytes() if sources.exists() else None
        target.parent.mkdir(exist_ok=True)
        created = False
        try:
            with open(target, "xb") as stream:  # never over an existing file
                created = True
                stream.write(data)
            write_atomic(sources, records_text.encode("utf-8"))
            _write_manifest(root, version)
        except BaseException:
            if created:
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
            if before is None:
                with contextlib.suppress(FileNotFoundError):
                    sources.unlink()
            else:
                write_atomic(sources, before)
            raise
    return AddedSource(source_id, path, sha256, line)


def _write_manifest(root: Path, version: str) -> None:
    """Rewrite the manifest while :func:`add_source` holds the lock (``write_manifest`` would
    take it again, and ``flock`` on a second descriptor waits for the first)."""
    from ..reading.manifest import MANIFEST, build_manifest, render_manifest
    from ..releases.atomic import write_text_atomic

    write_text_atomic(root / MANIFEST, render_manifest(build_manifest(root, version)))


CREDIT_ROLES = ("wire-service", "news-agency", "author", "photo", "original-publisher")


def parse_published(
    value: str, basis: str | None = None, option: str = "--published"
) -> dict[str, Any]:
    """A ``published`` span from the command line: ``2025-01-12`` (a day), ``2025-01`` (a
    month), ``2025`` (a year), or ``EARLIEST..LATEST`` with either end left open (a range),
    with its ``basis``.  :class:`SourceRefused` says what ``option`` accepts."""
    import calendar
    import datetime as dt

    def day(text: str) -> str:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise SourceRefused(
                f"{option} {value!r}: {text!r} is not a date (YYYY-MM-DD); give a day, "
                "a month (YYYY-MM), a year (YYYY) or EARLIEST..LATEST with either end open"
            ) from None

    span: dict[str, Any]
    if ".." in value:
        earliest, latest = value.split("..", 1)
        if not earliest and not latest:
            raise SourceRefused(f"{option} {value!r}: give at least one end of the range")
        span = {
            "earliest": day(earliest) if earliest else None,
            "latest": day(latest) if latest else None,
            "precision": "range",
        }
    elif re.fullmatch(r"\d{4}", value):
        span = {"earliest": f"{value}-01-01", "latest": f"{value}-12-31", "precision": "year"}
    elif match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise SourceRefused(f"{option} {value!r}: no month {month}")
        last = calendar.monthrange(year, month)[1]
        span = {"earliest": f"{value}-01", "latest": f"{value}-{last:02d}", "precision": "month"}
    else:
        span = {"earliest": day(value), "latest": day(value), "precision": "day"}
    return {**span, "basis": basis}


def parse_credit(value: str) -> dict[str, str]:
    """A credit from the command line: ``NAME`` (a news agency) or ``ROLE:NAME``."""
    role, _, name = value.partition(":")
    if not name or role not in CREDIT_ROLES:
        role, name = "news-agency", value
    if not name.strip():
        raise SourceRefused(f"--credit {value!r}: give the name credited")
    return {"name": name, "role": role}
