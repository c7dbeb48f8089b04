"""The release's sdist and wheel, built as the release builds them: ``python -m build`` (no
isolation: setuptools comes from the test extra) from a clean copy of this checkout, so that a
stale ``build/`` folder cannot leak into the wheel.

When ``KURSK_POWS_DIST`` names a directory, the distributions there are used instead:
``.ci/run`` builds them once (``python tests/dists.py DIR``) for the suite and its wheel step,
and the release workflow tests the ones it is about to publish."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from checkouts import IGNORE

REPO = Path(__file__).resolve().parent.parent


def build(out: Path, scratch: Path) -> Path:
    """The sdist and the wheel of this checkout, built in ``out`` from a copy in ``scratch``."""
    tree = scratch / "kursk-pows"
    shutil.copytree(REPO, tree, ignore=IGNORE)
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(tree)
    return out


def distributions(out: Path, scratch: Path) -> Path:
    """The directory of ``KURSK_POWS_DIST`` when set, or a fresh :func:`build`."""
    if given := os.environ.get("KURSK_POWS_DIST"):
        return Path(given).resolve()
    return build(out, scratch)


if __name__ == "__main__":
    import tempfile

    if len(sys.argv) != 2:
        sys.exit("usage: python tests/dists.py OUT_DIR")
    with tempfile.TemporaryDirectory() as scratch:
        build(Path(sys.argv[1]), Path(scratch))
