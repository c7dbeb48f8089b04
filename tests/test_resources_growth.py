"""``load()``, ``export`` and ``site`` grow linearly on the shapes valid data can take at its
worst: a long chain of links, a star of claims contradicting one claim, a group with many
members, one proposition stated by many claimants.

Each shape is built at 1x, 2x and 4x its size and run in a separate process under the memory
limit of tests/test_resources.py.  The process measures its own peak of Python allocations
(``tracemalloc``, which does not depend on the machine's load) and the bytes the export wrote.
Linear growth doubles the increase from 2x to 4x over the one from 1x to 2x; quadratic growth
quadruples it.  (One proposition stated by k claimants is the shape whose ``support`` table grew
with k * k before propositions.)
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factory import TEXT, DatasetSpec, claim, evidence, predicate

MEMORY_LIMIT = 1 << 30
"""Address space allowed to each run, as in tests/test_resources.py: 1 GiB."""
BASE = 150
"""The size of each shape at 1x: links, contradicting claims or members."""
AT_MOST = 2.5
"""The largest accepted ratio of the increase from 2x to 4x to the one from 1x to 2x."""

CHILD = r"""
import json, sys, tracemalloc
from pathlib import Path
import kursk_pows
from kursk_pows.records.compiled import view_types

command, root, out = sys.argv[1:4]
view_types()  # the validators, from the schema cache or the models, before measuring
if command == "load":
    tracemalloc.start()
    kursk_pows.load(root, include_retracted=True)
    size = 0
else:  # what export or site adds to a loaded dataset (load's own growth is measured above)
    from kursk_pows.exports import export
    from kursk_pows.site import build_site

    def write(into):
        if command == "export":
            export(dataset, into, "csv", "1.0.0")
        else:
            build_site(dataset, into, "1.0.0")

    dataset = kursk_pows.load(root, include_retracted=True)
    write(out + "-warm")  # imports, templates and caches: the same at every size
    tracemalloc.start()
    write(out)
    size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
print(json.dumps({"peak": tracemalloc.get_traced_memory()[1], "size": size}))
"""


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _sentences(spec: DatasetSpec, words: list[str]) -> str:
    """Add one sentence per word to the source text; return the text."""
    text = TEXT + " " + " ".join(f"Witness {n} called him {w}." for n, w in enumerate(words))
    data = text.encode("utf-8")
    spec.texts["sources/test.txt"] = data
    spec.one("source:test-article")["sha256"] = hashlib.sha256(data).hexdigest()
    spec.records["predicate"].append(predicate("described-as", "text", ["person"], False))
    return text


def _described(n: int, word: str, text: str, **extra: Any) -> dict[str, Any]:
    record = claim(
        f"claim:a.called-{n}",
        "person:soldier-a",
        "described-as",
        {"type": "text", "text": word},
        "as a sniper",
        **extra,
    )
    record["evidence"] = [evidence(f"Witness {n} called him {word}.", text)]
    return record


def _chain(spec: DatasetSpec, size: int) -> None:
    """``size`` claims, each refining the one before it."""
    words = [f"name-{n}" for n in range(size)]
    text = _sentences(spec, words)
    for n, word in enumerate(words):
        links = [{"type": "refines", "claim": f"claim:a.called-{n - 1}"}] if n else []
        spec.records["claim"].append(_described(n, word, text, links=links))


def _star(spec: DatasetSpec, size: int) -> None:
    """One claim, and ``size`` claims with other values that each contradict it."""
    words = [f"name-{n}" for n in range(size + 1)]
    text = _sentences(spec, words)
    spec.records["claim"].append(_described(0, words[0], text))
    for n, word in enumerate(words[1:], 1):
        links = [{"type": "contradicts", "claim": "claim:a.called-0"}]
        spec.records["claim"].append(_described(n, word, text, links=links))


def _members(spec: DatasetSpec, size: int) -> None:
    """A group of ``size`` people, with the claims about the group the factory has."""
    people = [f"person:member-{n}" for n in range(size)]
    spec.records["entity"].extend(
        {"id": person, "type": "person", "name": f"member {n}"} for n, person in enumerate(people)
    )
    spec.one("group:soldiers")["members"] = [
        "person:soldier-a",
        "person:soldier-b",
        *people,
    ]


def _one_proposition(spec: DatasetSpec, size: int) -> None:
    """``size`` claimants stating one proposition, each in a sentence of its own."""
    words = ["a sniper"] * size
    text = _sentences(spec, words)
    for n, word in enumerate(words):
        record = _described(n, word, text)
        person = f"person:witness-{n}"
        spec.records["entity"].append({"id": person, "type": "person", "name": f"witness {n}"})
        record.update(proposition="proposition:a.called-sniper", claimed_by=person)
        spec.records["claim"].append(record)


SHAPES: dict[str, Callable[[DatasetSpec, int], None]] = {
    "one proposition, many claimants": _one_proposition,
    "a chain of refines links": _chain,
    "a star of contradicting claims": _star,
    "a group with many members": _members,
}


def _measure(command: str, root: Path, out: Path) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, command, str(root), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    measured: dict[str, int] = json.loads(done.stdout.splitlines()[-1])  # after "wrote ..."
    return measured


def _growth(figures: list[int]) -> float:
    """The increase from 2x to 4x over the increase from 1x to 2x."""
    one, two, four = figures
    assert one < two < four, figures
    return (four - two) / (two - one)


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize(
    "command",
    # the site of the 4x shapes takes minutes: run on purpose (tests/site/test_site_growth.py
    # checks its size by default, at 1x and 2x)
    ["load", "export", pytest.param("site", marks=pytest.mark.slow)],
)
def test_growth_is_linear(command: str, shape: str, tmp_path: Path) -> None:
    measured = []
    for times in (1, 2, 4):
        spec = DatasetSpec()
        SHAPES[shape](spec, BASE * times)
        root = spec.write(tmp_path / f"ds-{times}")
        measured.append(_measure(command, root, tmp_path / f"out-{times}"))
    assert _growth([m["peak"] for m in measured]) <= AT_MOST
    if command != "load":
        assert _growth([m["size"] for m in measured]) <= AT_MOST
