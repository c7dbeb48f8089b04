"""Progress is shown on a terminal only, and never with --quiet or into a pipe."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.reports.progress import TerminalProgress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal(
    spec: DatasetSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kursk_pows.reading.stream.PROGRESS_EVERY", 2)
    screen = FakeTerminal()
    progress = TerminalProgress(screen, after=0.0)
    report = kursk_pows.validate(spec.write(tmp_path / "ds"), progress=progress)
    progress.finish()
    assert report.valid
    updates = screen.getvalue().split("\r\x1b[K")
    assert updates[1].startswith("reading predicates.jsonl: 2 records in 1 file(s), ")
    assert any(u.startswith("reading claims.jsonl: ") for u in updates)
    assert updates[-2].startswith("checking rules: ")
    assert updates[-1] == ""  # the line is cleared at the end


def test_nothing_shown_off_a_terminal_or_before_the_delay(
    spec: DatasetSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kursk_pows.reading.stream.PROGRESS_EVERY", 1)
    root = spec.write(tmp_path / "ds")
    for stream, after in ((io.StringIO(), 0.0), (FakeTerminal(), 3600.0)):
        progress = TerminalProgress(stream, after=after)
        kursk_pows.validate(root, progress=progress)
        progress.finish()
        assert stream.getvalue() == ""


def test_cli_pipes_get_no_progress(spec: DatasetSpec, tmp_path: Path) -> None:
    root = str(spec.write(tmp_path / "ds"))
    for extra in ([], ["--quiet"]):
        result = subprocess.run(
            [sys.executable, "-m", "kursk_pows", "validate", root, *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, "")


def test_the_line_is_shown_once_the_delay_has_passed_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([100.0, 102.0])  # started, then the first update two seconds later
    monkeypatch.setattr(
        "kursk_pows.reports.progress.time", SimpleNamespace(monotonic=lambda: next(clock))
    )
    screen = FakeTerminal()
    progress = TerminalProgress(screen, after=2.0)
    progress("claims.jsonl", 10)
    assert screen.getvalue() == "\r\x1b[Kreading claims.jsonl: 10 records in 1 file(s), 5/s"
