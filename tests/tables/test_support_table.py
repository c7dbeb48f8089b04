"""The derived ``support`` table counts independent articles as Dataset.support and DATASHEET do."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import kursk_pows
from kursk_pows.tables import rows


@pytest.fixture(scope="module", params=[False, True], ids=["active", "with-retracted"])
def dataset(request: pytest.FixtureRequest) -> kursk_pows.Dataset:
    return kursk_pows.load(include_retracted=request.param)


def _articles(dataset: kursk_pows.Dataset) -> dict[str, int]:
    """Distinct sources per claim in the table: what a GROUP BY claim gives."""
    sources: dict[str, set[str]] = {}
    for row in dataset.rows("support"):
        sources.setdefault(row["claim"], set()).add(row["source"])
    return {claim: len(found) for claim, found in sources.items()}


def test_each_claims_count_is_its_independent_articles(dataset: kursk_pows.Dataset) -> None:
    counted = _articles(dataset)
    assert set(counted) == set(dataset.claims)
    for claim_id, articles in counted.items():
        assert articles == dataset.support(claim_id).independent_articles, claim_id


def test_the_rows_are_the_reports_of_support(dataset: kursk_pows.Dataset) -> None:
    found: dict[str, list[tuple[str, str, str]]] = {}
    for row in dataset.rows("support"):
        found.setdefault(row["claim"], []).append(
            (row["source"], row["claimant"], row["supplied_by"])
        )
    for claim_id in dataset.claims:
        behind = dataset.support(claim_id)
        expected = [(*r, s) for r, s in zip(behind.reports, behind.supplied_by, strict=True)]
        assert found[claim_id] == expected


def _datasheet_counts() -> dict[int, int]:
    section = kursk_pows.datasheet().split("## How many articles stand behind a claim", 1)[1]
    section = section.split("\n## ", 1)[0]
    return {int(n): int(c) for n, c in re.findall(r"^\| (\d+) \| (\d+) \|$", section, re.M)}


def test_active_claims_counted_from_the_table_match_the_datasheet(
    dataset: kursk_pows.Dataset,
) -> None:
    active = {c for c, claim in dataset.claims.items() if claim.status == "active"}
    counted = Counter(n for claim, n in _articles(dataset).items() if claim in active)
    expected = _datasheet_counts()
    assert expected
    assert dict(counted) == expected


def test_a_derived_table_needs_its_builder() -> None:
    with pytest.raises(ValueError, match=r"Dataset\.rows"):
        rows({}, "support")
