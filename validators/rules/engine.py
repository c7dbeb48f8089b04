"""Stream a dataset directory's records through every registered rule into one report."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ..config import Config
from ..issues import Report
from ..reading.locations import existing_root
from ..reading.stream import Located, Progress, RecordReader
from ..records.compiled import RecordType, view_types
from ..records.kinds import KINDS
from . import RULES
from .index import Index

RULES_LABEL = "rules"
"""The name under which the rule phase reports progress (the count is rules done)."""


FREEZE_EVERY = 1_000
"""Records read between two moves of everything alive into the collector's permanent generation."""

_gc_lock = threading.Lock()
_gc_runs = 0  # validations and loads running now, in any thread
_gc_freezing = False  # whether they freeze: only when the process had nothing frozen before


def _nothing() -> None:
    pass


@contextlib.contextmanager
def records_out_of_gc() -> Iterator[Callable[[], None]]:
    """Keep the records being read out of the cyclic garbage collector's way, without ever
    switching it off.

    Reading creates millions of small objects that stay alive and form no cycles; the collector
    would scan them again and again, which makes loading slow.  The block yields ``freeze``,
    to be called every :data:`FREEZE_EVERY` records: it moves everything alive into the
    collector's permanent generation (:func:`gc.freeze`, which costs no scan), so collections
    see only what is new.  The collector stays on for the whole process.  When the last such
    block running ends, :func:`gc.unfreeze` puts everything back into the oldest generation:
    nothing stays frozen, and garbage made before or during the run is collected as usual.
    A process that had frozen objects of its own (``gc.get_freeze_count() > 0``) is left
    alone: nothing is frozen or unfrozen, and reading is slower.  (What another thread freezes
    while a run is going is unfrozen with the rest when it ends.)
    """
    global _gc_runs, _gc_freezing
    with _gc_lock:
        if _gc_runs == 0:
            _gc_freezing = gc.get_freeze_count() == 0
        _gc_runs += 1
        freezing = _gc_freezing
    try:
        yield gc.freeze if freezing else _nothing
    finally:
        with _gc_lock:
            _gc_runs -= 1
            if _gc_runs == 0 and _gc_freezing:
                gc.unfreeze()


def validate(
    path: str | Path | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate a dataset directory (default: the bundled dataset) and return the report.

    Records stream through the rules one at a time; only the indexes the rules need stay in
    memory.  Problems in the data are issues in the report, never exceptions.  A path that is
    not a directory raises ``NotADirectoryError``.  ``progress``, if given, is called now and
    then with a file name and the lines of it read so far.
    """
    return run_rules(existing_root(path), config, progress, types=view_types())


def run_rules(
    root: Path,
    config: Config | None = None,
    progress: Progress | None = None,
    keep: Callable[[Located], object] | None = None,
    types: Mapping[str, RecordType] | None = None,
) -> Report:
    """Validate the dataset directory ``root``.  ``keep``, if given, is called with every
    valid record; ``types`` says how records are validated (see :mod:`kursk_pows.records.compiled`;
    by default into pydantic models)."""
    config = config or Config()
    reader = RecordReader(root, config, progress, types)
    index = Index(root, reader.invalid_ids)
    checks = [registered.check(index, config) for registered in RULES]
    seeing = {kind.name: [c.see for c in checks if kind.name in c.kinds] for kind in KINDS}
    issues = reader.issues  # one log, so that its limits hold for the reader and rules together
    with records_out_of_gc() as freeze:
        for number, located in enumerate(reader, 1):
            index.add(located)
            for see in seeing[located.kind]:
                see(located, issues)
            if keep is not None:
                keep(located)
            if number % FREEZE_EVERY == 0:
                freeze()
        for done, check in enumerate(checks):
            if progress is not None:
                progress(RULES_LABEL, done)
            check.finish(issues)
    return Report.build(str(root), issues, reader.stats(), dict(issues.omitted))
