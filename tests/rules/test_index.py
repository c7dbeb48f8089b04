"""The id index packs each entry into one integer; packing loses nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kursk_pows
from factory import DatasetSpec
from kursk_pows.reading.source_texts import read_source_text
from kursk_pows.records.kinds import KIND_BY_NAME
from kursk_pows.rules.index import TYPES, Entry, file_of, is_active, line_of, pack, type_of, unpack


def test_every_type_fits_in_four_bits() -> None:
    assert len(TYPES) == len(set(TYPES)) <= 16


@given(st.sampled_from(TYPES), st.booleans(), st.integers(1, 10**9))
def test_pack_and_unpack_round_trip(type_name: str, active: bool, line: int) -> None:
    code = pack(type_name, active, line)
    kind = "entity" if type_name not in KIND_BY_NAME else type_name
    file = KIND_BY_NAME[kind].file
    assert unpack(code) == Entry(type_name, active, file, line)
    assert (type_of(code), is_active(code), file_of(code), line_of(code)) == tuple(unpack(code))


def test_each_source_text_is_read_once_per_validation(
    spec: DatasetSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules that need a source's text (quotes, coverage, propositions) share one reading
    of it, the index's."""
    import kursk_pows.rules.index as index_module

    root = spec.write(tmp_path / "ds")
    read: list[str] = []

    def counted(root: Path, source: Any) -> Any:
        read.append(source.path)
        return read_source_text(root, source)

    monkeypatch.setattr(index_module, "read_source_text", counted)
    kursk_pows.validate(root)
    assert sorted(read) == sorted(s["path"] for s in spec.records["source"])


def test_a_package_without_bundled_data_validates_no_dataset_as_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kursk_pows.rules.manifest as manifest_module
    from kursk_pows.reading.locations import DataNotFound

    def missing(name: str) -> Path:
        raise DataNotFound(name)

    monkeypatch.setattr(manifest_module, "bundled", missing)
    assert manifest_module._is_bundled(tmp_path) is False
