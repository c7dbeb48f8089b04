"""The README's Analysis examples run as written: pandas, polars, DuckDB and datasette."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from serving import fetch, free_port

from kursk_pows.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _blocks(readme: str) -> list[tuple[str, str]]:
    section = readme.split("\n## Analysis\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(python|sh)\n(.*?)^```$", section, flags=re.M | re.S)


def _serve(line: str, cwd: Path) -> None:
    """Start the README's datasette command on a free port, search it, stop it."""
    port = free_port()
    words = shlex.split(line)
    datasette = str(Path(sys.executable).parent / words[0])
    process = subprocess.Popen(
        [datasette, *words[1:], "-p", str(port)], cwd=cwd, stderr=subprocess.DEVNULL
    )
    try:
        found = fetch(
            f"http://127.0.0.1:{port}/kursk-pows/evidence.json?_search=Kursk&_shape=array",
            time.monotonic() + 60,
        )
        assert found
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_analysis_examples_run(
    repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = _blocks((repo_root / "README.md").read_text(encoding="utf-8"))
    assert [kind for kind, _ in blocks] == [
        "python",
        "python",
        "sh",
        "python",
        "python",
        "python",
        "python",
        "python",
        "sh",
        "python",
        "sh",
        "python",
        "sh",
    ]
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    served = 0
    for kind, code in blocks:
        if kind == "python":
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(code, "README.md", "exec"), namespace)
            assert printed.getvalue().strip(), code
            continue
        for line in code.splitlines():
            if line.startswith("kursk-pows "):
                assert main(shlex.split(line)[1:]) == 0, line
            else:
                assert line.startswith("datasette "), line
                _serve(line, tmp_path)
                served += 1
    assert served == 1
