"""``load()`` and ``validate()`` leave the cyclic garbage collector as they found it: nothing of
the caller's stays frozen, and the collector is never switched off for the rest of the process."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.rules.engine import RULES_LABEL, records_out_of_gc


class Node:
    """An object that can be part of a reference cycle and be watched with a weak reference."""

    def __init__(self) -> None:
        self.other: object = None


def _cycle() -> weakref.ref[Node]:
    """A reference cycle nobody holds any more: garbage only the cyclic collector can free."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """No automatic collection during the test: a cycle is freed only by ``gc.collect()``."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.usefixtures("collector_paused")
def test_garbage_made_before_load_is_still_collected(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")
    frozen = gc.get_freeze_count()
    garbage = _cycle()
    kursk_pows.load(root)
    assert gc.get_freeze_count() == frozen
    assert garbage() is not None  # not collected yet: the collector was paused by the fixture
    gc.collect()
    assert garbage() is None


@pytest.mark.usefixtures("collector_paused")
def test_a_failed_load_leaves_nothing_frozen(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one("claim:a.role")["predicate"] = "predicate:nothing"
    root = spec.write(tmp_path / "ds")
    frozen = gc.get_freeze_count()
    garbage = _cycle()
    with pytest.raises(kursk_pows.DatasetInvalid):
        kursk_pows.load(root)
    assert gc.get_freeze_count() == frozen
    gc.collect()
    assert garbage() is None


def test_a_callers_own_frozen_objects_stay_frozen(spec: DatasetSpec, tmp_path: Path) -> None:
    """A process that froze objects itself (say before forking workers) keeps them frozen: a
    frozen cycle is still not collected after load() and validate()."""
    root = spec.write(tmp_path / "ds")
    gc.collect()
    garbage = _cycle()
    gc.freeze()
    try:
        kursk_pows.load(root)
        kursk_pows.validate(root)
        assert gc.get_freeze_count() > 0
        gc.collect()
        assert garbage() is not None
    finally:
        gc.unfreeze()
    gc.collect()
    assert garbage() is None


@pytest.mark.parametrize("enabled", [True, False])
def test_validate_and_load_restore_the_collector_state(
    enabled: bool, spec: DatasetSpec, tmp_path: Path
) -> None:
    root = spec.write(tmp_path / "ds")
    (gc.enable if enabled else gc.disable)()
    try:
        kursk_pows.validate(root)
        assert gc.isenabled() is enabled
        kursk_pows.load(root)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_the_collector_stays_on_for_other_threads_while_validate_runs(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    """While a validation runs in one thread, another thread's cyclic garbage is collected
    (seen from the progress callback, which runs in the middle of the validation)."""
    root = spec.write(tmp_path / "ds")
    inside = threading.Event()
    checked = threading.Event()
    seen: list[tuple[bool, bool]] = []

    def progress(label: str, done: int) -> None:
        if label == RULES_LABEL and not inside.is_set():
            inside.set()
            checked.wait(timeout=30)

    def run() -> None:
        kursk_pows.validate(root, progress=progress)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert inside.wait(timeout=30)
        garbage = _cycle()
        enabled = gc.isenabled()
        gc.collect()
        seen.append((enabled, garbage() is None))
    finally:
        checked.set()
        worker.join(timeout=60)
    assert seen == [(True, True)]
    assert gc.isenabled()


def test_what_is_frozen_stays_frozen_until_the_last_run_ends() -> None:
    """Two runs overlapping (in two threads, say): the first to end unfreezes nothing that the
    other still relies on; the last one unfreezes everything."""
    assert gc.get_freeze_count() == 0
    first, second = records_out_of_gc(), records_out_of_gc()
    freeze = first.__enter__()
    freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_freeze_count() >= frozen - 100  # a few frozen objects may have died since
    second.__exit__(None, None, None)
    assert gc.get_freeze_count() == 0


def test_each_first_run_asks_again_whether_the_caller_froze_anything() -> None:
    """Whether to freeze is decided when a run starts with none running, from the caller's
    frozen objects then, not from what an earlier pair of overlapping runs found."""
    assert gc.get_freeze_count() == 0
    outer, inner = records_out_of_gc(), records_out_of_gc()
    outer.__enter__()
    inner.__enter__()
    inner.__exit__(None, None, None)
    outer.__exit__(None, None, None)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with records_out_of_gc() as freeze:
            freeze()
        assert gc.get_freeze_count() >= frozen - 100  # a few frozen objects may have died since
    finally:
        gc.unfreeze()


def test_fewer_records_than_freeze_every_are_read_without_freezing(
    spec: DatasetSpec, tmp_path: Path
) -> None:
    from kursk_pows.rules.engine import FREEZE_EVERY, run_rules

    root = spec.write(tmp_path / "ds")
    assert gc.get_freeze_count() == 0
    frozen_at: list[int] = []
    run_rules(root, keep=lambda located: frozen_at.append(gc.get_freeze_count()))
    assert 1 < len(frozen_at) < FREEZE_EVERY
    assert set(frozen_at) == {0}
