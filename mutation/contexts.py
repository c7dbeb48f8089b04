"""A pytest plugin for the coverage run: each test's lines are recorded under its node id.

Lines run in the test process are switched to the node id with ``Coverage.switch_context``;
processes a test starts are measured through coverage's ``patch = subprocess``, whose
configuration travels in ``COVERAGE_PROCESS_CONFIG`` (base64 JSON): it is rewritten before each
test with the node id as the static context.  Each test's duration is written to the JSON file
named by ``KURSK_MUTATION_DURATIONS``, so the mutation run can try the fastest tests first.

A fixture shared by several tests (module or session scope) is set up once, in the first test
that asks for it; its lines are recorded under ``fixture:<its key>`` instead, and the file
named by ``KURSK_MUTATION_FIXTURES`` says which tests use each such fixture, so that every one
of them counts as running those lines (their assertions are what a mutant there must pass).
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
_users: dict[str, list[str]] = {}
"""A shared fixture's key -> the node ids of the tests that use it."""
_current = [""]
"""The context of the test running now."""


def fixture_key(fixturedef: pytest.FixtureDef[object]) -> str:
    return f"fixture:{fixturedef.baseid}::{fixturedef.argname}"


def _shared(item: pytest.Item) -> list[str]:
    """The keys of the fixtures above function scope that ``item`` uses (directly or not)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return []
    keys = []
    for name in getattr(item, "fixturenames", ()):
        defs = info.name2fixturedefs.get(name)
        if defs and defs[-1].scope != "function":
            keys.append(fixture_key(defs[-1]))
    return keys


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
    for key in _shared(item):
        _users.setdefault(key, []).append(item.nodeid)
    _current[0] = item.nodeid
    _switch(item.nodeid)
    began = time.perf_counter()
    try:
        return (yield)
    finally:
        _durations[item.nodeid] = time.perf_counter() - began
        _current[0] = ""
        _switch("")


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[object]) -> Iterator[object]:
    shared = fixturedef.scope != "function"
    if shared:
        _switch(fixture_key(fixturedef))
    try:
        return (yield)
    finally:
        if shared:
            _switch(_current[0])


def pytest_sessionfinish() -> None:
    target = os.environ.get("KURSK_MUTATION_DURATIONS")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(_durations, out)
    target = os.environ.get("KURSK_MUTATION_FIXTURES")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(_users, out)
