"""Mutation testing of the rule modules: does the test suite notice when a rule is wrong?

Each mutant is one small change to one rule module (a comparison flipped or moved by one, a
condition dropped from an ``and``/``or``, an ``if`` negated, a boolean returned inverted, an
issue no longer reported).  The script copies the package to a temporary directory, writes one
mutant at a time into the copy (the checkout is never edited), runs the relevant tests against
the copy with ``-x``, and counts the mutant killed when a test fails.  Run it on purpose, not in
CI: ``python mutation/run.py [--modules people,values] [--limit N] [--jobs 2]``; the figures
and the survivors of the last full run are in mutation/README.md.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "validators" / "rules"
MODULES = (
    "attribution",
    "coverage",
    "ids",
    "manifest",
    "people",
    "predicates",
    "propositions",
    "quotes",
    "retraction",
    "sources",
    "structure",
    "timeline",
    "values",
)
TESTS = (
    "tests/test_docs.py",
    "tests/rules",
    "tests/reports",
    "tests/analysis/test_proposition_counts.py",
    "tests/reading/test_hostile_files.py",
    "tests/releases/test_manifest.py",
)
"""The tests run against each mutant, fastest and most exact first."""
TIMEOUT = 300

_FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass(frozen=True)
class Mutant:
    module: str
    line: int
    kind: str
    source: str


def _reports_an_issue(node: ast.stmt) -> bool:
    """An expression statement that appends or extends issues, or a ``yield``."""
    if not isinstance(node, ast.Expr):
        return False
    value = node.value
    if isinstance(value, ast.Yield | ast.YieldFrom):
        return True
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in ("append", "extend")
    )


def _changes(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    """The mutated copies of one node, each with the kind of change."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            if type(op) in _FLIPS:
                changed = copy.deepcopy(node)
                changed.ops[index] = _FLIPS[type(op)]()
                yield f"{type(op).__name__}->{_FLIPS[type(op)].__name__}", changed
        for index, operand in enumerate(node.comparators):
            if isinstance(operand, ast.Constant) and type(operand.value) is int:
                changed = copy.deepcopy(node)
                changed.comparators[index] = ast.Constant(operand.value + 1)
                yield "constant+1", changed
    elif isinstance(node, ast.BoolOp):
        swapped = copy.deepcopy(node)
        swapped.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield "and<->or", swapped
        for index in range(len(node.values)):
            rest = [v for i, v in enumerate(node.values) if i != index]
            dropped = rest[0] if len(rest) == 1 else ast.BoolOp(node.op, rest)
            yield f"drop operand {index}", copy.deepcopy(dropped)
    elif isinstance(node, ast.If | ast.While):
        negated = copy.deepcopy(node)
        negated.test = ast.UnaryOp(ast.Not(), negated.test)
        yield "negate condition", negated
    elif isinstance(node, ast.Return) and isinstance(node.value, ast.Constant):
        if isinstance(node.value.value, bool):
            yield "invert returned bool", ast.Return(ast.Constant(not node.value.value))
    elif isinstance(node, ast.stmt) and _reports_an_issue(node):
        yield "drop report", ast.Pass()


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST) -> None:
        self.target, self.replacement = target, replacement

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return self.replacement
        visited: ast.AST = super().visit(node)
        return visited


def mutants(module: str) -> Iterator[Mutant]:
    """Every mutant of ``validators/rules/MODULE.py``, in source order."""
    text = (RULES / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    skip = {  # RuleCode(...) definitions: text, not logic
        id(sub)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RuleCode"
        for sub in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        for kind, replacement in _changes(node):
            changed = ast.fix_missing_locations(_fresh(tree, node, replacement))
            yield Mutant(module, getattr(node, "lineno", 0), kind, ast.unparse(changed))


def _fresh(tree: ast.Module, target: ast.AST, replacement: ast.AST) -> ast.Module:
    """A copy of ``tree`` with ``target`` replaced (located by its position in a walk)."""
    position = next(i for i, node in enumerate(ast.walk(tree)) if node is target)
    copied = copy.deepcopy(tree)
    twin = next(node for i, node in enumerate(ast.walk(copied)) if i == position)
    result = _Replace(twin, ast.copy_location(copy.deepcopy(replacement), twin)).visit(copied)
    assert isinstance(result, ast.Module)
    return result


def _package_copy(into: Path) -> Path:
    """A copy of the package importable as ``kursk_pows`` from ``into``."""
    package = into / "kursk_pows"
    shutil.copytree(ROOT / "validators", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "dataset", package / "dataset")
    shutil.copytree(ROOT / "schema", package / "schema")
    return into


def _run_tests(site: Path) -> bool:
    """Whether the tests pass against the package in ``site``."""
    env = dict(os.environ, PYTHONPATH=str(site), PYTHONDONTWRITEBYTECODE="1")
    env["XDG_CACHE_HOME"] = str(site / "cache")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False  # a mutant that hangs the tests is noticed
    return done.returncode == 0


def _try(mutant: Mutant, site: Path) -> bool:
    """Whether the tests kill ``mutant`` (in a package copy of its own)."""
    target = site / "kursk_pows" / "rules" / f"{mutant.module}.py"
    original = target.read_text(encoding="utf-8")
    target.write_text(mutant.source, encoding="utf-8")
    try:
        return not _run_tests(site)
    finally:
        target.write_text(original, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default=",".join(MODULES))
    parser.add_argument("--limit", type=int, default=0, help="at most N mutants per module")
    parser.add_argument(
        "--every", type=int, default=1, help="a deterministic sample: every Nth mutant of a module"
    )
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = parser.parse_args()
    chosen = [
        m for name in args.modules.split(",") for m in list(mutants(name))[: args.limit or None]
    ]
    with tempfile.TemporaryDirectory(prefix="kursk-pows-mutation-") as tmp:
        sites = [_package_copy(Path(tmp) / f"site{n}") for n in range(args.jobs)]
        if not _run_tests(sites[0]):
            print("the tests fail on the unmutated package; fix that first", file=sys.stderr)
            return 2
        began = time.perf_counter()
        results: list[tuple[Mutant, bool]] = []

        def work(job: int) -> None:
            for mutant in chosen[job :: args.jobs]:
                killed = _try(mutant, sites[job])
                results.append((mutant, killed))
                verdict = "killed  " if killed else "SURVIVED"
                print(f"{verdict} {mutant.module}.py:{mutant.line} {mutant.kind}", flush=True)

        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(work, range(args.jobs)))
    killed = sum(1 for _, k in results if k)
    share = 100 * killed / max(len(results), 1)
    elapsed = time.perf_counter() - began
    print(f"{killed}/{len(results)} mutants killed ({share:.1f}%) in {elapsed:.0f} s")
    if args.out:
        rows = [
            {"module": m.module, "line": m.line, "kind": m.kind, "killed": k} for m, k in results
        ]
        args.out.write_text(
            json.dumps(sorted(rows, key=lambda r: (r["module"], r["line"], r["kind"])), indent=1)
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
