"""``kursk-pows add-source``: a checked text, its record in canonical form, a new manifest; and
nothing changed at all when it refuses."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.authoring.add_source import (
    SourceRefused,
    add_source,
    check_text,
    parse_credit,
    parse_published,
)
from kursk_pows.cli import main

TEXT = "Wire report\nTwo men were seen. Nothing else.\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def root(spec: DatasetSpec, tmp_path: Path) -> Path:
    return spec.write(tmp_path / "ds")


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode())
    return path


def test_adds_the_text_the_record_and_the_manifest(root: Path, text_file: Path) -> None:
    (root / "sources" / "007_0123456789abcdef.txt").write_text("An older text.", "utf-8")
    added = add_source(
        root,
        text_file,
        {
            "id": "source:aaa-wire",
            "title": "Two men seen",
            "published": parse_published("2025-01-12", "dateline"),
            "credits": [parse_credit("AFP")],
        },
    )
    path = f"sources/008_{SHA[:16]}.txt"  # one more than the highest number in sources/
    assert (added.id, added.path, added.sha256) == ("source:aaa-wire", path, SHA)
    assert (root / path).read_text(encoding="utf-8") == TEXT
    lines = (root / "sources.jsonl").read_text(encoding="utf-8").splitlines()
    # sorted by id: before source:test-article; keys in model order, defaults left out
    assert lines[0] == (
        '{"id": "source:aaa-wire", "title": "Two men seen", "publisher": null, "url": null, '
        '"published": {"earliest": "2025-01-12", "latest": "2025-01-12", "precision": "day", '
        f'"basis": "dateline"}}, "path": "{path}", "sha256": "{SHA}", '
        '"credits": [{"name": "AFP", "role": "news-agency"}]}'
    )
    assert json.loads(lines[1])["id"] == "source:test-article"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == "1.0.0"
    assert manifest["files"][path] == {"sha256": SHA, "bytes": len(TEXT.encode())}
    assert manifest["files"]["sources.jsonl"]["records"] == 2
    # the dataset is valid but for the new sentences, which nothing covers yet (and the
    # unlisted older text, which the manifest now lists)
    issues = kursk_pows.validate(root).flatten("code", "record")
    assert sorted(set(issues)) == [("sentence-uncovered", "source:aaa-wire")]
    assert len(issues) == 3


def _refused(root: Path, call: object) -> str:
    before = _files(root)
    with pytest.raises(SourceRefused) as caught:
        call()  # type: ignore[operator]
    assert _files(root) == before  # byte for byte, no file added or removed
    return str(caught.value)


def test_the_same_text_twice_is_refused(root: Path, text_file: Path) -> None:
    add_source(root, text_file, {"id": "source:first"})
    message = _refused(root, lambda: add_source(root, text_file, {"id": "source:second"}))
    assert message == (
        f"{text_file}: this text is already in the dataset as source:first "
        f"(sources/000_{SHA[:16]}.txt, the same SHA-256 {SHA})"
    )


def test_an_id_in_use_is_refused(root: Path, text_file: Path) -> None:
    message = _refused(root, lambda: add_source(root, text_file, {"id": "source:test-article"}))
    assert message.endswith(
        "id source:test-article is in use (ids are never reused, even when "
        "retracted): choose another --id"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"Fine.\nTwo\r\nlines", "t.txt:2: carriage return"),
        (b"Fine.\ncafe\xcc\x81", "t.txt:2: not in Unicode NFC"),
        (b"Fine.\n\nbad \xff", "t.txt:3: not valid UTF-8 (byte 11)"),
        (b"\xef\xbb\xbfHello", "t.txt:1: the text starts with a byte order mark"),
        (b" \n\t", "t.txt: the text is empty"),
        (b"x" * 101, "t.txt: 101 bytes, more than a source text may have (100,"),
    ],
    ids=["crlf", "nfd", "utf-8", "bom", "empty", "too-large"],
)
def test_a_text_the_validator_would_not_take_is_refused(
    root: Path, tmp_path: Path, data: bytes, problem: str
) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    message = _refused(root, lambda: add_source(root, path, {"id": "source:t"}, max_bytes=100))
    assert message.startswith(f"{tmp_path}/{problem}")
    with pytest.raises(SourceRefused):
        check_text(data, "t.txt", 100)


def test_check_text_passes_a_good_text_through() -> None:
    assert check_text("Café \u2013 “quoted”.\n".encode(), "t.txt") == "Café \u2013 “quoted”.\n"


def test_a_text_of_exactly_the_largest_size_is_taken() -> None:
    data = b"x" * 99 + b"\n"
    assert check_text(data, "t.txt", max_bytes=100) == data.decode()
    with pytest.raises(SourceRefused):
        check_text(data + b"\n", "t.txt", max_bytes=100)


@pytest.mark.parametrize(
    "fields",
    [{"id": "Source:Bad"}, {"id": "entity:x"}, {"id": "source:x", "url": 3}, {}, {"id": 3}],
    ids=["capitals", "prefix", "record", "no-id", "not-text"],
)
def test_a_bad_id_or_record_is_refused(
    root: Path, text_file: Path, fields: dict[str, object]
) -> None:
    _refused(root, lambda: add_source(root, text_file, fields))


@pytest.mark.parametrize(
    ("given", "span"),
    [
        ("2025-01-12", ("2025-01-12", "2025-01-12", "day")),
        ("2025-02", ("2025-02-01", "2025-02-28", "month")),
        ("2025-01", ("2025-01-01", "2025-01-31", "month")),
        ("2025-12", ("2025-12-01", "2025-12-31", "month")),
        ("2024-02", ("2024-02-01", "2024-02-29", "month")),
        ("2025", ("2025-01-01", "2025-12-31", "year")),
        ("2025-01-09..", ("2025-01-09", None, "range")),
        ("..2025-01-12", (None, "2025-01-12", "range")),
        ("2025-01-09..2025-01-12", ("2025-01-09", "2025-01-12", "range")),
    ],
)
def test_published_takes_a_date_or_an_interval(given: str, span: tuple[str, str, str]) -> None:
    earliest, latest, precision = span
    assert parse_published(given, "why") == {
        "earliest": earliest,
        "latest": latest,
        "precision": precision,
        "basis": "why",
    }


@pytest.mark.parametrize("given", ["..", "2025-13", "12.1.2025", "2025-01-09..soon"])
def test_published_refuses_what_is_not_a_date(given: str) -> None:
    with pytest.raises(SourceRefused, match="--published"):
        parse_published(given)


def test_credits_take_an_optional_role() -> None:
    assert parse_credit("Telegram @V_Zelenskiy_official") == {
        "name": "Telegram @V_Zelenskiy_official",
        "role": "news-agency",
    }
    assert parse_credit("author:Jo Smith") == {"name": "Jo Smith", "role": "author"}
    assert parse_credit("author:") == {"name": "author:", "role": "news-agency"}
    assert parse_credit("Reuters: Kyiv") == {"name": "Reuters: Kyiv", "role": "news-agency"}


def test_command_adds_and_refuses_in_one_line(
    root: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["add-source", str(text_file), "--dataset", str(root)]
    assert main([*args, "--title", "Two Men Seen: a Report", "--published", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"added source:two-men-seen-a-report: {root}/sources/000_{SHA[:16]}.txt")
    before = _files(root)
    assert main([*args, "--id", "source:again"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kursk-pows: error: add-source: {text_file}: this text is already")
    assert err.endswith("; nothing was changed\n")
    assert "Traceback" not in err
    assert _files(root) == before
    assert main(["add-source", str(text_file), "--dataset", str(root)]) == 2
    assert "give --id source:..." in capsys.readouterr().err


def test_outside_a_checkout_the_dataset_must_be_named(
    text_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["add-source", str(text_file), "--id", "source:x"]) == 2
    assert "give the dataset directory to rewrite" in capsys.readouterr().err


def test_a_file_already_at_the_new_name_is_kept_and_refused(root: Path, text_file: Path) -> None:
    (root / "sources" / f"000_{SHA[:16]}.txt").write_bytes(b"someone else's file")
    # numbered from it: the next name is free, so the text is added beside it
    assert add_source(root, text_file, {"id": "source:first"}).path == (
        f"sources/001_{SHA[:16]}.txt"
    )
    assert (root / "sources" / f"000_{SHA[:16]}.txt").read_bytes() == b"someone else's file"


def test_a_linked_sources_directory_is_refused(root: Path, text_file: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (root / "sources").rename(elsewhere)
    (root / "sources").symlink_to(elsewhere, target_is_directory=True)
    message = _refused(root, lambda: add_source(root, text_file, {"id": "source:x"}))
    assert message == (
        f"{root / 'sources'}: not a directory of the dataset (a link or a file); the validator "
        "reads texts only from a real sources/ directory"
    )
    assert sorted(p.name for p in elsewhere.iterdir()) == ["test.txt"]


def test_an_invalid_record_is_refused_naming_its_field(root: Path, text_file: Path) -> None:
    message = _refused(root, lambda: add_source(root, text_file, {"id": "source:x", "url": 3}))
    assert message.startswith("the source record is not valid: url: ")


def test_a_file_where_the_sources_directory_should_be_is_refused(
    root: Path, text_file: Path
) -> None:
    shutil.rmtree(root / "sources")
    (root / "sources").write_text("not a directory")
    message = _refused(root, lambda: add_source(root, text_file, {"id": "source:x"}))
    assert message.startswith(f"{root / 'sources'}: not a directory of the dataset")


def test_a_dataset_without_a_sources_directory_gets_one(root: Path, text_file: Path) -> None:
    shutil.rmtree(root / "sources")
    add_source(root, text_file, {"id": "source:x"})
    assert [p.read_bytes() for p in (root / "sources").iterdir()] == [TEXT.encode()]


@pytest.mark.parametrize("had_records", [True, False])
def test_a_write_that_fails_half_way_leaves_the_dataset_as_it_was(
    root: Path, text_file: Path, monkeypatch: pytest.MonkeyPatch, had_records: bool
) -> None:
    """The text and sources.jsonl are written before the manifest: when that fails, the text
    is removed and sources.jsonl is put back as it was, or removed if there was none."""
    import kursk_pows.authoring.add_source as module

    if not had_records:
        (root / "sources.jsonl").unlink()
    before = _files(root)

    def fail(*_: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(module, "_write_manifest", fail)
    with pytest.raises(OSError, match="no space left on device"):
        add_source(root, text_file, {"id": "source:x"})
    assert _files(root) == before


def test_a_problem_of_no_one_field_is_named_as_the_records(root: Path, text_file: Path) -> None:
    message = _refused(root, lambda: add_source(root, text_file, {"id": "source:x", "": 1}))
    assert message == "the source record is not valid: record: Extra inputs are not permitted"
