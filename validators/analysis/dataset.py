"""The loaded, validated dataset as typed records, and the ``load`` function.

The records are the views the fast validators give (:mod:`kursk_pows.records.compiled`): they
have exactly the attributes of the models in :mod:`kursk_pows.models`, which type them here,
and are read-only.  Loading never defines the models, so it costs what a validation does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..config import Config
from ..issues import DatasetInvalid, Report
from ..reading.locations import existing_root
from ..reading.source_texts import read_source_text
from ..reading.stream import Located
from ..records.compiled import view_types
from ..records.kinds import KINDS
from ..rules.engine import run_rules
from .support import Link, Support, link_index, support

if TYPE_CHECKING:
    from ..models import Claim, Entity, Event, Predicate, Record, Source


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
        return f"<Dataset {self.root} version {self.version or 'unknown'}: {counts}>"

    def get(self, record_id: str) -> Record:
        """Any record by id; ``KeyError`` names the id when there is none."""
        for table in (self.claims, self.entities, self.events, self.sources, self.predicates):
            if record_id in table:
                return table[record_id]
        raise KeyError(f"no record with id {record_id!r}")

    def claims_about(self, subject_id: str) -> list[Claim]:
        """Claims whose subject is ``subject_id``, sorted by claim id."""
        return list(self._claims_by_subject().get(subject_id, ()))

    def _claims_by_subject(self) -> Mapping[str, tuple[Claim, ...]]:
        cached = self.__dict__.get("_by_subject")
        if cached is None:
            grouped: dict[str, list[Claim]] = defaultdict(list)
            for claim in self.claims.values():
                grouped[claim.subject].append(claim)
            cached = {k: tuple(sorted(v, key=lambda c: c.id)) for k, v in grouped.items()}
            object.__setattr__(self, "_by_subject", cached)
        return cached

    def text(self, source_id: str) -> str:
        """The full text of a source, as shipped (read as validation read it: safely)."""
        source = self.sources[source_id]
        if source_id not in self._texts:
            found = read_source_text(self.root, source)
            if found.text is None:
                raise DatasetInvalid(self.report)  # cannot happen for a dataset that loaded
            self._texts[source_id] = found.text
        return self._texts[source_id]

    def links_of(self, claim_id: str) -> list[Link]:
        """The links of a claim in both directions, each named as seen from ``claim_id``
        (``corroborates`` or ``corroborated-by``, ``refines`` or ``refined-by``,
        ``contradicts``), sorted by the other claim's id."""
        return list(self._links().get(claim_id, ()))

    def support(self, claim_id: str) -> Support:
        """The distinct (source, claimant) reports behind a claim and the claims linked to it
        as corroborating, with the number of independent articles (see
        :mod:`kursk_pows.analysis.support`)."""
        return support(self.claims, self._links(), claim_id)

    def _links(self) -> Mapping[str, tuple[Link, ...]]:
        cached = self.__dict__.get("_link_index")
        if cached is None:
            cached = link_index(self.claims)
            object.__setattr__(self, "_link_index", cached)
        return cached


def _table(kept: dict[str, list[Located]], kind: str, retracted: bool) -> Mapping[str, Any]:
    chosen = [r for r in kept[kind] if retracted or r.record.status == "active"]
    records: dict[str, Any] = {}
    for located in chosen:
        records.setdefault(located.id, located.record)
    return MappingProxyType(dict(sorted(records.items())))


def load(
    path: str | Path | None = None,
    config: Config | None = None,
    *,
    include_retracted: bool = False,
) -> Dataset:
    """Load and validate a dataset directory (default: the bundled dataset).

    Records are read-only views with the attributes of the models in :mod:`kursk_pows.models`.
    Retracted records are left out unless ``include_retracted`` is true.  Raises
    :class:`DatasetInvalid`, carrying the full report, when the dataset has errors.
    """
    root = existing_root(path)
    kept: dict[str, list[Located]] = {kind.name: [] for kind in KINDS}
    report = run_rules(
        root, config, keep=lambda located: kept[located.kind].append(located), types=view_types()
    )
    if not report.valid:
        raise DatasetInvalid(report)
    return Dataset(
        root=root,
        version=__version__ if path is None else None,
        predicates=_table(kept, "predicate", include_retracted),
        sources=_table(kept, "source", include_retracted),
        entities=_table(kept, "entity", include_retracted),
        events=_table(kept, "event", include_retracted),
        claims=_table(kept, "claim", include_retracted),
        report=report,
    )
