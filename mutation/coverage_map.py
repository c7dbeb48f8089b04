"""Which tests run which lines: one run of the suite under coverage, cached per test file.

The map says, for each module line, which tests ran it, and how long each test took.  It is
built by running the default suite once under ``coverage`` with the :mod:`contexts` plugin and
kept in ``build/mutation/coverage.json``.  Each test file's entry is keyed by a hash of that
file, the shared test helpers, the package source and this harness: after a test file changes
only that file runs again; after the package, a helper or the harness changes, everything does.
The lines a shared fixture (module or session scope) runs count for every test that uses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from mutants import PACKAGE, ROOT

CACHE = ROOT / "build" / "mutation" / "coverage.json"
TESTS = ROOT / "tests"
Lines = dict[str, dict[int, list[str]]]
"""Module (``analysis/support``) -> line -> the node ids of the tests that ran it."""


def _digest(paths: list[Path]) -> str:
    hashed = hashlib.sha256()
    for path in paths:
        hashed.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


def test_files() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


def keys() -> dict[str, str]:
    """Each test file's cache key."""
    helpers = [p for p in sorted(TESTS.rglob("*.py")) if not p.name.startswith("test_")]
    harness = [Path(__file__).parent / "contexts.py", Path(__file__)]
    shared = _digest([*sorted(PACKAGE.rglob("*.py")), *helpers, ROOT / "pyproject.toml", *harness])
    return {
        p.relative_to(ROOT).as_posix(): hashlib.sha256((shared + _digest([p])).encode()).hexdigest()
        for p in test_files()
    }


def _measure(files: list[str], into: Path) -> tuple[dict[str, Lines], dict[str, float]]:
    """Run ``files`` under coverage; what each file's tests ran, and each test's duration."""
    rc = into / "coveragerc"
    rc.write_text(
        "[run]\n"
        f"source = {PACKAGE}\n"
        f"data_file = {into / 'data'}\n"
        "parallel = true\n"
        "patch = subprocess\n",
        encoding="utf-8",
    )
    durations = into / "durations.json"
    users = into / "fixtures.json"
    env = dict(os.environ, KURSK_MUTATION_DURATIONS=str(durations))
    env["KURSK_MUTATION_FIXTURES"] = str(users)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parent), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-m", "coverage", "run", f"--rcfile={rc}", "-m", "pytest"]
    command += ["-n", "0", "-q", "-p", "contexts", "-p", "no:cacheprovider"]
    command += [f"--basetemp={into / 'basetemp'}", *files]
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"the coverage run failed ({done.returncode})")
    subprocess.run(
        [sys.executable, "-m", "coverage", "combine", f"--rcfile={rc}", "-q"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    import coverage

    data = coverage.CoverageData(basename=str(into / "data"))
    data.read()
    shared = json.loads(users.read_text(encoding="utf-8")) if users.exists() else {}
    found: dict[str, Lines] = defaultdict(lambda: defaultdict(dict))
    for measured in data.measured_files():
        module = Path(measured).resolve().relative_to(PACKAGE).with_suffix("").as_posix()
        for line, contexts in data.contexts_by_lineno(measured).items():
            for context in _tests(contexts, shared):
                test_file = context.split("::")[0] if "::" in context else ""
                found[test_file][module].setdefault(line, []).append(context)
    times = json.loads(durations.read_text(encoding="utf-8")) if durations.exists() else {}
    return found, times


def _tests(contexts: list[str], shared: dict[str, list[str]]) -> list[str]:
    """The tests behind the contexts of a line: a shared fixture's setup (``fixture:...``)
    stands for every test that uses the fixture."""
    tests: set[str] = set()
    for context in contexts:
        tests.update(shared.get(context, ()) if context.startswith("fixture:") else (context,))
    return sorted(tests)


@dataclass
class CoverageMap:
    lines: Lines
    imports: dict[str, set[int]]
    """The lines each module ran while it was imported (no test was running)."""
    durations: dict[str, float]

    def covering(self, module: str, line: int) -> list[str]:
        """The tests that ran ``line`` of ``module``.  A line that also ran while the package
        was imported (module-level code, or a function it calls then) may change what every
        test of the module sees, so it gets every test that ran any line of the module; a line
        nothing ran gets none."""
        tests = set(self.lines.get(module, {}).get(line, ()))
        if line in self.imports.get(module, ()):
            tests.update(t for by_line in self.lines.get(module, {}).values() for t in by_line)
        return sorted(tests)


def load(rebuild: bool = False) -> CoverageMap:
    """The map for the current source and tests, measuring the test files whose key changed."""
    cached = {} if rebuild or not CACHE.exists() else json.loads(CACHE.read_text("utf-8"))
    wanted = keys()
    entries = {f: e for f, e in cached.get("files", {}).items() if e["key"] == wanted.get(f)}
    imports = {m: set(lines) for m, lines in cached.get("imports", {}).items()} if entries else {}
    stale = sorted(set(wanted) - set(entries))
    if stale:
        print(f"measuring coverage of {len(stale)} test files", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="kursk-pows-coverage-") as tmp:
            found, times = _measure(stale, Path(tmp))
        for name in stale:
            entries[name] = {
                "key": wanted[name],
                "lines": found.get(name, {}),
                "durations": {t: d for t, d in times.items() if t.split("::")[0] == name},
            }
        for module, by_line in found.get("", {}).items():
            imports.setdefault(module, set()).update(by_line)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        saved = {"files": entries, "imports": {m: sorted(v) for m, v in imports.items()}}
        CACHE.write_text(json.dumps(saved, sort_keys=True), encoding="utf-8")
    lines: Lines = defaultdict(lambda: defaultdict(list))
    durations: dict[str, float] = {}
    for entry in entries.values():
        for module, by_line in entry["lines"].items():
            for line, tests in by_line.items():
                lines[module][int(line)] += tests
        durations.update(entry["durations"])
    return CoverageMap(lines, imports, durations)
