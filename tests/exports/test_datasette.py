"""The SQLite export served by datasette on localhost: licensed, described, searchable."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import kursk_pows
from kursk_pows.exports import export


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, deadline: float) -> Any:
    """The JSON at ``url``, retrying until the server answers or ``deadline`` passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def serve(database: Path, metadata: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    datasette = Path(sys.executable).parent / "datasette"
    command = [str(datasette), "serve", str(database), "-m", str(metadata), "-p", str(port)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("datasette") / "db"
    export(kursk_pows.load(include_retracted=True), out, "sqlite", "1.2.3")
    process, port = serve(out / "kursk-pows.db", out / "metadata.json")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_served_search_finds_the_quotes(server: str) -> None:
    deadline = time.monotonic() + 60
    url = f"{server}/kursk-pows/evidence.json?_search=Pyongyang&_shape=array&_size=max"
    found = fetch(url, deadline)
    expected = [r for r in kursk_pows.load().rows("evidence") if "Pyongyang" in r["quote"]]
    assert expected
    assert sorted((r["record"], r["position"]) for r in found) == sorted(
        (r["record"], r["position"]) for r in expected
    )


def test_served_copy_is_licensed_and_described(server: str) -> None:
    meta = fetch(f"{server}/-/metadata.json", time.monotonic() + 60)
    assert meta["license"] == "CC-BY-4.0"
    assert "quote" in meta["databases"]["kursk-pows"]["tables"]["evidence"]["columns"]
    claims = fetch(
        f"{server}/kursk-pows/claims.json?status=active&_shape=array&_size=max",
        time.monotonic() + 60,
    )
    assert len(claims) == len(kursk_pows.load().claims)
