"""The loaded, validated dataset as typed records, and the ``load`` function.

The records are the views the fast validators give (:mod:`kursk_pows.records.compiled`): they
have exactly the attributes of the models in :mod:`kursk_pows.models`, which type them here,
and are read-only.  Loading never defines the models, so it costs what a validation does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TypeGuard, TypeVar, overload

from ..config import Config
from ..issues import DatasetInvalid, Issue, Report
from ..reading.locations import resolve_root, root_problem
from ..reading.manifest import read_version
from ..reading.source_texts import SourceText, read_source_text
from ..reading.stream import Located
from ..records.compiled import read_only, view_types
from ..records.kinds import KINDS
from ..rules.engine import records_out_of_gc, run_rules
from .propositions import (
    Proposition,
    Support,
    build_propositions,
    outlet_index,
    support,
    support_rows,
)
from .support import Link, link_index

if TYPE_CHECKING:
    from ..models import Claim, Entity, Event, Exclusion, Predicate, Source


class AnyRecord(Protocol):
    """Any record, before its kind is known: what every kind has (see :meth:`Dataset.get`)."""

    @property
    def id(self) -> str: ...

    @property
    def status(self) -> str: ...


R = TypeVar("R")


def is_a(record: object, kind: type[R]) -> TypeGuard[R]:
    """Whether ``record`` is a record of model ``kind`` (``Claim``, ``Entity``...): a loaded
    view of it or an instance of it.  ``isinstance`` answers only the second."""
    return isinstance(record, kind) or type(record).__name__ == kind.__name__


class ClaimAbout(NamedTuple):
    """A claim about an entity: directly (``via`` is ``None``) or about a group it belongs to."""

    claim: Claim
    via: str | None


@dataclass(frozen=True, eq=False)
class Dataset:
    """Typed, read-only records by id, plus the validation report they passed."""

    root: Path
    version: str | None
    predicates: Mapping[str, Predicate]
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    events: Mapping[str, Event]
    claims: Mapping[str, Claim]
    report: Report
    exclusions: Mapping[str, Exclusion] = field(default_factory=dict)
    include_retracted: bool = False
    """Whether the tables hold the retracted records too (``load(include_retracted=True)``)."""
    as_of_date: dt.date | None = None
    """The day this is the dataset as of (:meth:`as_of`); ``None`` for all of it."""
    as_of_possibly: bool = False
    """Whether :meth:`as_of` counted the articles that may have been published by then."""
    _texts: dict[str, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        """One short line: where, which version, how many records of each kind."""
        counts = ", ".join(
            f"{len(table)} {name}"
            for name, table in (
                ("sources", self.sources),
                ("entities", self.entities),
                ("events", self.events),
                ("claims", self.claims),
                ("predicates", self.predicates),
            )
        )
        which = "retracted records included" if self.include_retracted else "active records"
        if self.as_of_date is not None:
            which += f", as of {self.as_of_date.isoformat()}"
        return f"<Dataset {self.root} version {self.version or 'unknown'}: {counts} ({which})>"

    def as_of(self, day: dt.date | str, *, possibly: bool = False) -> Dataset:
        """The dataset as a reader could know it on ``day`` (a date or ``YYYY-MM-DD``): only
        evidence from articles published by then, certainly (their publication interval ends
        by then) or, with ``possibly``, perhaps (it starts by then); records left without
        evidence are left out and every count is recomputed (:mod:`kursk_pows.analysis.as_of`).
        """
        from .as_of import as_of

        when = dt.date.fromisoformat(day) if isinstance(day, str) else day
        return as_of(self, when, possibly=possibly)

    @overload
    def get(self, record_id: str) -> AnyRecord: ...

    @overload
    def get(self, record_id: str, kind: type[R]) -> R: ...

    def get(self, record_id: str, kind: type[Any] | None = None) -> Any:
        """Any record by id; ``KeyError`` (with a did-you-mean) when there is none.

        Loaded records are views, not model instances, so ``isinstance(record, Claim)`` is
        false for every one of them.  Name the kind instead: ``ds.get(id, Claim)`` is typed
        ``Claim`` and raises ``TypeError`` when the record is of another kind; without a kind
        the record is typed :class:`AnyRecord` (an id and a status), and :func:`is_a` tells
        kinds apart.
        """
        tables = (self.claims, self.entities, self.events, self.sources, self.predicates)
        for table in tables:
            if record_id in table:
                record = table[record_id]
                if kind is not None and not is_a(record, kind):
                    raise TypeError(
                        f"{record_id!r} is a {type(record).__name__}, not a {kind.__name__}"
                    )
                return record
        self._known(record_id, "record", *tables)
        raise AssertionError("unreachable: _known raised")

    def _known(self, record_id: str, what: str, *tables: Mapping[str, object]) -> None:
        """``KeyError`` with a did-you-mean when ``record_id`` is in none of ``tables``."""
        if any(record_id in table for table in tables):
            return
        from ..rules.registry import closest_name

        close = closest_name(record_id, sorted(set().union(*tables)))
        maybe = f"; did you mean {close!r}?" if close else ""
        raise KeyError(
            f"no {what} {record_id!r} in the dataset{maybe} (retracted records are left out "
            "unless it is loaded with include_retracted=True)"
        )

    def _claims_by_subject(self) -> Mapping[str, tuple[Claim, ...]]:
        cached = self.__dict__.get("_by_subject")
        if cached is None:
            grouped: dict[str, list[Claim]] = defaultdict(list)
            for claim in self.claims.values():
                grouped[claim.subject].append(claim)
            cached = {k: tuple(sorted(v, key=lambda c: c.id)) for k, v in grouped.items()}
            object.__setattr__(self, "_by_subject", cached)
        return cached

    # --- tables and questions for analysts (kursk_pows.tables does the work) ---

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Table ``name`` as plain dicts, every column in every row (see ``kursk_pows.tables``).

        ``propositions`` and ``support`` are derived: each proposition with its counts, and
        one row per (proposition, report) as :meth:`support` gives them.
        """
        from ..tables import rows
        from .proposition_rows import proposition_rows

        records = {
            "source": self.sources,
            "predicate": self.predicates,
            "entity": self.entities,
            "event": self.events,
            "claim": self.claims,
            "exclusion": self.exclusions,
        }
        derived = {
            "support": lambda: support_rows(self.propositions, self.claims, self._outlets()),
            "propositions": lambda: proposition_rows(self),
            "links_both_ways": self._link_rows,
            "source_texts": self._text_rows,
        }
        return rows(records, name, derived)

    def _link_rows(self) -> Iterator[dict[str, Any]]:
        """The rows of ``links_both_ways``: every claim's links as :meth:`links_of` names them."""
        for claim_id, links in sorted(self._links().items()):
            status = self.claims[claim_id].status
            for link in links:
                yield {
                    "claim": claim_id,
                    "other": link.claim,
                    "kind": link.kind,
                    "stored_on": link.stored_on,
                    "status": status,
                    "note": link.note,
                }

    def _text_rows(self) -> Iterator[dict[str, Any]]:
        """The rows of ``source_texts``: each loaded source's text, checked against its hash."""
        for source_id, source in self.sources.items():
            text = self.text(source_id)
            yield {
                "source": source_id,
                "status": source.status,
                "sha256": source.sha256,
                "characters": len(text),
                "text": text,
            }

    def to_arrow(self, name: str) -> Any:
        """Table ``name`` as a ``pyarrow.Table`` with its generated schema (extra ``arrow``)."""
        from ..tables import arrow, table

        return arrow.to_arrow(table(name), self.rows(name))

    def to_pandas(self, name: str) -> Any:
        """Table ``name`` as a pandas DataFrame with Arrow-typed columns (extra ``pandas``)."""
        from ..tables import arrow, table

        return arrow.to_pandas(table(name), self.rows(name))

    def to_polars(self, name: str) -> Any:
        """Table ``name`` as a polars DataFrame (extra ``polars``)."""
        from ..tables import arrow, table

        return arrow.to_polars(table(name), self.rows(name))

    @overload
    def claims_about(self, subject_id: str, *, members: Literal[False] = ...) -> list[Claim]: ...

    @overload
    def claims_about(self, subject_id: str, *, members: Literal[True]) -> list[ClaimAbout]: ...

    def claims_about(
        self, subject_id: str, *, members: bool = False
    ) -> list[Claim] | list[ClaimAbout]:
        """Claims whose subject is ``subject_id``, sorted by claim id.

        With ``members=True`` also the claims about every group ``subject_id`` belongs to
        (directly or through nested groups), each as a :class:`ClaimAbout` naming that group.
        ``KeyError`` (with a did-you-mean) when there is no such entity or event.
        """
        self._known(subject_id, "entity or event", self.entities, self.events)
        by_subject = self._claims_by_subject()
        if not members:
            return list(by_subject.get(subject_id, ()))
        found = [ClaimAbout(c, None) for c in by_subject.get(subject_id, ())]
        for group in self.groups_of(subject_id) if subject_id in self.entities else ():
            found.extend(ClaimAbout(c, group) for c in by_subject.get(group, ()))
        return found

    def groups_of(self, entity_id: str) -> list[str]:
        """The groups containing ``entity_id``, directly or through nested groups, by id;
        ``KeyError`` (with a did-you-mean) when there is no such entity."""
        self._known(entity_id, "entity", self.entities)
        member_of = self._member_of()
        found: set[str] = set()
        todo = [entity_id]
        while todo:
            for group in member_of.get(todo.pop(), ()):
                if group not in found:
                    found.add(group)
                    todo.append(group)
        return sorted(found)

    def _member_of(self) -> Mapping[str, tuple[str, ...]]:
        """Each entity's groups (those listing it as a member directly), sorted by id."""
        cached = self.__dict__.get("_member_index")
        if cached is None:
            grouped: dict[str, set[str]] = defaultdict(set)
            for group in self.entities.values():
                for member in group.members:
                    grouped[member].add(group.id)
            cached = {k: tuple(sorted(v)) for k, v in grouped.items()}
            object.__setattr__(self, "_member_index", cached)
        return cached

    def claims_by(self, claimant_id: str) -> list[Claim]:
        """Claims whose original asserter (``claimed_by``) is ``claimant_id``, by claim id;
        ``KeyError`` (with a did-you-mean) when there is no such entity or source."""
        self._known(claimant_id, "entity or source", self.entities, self.sources)
        return [c for c in self.claims.values() if c.claimed_by == claimant_id]

    def claims_in(self, source_id: str) -> list[Claim]:
        """Claims with at least one evidence item from source ``source_id``, by claim id;
        ``KeyError`` (with a did-you-mean) when there is no such source."""
        self._known(source_id, "source", self.sources)
        return [c for c in self.claims.values() if any(e.source == source_id for e in c.evidence)]

    # --- end of the analysts' block ---

    def text(self, source_id: str) -> str:
        """The full text of a source, as shipped (read as validation read it: safely).

        The text is read on first use and kept.  Its SHA-256 must still be the one of the
        source record, which validation checked: a text changed or removed since ``load()``
        raises :class:`DatasetInvalid` with one issue saying so."""
        source = self.sources[source_id]
        if source_id not in self._texts:
            found = read_source_text(self.root, source)
            if found.text is None or found.sha256 != source.sha256:
                raise DatasetInvalid(Report.build(str(self.root), [_changed(source, found)], {}))
            self._texts[source_id] = found.text
        return self._texts[source_id]

    def links_of(self, claim_id: str) -> list[Link]:
        """The links of a claim in both directions, each named as seen from ``claim_id``
        (``refines`` or ``refined-by``, ``contradicts``), sorted by the other claim's id.
        ``KeyError`` (with a did-you-mean) when there is no such claim."""
        self._known(claim_id, "claim", self.claims)
        return list(self._links().get(claim_id, ()))

    @property
    def propositions(self) -> Mapping[str, Proposition]:
        """Every proposition the loaded claims state, by id (see
        :mod:`kursk_pows.analysis.propositions`)."""
        cached = self.__dict__.get("_propositions")
        if cached is None:
            cached = MappingProxyType(build_propositions(self.claims))
            object.__setattr__(self, "_propositions", cached)
        return cached

    def proposition_of(self, claim_id: str) -> Proposition:
        """The proposition a claim states; ``KeyError`` when there is no such claim."""
        return self.propositions[self._claim(claim_id).proposition]

    def claims_of(self, proposition_id: str) -> list[Claim]:
        """The loaded claims of a proposition, by claim id; ``KeyError`` when there is none."""
        return [self.claims[c] for c in self._proposition(proposition_id).claims]

    def support(self, record_id: str) -> Support:
        """What stands behind a proposition, or behind the proposition a claim states: its
        reports, articles, origins and outlets (see :mod:`kursk_pows.analysis.propositions`)."""
        if record_id in self.claims:
            proposition = self.proposition_of(record_id)
        else:
            proposition = self._proposition(record_id)
        return support(proposition, self.claims, self._outlets())

    def _claim(self, claim_id: str) -> Claim:
        self._known(claim_id, "claim", self.claims)
        return self.claims[claim_id]

    def _proposition(self, proposition_id: str) -> Proposition:
        self._known(proposition_id, "claim or proposition", self.propositions, self.claims)
        return self.propositions[proposition_id]

    def _outlets(self) -> Mapping[str, str]:
        cached = self.__dict__.get("_outlet_index")
        if cached is None:
            cached = outlet_index(self.sources)
            object.__setattr__(self, "_outlet_index", cached)
        return cached

    def _links(self) -> Mapping[str, tuple[Link, ...]]:
        cached = self.__dict__.get("_link_index")
        if cached is None:
            cached = link_index(self.claims)
            object.__setattr__(self, "_link_index", cached)
        return cached


