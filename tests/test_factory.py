"""The minimal dataset the rule tests start from is itself valid and warning-free."""

from pathlib import Path

import kursk_pows
from factory import DatasetSpec


def test_minimal_dataset_is_clean(spec: DatasetSpec, tmp_path: Path) -> None:
    report = kursk_pows.validate(spec.write(tmp_path / "ds"))
    assert report.flatten("code", "record", "message") == []
    assert report.stats == {
        "predicates": 5,
        "sources": 1,
        "entities": 5,
        "events": 2,
        "claims": 4,
        "exclusions": 1,
    }
