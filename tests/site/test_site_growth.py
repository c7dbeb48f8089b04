"""The site grows linearly on the shapes that once made it quadratic.

A group with many members and many claims about it once repeated every group claim on every
member's page, and one claim contradicted by many others repeated that claim's full card in
every pair.  Doubling both kinds of record must at most multiply the site's size by 2.3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec, claim
from kursk_pows.site import build_site

GROWTH = 2.3


def _count_claim(n: int) -> dict[str, object]:
    """A claim that the group numbers n + 10, in the test article's own voice."""
    value = {"type": "quantity", "qualifier": "exact", "nominal": n + 10}
    return claim(f"claim:g.n{n:05d}", "group:soldiers", "deployed-count", value, "Two soldiers")


def _members_and_group_claims(k: int) -> DatasetSpec:
    """k more members of the group of soldiers, and k claims about the group."""
    spec = DatasetSpec()
    group = spec.one("group:soldiers")
    for n in range(k):
        spec.records["entity"].append({"id": f"person:m{n:05d}", "type": "person", "name": "m"})
        group["members"].append(f"person:m{n:05d}")
        spec.records["claim"].append(_count_claim(n))
    return spec


def _contradiction_star(k: int) -> DatasetSpec:
    """k claims about the group, each contradicting the first of them."""
    spec = DatasetSpec()
    for n in range(k):
        made = _count_claim(n)
        if n:
            made["links"] = [{"type": "contradicts", "claim": "claim:g.n00000"}]
        spec.records["claim"].append(made)
    return spec


def _size(spec: DatasetSpec, root: Path) -> int:
    dataset = kursk_pows.load(spec.write(root / "data"), include_retracted=True)
    files = build_site(dataset, root / "site", "9.9.9")
    return sum(path.stat().st_size for path in files)


@pytest.mark.parametrize("shape", [_members_and_group_claims, _contradiction_star])
def test_the_site_grows_linearly(shape: object, tmp_path: Path) -> None:
    make = shape  # type: ignore[assignment]
    small = _size(make(40), tmp_path / "small")  # type: ignore[operator]
    large = _size(make(80), tmp_path / "large")  # type: ignore[operator]
    assert large <= GROWTH * small
