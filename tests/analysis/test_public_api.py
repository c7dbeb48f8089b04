"""The Python API explains itself: dir() lists it, a dataset's repr is one line, and the
dataset card and the rule catalog are reachable without a checkout."""

from __future__ import annotations

from pathlib import Path

import kursk_pows


def test_dir_lists_the_public_api() -> None:
    assert dir(kursk_pows) == [
        "AnyRecord",
        "ClaimAbout",
        "Config",
        "Coverage",
        "Dataset",
        "DatasetInvalid",
        "Issue",
        "Link",
        "Proposition",
        "Report",
        "Support",
        "__version__",
        "coverage",
        "datasheet",
        "is_a",
        "load",
        "rule_catalog",
        "validate",
    ]
    for name in dir(kursk_pows):
        assert getattr(kursk_pows, name) is not None
    ds = kursk_pows.load()
    claim = next(iter(ds.claims))
    assert isinstance(ds.support(claim), kursk_pows.Support)
    assert isinstance(ds.proposition_of(claim), kursk_pows.Proposition)


def test_repr_of_a_dataset_is_one_short_line() -> None:
    ds = kursk_pows.load()
    assert repr(ds) == (
        f"<Dataset {ds.root} version {kursk_pows.__version__}: {len(ds.sources)} sources, "
        f"{len(ds.entities)} entities, {len(ds.events)} events, {len(ds.claims)} claims, "
        f"{len(ds.predicates)} predicates (active records)>"
    )
    every = kursk_pows.load(include_retracted=True)
    assert repr(every).endswith(
        f"{len(every.claims)} claims, {len(every.predicates)} predicates "
        "(retracted records included)>"
    )
    assert len(every.claims) > len(ds.claims)


def test_datasheet_and_rule_catalog_are_reachable(repo_root: Path) -> None:
    assert kursk_pows.datasheet() == (repo_root / "DATASHEET.md").read_text(encoding="utf-8")
    assert kursk_pows.rule_catalog() == (repo_root / "docs" / "rules.md").read_text("utf-8")


def test_repr_of_a_dataset_without_a_version_says_unknown() -> None:
    ds = kursk_pows.Dataset(Path("ds"), None, {}, {}, {}, {}, {}, kursk_pows.Report("ds", ()))
    assert repr(ds) == (
        "<Dataset ds version unknown: 0 sources, 0 entities, 0 events, 0 claims, 0 predicates "
        "(active records)>"
    )
