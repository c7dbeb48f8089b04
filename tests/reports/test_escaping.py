"""Nothing from the data reaches the output raw: one issue is one line, whatever its id says."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.reports.escaping import _UNSAFE, printable

FORGED = "claim:x\n::error file=README.md::forged\x1b[2J\u202egnp.exe"


@given(st.text())
def test_printable_leaves_no_unsafe_character_and_keeps_the_rest(text: str) -> None:
    shown = printable(text)
    assert _UNSAFE.search(shown) is None
    if _UNSAFE.search(text) is None:
        assert shown == text


def test_each_escape_names_its_character() -> None:
    assert printable("a\nb\x1b\u202e\x85") == "a\\x0ab\\x1b\\u202e\\x85"


def test_each_unsafe_character_and_its_safe_neighbours_by_hand() -> None:
    """The ends of every range, written out here rather than read from the pattern."""
    unsafe = "\x00\x1f\x7f\x9f\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069"
    assert printable(unsafe) == (
        "\\x00\\x1f\\x7f\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069"
    )
    safe = " ~\xa0\u061b\u061d\u200d\u2010\u2027\u202f\u2065\u206a"
    assert printable(safe) == safe


@pytest.fixture
def forged(spec: DatasetSpec, tmp_path: Path) -> Path:
    claim = spec.one("claim:a.birth-year")
    claim["id"] = FORGED
    claim["note"] = "line one\nline two\x1b[31m"
    return spec.write(tmp_path / "ds")


@pytest.mark.parametrize("form", ["text", "github"])
def test_a_forged_id_cannot_start_an_output_line(
    forged: Path, form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(forged), "--format", form]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\u202e" not in out
    forged_lines = [line for line in out.splitlines() if "forged" in line]
    assert forged_lines, "the forged id is reported"
    for line in forged_lines:
        if form == "text":
            assert line.startswith((str(forged), "    hint:"))
        else:
            command = line.split("::", 2)[1]  # the command and its properties
            assert command.startswith(("error ", "warning "))
            assert "README.md" not in command
