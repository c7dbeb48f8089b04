"""The derived tables ``propositions`` and ``support`` count as Dataset.support and DATASHEET do."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import kursk_pows
from kursk_pows.tables import rows


@pytest.fixture(scope="module", params=[False, True], ids=["active", "with-retracted"])
def dataset(request: pytest.FixtureRequest) -> kursk_pows.Dataset:
    return kursk_pows.load(include_retracted=request.param)


def _grouped(dataset: kursk_pows.Dataset) -> dict[str, dict[str, set[str]]]:
    """Per proposition, the distinct sources, claimants and outlets of its support rows: what a
    GROUP BY proposition gives."""
    found: dict[str, dict[str, set[str]]] = {}
    for row in dataset.rows("support"):
        mine = found.setdefault(
            row["proposition"],
            {"source": set(), "claimant": set(), "outlet": set(), "report": set()},
        )
        mine["source"].add(row["source"])
        mine["claimant"].add(row["claimant"])
        mine["outlet"].add(row["outlet"])
        mine["report"].add(row["source"] + " " + row["claimant"])
    return found


def test_each_propositions_counts_are_its_support_rows_grouped(
    dataset: kursk_pows.Dataset,
) -> None:
    grouped = _grouped(dataset)
    table = {row["id"]: row for row in dataset.rows("propositions")}
    assert set(grouped) == set(table) == set(dataset.propositions)
    for pid, row in table.items():
        mine = grouped[pid]
        assert (row["reports"], row["articles"], row["origins"], row["outlets"]) == (
            len(mine["report"]),
            len(mine["source"]),
            len(mine["claimant"]),
            len(mine["outlet"]),
        ), pid


def test_support_rows_name_a_claim_of_the_proposition_that_gives_the_report(
    dataset: kursk_pows.Dataset,
) -> None:
    table = dataset.rows("support")
    assert len({(r["proposition"], r["source"], r["claimant"]) for r in table}) == len(table)
    for row in table:
        giver = dataset.claims[row["claim"]]
        assert giver.proposition == row["proposition"]
        assert giver.claimed_by == row["claimant"]
        assert row["source"] in {e.source for e in giver.evidence}


def test_every_claim_is_in_the_proposition_table(dataset: kursk_pows.Dataset) -> None:
    ids = {row["id"] for row in dataset.rows("propositions")}
    assert {row["proposition"] for row in dataset.rows("claims")} == ids


def _datasheet_counts() -> dict[int, tuple[int, int]]:
    section = kursk_pows.datasheet().split("## Who stands behind a proposition", 1)[1]
    section = section.split("\n## ", 1)[0]
    found = re.findall(r"^\| (\d+) \| (\d+) \| (\d+) \|$", section, re.M)
    return {int(n): (int(a), int(o)) for n, a, o in found}


def test_active_propositions_counted_from_the_table_match_the_datasheet(
    dataset: kursk_pows.Dataset,
) -> None:
    live = [r for r in dataset.rows("propositions") if r["status"] == "active"]
    by_articles = Counter(r["articles"] for r in live)
    by_origins = Counter(r["origins"] for r in live)
    expected = _datasheet_counts()
    assert expected
    assert {n: (by_articles[n], by_origins[n]) for n in expected} == expected
    assert set(by_articles) | set(by_origins) <= set(expected)


def test_a_derived_table_needs_its_builder() -> None:
    with pytest.raises(ValueError, match=r"Dataset\.rows"):
        rows({}, "support")
