"""The support table and support() grow linearly in the data, whatever its shape.

Before propositions, a chain of k corroborating claims gave k * k support rows.  These shapes
are the adversarial ones: one proposition stated by many claimants, long chains and cycles of
links, and a star of links on one claim.  Doubling the input must at most multiply the rows and
the memory used by 2.3 (counted, not timed).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import kursk_pows
from factory import DatasetSpec, claim
from kursk_pows.analysis.propositions import build_propositions, outlet_index, support_rows
from kursk_pows.analysis.support import link_index

GROWTH = 2.3


def _claim(n: int, proposition: str, links: list[tuple[str, str]]) -> Any:
    return SimpleNamespace(
        id=f"claim:c{n:06d}",
        proposition=proposition,
        subject="person:x",
        predicate="predicate:p",
        value=SimpleNamespace(type="text", text=proposition),
        status="active",
        retraction=None,
        claimed_by=f"person:p{n:06d}",
        evidence=[SimpleNamespace(source=f"source:s{n % 7}"), SimpleNamespace(source="source:s")],
        links=[SimpleNamespace(type=t, claim=c, note=None) for t, c in links],
    )


def _one_proposition(k: int) -> dict[str, Any]:
    """k claimants of one proposition, each linked to the previous claim (a chain)."""
    return {
        c.id: c
        for c in (
            _claim(n, "proposition:one", [("refines", f"claim:c{n - 1:06d}")] if n else [])
            for n in range(k)
        )
    }


def _cycle(k: int) -> dict[str, Any]:
    """k propositions whose claims refine the next one round a cycle."""
    return {
        c.id: c
        for c in (
            _claim(n, f"proposition:p{n}", [("refines", f"claim:c{(n + 1) % k:06d}")])
            for n in range(k)
        )
    }


def _star(k: int) -> dict[str, Any]:
    """One claim contradicted by k others, all of one proposition pair."""
    return {
        c.id: c
        for c in (
            _claim(n, f"proposition:p{n % 2}", [("contradicts", "claim:c000000")] if n else [])
            for n in range(k)
        )
    }


SHAPES: dict[str, Callable[[int], dict[str, Any]]] = {
    "one proposition, many claimants, chained": _one_proposition,
    "a cycle of refinements": _cycle,
    "a star of contradictions": _star,
}


def _measure(claims: dict[str, Any]) -> tuple[int, int]:
    """Rows of the support table and peak memory while building them and the links' index."""
    tracemalloc.start()
    try:
        rows = list(support_rows(build_propositions(claims), claims, outlet_index({})))
        link_index(claims)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return len(rows), peak


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_support_grows_linearly(shape: str) -> None:
    small_rows, small_memory = _measure(SHAPES[shape](1000))
    large_rows, large_memory = _measure(SHAPES[shape](2000))
    assert small_rows > 0
    assert large_rows <= GROWTH * small_rows
    assert large_memory <= GROWTH * small_memory


def _many_claimants(k: int, tmp_path: Path) -> Path:
    """The minimal dataset with k more claimants stating that soldier a is a sniper."""
    spec = DatasetSpec()
    for n in range(k):
        spec.records["entity"].append({"id": f"person:w{n:05d}", "type": "person", "name": "w"})
        made = claim(
            f"claim:w.r{n:05d}",
            "person:soldier-a",
            "military-role",
            {"type": "text", "text": "sniper"},
            "as a sniper",
        )
        made.update(proposition="proposition:a.role", claimed_by=f"person:w{n:05d}")
        if n:
            made["links"] = [{"type": "contradicts", "claim": "claim:a.age"}]
        spec.records["claim"].append(made)
    return spec.write(tmp_path / f"ds{k}")


def test_the_support_table_of_a_valid_dataset_has_a_row_per_report(tmp_path: Path) -> None:
    sizes = {}
    for k in (100, 200):
        ds = kursk_pows.load(_many_claimants(k, tmp_path))
        sizes[k] = len(ds.rows("support"))
        assert len(ds.support("proposition:a.role").reports) == k + 1
    assert sizes[200] <= GROWTH * sizes[100]
