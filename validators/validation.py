"""Run every registered rule over a dataset directory and collect one report."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from .config import Config
from .loading import LoadedDataset, Progress
from .paths import bundled
from .report import Issue, Report
from .rules import RULES

RULES_LABEL = "rules"
"""The name under which the rule phase reports progress (the count is rules done)."""


def resolve_root(path: str | Path | None) -> Path:
    """The dataset directory to read: the given path, or the bundled dataset."""
    return bundled("dataset") if path is None else Path(path)


def existing_root(path: str | Path | None) -> Path:
    """Like :func:`resolve_root`, but ``NotADirectoryError`` when it is not a directory."""
    root = resolve_root(path)
    if not root.is_dir():
        raise NotADirectoryError(f"not a dataset directory: {root}")
    return root


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


def validate_loaded(
    ds: LoadedDataset, config: Config | None = None, progress: Progress | None = None
) -> Report:
    """Apply every rule to an already loaded dataset."""
    config = config or Config()
    issues: list[Issue] = list(ds.issues)
    for done, registered in enumerate(RULES):
        if progress is not None:
            progress(RULES_LABEL, done)
        issues.extend(registered.check(ds, config))
    return Report.build(str(ds.root), issues, ds.stats())


def validate(
    path: str | Path | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate a dataset directory (default: the bundled dataset) and return the report.

    Problems in the data are issues in the report, never exceptions.  A path that is not a
    directory raises ``NotADirectoryError``.  ``progress``, if given, is called now and then
    with a file name and the lines of it read so far.
    """
    root = existing_root(path)
    with no_cyclic_gc():
        return validate_loaded(LoadedDataset(root, config, progress), config, progress)
