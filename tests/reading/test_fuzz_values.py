"""Fuzzing values: valid records with any value anywhere give a report, never an exception.

The short run of each property is in the default test run; the long run is marked ``slow``
(see tests/fuzzing.py)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fuzzing import (
    BASE,
    FILE_OF,
    KIND_NAMES,
    LONG,
    check_report,
    json_lines,
    near_values,
    parent,
    short,
    validate_with_file,
    walk,
)
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.records.kinds import KIND_BY_NAME


@st.composite
def changed_records(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]]]:
    """The records of one file, each possibly with a value set, a key removed or a key added."""
    kind = draw(st.sampled_from(KIND_NAMES))
    records = copy.deepcopy(BASE.records[kind])
    for record in records:
        for _ in range(draw(st.integers(0, 3))):
            paths = [path for path, _ in walk(record)]
            if not paths:
                break
            path = draw(st.sampled_from(paths))
            node = parent(record, path)
            action = draw(st.sampled_from(["set", "delete", "add"]))
            if action == "set":
                node[path[-1]] = draw(near_values)
            elif action == "delete" and isinstance(node, dict):
                del node[path[-1]]
            elif isinstance(node, dict):
                fields = st.sampled_from(["status", "note", "notes", "tense", "links", "via"])
                node[draw(fields | st.text(max_size=6))] = draw(near_values)
    return FILE_OF[kind], records


def changed_records_property(file: str, records: list[dict[str, Any]]) -> None:
    """A change that breaks a record's model is an error at that record's line; a record its
    model accepts raises no model error."""
    ordered = sorted(records, key=lambda r: str(r.get("id")))
    content = json_lines(ordered, False)
    report = validate_with_file(file, content)
    check_report(report, file, content)
    model = KIND_BY_NAME[next(k for k, f in FILE_OF.items() if f == file)].model
    field_codes = {"field-missing", "field-unknown", "field-invalid"}
    for number, record in enumerate(ordered, start=1):
        try:
            model.model_validate(json.loads(json.dumps(record)))
            broken = False
        except (ValueError, TypeError):
            broken = True
        at_line = {i.code for i in report.errors if i.file == file and i.line == number}
        if broken:  # by the model, or earlier by the strict reader (a number beyond 2**53)
            assert at_line, (number, record, report.flatten("code", "line"))
        else:
            assert not at_line & field_codes, (number, record)


@short(80)
@given(changed_records())
def test_changed_records_give_a_report(case: tuple[str, list[dict[str, Any]]]) -> None:
    changed_records_property(*case)


@pytest.mark.slow
@LONG
@given(changed_records())
def test_changed_records_give_a_report_long(case: tuple[str, list[dict[str, Any]]]) -> None:
    changed_records_property(*case)