def _changed(source: Source, found: SourceText) -> Issue:
    """The issue for a source text that is no longer the one validated."""
    if found.problem_code is not None:
        code, pointer = found.problem_code, "/path"
        problem = f"{found.problem} (since the dataset was loaded)"
    else:
        code, pointer = "source-checksum-mismatch", "/sha256"
        problem = (
            f"{source.path} changed after the dataset was loaded: it has sha256 "
            f"{found.sha256}, the record says {source.sha256}"
        )
    return Issue(
        code,
        "error",
        problem,
        file=source.path,
        record=source.id,
        pointer=pointer,
        hint="load the dataset again (kursk_pows.load), which validates it anew",
    )


def _read_only_record(located: Located) -> Located:
    """``located`` with its record made read-only all the way down (its lists included)."""
    read_only(located.record)
    return located


def _table(kept: dict[str, list[Located]], kind: str, retracted: bool) -> Mapping[str, Any]:
    chosen = [r for r in kept[kind] if retracted or r.record.status == "active"]
    records: dict[str, Any] = {}
    for located in chosen:
        records.setdefault(located.id, located.record)
    return MappingProxyType(dict(sorted(records.items())))


def _dataset_root(path: str | Path | None) -> Path:
    """The directory ``load`` reads, or :class:`DatasetInvalid` with one issue saying why
    ``path`` is not one (``TypeError`` for a path of the wrong type, from :class:`Path`)."""
    root = resolve_root(path)
    found = root_problem(root)
    if found is None:
        return root
    code, problem = found
    hint = (
        "pass the path of a dataset directory (the one holding manifest.json and the .jsonl files)"
    )
    if str(root).startswith("~"):
        hint += "; '~' is not expanded: pass os.path.expanduser(path)"
    issue = Issue(code, "error", f"not a dataset directory: {str(root)!r} {problem}", hint=hint)
    raise DatasetInvalid(Report.build(str(root), [issue], {}))


