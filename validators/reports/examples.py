"""A minimal triggering example for every issue code, as an edit to docs/example-dataset/.

The catalog (docs/rules.md) shows each example, and the tests apply each one to a copy of the
example dataset and check that validation then reports that code and no other.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..reading.manifest import MANIFEST, read_version
from ..releases.manifest import write_manifest


@dataclass(frozen=True)
class Example:
    """One edit to the example dataset.

    Exactly one of: ``create`` (a new file with these bytes); ``append`` (bytes added at the
    end of ``file``, then a line feed); ``prepend`` (bytes put before the file's first byte);
    ``replace`` (the first occurrence of the first bytes replaced by the second); ``delete``
    (the file removed); ``directory`` (the file replaced by an empty directory); or none of
    them, with only ``config`` changed.
    """

    file: str
    create: bytes | None = None
    append: bytes | None = None
    prepend: bytes | None = None
    replace: tuple[bytes, bytes] | None = None
    delete: bool = False
    directory: bool = False
    config: dict[str, int] = field(default_factory=dict)

    def apply(self, root: Path) -> Config:
        """Make the edit in the dataset at ``root``, then bring its manifest up to date (unless
        the edit is to the manifest); return the validation settings to use."""
        self._edit(root / self.file)
        if self.file != MANIFEST and (root / MANIFEST).is_file():
            write_manifest(root, read_version(root) or "0.0.0")
        return Config(**self.config)

    def _edit(self, path: Path) -> None:
        if self.create is not None:
            path.write_bytes(self.create)
        elif self.delete:
            path.unlink()
        elif self.directory:
            path.unlink()
            path.mkdir()
        elif self.append is not None:
            path.write_bytes(path.read_bytes() + self.append + b"\n")
        elif self.prepend is not None:
            path.write_bytes(self.prepend + path.read_bytes())
        elif self.replace is not None:
            old, new = self.replace
            data = path.read_bytes()
            if old not in data:
                raise ValueError(f"example edit: {old!r} is not in {self.file}")
            path.write_bytes(data.replace(old, new, 1))

    def describe(self) -> str:
        """The edit in words and literal bytes, for the catalog."""
        if self.create is not None:
            return f"Create `{self.file}` holding:\n\n```\n{_show(self.create)}\n```"
        if self.delete:
            return f"Delete `{self.file}`."
        if self.directory:
            return f"Replace `{self.file}` by a directory."
        if self.append is not None:
            return f"Append this line to `{self.file}`:\n\n```\n{_show(self.append)}\n```"
        if self.prepend is not None:
            return f"Put `{_show(self.prepend)}` before the first byte of `{self.file}`."
        if self.replace is not None:
            old, new = self.replace
            return (
                f"In `{self.file}`, replace\n\n```\n{_show(old)}\n```\n\nwith\n\n"
                f"```\n{_show(new)}\n```"
            )
        settings = ", ".join(f"{k}={v}" for k, v in self.config.items())
        return f"Validate with `Config({settings})`; nothing needs to change."


def _show(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return repr(data)
    printable = text.replace("\r", "\\r").replace("\ufeff", "\\ufeff")
    return printable if len(printable) <= 300 else printable[:140] + " ... " + printable[-60:]


def example_copy(source: Path, target: Path) -> Path:
    """Copy the example dataset to ``target`` (which must not exist yet)."""
    shutil.copytree(source, target)
    return target


_ROLE = b'{"type": "text", "text": "sniper"}'
_CLAIM_BY = (
    b'{"id": "claim:z.%s", "proposition": "proposition:%s", "subject": "%s", "predicate": '
    b'"predicate:%s", "value": %s, "claimed_by": "%s", "evidence": [{"source": '
    b'"source:test-article", "quote": "as a sniper", "start": 94, "end": 105}]}'
)


def _claim(name: bytes, subject: bytes, predicate: bytes, value: bytes) -> bytes:
    """A claim of the test article's own voice, in a proposition of its own."""
    return _CLAIM_BY % (name, b"z." + name, subject, predicate, value, b"source:test-article")


def _role_claim(proposition: bytes, subject: bytes, claimant: bytes) -> bytes:
    """Another claim that someone is a sniper, in ``proposition``."""
    return _CLAIM_BY % (b"role", proposition, subject, b"military-role", _ROLE, claimant)


_TRANSFER_DATE = b'"date": {"earliest": "2025-01-09", "latest": "2025-01-10", "precision": "range"'
_SECOND_TRANSFER = (
    b', {"source": "source:test-article", "quote": "They were moved to Kyiv.", '
    b'"start": 152, "end": 176}'
)
_ROLE_ID = b'"id": "claim:a.role", '
_BIRTH_QUOTE = b'"quote": "born in 1999", "start": 55, "end": 67'
_FRONT = b'"id": "place:front", '
_RETRACTED = b'"status": "retracted", "retraction": {"reason": "a mistake"%s}, '


_SECOND_VOICE = b'"claimed_by": "source:second-article"'
_CAPTURED_QUOTE = b'"quote": "the two soldiers were captured", "start": 15, "end": 45'
_AGE_END = b'"start": 107, "end": 126}]'
_TO_BIRTH_YEAR = b'{"type": "refines", "claim": "claim:a.birth-year"}'

_SAME_CAPTURE = (
    b'{"id": "claim:z.captured", "proposition": "proposition:z.captured", "subject": '
    b'"group:soldiers", "predicate": "predicate:captured", '
    b'"value": {"type": "boolean", "value": true}, "claimed_by": "source:test-article", '
    b'"evidence": [{"source": "source:test-article", "quote": "Two soldiers were captured", '
    b'"start": 0, "end": 26}], "links": [{"type": "contradicts", "claim": '
    b'"claim:soldiers.captured"}]}'
)

EXAMPLES: dict[str, Example] = {
    "proposition-malformed": Example(
        "claims.jsonl",
        replace=(b'"proposition": "proposition:a.role"', b'"proposition": "role:a"'),
    ),
    "proposition-disagrees": Example(
        "claims.jsonl", append=_role_claim(b"a.role", b"person:soldier-b", b"person:soldier-b")
    ),
    "proposition-duplicated": Example(
        "claims.jsonl", append=_role_claim(b"z.role", b"person:soldier-a", b"person:soldier-b")
    ),
    "proposition-same-claimant": Example(
        "claims.jsonl",
        append=_role_claim(b"a.role", b"person:soldier-a", b"source:test-article"),
    ),
    "event-speaker-not-recorded": Example(
        "events.jsonl",
        replace=(
            b'"start": 0, "end": 40}]',
            b'"start": 0, "end": 40}, {"source": "source:second-article", "quote": '
            b'"Officials said the two soldiers were captured.", "start": 0, "end": 46}]',
        ),
    ),
    "statement-not-claimed": Example(
        "events.jsonl",
        replace=(
            b'"quote": "They were moved to Kyiv.", "start": 127, "end": 151',
            b'"quote": "They were moved to Kyiv.", "start": 127, "end": 151, '
            b'"via": ["person:soldier-b"]',
        ),
    ),
    "link-duplicated": Example(
        "claims.jsonl",
        replace=(
            _AGE_END,
            _AGE_END + b', "links": [' + _TO_BIRTH_YEAR + b", " + _TO_BIRTH_YEAR + b"]",
        ),
    ),
    "hedge-in-value": Example(
        "claims.jsonl",
        replace=(
            b'"quote": "as a sniper", "start": 94, "end": 105',
            b'"quote": "as a sniper", "start": 94, "end": 105, "hedge": "sniper"',
        ),
    ),
    "link-contradicts-same-value": Example("claims.jsonl", append=_SAME_CAPTURE),
    "date-words-not-in-quote": Example(
        "claims.jsonl", replace=(_BIRTH_QUOTE, _BIRTH_QUOTE + b', "date_words": "in 2016"')
    ),
    "mention-invalid": Example(
        "claims.jsonl",
        replace=(_BIRTH_QUOTE, _BIRTH_QUOTE + b', "mention": "the second", "identification": "x"'),
    ),
    "claimant-source-evidence": Example(
        "claims.jsonl", replace=(_SECOND_VOICE, b'"claimed_by": "source:test-article"')
    ),
    "attribution-not-recorded": Example(
        "claims.jsonl",
        replace=(
            _CAPTURED_QUOTE,
            b'"quote": "Officials said the two soldiers were captured", "start": 0, "end": 45',
        ),
    ),
    "file-missing": Example("exclusions.jsonl", delete=True),
    "file-unreadable": Example("exclusions.jsonl", directory=True),
    "file-too-large": Example("claims.jsonl", config={"max_file_bytes": 100}),
    "file-bom": Example("predicates.jsonl", prepend=b"\xef\xbb\xbf"),
    "line-crlf": Example("predicates.jsonl", replace=(b"\n", b"\r\n")),
    "line-blank": Example("predicates.jsonl", append=b""),
    "line-too-long": Example("claims.jsonl", config={"max_line_bytes": 200}),
    "utf8-invalid": Example("exclusions.jsonl", append=b'{"id": "caf\xe9"}'),
    "json-invalid": Example("exclusions.jsonl", append=b'{"id": "exclusion:x",}'),
    "json-trailing-data": Example("exclusions.jsonl", append=b"{} {}"),
    "json-duplicate-key": Example("exclusions.jsonl", append=b'{"id": "a", "id": "b"}'),
    "json-nonfinite": Example("exclusions.jsonl", append=b'{"n": NaN}'),
    "json-number-range": Example("exclusions.jsonl", append=b'{"n": 9007199254740993}'),
    "json-too-deep": Example("exclusions.jsonl", append=b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}"),
    "json-lone-surrogate": Example("exclusions.jsonl", append=b'{"s": "\\ud800"}'),
    "json-not-object": Example("exclusions.jsonl", append=b"[]"),
    "field-missing": Example("entities.jsonl", append=b'{"id": "place:zone", "type": "place"}'),
    "field-unknown": Example(
        "entities.jsonl",
        append=b'{"id": "place:zone", "type": "place", "name": "Zone", "population": 3}',
    ),
    "field-invalid": Example(
        "entities.jsonl", append=b'{"id": "place:zone", "type": "place", "name": 7}'
    ),
    "id-duplicate": Example(
        "entities.jsonl", append=b'{"id": "place:kyiv", "type": "place", "name": "Kyiv"}'
    ),
    "id-malformed": Example(
        "entities.jsonl", append=b'{"id": "place:zone_1", "type": "place", "name": "Z"}'
    ),
    "ref-missing": Example("entities.jsonl", replace=(b'"person:soldier-b"]', b'"person:nobody"]')),
    "ref-wrong-type": Example(
        "events.jsonl", replace=(b'"place": "place:front"', b'"place": "person:soldier-b"')
    ),
    "records-unsorted": Example(
        "entities.jsonl", append=b'{"id": "group:zone", "type": "group", "name": "Z"}'
    ),
    "source-text-missing": Example("sources/test.txt", delete=True),
    "source-path-unsafe": Example(
        "sources.jsonl", replace=(b'"path": "sources/test.txt"', b'"path": "../test.txt"')
    ),
    "source-text-invalid": Example("sources/test.txt", prepend=b"\xff"),
    "source-checksum-mismatch": Example(
        "sources.jsonl", replace=(b'"sha256": "9', b'"sha256": "0')
    ),
    "quote-not-found": Example(
        "claims.jsonl", replace=(b'"quote": "as a sniper"', b'"quote": "as a Sniper"')
    ),
    "quote-ambiguous": Example(
        "events.jsonl",
        replace=(
            b'"quote": "They were moved to Kyiv.", "start": 127, "end": 151',
            b'"quote": "They were moved to Kyiv."',
        ),
    ),
    "quote-offsets-mismatch": Example(
        "claims.jsonl", replace=(b'"start": 55, "end": 67', b'"start": 56, "end": 68')
    ),
    "quote-offsets-missing": Example(
        "claims.jsonl",
        replace=(_BIRTH_QUOTE, b'"quote": "born in 1999"'),
    ),
    "hedge-not-in-quote": Example(
        "claims.jsonl", replace=(_BIRTH_QUOTE, _BIRTH_QUOTE + b', "hedge": "reportedly"')
    ),
    "retraction-inconsistent": Example(
        "claims.jsonl", replace=(_ROLE_ID, _ROLE_ID + b'"status": "retracted", ')
    ),
    "superseded-by-invalid": Example(
        "claims.jsonl",
        replace=(_ROLE_ID, _ROLE_ID + _RETRACTED % b', "superseded_by": "claim:nothing"'),
    ),
    "ref-retracted": Example("entities.jsonl", replace=(_FRONT, _FRONT + _RETRACTED % b"")),
    "manifest-missing": Example(MANIFEST, delete=True),
    "manifest-mismatch": Example(MANIFEST, replace=(b'"records": 5', b'"records": 6')),
    "version-mismatch": Example(
        "../CHANGELOG.md", create=b"# Changelog\n\n## [9.9.9] - 2026-11-23\n"
    ),
    "line-not-canonical": Example(
        "entities.jsonl",
        replace=(
            b'{"id": "place:kyiv", "type": "place", "name": "Kyiv"}',
            b'{"type": "place", "id": "place:kyiv", "name": "Kyiv"}',
        ),
    ),
    "predicate-unknown": Example(
        "claims.jsonl",
        replace=(b'"predicate": "predicate:military-role"', b'"predicate": "predicate:colour"'),
    ),
    "value-type-mismatch": Example(
        "claims.jsonl", replace=(_ROLE, b'{"type": "year", "year": 2016}')
    ),
    "subject-type-mismatch": Example(
        "claims.jsonl",
        replace=(
            b'"proposition:a.role", "subject": "person:soldier-a"',
            b'"proposition:a.role", "subject": "place:kyiv"',
        ),
    ),
    "single-value-conflict": Example(
        "claims.jsonl",
        append=_claim(
            b"role", b"person:soldier-a", b"military-role", b'{"type": "text", "text": "rifleman"}'
        ),
    ),
    "age-birth-year-conflict": Example("claims.jsonl", replace=(b'"years": 25', b'"years": 27')),
    "service-before-birth": Example("claims.jsonl", replace=(b'"year": 2016', b'"year": 1990')),
    "service-age-implausible": Example("claims.jsonl", replace=(b'"year": 2016', b'"year": 2000')),
    "service-after-event": Example("claims.jsonl", replace=(b'"year": 2016', b'"year": 2026')),
    "event-after-publication": Example(
        "sources.jsonl",
        replace=(
            b'"published": {"earliest": "2025-01-10", "latest": "2025-01-10", "precision": "day"}',
            b'"published": {"latest": "2025-01-08", "precision": "range"}',
        ),
    ),
    "date-bound-from-publication": Example(
        "events.jsonl",
        replace=(
            _TRANSFER_DATE,
            b'"date": {"earliest": "2025-01-09", "precision": "range", '
            b'"before_publication_of": "source:test-article"',
        ),
    ),
    "event-order-violated": Example(
        "events.jsonl",
        replace=(
            _TRANSFER_DATE,
            b'"date": {"earliest": "2025-01-05", "latest": "2025-01-05", "precision": "day"',
        ),
    ),
    "date-span-inverted": Example(
        "events.jsonl",
        replace=(
            _TRANSFER_DATE,
            b'"date": {"earliest": "2025-01-10", "latest": "2025-01-09", "precision": "range"',
        ),
    ),
    "date-precision-mismatch": Example(
        "events.jsonl",
        replace=(
            b'"latest": "2025-01-09", "precision": "day"',
            b'"latest": "2025-01-09", "precision": "month"',
        ),
    ),
    "quantity-bounds-inverted": Example(
        "claims.jsonl",
        append=_claim(
            b"count",
            b"group:soldiers",
            b"deployed-count",
            b'{"type": "quantity", "qualifier": "range", "low": 5, "high": 4}',
        ),
    ),
    "sentence-uncovered": Example("events.jsonl", replace=(_SECOND_TRANSFER, b"")),
    "exclusion-unmatched": Example(
        "exclusions.jsonl",
        append=b'{"id": "exclusion:x", "source": "source:test-article", '
        b'"sentence": "No such sentence.", "reason": "a typo"}',
    ),
    "exclusion-needless": Example(
        "exclusions.jsonl",
        append=b'{"id": "exclusion:x", "source": "source:test-article", '
        b'"sentence": "He is 25 years old.", "reason": "states no fact (wrongly)"}',
    ),
}
