"""Fuzzing manifest.json: any content gives a report.

The short run of each property is in the default test run; the long run is marked ``slow``
(see tests/fuzzing.py)."""

from __future__ import annotations

import json

import pytest
from fuzzing import (
    BASE_FILES,
    LONG,
    base_file,
    check_codes,
    json_values,
    near_values,
    parent,
    short,
    spliced,
    validate_with_file,
    walk,
)
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.reading.manifest import MANIFEST

# -- any manifest ------------------------------------------------------------------------------

BASE_FILES[MANIFEST] = base_file(MANIFEST)
MANIFEST_CODES = {"manifest-missing", "manifest-mismatch", "version-mismatch"}


@st.composite
def manifests(draw: st.DrawFn) -> bytes:
    """Any bytes, any JSON value, or the right manifest with values set anywhere."""
    choice = draw(st.sampled_from(["bytes", "json", "changed"]))
    if choice == "bytes":
        return draw(st.binary(max_size=500) | spliced(MANIFEST))
    if choice == "json":
        return json.dumps(draw(json_values)).encode()
    manifest = json.loads(BASE_FILES[MANIFEST])
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(walk(manifest))))[0]
        parent(manifest, path)[path[-1]] = draw(near_values)
    return json.dumps(manifest).encode()


def any_manifest_property(content: bytes) -> None:
    report = validate_with_file(MANIFEST, content)
    check_codes(report)
    # the record files are valid: every issue is the manifest's, and says what is wrong with it
    assert {(i.file, i.line) for i in report.issues} <= {(MANIFEST, None)}
    assert set(report.codes()) <= MANIFEST_CODES


@short(40)
@given(manifests())
def test_any_manifest_gives_a_report(content: bytes) -> None:
    any_manifest_property(content)


@pytest.mark.slow
@LONG
@given(manifests())
def test_any_manifest_gives_a_report_long(content: bytes) -> None:
    any_manifest_property(content)
