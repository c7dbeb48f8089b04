"""Running the chosen tests against one mutant, in a forked child of a warmed-up parent.

The parent imports pytest and the heavy libraries the tests use once (never the package);
for each mutant it writes the changed module into its copy of the package, forks, and the
child runs pytest in-process with ``-x`` on the covering tests only, fastest first, with the
copy first on ``sys.path`` (and on ``PYTHONPATH`` for the processes a test starts).  A failing
test, or a run past its time limit, kills the mutant.
"""

from __future__ import annotations

import compileall
import contextlib
import importlib
import os
import py_compile
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mutants import PACKAGE, ROOT, Mutant

WARM = (
    "pytest",
    "_pytest.python",
    "xdist",
    "hypothesis",
    "hypothesis.strategies",
    "pydantic",
    "jsonschema",
    "jinja2",
    "yaml",
    "pyarrow",
    "pandas",
    "polars",
    "duckdb",
    "anyio.pytest_plugin",
    "anyio._backends._asyncio",
    "platformdirs.pytest_plugin",
    "xdist.looponfail",
    "_hypothesis_pytestplugin",
)
"""Imported once by the parent, so each child starts with them loaded."""


MUTATION_PROFILE = "mutation"
"""The Hypothesis settings a child runs with: the suite's own, without shrinking.  A mutant is
killed by the first failing example; shrinking it (minutes for some rules) tells nothing more."""


def warm_up() -> None:
    for name in WARM:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    from hypothesis import HealthCheck, Phase, settings

    settings.register_profile(
        MUTATION_PROFILE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],
    )


def package_copy(into: Path) -> Path:
    """A copy of the package importable as ``kursk_pows`` from ``into``."""
    package = into / "kursk_pows"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "dataset", package / "dataset")
    shutil.copytree(ROOT / "schema", package / "schema")
    # Hash-checked bytecode: a module is compiled again whenever its source differs (a mutant),
    # and loaded from its cache otherwise, whatever the files' times and sizes.
    compileall.compile_dir(
        package, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH
    )
    return into


BACKSTOP = 4.0
"""A child may run for this many times its CPU-time limit by the clock (a loaded machine runs
it slower) before it counts as hanging without using CPU (waiting on a process that hangs)."""
_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """The CPU time of process ``pid`` and of the children it has waited for (Linux)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # from the state on: utime is the 12th
    return sum(int(n) for n in fields[11:15]) / _TICKS  # utime, stime, cutime, cstime


class _Hang(Exception):
    """A test ran far past its measured time: the mutant hangs."""


def _alarm(signum: int, frame: object) -> None:
    raise _Hang


class _Only:
    """A pytest plugin: run just these node ids, in this order, each with a time limit."""

    def __init__(self, limits: dict[str, float]) -> None:
        self.limits = limits
        self.rank = {node: n for n, node in enumerate(limits)}

    def pytest_collection_modifyitems(self, config: object, items: list[Any]) -> None:
        kept = [i for i in items if i.nodeid in self.rank]
        kept.sort(key=lambda i: self.rank[i.nodeid])
        items[:] = kept

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: Any) -> Iterator[None]:
        # CPU time, not the clock: on a loaded machine a test is slower, not hanging
        signal.signal(signal.SIGPROF, _alarm)
        signal.setitimer(signal.ITIMER_PROF, self.limits.get(item.nodeid, 60.0))
        try:
            return (yield)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)


def _child(site: Path, tests: dict[str, float], basetemp: Path) -> int:
    os.environ["PYTHONPATH"] = str(site)
    sys.path.insert(0, str(site))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    files = sorted({t.split("::")[0] for t in tests})
    args = ["-x", "-q", "-n", "0", "-p", "no:cacheprovider", f"--basetemp={basetemp}"]
    args += [f"--hypothesis-profile={MUTATION_PROFILE}", *files]
    return int(pytest.main(args, plugins=[_Only(tests)]))


def run_tests(site: Path, tests: dict[str, float], limit: float) -> str:
    """``passed``, ``failed`` or ``timeout``: the tests run against the package in ``site``,
    each within its own limit of CPU time (a test past it fails) and all within ``limit``
    seconds of CPU time (or :data:`BACKSTOP` times that by the clock)."""
    basetemp = site / "basetemp"
    pid = os.fork()
    if pid == 0:  # the child
        code = 3
        try:
            os.setpgid(0, 0)
            code = _child(site, tests, basetemp)
        finally:
            os._exit(code)
    deadline = time.monotonic() + BACKSTOP * limit
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if cpu_seconds(pid) > limit or time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            shutil.rmtree(basetemp, ignore_errors=True)
            return "timeout"
        time.sleep(0.05)
    shutil.rmtree(basetemp, ignore_errors=True)
    code = os.waitstatus_to_exitcode(status)
    return "passed" if code in (0, 5) else "failed"


def stages(tests: dict[str, float], files: int = 2) -> list[dict[str, float]]:
    """The tests (fastest first) in two runs: those in the first ``files`` test files to
    appear, then the rest.  Most mutants die in the first run, and a child collects only the
    files it runs, so the many files of a widely used module are collected only for the
    mutants that survive the first."""
    first: list[str] = []
    for node in tests:
        path = node.split("::")[0]
        if path not in first:
            first.append(path)
    chosen = set(first[:files])
    head = {t: s for t, s in tests.items() if t.split("::")[0] in chosen}
    rest = {t: s for t, s in tests.items() if t not in head}
    return [head, rest] if rest else [head]


def try_mutant(mutant: Mutant, site: Path, tests: dict[str, float], limit: float) -> str:
    """The outcome of the tests against ``mutant`` written into the copy in ``site``: the
    first run that does not pass (see :func:`stages`), or ``passed``."""
    target = site / "kursk_pows" / f"{mutant.module}.py"
    original = target.read_text(encoding="utf-8")
    target.write_text(mutant.source, encoding="utf-8")
    try:
        for stage in stages(tests):
            outcome = run_tests(site, stage, limit)
            if outcome != "passed":
                return outcome
        return "passed"
    finally:
        target.write_text(original, encoding="utf-8")
