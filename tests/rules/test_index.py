"""The id index packs each entry into one integer; packing loses nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
