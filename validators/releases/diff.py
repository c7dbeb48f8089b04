"""Compare two releases of the dataset and work out the smallest SemVer bump the change needs.

major: a record removed (or its id reused for another type), a proposition id reused for a
statement about another subject or predicate, a schema field removed, a field made required, or
an allowed value removed; minor: records, predicates, schema fields or allowed values
added; patch: any other change to a record or a source text (corrections, retractions).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..reading.jsonl import read_jsonl
from ..reading.manifest import read_version
from ..records.kinds import KIND_PREFIXES, KINDS

Bump = Literal["none", "patch", "minor", "major"]
ORDER: dict[str, int] = {"none": 0, "patch": 1, "minor": 2, "major": 3}


@dataclass(frozen=True)
class Change:
    """One difference between the releases, and the bump it calls for."""

    bump: Bump
    what: str
    kind: str
    id: str
    fields: tuple[str, ...] = ()

    def describe(self) -> str:
        detail = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{self.what} {self.kind} {self.id}{detail}"


@dataclass
class Release:
    """A dataset directory, and the schema directory that goes with it (if known)."""

    dataset: Path
    schema: Path | None
    label: str

    @property
    def version(self) -> str | None:
        return read_version(self.dataset)


@dataclass
class DatasetDiff:
    old_version: str | None
    new_version: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def required(self) -> Bump:
        """The smallest bump that covers every change."""
        level: Bump = "none"
        for change in self.changes:
            if ORDER[change.bump] > ORDER[level]:
                level = change.bump
        return level

    @property
    def actual(self) -> Bump | None:
        """The bump from the old to the new version (``None``: unknown or a downgrade)."""
        return version_bump(self.old_version, self.new_version)

    def problems(self) -> list[str]:
        """Why the new version does not fit the changes (empty when it does)."""
        required, actual = self.required, self.actual
        if not self.changes and self.old_version == self.new_version:
            return []
        if actual is None:
            return [
                f"version went from {self.old_version} to {self.new_version}, which is not "
                "an increase of a SemVer version"
            ]
        if ORDER[actual] >= ORDER[required]:
            return []
        reasons = [c.describe() for c in self.changes if c.bump == required][:5]
        return [
            f"the changes need a {required} version bump, but the version went from "
            f"{self.old_version} to {self.new_version} ({actual}); because: "
            + "; ".join(reasons)
            + f'. In a checkout, run python3 scripts/bump.py {required} "what changed" '
            "(it writes the version, the CHANGELOG entry and the manifest)"
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "required_bump": self.required,
            "actual_bump": self.actual,
            "ok": not self.problems(),
            "problems": self.problems(),
            "changes": [asdict(c) for c in self.changes],
        }


def _semver(version: str | None) -> tuple[int, int, int] | None:
    try:
        major, minor, patch = (int(part) for part in (version or "").split("."))
    except ValueError:
        return None
    return major, minor, patch


def version_bump(old: str | None, new: str | None) -> Bump | None:
    """The SemVer bump from ``old`` to ``new``, ``none`` if equal, ``None`` if not an increase."""
    a, b = _semver(old), _semver(new)
    if a is None or b is None or b < a:
        return None
    if b == a:
        return "none"
    if b[0] > a[0]:
        return "major"
    return "minor" if b[1] > a[1] else "patch"


def _records(root: Path, file: str) -> dict[str, dict[str, Any]]:
    path = root / file
    if not path.is_file():
        return {}
    lines, _ = read_jsonl(path, file)
    return {str(line.data.get("id")): line.data for line in lines}


def _identity(record: dict[str, Any]) -> Any:
    """What an id stands for: its entity type, if any (an id reused for another type is a
    renaming, hence a removal)."""
    prefix = str(record.get("id", "")).split(":")[0]
    return None if prefix in KIND_PREFIXES.values() else record.get("type")


def _record_changes(old: Path, new: Path) -> list[Change]:
    changes: list[Change] = []
    for kind in KINDS:
        before, after = _records(old, kind.file), _records(new, kind.file)
        for rid in sorted(before.keys() - after.keys()):
            changes.append(Change("major", "removed", kind.name, rid))
        for rid in sorted(after.keys() - before.keys()):
            changes.append(Change("minor", "added", kind.name, rid))
        for rid in sorted(before.keys() & after.keys()):
            a, b = before[rid], after[rid]
            if a == b:
                continue
            if _identity(a) != _identity(b):
                changes.append(Change("major", "reused id of", kind.name, rid, ("type",)))
                continue
            fields = tuple(sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k)))
            newly_retracted = b.get("status") == "retracted" and a.get("status") != "retracted"
            what = "retracted" if newly_retracted else "changed"
            changes.append(Change("patch", what, kind.name, rid, fields))
    return changes


def _proposition_subjects(root: Path) -> dict[str, set[tuple[str, str]]]:
    """Each proposition id with the (subject, predicate) pairs its claims state."""
    found: dict[str, set[tuple[str, str]]] = {}
    for record in _records(root, "claims.jsonl").values():
        pid = record.get("proposition")
        if isinstance(pid, str):
            statement = (str(record.get("subject")), str(record.get("predicate")))
            found.setdefault(pid, set()).add(statement)
    return found


def _proposition_changes(old: Path, new: Path) -> list[Change]:
    """A proposition id that now stands for a statement about another subject or predicate is
    reused, which breaks every reference to it; a corrected value is a patch of its claims."""
    before, after = _proposition_subjects(old), _proposition_subjects(new)
    return [
        Change("major", "reused id of", "proposition", pid, ("subject", "predicate"))
        for pid in sorted(before.keys() & after.keys())
        if not before[pid] & after[pid]
    ]


def _text_changes(old: Path, new: Path) -> list[Change]:
    changes = []
    names = {p.relative_to(old).as_posix() for p in (old / "sources").glob("*") if p.is_file()}
    for name in sorted(names):
        if (new / name).is_file() and (new / name).read_bytes() != (old / name).read_bytes():
            changes.append(Change("patch", "changed text of", "source file", name))
    return changes


def _schema_terms(schema_dir: Path | None) -> dict[str, dict[str, Any]]:
    """Every property of every schema: ``kind:Def.prop`` -> its types, allowed values and
    whether it is required."""
    terms: dict[str, dict[str, Any]] = {}
    if schema_dir is None or not schema_dir.is_dir():
        return terms
    for path in sorted(schema_dir.glob("*.schema.json")):
        kind = path.name.removesuffix(".schema.json")
        schema = json.loads(path.read_text(encoding="utf-8"))
        for name, node in [(schema.get("title", kind), schema), *schema.get("$defs", {}).items()]:
            required = set(node.get("required", []))
            for prop, spec in node.get("properties", {}).items():
                terms[f"{kind}:{name}.{prop}"] = {
                    "required": prop in required,
                    "values": _allowed_values(spec),
                }
    return terms


def _allowed_values(spec: Any) -> set[str] | None:
    """The enumerated values a property allows, or ``None`` for an open domain."""
    if not isinstance(spec, dict):
        return None
    if "enum" in spec:
        return {json.dumps(v) for v in spec["enum"]}
    if "const" in spec:
        return {json.dumps(spec["const"])}
    if "items" in spec:
        return _allowed_values(spec["items"])
    if "anyOf" in spec:
        parts = [_allowed_values(s) for s in spec["anyOf"] if s != {"type": "null"}]
        if parts and all(p is not None for p in parts):
            return set().union(*[p for p in parts if p is not None])
    return None


def _schema_changes(old: Path | None, new: Path | None) -> list[Change]:
    before, after = _schema_terms(old), _schema_terms(new)
    if not before or not after:
        return []
    changes: list[Change] = []
    for term in sorted(before.keys() - after.keys()):
        changes.append(Change("major", "removed field", "schema", term))
    for term in sorted(after.keys() - before.keys()):
        bump: Bump = "major" if after[term]["required"] else "minor"
        changes.append(Change(bump, "added field", "schema", term))
    for term in sorted(before.keys() & after.keys()):
        a, b = before[term], after[term]
        if b["required"] and not a["required"]:
            changes.append(Change("major", "made required", "schema", term))
        elif a["required"] and not b["required"]:
            changes.append(Change("minor", "made optional", "schema", term))
        if a["values"] is not None and (b["values"] is None or b["values"] > a["values"]):
            changes.append(Change("minor", "widened", "schema", term))
        elif a["values"] is not None and b["values"] is not None and a["values"] - b["values"]:
            removed = tuple(sorted(a["values"] - b["values"]))
            changes.append(Change("major", "narrowed", "schema", term, removed))
        elif a["values"] is None and b["values"] is not None:
            changes.append(Change("major", "narrowed", "schema", term))
    return changes


def diff_releases(old: Release, new: Release) -> DatasetDiff:
    """Every difference between two releases, with the bump each needs."""
    result = DatasetDiff(old.version, new.version)
    result.changes += _record_changes(old.dataset, new.dataset)
    result.changes += _proposition_changes(old.dataset, new.dataset)
    result.changes += _text_changes(old.dataset, new.dataset)
    result.changes += _schema_changes(old.schema, new.schema)
    return result
