"""links_of shows every link from both ends; support counts the reports behind a claim."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kursk_pows
from kursk_pows.analysis.support import SEEN_FROM_TARGET, link_index, support, support_rows
from kursk_pows.reading.locations import bundled

IDS = [f"claim:c{n}" for n in range(5)]
SOURCES = ["source:a", "source:b", "source:c"]


def _claim(
    claim_id: str,
    claimant: str,
    sources: list[str],
    links: list[tuple[str, str]],
    status: str = "active",
) -> Any:
    return SimpleNamespace(
        id=claim_id,
        status=status,
        claimed_by=claimant,
        evidence=[SimpleNamespace(source=s) for s in sources],
        links=[SimpleNamespace(type=t, claim=c, note=None) for t, c in links],
    )


claim_sets = st.builds(
    lambda rows: {
        cid: _claim(cid, claimant, sources, links, status)
        for cid, (claimant, sources, links, status) in zip(IDS, rows, strict=False)
    },
    st.lists(
        st.tuples(
            st.sampled_from(["person:x", "org:y", "source:a"]),
            st.lists(st.sampled_from(SOURCES), min_size=1, max_size=3),
            st.lists(
                st.tuples(st.sampled_from(sorted(SEEN_FROM_TARGET)), st.sampled_from(IDS)),
                max_size=3,
            ),
            st.sampled_from(["active", "active", "retracted"]),
        ),
        min_size=1,
        max_size=5,
    ),
)


@given(claim_sets)
def test_every_stored_link_is_seen_from_both_ends(claims: dict[str, Any]) -> None:
    index = link_index(claims)
    stored = sum(len(c.links) for c in claims.values())
    assert sum(len(v) for v in index.values()) == 2 * stored
    for claim in claims.values():
        for link in claim.links:
            assert any(x.kind == link.type and x.claim == link.claim for x in index[claim.id])
            back = SEEN_FROM_TARGET[link.type]
            assert any(x.kind == back and x.claim == claim.id for x in index[link.claim])


def _corroboration_groups(claims: dict[str, Any]) -> dict[str, set[str]]:
    """Each claim's group of claims joined by corroborates links between active claims
    (union-find); a retracted claim is a group of its own."""
    parent = {claim_id: claim_id for claim_id in claims}

    def root(claim_id: str) -> str:
        while parent[claim_id] != claim_id:
            claim_id = parent[claim_id]
        return claim_id

    active = {c.id for c in claims.values() if c.status == "active"}
    for claim in claims.values():
        for link in claim.links:
            if link.type == "corroborates" and {claim.id, link.claim} <= active:
                parent[root(claim.id)] = root(link.claim)
    return {c: {o for o in claims if root(o) == root(c)} for c in claims}


@given(claim_sets)
def test_support_counts_the_articles_of_every_claim_corroborating_along_a_chain(
    claims: dict[str, Any],
) -> None:
    index = link_index(claims)
    groups = _corroboration_groups(claims)
    for claim_id in claims:
        found = support(claims, index, claim_id)
        assert set(found.corroborating) == groups[claim_id] - {claim_id}
        sources = {e.source for c in groups[claim_id] for e in claims[c].evidence}
        assert found.independent_articles == len(sources)
        assert set(found.articles) == sources
        reports = {
            (e.source, claims[c].claimed_by) for c in groups[claim_id] for e in claims[c].evidence
        }
        assert set(found.reports) == reports
        for (source, claimant), supplier in zip(found.reports, found.supplied_by, strict=True):
            suppliers = sorted(
                c
                for c in groups[claim_id]
                if claims[c].claimed_by == claimant
                and any(e.source == source for e in claims[c].evidence)
            )
            own = claim_id in suppliers
            assert supplier == (claim_id if own else suppliers[0])


@given(claim_sets)
def test_the_support_table_lists_each_report_once_with_the_claim_giving_it(
    claims: dict[str, Any],
) -> None:
    index = link_index(claims)
    rows = support_rows(claims, index)
    keys = [(r["claim"], r["source"], r["claimant"]) for r in rows]
    assert keys == sorted(set(keys))
    for claim_id in claims:
        found = support(claims, index, claim_id)
        own = [r for r in rows if r["claim"] == claim_id]
        assert [(r["source"], r["claimant"]) for r in own] == list(found.reports)
        assert len({r["source"] for r in own}) == found.independent_articles
        for row in own:
            assert row["supplied_by"] in (claim_id, *found.corroborating)
            giver = claims[row["supplied_by"]]
            assert giver.claimed_by == row["claimant"]
            assert any(e.source == row["source"] for e in giver.evidence)


def test_a_chain_of_corroborations_counts_the_same_from_each_end() -> None:
    claims = {
        "claim:c0": _claim("claim:c0", "person:x", ["source:a"], [("corroborates", "claim:c1")]),
        "claim:c1": _claim("claim:c1", "org:y", ["source:b"], [("corroborates", "claim:c2")]),
        "claim:c2": _claim("claim:c2", "source:c", ["source:c"], [("refines", "claim:c3")]),
        "claim:c3": _claim("claim:c3", "org:y", ["source:a", "source:b"], []),
    }
    index = link_index(claims)
    for end in ("claim:c0", "claim:c1", "claim:c2"):
        assert support(claims, index, end).articles == ("source:a", "source:b", "source:c")
    assert support(claims, index, "claim:c0").corroborating == ("claim:c1", "claim:c2")
    assert support(claims, index, "claim:c3").corroborating == ()


def test_a_retracted_claim_lends_no_evidence_and_borrows_none() -> None:
    claims = {
        "claim:c0": _claim("claim:c0", "person:x", ["source:a"], [("corroborates", "claim:c1")]),
        "claim:c1": _claim(
            "claim:c1", "org:y", ["source:b"], [("corroborates", "claim:c2")], "retracted"
        ),
        "claim:c2": _claim("claim:c2", "org:y", ["source:c"], []),
    }
    index = link_index(claims)
    assert support(claims, index, "claim:c0").articles == ("source:a",)
    assert support(claims, index, "claim:c1").reports == (("source:b", "org:y"),)
    assert support(claims, index, "claim:c2").corroborating == ()


def test_active_claims_count_alike_with_or_without_the_retracted_ones() -> None:
    active = kursk_pows.load()
    every = kursk_pows.load(include_retracted=True)
    assert set(every.claims) > set(active.claims)
    for claim_id in active.claims:
        assert every.support(claim_id) == active.support(claim_id)


def test_the_bundled_split_claims_support_each_other_from_two_articles() -> None:
    ds = kursk_pows.load()
    found = ds.support("claim:sbu-video-release.shows")
    assert found.corroborating == ("claim:sbu-video-release.shows-footage-and-photographs",)
    assert found.independent_articles == 2
    kinds = {(x.kind, x.claim) for x in ds.links_of("claim:sbu-video-release.shows")}
    assert ("corroborated-by", "claim:sbu-video-release.shows-footage-and-photographs") in kinds


EDITED = {"manifest-mismatch", "line-not-canonical"}
"""What any hand edit of a copy causes: not what these tests are about."""


def _bundled_copy(tmp_path: Path) -> Path:
    root = tmp_path / "ds"
    shutil.copytree(bundled("dataset"), root)
    return root


def _edit_claim(root: Path, claim_id: str, edit: Any) -> None:
    path = root / "claims.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        record = json.loads(line)
        if record["id"] == claim_id:
            edit(record)
            lines[n] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_self_corroboration_put_back_is_caught(tmp_path: Path) -> None:
    root = _bundled_copy(tmp_path)
    _edit_claim(
        root,
        "claim:nis.statement-continue-sharing",
        lambda r: r.setdefault("links", []).append(
            {
                "type": "corroborates",
                "claim": "claim:nis.continue-working-with-sbu-sharing-information",
            }
        ),
    )
    report = kursk_pows.validate(root)
    found = [(i.code, i.record) for i in report.issues if i.code not in EDITED]
    # the NIS's statement and the proposition it states: one sentence, and one claimant
    assert found == [
        ("link-same-claimant", "claim:nis.statement-continue-sharing"),
        ("link-same-evidence", "claim:nis.statement-continue-sharing"),
    ]


def test_another_articles_evidence_put_back_under_an_own_voice_is_caught(tmp_path: Path) -> None:
    root = _bundled_copy(tmp_path)
    borrowed: list[Any] = []
    _edit_claim(
        root,
        "claim:sbu-video-release.shows-footage-and-photographs",
        lambda r: borrowed.extend(r["evidence"]),
    )
    _edit_claim(root, "claim:sbu-video-release.shows", lambda r: r["evidence"].extend(borrowed))
    report = kursk_pows.validate(root)
    found = [(i.code, i.record) for i in report.issues if i.code not in EDITED]
    assert found == [
        ("claimant-source-evidence", "claim:sbu-video-release.shows"),
        ("link-same-evidence", "claim:sbu-video-release.shows-footage-and-photographs"),
    ]


def _link_to(target: str, kind: str = "corroborates") -> Any:
    return lambda r: r.setdefault("links", []).append({"type": kind, "claim": target})


def _drop_hedge(record: dict[str, Any]) -> None:
    for item in record["evidence"]:
        item.pop("hedge", None)


PUT_BACK = {
    "issue 12, class 4: the NIS's statement counted as confirming what it states": (
        "claim:nis.statement-initially-believed-training",
        _link_to("claim:captured-soldiers.belief-training-nis"),
        [("link-same-evidence", "claim:nis.statement-initially-believed-training")],
    ),
    "issue 12, class 4: Putin's denial counted as confirming the Kremlin's": (
        "claim:north-korean-forces-in-russia.combat-involvement-putin-denial",
        _link_to("claim:north-korean-forces-in-russia.combat-involvement-kremlin-denial"),
        [
            (
                "link-same-evidence",
                "claim:north-korean-forces-in-russia.combat-involvement-putin-denial",
            )
        ],
    ),
    "class 7: 000's 'reportedly' dropped from its own voice": (
        "claim:pow-born-1999.injury-jaw-reuters-pap",
        _drop_hedge,
        [("attribution-not-recorded", "claim:pow-born-1999.injury-jaw-reuters-pap")],
    ),
    "verification: one prisoner's wordings counted as agreeing": (
        "claim:pow-born-2005.told-going-for-training",
        lambda r: r.update(
            links=[{"type": "corroborates", "claim": "claim:pow-born-2005.said-sent-for-training"}]
        ),
        [("link-same-claimant", "claim:pow-born-2005.told-going-for-training")],
    ),
    "second pass: a pair linked from both ends": (
        "claim:pow-born-1999.injury-jaw",
        _link_to("claim:pow-born-1999.injury-jaw-reuters-pap"),
        [("link-duplicated", "claim:pow-born-1999.injury-jaw-reuters-pap")],
    ),
}


@pytest.mark.parametrize(("claim_id", "edit", "expected"), PUT_BACK.values(), ids=list(PUT_BACK))
def test_each_fixed_example_put_back_is_caught(
    tmp_path: Path, claim_id: str, edit: Any, expected: list[tuple[str, str]]
) -> None:
    root = _bundled_copy(tmp_path)
    _edit_claim(root, claim_id, edit)
    report = kursk_pows.validate(root)
    assert [(i.code, i.record) for i in report.issues if i.code not in EDITED] == expected
