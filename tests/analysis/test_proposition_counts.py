"""Propositions and their counts: reports, articles, origins and outlets.

The hand-made cases are the three the counts exist for: one origin relayed by four articles,
two origins in one article, and one wire story carried by two outlets.  The property test
counts by brute force over sets, not with the module's own helpers.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kursk_pows
from kursk_pows.analysis.propositions import (
    build_propositions,
    outlet_index,
    support,
    support_rows,
)
from kursk_pows.analysis.support import link_index


def _claim(
    cid: str,
    proposition: str,
    claimant: str,
    sources: list[str],
    status: str = "active",
    successor: str | None = None,
) -> Any:
    return SimpleNamespace(
        id=cid,
        proposition=proposition,
        subject="person:x",
        predicate="predicate:p",
        value=SimpleNamespace(type="text", text=proposition),
        status=status,
        retraction=SimpleNamespace(superseded_by=successor) if status != "active" else None,
        claimed_by=claimant,
        evidence=[SimpleNamespace(source=s) for s in sources],
        links=[],
    )


def _source(sid: str, *credits: tuple[str, str]) -> Any:
    return SimpleNamespace(id=sid, credits=[SimpleNamespace(name=n, role=r) for n, r in credits])


def _counts(claims: list[Any], sources: dict[str, Any] | None = None) -> dict[str, int]:
    by_id = {c.id: c for c in claims}
    propositions = build_propositions(by_id)
    (only,) = propositions.values()
    outlets = outlet_index(sources or {})
    return support(only, by_id, outlets).counts()


def test_one_origin_relayed_by_four_articles_is_one_origin() -> None:
    post = _claim(
        "claim:post",
        "proposition:p",
        "person:zelensky",
        ["source:a", "source:b", "source:c", "source:d"],
    )
    assert _counts([post]) == {"reports": 4, "articles": 4, "origins": 1, "outlets": 4}


def test_two_origins_in_one_article_are_two_reports_from_one_article() -> None:
    claims = [
        _claim("claim:x", "proposition:p", "person:x", ["source:a"]),
        _claim("claim:y", "proposition:p", "org:y", ["source:a"]),
    ]
    assert _counts(claims) == {"reports": 2, "articles": 1, "origins": 2, "outlets": 1}


def test_a_wire_story_carried_by_two_outlets_counts_once_as_an_outlet() -> None:
    sources = {
        "source:a": _source("source:a", ("AFP", "news-agency"), ("Jane Doe", "author")),
        "source:b": _source("source:b", ("afp ", "wire-service")),
        "source:c": _source("source:c", ("Jane Doe", "author")),
    }
    claims = [
        _claim("claim:a", "proposition:p", "source:a", ["source:a"]),
        _claim("claim:b", "proposition:p", "source:b", ["source:b"]),
        _claim("claim:c", "proposition:p", "source:c", ["source:c"]),
    ]
    assert _counts(claims, sources) == {"reports": 3, "articles": 3, "origins": 3, "outlets": 2}


def test_wire_credits_join_outlets_through_a_third_article() -> None:
    sources = {
        "source:c": _source("source:c", ("Reuters", "wire-service")),
        "source:b": _source("source:b", ("AFP", "news-agency"), ("Reuters", "wire-service")),
        "source:a": _source("source:a", ("AFP", "news-agency")),
        "source:d": _source("source:d", ("AFP", "photo")),
    }
    assert outlet_index(sources) == {
        "source:a": "source:a",
        "source:b": "source:a",
        "source:c": "source:a",
        "source:d": "source:d",
    }


def test_retracted_claims_do_not_count_for_an_active_proposition() -> None:
    claims = {
        "claim:x": _claim("claim:x", "proposition:p", "person:x", ["source:a"]),
        "claim:y": _claim("claim:y", "proposition:p", "org:y", ["source:b"], "retracted"),
        "claim:z": _claim(
            "claim:z", "proposition:q", "org:z", ["source:c"], "retracted", "claim:x"
        ),
    }
    found = build_propositions(claims)
    assert found["proposition:p"].status == "active"
    assert found["proposition:p"].claims == ("claim:x", "claim:y")
    assert found["proposition:q"].status == "retracted"
    assert found["proposition:q"].superseded_by == ("proposition:p",)
    p = support(found["proposition:p"], claims, {})
    assert (p.articles, p.claims) == (("source:a",), ("claim:x",))
    q = support(found["proposition:q"], claims, {})
    assert q.reports == (("source:c", "org:z"),)


def test_an_active_claim_leads_its_proposition_before_a_retracted_one() -> None:
    """The retracted claim sorts first but states another value: the proposition takes the
    value of the claim that counts."""
    retracted = _claim("claim:a", "proposition:p", "org:y", ["source:b"], "retracted")
    retracted.value = SimpleNamespace(type="text", text="withdrawn wording")
    active = _claim("claim:b", "proposition:p", "person:x", ["source:a"])
    found = build_propositions({"claim:a": retracted, "claim:b": active})
    assert found["proposition:p"].value.text == "proposition:p"
    assert found["proposition:p"].claims == ("claim:a", "claim:b")


def test_a_successor_that_is_not_loaded_is_left_out() -> None:
    """A retracted proposition whose claims name successors: one loaded, one not (retracted
    records are left out of a default load), one none."""
    claims = {
        "claim:p": _claim("claim:p", "proposition:p", "person:x", ["source:a"]),
        "claim:q1": _claim(
            "claim:q1", "proposition:q", "org:z", ["source:c"], "retracted", "claim:gone"
        ),
        "claim:q2": _claim("claim:q2", "proposition:q", "org:z", ["source:c"], "retracted"),
        "claim:q3": _claim(
            "claim:q3", "proposition:q", "org:z", ["source:c"], "retracted", "claim:p"
        ),
    }
    assert build_propositions(claims)["proposition:q"].superseded_by == ("proposition:p",)


IDS = [f"claim:c{n}" for n in range(6)]
claim_sets = st.lists(
    st.tuples(
        st.sampled_from(["proposition:p", "proposition:q"]),
        st.sampled_from(["person:x", "org:y", "source:a"]),
        st.lists(st.sampled_from(["source:a", "source:b", "source:c"]), min_size=1, max_size=3),
        st.sampled_from(["active", "active", "retracted"]),
    ),
    min_size=1,
    max_size=6,
)


@given(claim_sets)
def test_counts_are_the_distinct_reports_of_the_claims_that_count(rows: list[Any]) -> None:
    claims = {
        cid: _claim(cid, p, who, sources, status)
        for cid, (p, who, sources, status) in zip(IDS, rows, strict=False)
    }
    outlets = {"source:a": "source:a", "source:b": "source:a", "source:c": "source:c"}
    table = list(support_rows(build_propositions(claims), claims, outlets))
    for pid, proposition in build_propositions(claims).items():
        members = [c for c in claims.values() if c.proposition == pid]
        live = [c for c in members if c.status == "active"] or members
        reports = {(e.source, c.claimed_by) for c in live for e in c.evidence}
        found = support(proposition, claims, outlets)
        assert set(found.reports) == reports
        assert len(found.reports) == len(reports)
        assert set(found.articles) == {s for s, _ in reports}
        assert set(found.origins) == {who for _, who in reports}
        assert set(found.outlets) == {outlets[s] for s, _ in reports}
        alive = any(c.status == "active" for c in members)
        assert proposition.status == ("active" if alive else "retracted")
        mine = [r for r in table if r["proposition"] == pid]
        assert {(r["source"], r["claimant"]) for r in mine} == reports
        assert len(mine) == len(reports)
        for row in mine:
            giver = claims[row["claim"]]
            assert giver.claimed_by == row["claimant"]
            assert row["source"] in {e.source for e in giver.evidence}


def test_links_are_seen_from_both_ends_with_the_names_each_end_uses() -> None:
    a = _claim("claim:a", "proposition:a", "person:x", ["source:a"])
    b = _claim("claim:b", "proposition:b", "person:x", ["source:a"])
    c = _claim("claim:c", "proposition:c", "person:x", ["source:a"])
    a.links = [SimpleNamespace(type="refines", claim="claim:b", note="n")]
    c.links = [SimpleNamespace(type="contradicts", claim="claim:a", note=None)]
    index = link_index({"claim:a": a, "claim:b": b, "claim:c": c})
    assert [(x.kind, x.claim, x.stored_on) for x in index["claim:a"]] == [
        ("refines", "claim:b", "claim:a"),
        ("contradicts", "claim:c", "claim:c"),
    ]
    assert [(x.kind, x.claim, x.stored_on) for x in index["claim:b"]] == [
        ("refined-by", "claim:a", "claim:a")
    ]
    assert [(x.kind, x.claim) for x in index["claim:c"]] == [("contradicts", "claim:a")]


# Written out by hand, not read from the module: (name at the storing end, name at the other).
DIRECTIONS = {"refines": ("refines", "refined-by"), "contradicts": ("contradicts", "contradicts")}
_ids = st.sampled_from(["claim:a", "claim:b", "claim:c", "claim:d"])


@given(
    st.dictionaries(
        _ids,
        st.lists(st.tuples(st.sampled_from(sorted(DIRECTIONS)), _ids, st.none() | st.just("n"))),
        min_size=1,
    )
)
def test_every_link_is_seen_from_both_ends_sorted_by_the_other_claim(
    stored: dict[str, list[tuple[str, str, str | None]]],
) -> None:
    claims = {}
    for cid, links in stored.items():
        claims[cid] = _claim(cid, "proposition:p", "person:x", ["source:a"])
        claims[cid].links = [SimpleNamespace(type=t, claim=c, note=n) for t, c, n in links]
    expected: dict[str, list[tuple[str, str, str, str | None]]] = {}
    for owner, links in stored.items():
        for kind, other, note in links:
            here, there = DIRECTIONS[kind]
            expected.setdefault(owner, []).append((other, here, owner, note))
            expected.setdefault(other, []).append((owner, there, owner, note))
    index = link_index(claims)
    assert set(index) == set(expected)
    for cid, seen in index.items():
        got = [(x.claim, x.kind, x.stored_on, x.note) for x in seen]
        assert sorted(got, key=lambda x: x[:2]) == got
        assert sorted(got, key=str) == sorted(expected[cid], key=str)


def test_the_dataset_answers_by_claim_and_by_proposition_alike(
    dataset: kursk_pows.Dataset,
) -> None:
    ds = dataset
    for claim in ds.claims.values():
        proposition = ds.proposition_of(claim.id)
        assert proposition.id == claim.proposition
        assert claim.id in proposition.claims
        assert claim in ds.claims_of(proposition.id)
        assert ds.support(claim.id) == ds.support(proposition.id)
    every_claim = {c for p in ds.propositions.values() for c in p.claims}
    assert every_claim == set(ds.claims)


def test_active_propositions_count_alike_with_or_without_the_retracted_claims() -> None:
    active = kursk_pows.load()
    every = kursk_pows.load(include_retracted=True)
    assert set(every.claims) > set(active.claims)
    for pid in active.propositions:
        assert every.support(pid) == active.support(pid)


@pytest.mark.parametrize("method", ["support", "proposition_of", "claims_of"])
def test_an_unknown_id_is_a_key_error_with_a_close_name(
    dataset: kursk_pows.Dataset, method: str
) -> None:
    known = next(iter(dataset.claims.values()))
    near = (known.proposition if method == "claims_of" else known.id) + "x"
    with pytest.raises(KeyError, match="did you mean"):
        getattr(dataset, method)(near)
