"""The mutants of a module: small changes to its logic, each one at a time.

The operators: a comparison flipped (``<`` and ``<=``, ``==`` and ``!=``, ``in`` and ``not in``,
``is`` and ``is not``) or an integer it compares with moved by one; ``and`` swapped for ``or``
or one operand dropped; an ``if`` or ``while`` condition negated; a returned ``True``/``False``
inverted; an ``append``, ``extend`` or ``yield`` statement removed.  ``if TYPE_CHECKING:``
blocks, ``__all__`` and ``RuleCode(...)`` texts are left alone: changing them changes no
behaviour (the first two) or only documentation (the third).
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "validators"

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
    """One change: the module (its path under ``validators/`` without ``.py``), where, what,
    and the whole changed source."""

    module: str
    line: int
    column: int
    kind: str
    source: str
    last_line: int = 0
    """The last line of the changed expression (a condition may span several)."""

    @property
    def lines(self) -> range:
        """The lines the changed expression spans: the tests that ran any of them reach it."""
        return range(self.line, max(self.line, self.last_line) + 1)

    @property
    def name(self) -> str:
        return f"{self.module}.py:{self.line}:{self.column} {self.kind}"


def modules(package: Path = PACKAGE) -> list[str]:
    """Every module of the package by its path relative to it, without ``.py``."""
    return sorted(p.relative_to(package).with_suffix("").as_posix() for p in package.rglob("*.py"))


def chosen(patterns: str, package: Path = PACKAGE) -> list[str]:
    """The modules named in a comma-separated list of module names or package prefixes
    (``analysis``, ``rules/values``); a name that matches nothing is an error."""
    every = modules(package)
    picked: list[str] = []
    for pattern in filter(None, (p.strip().strip("/") for p in patterns.split(","))):
        found = [m for m in every if m == pattern or m.startswith(pattern + "/")]
        if not found:
            raise SystemExit(f"no module matches {pattern!r}")
        picked += [m for m in found if m not in picked]
    return picked


def _reports(node: ast.stmt) -> bool:
    """An expression statement that appends or extends, or a ``yield``."""
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


def _changes(node: ast.AST, segment: str) -> Iterator[tuple[str, ast.AST, str]]:
    """The changes to one node: the kind, the node whose text is replaced, and the new text
    (``segment`` is the node's own source text)."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            if type(op) in _FLIPS:
                changed = copy.deepcopy(node)
                changed.ops[index] = _FLIPS[type(op)]()
                kind = f"{type(op).__name__}->{_FLIPS[type(op)].__name__}"
                yield kind, node, ast.unparse(changed)
        for index, operand in enumerate(node.comparators):
            if isinstance(operand, ast.Constant) and type(operand.value) is int:
                changed = copy.deepcopy(node)
                changed.comparators[index] = ast.Constant(operand.value + 1)
                yield "constant+1", node, ast.unparse(changed)
    elif isinstance(node, ast.BoolOp):
        swapped = copy.deepcopy(node)
        swapped.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield "and<->or", node, ast.unparse(swapped)
        for index in range(len(node.values)):
            rest = [v for i, v in enumerate(node.values) if i != index]
            dropped = rest[0] if len(rest) == 1 else ast.BoolOp(node.op, rest)
            yield f"drop operand {index}", node, ast.unparse(dropped)
    elif isinstance(node, ast.If | ast.While):
        yield "negate condition", node.test, f"not ({_segment_of(node.test, segment)})"
    elif isinstance(node, ast.Return) and isinstance(node.value, ast.Constant):
        if isinstance(node.value.value, bool):
            yield "invert returned bool", node.value, str(not node.value.value)
    elif isinstance(node, ast.stmt) and _reports(node):
        yield "drop report", node, "None"


def _left_alone(tree: ast.Module) -> set[int]:
    """The ids of the nodes no mutant touches: ``if TYPE_CHECKING:`` blocks, ``__all__``
    and ``RuleCode(...)`` calls, with everything inside them."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            roots.append(node)
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                roots.append(node)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RuleCode":
            roots.append(node)
    return {id(sub) for root in roots for sub in ast.walk(root)}


def _segment_of(node: ast.AST, source: str) -> str:
    text = ast.get_source_segment(source, node, padded=False)
    assert text is not None
    return text


def _offsets(text: str) -> list[int]:
    """The byte offset of the start of each line (1-based: index 0 is unused)."""
    starts, total = [0, 0], 0
    for line in text.encode("utf-8").splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def _replaced(text: str, starts: list[int], node: ast.AST, new: str) -> str:
    """``text`` with the source of ``node`` replaced by ``new`` in parentheses, padded with
    line breaks so every later line keeps its number."""
    raw = text.encode("utf-8")
    begin = starts[node.lineno] + node.col_offset  # type: ignore[attr-defined]
    end = starts[node.end_lineno] + node.end_col_offset  # type: ignore[attr-defined]
    breaks = "\n" * (node.end_lineno - node.lineno - new.count("\n"))  # type: ignore[attr-defined]
    return (raw[:begin] + f"({new}{breaks})".encode() + raw[end:]).decode("utf-8")


def mutants_of_source(module: str, text: str) -> Iterator[Mutant]:
    """Every mutant of one module's source text, in the order of a walk of its tree; only
    the changed node's text differs, and every line keeps its number."""
    tree = ast.parse(text)
    skip = _left_alone(tree)
    starts = _offsets(text)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        for kind, target, new in _changes(node, text):
            line, column = getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
            source = _replaced(text, starts, target, new)
            yield Mutant(module, line, column, kind, source, getattr(target, "end_lineno", line))


def mutants(module: str, package: Path = PACKAGE) -> Iterator[Mutant]:
    """Every mutant of ``validators/MODULE.py``."""
    text = (package / f"{module}.py").read_text(encoding="utf-8")
    return mutants_of_source(module, text)
