"""A pytest plugin for the coverage run: each test's lines are recorded under its node id.

Lines run in the test process are switched to the node id with ``Coverage.switch_context``;
processes a test starts are measured through coverage's ``patch = subprocess``, whose
configuration travels in ``COVERAGE_PROCESS_CONFIG`` (base64 JSON): it is rewritten before each
test with the node id as the static context.  Each test's duration is written to the JSON file
named by ``KURSK_MUTATION_DURATIONS``, so the mutation run can try the fastest tests first.
"""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Iterator

import coverage
import pytest

_durations: dict[str, float] = {}


def _switch(context: str) -> None:
    running = coverage.Coverage.current()
    if running is not None:
        running.switch_context(context)
    carried = os.environ.get("COVERAGE_PROCESS_CONFIG")
    if carried:
        config = json.loads(base64.b64decode(carried))
        config["context"] = context
        os.environ["COVERAGE_PROCESS_CONFIG"] = base64.b64encode(
            json.dumps(config).encode()
        ).decode()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    _switch(item.nodeid)
    began = time.perf_counter()
    try:
        return (yield)
    finally:
        _durations[item.nodeid] = time.perf_counter() - began
        _switch("")


def pytest_sessionfinish() -> None:
    target = os.environ.get("KURSK_MUTATION_DURATIONS")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(_durations, out)
