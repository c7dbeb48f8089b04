"""A missing optional dependency is an error naming the install that fixes it."""

from __future__ import annotations

import sys

import pytest

import kursk_pows
from kursk_pows.tables.extras import ExtraMissing


@pytest.mark.parametrize(
    ("method", "module", "extra"),
    [
        ("to_arrow", "pyarrow", "arrow"),
        ("to_pandas", "pandas", "pandas"),
        ("to_polars", "polars", "polars"),
    ],
)
def test_missing_extra_names_the_pip_install(
    method: str, module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = kursk_pows.load()
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    with pytest.raises(ExtraMissing) as raised:
        getattr(dataset, method)("claims")
    assert str(raised.value) == (
        f'{module} is not installed; install it with: pip install "kursk-pows[{extra}]" '
        f'(in a checkout of the source: pip install -e ".[{extra}]")'
    )


def test_missing_extra_in_the_cli_is_one_line(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kursk_pows.cli import main

    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["export", f"{tmp_path}/out", "--format", "parquet"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "kursk-pows: error: pyarrow.parquet is not installed; install it with: "
        'pip install "kursk-pows[arrow]" (in a checkout of the source: pip install -e ".[arrow]")'
    ]
