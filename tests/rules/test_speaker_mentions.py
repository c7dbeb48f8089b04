"""Mentions of the subject and of the speaker: each pair checked alike, pointing at its field."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec
from kursk_pows.models import Evidence
from kursk_pows.rules.attribution import MENTION_PAIRS, mention_problem

QUOTE = "One soldier revealed that he had been issued a ticket"
WORDS = st.text(alphabet="One soldiertckxy ", min_size=1, max_size=12).filter(str.strip)
OPTIONAL = st.none() | WORDS


@given(mention=OPTIONAL, basis=OPTIONAL, pair=st.sampled_from(MENTION_PAIRS))
def test_a_pair_is_wrong_exactly_when_half_given_or_not_quoted(
    mention: str | None, basis: str | None, pair: tuple[str, str]
) -> None:
    mention_field, basis_field = pair
    item = Evidence(source="source:x", quote=QUOTE, **{mention_field: mention, basis_field: basis})
    found = mention_problem(item, mention_field, basis_field)
    right = (mention is None and basis is None) or (
        mention is not None and basis is not None and mention in QUOTE
    )
    assert (found is None) == right
    if found is not None:
        assert found[1] == (basis_field if mention is None else mention_field)


@given(mention=OPTIONAL, basis=OPTIONAL)
def test_the_other_pair_is_not_looked_at(mention: str | None, basis: str | None) -> None:
    item = Evidence(source="source:x", quote=QUOTE, mention=mention, identification=basis)
    assert mention_problem(item, "speaker_mention", "speaker_identification") is None


def test_speaker_issue_points_at_its_field(spec: DatasetSpec, tmp_path: Path) -> None:
    spec.one("claim:a.birth-year")["evidence"][0]["speaker_identification"] = "the next sentence"
    (issue,) = kursk_pows.validate(spec.write(tmp_path / "ds")).issues
    assert (issue.code, issue.pointer) == ("mention-invalid", "/evidence/0/speaker_identification")
    assert issue.message == "speaker_identification without the speaker_mention it identifies"
