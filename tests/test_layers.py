"""The package's layers: imports point down, never up or sideways into a higher layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "validators"
LAYERS = [
    {"_version", "config", "issues", "coercions"},
    {"models"},
    {"records"},
    {"reading"},
    {"rules"},
    {"releases", "authoring"},
    {"tables"},
    {"analysis"},
    {"exports"},
    {"reports"},
    {"site"},
    {"cli", "__init__", "__main__"},
]
"""From the bottom up: a module may import its own layer's parts and anything below.  The
models sit at the bottom, under everything that reads or checks records."""


def _layer(top: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if top in names)


def _imports(path: Path, root: Path = SOURCE) -> list[tuple[str, int]]:
    """The top-level part of the package each relative import of ``path`` names, with its line."""
    package = list(path.relative_to(root).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = [*base, *(node.module.split(".") if node.module else [])]
            names = [alias.name for alias in node.names]
            found.extend((target[0] if target else name, node.lineno) for name in names)
    return found


MODULES = sorted(SOURCE.rglob("*.py"))


def test_every_part_has_a_layer() -> None:
    tops = {p.relative_to(SOURCE).with_suffix("").parts[0] for p in MODULES}
    assert tops == set().union(*LAYERS)


def _upward(path: Path, root: Path = SOURCE) -> list[tuple[str, int]]:
    own = _layer(path.relative_to(root).with_suffix("").parts[0])
    return sorted((top, line) for top, line in _imports(path, root) if _layer(top) > own)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_imports_point_down(path: Path) -> None:
    assert _upward(path) == []


def test_an_upward_import_is_seen(tmp_path: Path) -> None:
    module = tmp_path / "reading" / "bad.py"
    module.parent.mkdir()
    module.write_text(
        "from ..issues import Issue\n"
        "from . import jsonl\n"
        "def f():\n"
        "    from ..reports.render import render_text\n"
        "from .. import cli\n"
    )
    assert _upward(module, tmp_path) == [("cli", 5), ("reports", 4)]


IMPORTED = """
import json, sys
from kursk_pows.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""
HEAVY = (
    "pydantic.main",
    "kursk_pows.tables",
    "kursk_pows.exports",
    "kursk_pows.site",
    "kursk_pows.authoring",
    *(f"kursk_pows.cli.{name}" for name in ("release", "export", "site", "add_source", "quote")),
    "kursk_pows.cli.new",
)
"""What a validation needs none of: the models' machinery (the stored validators serve it),
the tables, the exporters, the site, the authoring tools, and the other commands' modules
(only the command being run has its arguments built)."""


def _imported(args: list[str], cache: Path) -> set[str]:
    import json
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", IMPORTED, *args],
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_validate_imports_only_what_it_needs(tmp_path: Path) -> None:
    assert not _imported(["validate", "--help"], tmp_path) & set(HEAVY)
    _imported(["validate", "--quiet"], tmp_path)  # the first run fills the schema cache
    loaded = _imported(["validate", "--quiet"], tmp_path)
    assert "kursk_pows.rules" in loaded  # it did validate
    assert not loaded & set(HEAVY)
