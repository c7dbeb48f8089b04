"""Stream a dataset directory's records through every registered rule into one report."""

from __future__ import annotations

import contextlib
import gc
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


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are read and checked.

    Reading creates millions of small objects that stay alive; the collector would scan them
    all again and again, which makes loading grow faster than linearly.  None of them form
    reference cycles, so pausing it loses nothing.  Its previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    with no_cyclic_gc():
        for located in reader:
            index.add(located)
            for see in seeing[located.kind]:
                see(located, issues)
            if keep is not None:
                keep(located)
        for done, check in enumerate(checks):
            if progress is not None:
                progress(RULES_LABEL, done)
            check.finish(issues)
    return Report.build(str(root), issues, reader.stats(), dict(issues.omitted))