def load(
    path: str | Path | None = None,
    config: Config | None = None,
    *,
    include_retracted: bool = False,
) -> Dataset:
    """Load and validate a dataset directory (default: the bundled dataset).

    Records are read-only views with the attributes of the models in :mod:`kursk_pows.models`.
    Retracted records are left out unless ``include_retracted`` is true.  Raises
    :class:`DatasetInvalid`, carrying the full report, when the dataset has errors, and also
    when ``path`` is not a dataset directory (missing, a file, a device or a pipe, a NUL in it,
    a name too long): then the report has one issue that names the path.  ``~`` is not
    expanded.  A ``path`` that is neither ``str`` nor ``os.PathLike`` raises ``TypeError``.
    """
    root = _dataset_root(path)
    kept: dict[str, list[Located]] = {kind.name: [] for kind in KINDS}
    with records_out_of_gc() as freeze:  # until the tables are built (see run_rules)
        report = run_rules(
            root,
            config,
            keep=lambda located: kept[located.kind].append(_read_only_record(located)),
            types=view_types(),
        )
        if not report.valid:
            raise DatasetInvalid(report)
        freeze()
        return Dataset(
            root=root,
            version=read_version(root),
            predicates=_table(kept, "predicate", include_retracted),
            sources=_table(kept, "source", include_retracted),
            entities=_table(kept, "entity", include_retracted),
            events=_table(kept, "event", include_retracted),
            claims=_table(kept, "claim", include_retracted),
            report=report,
            exclusions=_table(kept, "exclusion", include_retracted),
            include_retracted=include_retracted,
        )
