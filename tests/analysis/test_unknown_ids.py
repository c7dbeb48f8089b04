"""The lookups of a loaded dataset: an unknown id is a KeyError with a did-you-mean, never an
empty answer; a known id without claims is an empty answer; the version is the manifest's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.cli import main
from kursk_pows.releases.manifest import write_manifest

RETRACTED = "(retracted records are left out unless it is loaded with include_retracted=True)"


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> kursk_pows.Dataset:
    return kursk_pows.load(DatasetSpec().write(tmp_path_factory.mktemp("ds") / "ds"))


@pytest.mark.parametrize(
    ("lookup", "given", "message"),
    [
        (
            lambda d, i: d.claims_about(i),
            "person:soldir-a",
            "no entity or event 'person:soldir-a' in the dataset; did you mean 'person:soldier-a'?",
        ),
        (
            lambda d, i: d.claims_about(i, members=True),
            "event:captur",
            "no entity or event 'event:captur' in the dataset; did you mean 'event:capture'?",
        ),
        (
            lambda d, i: d.claims_by(i),
            "source:test-artcle",
            "no entity or source 'source:test-artcle' in the dataset; did you mean "
            "'source:test-article'?",
        ),
        (
            lambda d, i: d.claims_in(i),
            "source:test-artcle",
            "no source 'source:test-artcle' in the dataset; did you mean 'source:test-article'?",
        ),
        (
            lambda d, i: d.links_of(i),
            "claim:a.rol",
            "no claim 'claim:a.rol' in the dataset; did you mean 'claim:a.role'?",
        ),
        (
            lambda d, i: d.groups_of(i),
            "group:soldier",
            "no entity 'group:soldier' in the dataset; did you mean 'group:soldiers'?",
        ),
        (
            lambda d, i: d.groups_of(i),
            "event:capture",  # an event is in no group: it is not an entity
            "no entity 'event:capture' in the dataset",
        ),
        (
            lambda d, i: d.claims_in(i),
            "zzz",
            "no source 'zzz' in the dataset",
        ),
    ],
)
def test_an_unknown_id_is_a_key_error_with_a_did_you_mean(
    ds: kursk_pows.Dataset,
    lookup: Callable[[kursk_pows.Dataset, str], object],
    given: str,
    message: str,
) -> None:
    with pytest.raises(KeyError) as caught:
        lookup(ds, given)
    text = caught.value.args[0]
    assert text.startswith(message)
    assert text.endswith(RETRACTED)
    if "did you mean" not in message:
        assert "did you mean" not in text


def test_known_ids_without_claims_give_empty_answers(ds: kursk_pows.Dataset) -> None:
    assert ds.claims_about("place:kyiv") == []
    assert ds.claims_about("event:capture", members=True) == []  # an event: no groups
    assert ds.groups_of("group:soldiers") == []
    assert ds.claims_by("person:soldier-b") == []
    assert ds.links_of("claim:a.role") == []


def test_the_version_is_the_manifests(spec: DatasetSpec, tmp_path: Path) -> None:
    root = spec.write(tmp_path / "ds")
    assert kursk_pows.load(root).version == "1.0.0"
    write_manifest(root, "2.5.1")
    assert kursk_pows.load(root).version == "2.5.1"
    assert repr(kursk_pows.load(root)).startswith(f"<Dataset {root} version 2.5.1: 1 sources, ")


def test_a_mistyped_command_gets_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["valdate"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("kursk-pows: error: argument COMMAND: invalid choice: 'valdate' (")
    assert err.endswith("; did you mean 'validate'? (see --help)\n")
    with pytest.raises(SystemExit):
        main(["zzzz"])
    assert "did you mean" not in capsys.readouterr().err
