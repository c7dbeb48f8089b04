"""The mutation harness (mutation/): the mutants it makes and the figures it writes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parent.parent / "mutation"

TINY = '''"""Doc."""
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from x import Y

__all__ = ["f"]


def f(x, out):
    if x < 2 and (
        x
    ):
        out.append(x)
        return True
    return False
'''


@pytest.fixture(scope="module")
def harness() -> Iterator[tuple[ModuleType, ModuleType]]:
    sys.path.insert(0, str(HARNESS))
    try:
        import mutants
        import report

        yield mutants, report
    finally:
        sys.path.remove(str(HARNESS))


def test_the_mutants_of_a_tiny_module(harness: tuple[ModuleType, ModuleType]) -> None:
    mutants, _ = harness
    made = sorted(mutants.mutants_of_source("tiny", TINY), key=lambda m: (m.line, m.column))
    assert [m.name for m in made] == [
        "tiny.py:11:4 negate condition",
        "tiny.py:11:7 and<->or",
        "tiny.py:11:7 drop operand 0",
        "tiny.py:11:7 drop operand 1",
        "tiny.py:11:7 Lt->LtE",
        "tiny.py:11:7 constant+1",
        "tiny.py:14:8 drop report",
        "tiny.py:15:8 invert returned bool",
        "tiny.py:16:4 invert returned bool",
    ]
    changed = {m.kind: m.source.splitlines() for m in made if m.line == 11}
    assert changed["and<->or"][10] == "    if (x < 2 or x"
    assert changed["constant+1"][10:13] == ["    if (x < 3) and (", "        x", "    ):"]
    assert changed["negate condition"][10:13] == [
        "    if (not (x < 2 and (",
        "        x",
        "    ))):",
    ]
    for mutant in made:  # every line keeps its number; the rest is untouched
        lines = mutant.source.splitlines()
        assert len(lines) == len(TINY.splitlines())
        assert lines[:9] == TINY.splitlines()[:9]


def test_modules_are_chosen_by_name_or_package(
    harness: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    mutants, _ = harness
    for name in ("a.py", "rules/__init__.py", "rules/values.py", "rules/valuesx.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    assert mutants.chosen("rules/values", tmp_path) == ["rules/values"]
    assert mutants.chosen("rules", tmp_path) == ["rules/__init__", "rules/values", "rules/valuesx"]
    assert mutants.chosen("a,rules/valuesx", tmp_path) == ["a", "rules/valuesx"]
    with pytest.raises(SystemExit):
        mutants.chosen("rule", tmp_path)


def test_the_figures_tell_explained_from_unexplained_survivors(
    harness: tuple[ModuleType, ModuleType],
) -> None:
    _, report = harness
    rows = [
        {"line": 3, "column": 0, "kind": "negate condition", "outcome": "killed"},
        {"line": 4, "column": 0, "kind": "drop report", "outcome": "timeout"},
        {"line": 5, "column": 0, "kind": "Lt->LtE", "outcome": "survived"},
        {"line": 6, "column": 0, "kind": "drop report", "outcome": "survived"},
        {"line": 9, "column": 0, "kind": "drop report", "outcome": "not covered"},
    ]
    results = {
        "rules/a": {"hash": "h1", "mutants": rows, "date": "2026-12-07", "seconds": 10},
        "rules/b": {"hash": "old", "mutants": rows[:1], "date": "2026-12-01", "seconds": 1},
    }
    explained = {("rules/a", 5, "Lt->LtE"): "never equal"}
    text = report.render(
        results,
        explained,
        {"rules/a": 5, "rules/b": 1, "rules/c": 0, "site/x": 4},
        {"rules/a": "h1", "rules/b": "h2"},
    )
    assert (
        "**2 of 5 mutants killed (40.0 %)**; 1 survivors explained as equivalent, 2 unexplained."
        in text
    )
    assert "| rules | 5 | 2 | 1 | 2 | 40.0 % |" in text
    assert "Not run on the current source: `rules/b` (1 mutants), site (4 mutants)." in text
    assert (
        "- `rules/a.py:6` drop report\n- `rules/a.py:9` drop report (no test runs this line)"
        in text
    )
    assert "| `rules/a.py:5` Lt->LtE | never equal |" in text
    assert text.startswith(report.BEGIN)
    assert text.endswith(report.END)


def test_the_figures_replace_only_their_block(
    harness: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    _, report = harness
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{report.BEGIN}\nold\n{report.END}\n\nAfter.\n")
    report.rewrite(readme, f"{report.BEGIN}\nnew\n{report.END}")
    assert readme.read_text() == f"# Title\n\n{report.BEGIN}\nnew\n{report.END}\n\nAfter.\n"


def test_the_stored_results_read_back_in_a_stable_order(
    harness: tuple[ModuleType, ModuleType],
) -> None:
    """The committed results file reads back as it was stored, one mutant a line, in an order
    that does not depend on the order of the run."""
    _, report = harness
    rows = [
        {"line": 9, "column": 4, "kind": "drop report", "outcome": "killed"},
        {"line": 3, "column": 0, "kind": "Lt->LtE", "outcome": "survived"},
    ]
    results = {
        "rules/b": {"mutants": rows, "hash": "h2", "date": "2026-12-07"},
        "rules/a": {"hash": "h1", "mutants": [], "seconds": 1.5},
    }
    text = report.dumps(results)
    assert json.loads(text) == {
        "rules/a": results["rules/a"],
        "rules/b": {**results["rules/b"], "mutants": rows[::-1]},
    }
    assert text == report.dumps(dict(reversed(results.items())))
    assert text.index('"rules/a"') < text.index('"rules/b"')
    assert '"line": 3' in text.splitlines()[text.splitlines().index('  "mutants": [') + 1]


def test_a_shared_fixtures_lines_count_for_every_test_that_uses_it(
    harness: tuple[ModuleType, ModuleType],
) -> None:
    """A module- or session-scoped fixture is set up in the first test that asks for it, but a
    mutant in the lines it runs must face the assertions of every test that uses it."""
    import coverage_map

    users = {"fixture:tests::built": ["t.py::b", "t.py::a"], "fixture:tests::other": ["t.py::c"]}
    assert coverage_map._tests(["t.py::a", "fixture:tests::built"], users) == ["t.py::a", "t.py::b"]
    assert coverage_map._tests(["fixture:tests::unused"], users) == []


def test_a_mutant_runs_the_tests_of_its_first_two_files_before_the_rest() -> None:
    sys.path.insert(0, str(HARNESS))
    try:
        import execute
    finally:
        sys.path.remove(str(HARNESS))
    tests = {"b.py::t1": 1.0, "a.py::t1": 2.0, "b.py::t2": 3.0, "c.py::t1": 4.0, "a.py::t2": 5.0}
    assert execute.stages(tests) == [
        {"b.py::t1": 1.0, "a.py::t1": 2.0, "b.py::t2": 3.0, "a.py::t2": 5.0},
        {"c.py::t1": 4.0},
    ]
    assert execute.stages({"a.py::t1": 1.0, "b.py::t1": 2.0}) == [
        {"a.py::t1": 1.0, "b.py::t1": 2.0}
    ]


def test_a_child_is_timed_by_the_cpu_it_uses_not_by_the_clock() -> None:
    import os
    import subprocess
    import time

    sys.path.insert(0, str(HARNESS))
    try:
        import execute
    finally:
        sys.path.remove(str(HARNESS))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        waited = time.monotonic()
        while execute.cpu_seconds(spinner.pid) < 0.5:  # however loaded the machine is
            assert time.monotonic() - waited < 60, "the spinner's CPU time never grew"
            time.sleep(0.05)
        assert execute.cpu_seconds(sleeper.pid) < 0.3  # started earlier, and only waits
        assert execute.cpu_seconds(os.getpid()) > 0
    finally:
        sleeper.kill()
        spinner.kill()
        sleeper.wait()
        spinner.wait()


def test_a_condition_over_several_lines_is_reached_from_any_of_them(
    harness: tuple[ModuleType, ModuleType],
) -> None:
    mutants, _ = harness
    made = {m.kind: m for m in mutants.mutants_of_source("tiny", TINY) if m.line == 11}
    assert list(made["negate condition"].lines) == [11, 12, 13]  # `if x < 2 and (` to `):`
    assert list(made["Lt->LtE"].lines) == [11]
