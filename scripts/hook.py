"""Run this checkout's ``kursk-pows`` without installing it: the pre-commit hooks' entry point.

pre-commit gives each hook an environment of its own and never installs the repository it
checks, so the repository's own hooks run this script there, with pydantic the one dependency
(``additional_dependencies``): the package is imported from ``validators/`` as ``kursk_pows``
and the command line runs as ``kursk-pows`` would.  No virtual environment needs activating.

usage: python scripts/hook.py COMMAND [ARGS...]   (e.g. validate dataset)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def load_package() -> None:
    """Import the checkout's package as ``kursk_pows`` (unless one is imported already)."""
    if "kursk_pows" in sys.modules:
        return
    source = CHECKOUT / "validators"
    spec = importlib.util.spec_from_file_location(
        "kursk_pows", source / "__init__.py", submodule_search_locations=[str(source)]
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"kursk-pows: no package at {source}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["kursk_pows"] = module
    spec.loader.exec_module(module)


def main(argv: list[str]) -> int:
    load_package()
    from kursk_pows.cli import main as run

    status: int = run(argv)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
