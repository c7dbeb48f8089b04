"""Mutation testing: does the test suite notice when the package is wrong?

Each mutant is one small change to one module of ``validators/`` (see :mod:`mutants`).  The
suite runs once under coverage to learn which tests run which lines (:mod:`coverage_map`,
cached); then each mutant is written into a copy of the package (the checkout is never edited)
and only the tests that run its line are run against it, in a forked child of a parent that has
imported the test libraries once (:mod:`execute`).  A mutant on a line no test runs survives
without a run ("not covered").  Results are kept per module in ``mutation/results.json``
(committed); ``--report`` writes the figures of every module measured on the current source
into the README (:mod:`report`).  Run it on purpose, not in CI::

    python mutation/run.py --report mutation/README.md          # everything, then the figures
    python mutation/run.py --modules analysis,rules/values      # packages or modules
    python mutation/run.py --modules site --survivors           # only the last run's survivors
"""

from __future__ import annotations

import argparse
import datetime
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coverage_map
import execute
import mutants
import report


def _limit(tests: list[str], durations: dict[str, float], factor: float) -> float:
    """How long the tests may take against a mutant before it counts as hanging."""
    return 15 + factor * sum(durations.get(t, 1.0) for t in tests)


def _within(tests: list[str], durations: dict[str, float], budget: float) -> tuple[list[str], bool]:
    """The tests fastest first, as many as fit in ``budget`` seconds of their measured time
    (at least one), and whether any were left out."""
    ordered = sorted(tests, key=lambda t: (durations.get(t, 1.0), t))
    kept: list[str] = []
    spent = 0.0
    for test in ordered:
        spent += durations.get(test, 1.0)
        if kept and spent > budget:
            break
        kept.append(test)
    return kept, len(kept) < len(ordered)


def _run_module(
    module: str, site: Path, found: coverage_map.CoverageMap, args: argparse.Namespace
) -> None:
    before = {
        (r["line"], r["column"], r["kind"]): r
        for r in report.load_results().get(module, {}).get("mutants", [])  # type: ignore[attr-defined]
    }
    fresh = report.load_results().get(module, {}).get("hash") == report.source_hash(module)
    rows: list[dict[str, object]] = []
    began = time.perf_counter()
    for mutant in sorted(mutants.mutants(module), key=lambda m: (m.line, m.column, m.kind)):
        key = (mutant.line, mutant.column, mutant.kind)
        if args.survivors and fresh and key in before and before[key]["outcome"] in report.KILLED:
            rows.append(before[key])
            continue
        reaching = {test for line in mutant.lines for test in found.covering(module, line)}
        tests, cut = _within(sorted(reaching), found.durations, args.budget)
        if not tests:
            outcome = "not covered"
        else:
            limit = _limit(tests, found.durations, args.slack)
            each = {t: 5 + args.slack * found.durations.get(t, 1.0) for t in tests}
            outcome = execute.try_mutant(mutant, site, each, limit)
            outcome = {"passed": "survived", "failed": "killed"}.get(outcome, outcome)
        rows.append(
            {
                "line": mutant.line,
                "column": mutant.column,
                "kind": mutant.kind,
                "outcome": outcome,
                "cut": cut,
                "tests": len(tests),
            }
        )
        mark = "killed  " if outcome in report.KILLED else "SURVIVED"
        print(f"{mark} {mutant.name} ({outcome}, {len(tests)} tests)", flush=True)
    stamp = {
        "date": datetime.date.today().isoformat(),
        "seconds": round(time.perf_counter() - began, 1),
        "budget": args.budget,
    }
    report.store(module, rows, stamp)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default="", help="names or package prefixes; all if empty")
    parser.add_argument("--survivors", action="store_true", help="re-run only the survivors")
    parser.add_argument("--jobs", type=int, default=1, help="only 1: one test process at a time")
    parser.add_argument("--slack", type=float, default=2.0, help="time limit: tests' time x N")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds of measured test time per mutant"
    )
    parser.add_argument("--rebuild-map", action="store_true")
    parser.add_argument("--report", type=Path, default=None, help="write the figures here")
    parser.add_argument("--report-only", action="store_true", help="no runs, only the figures")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so the temporary copy is removed
    if args.jobs != 1:
        parser.error("--jobs: only 1 is supported (the machine is shared)")
    if not args.report_only:
        chosen = mutants.chosen(args.modules) if args.modules else mutants.modules()
        found = coverage_map.load(rebuild=args.rebuild_map)
        execute.warm_up()
        with tempfile.TemporaryDirectory(prefix="kursk-pows-mutation-") as tmp:
            site = execute.package_copy(Path(tmp))
            for module in chosen:
                _run_module(module, site, found, args)
    if args.report:
        report.report(args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
