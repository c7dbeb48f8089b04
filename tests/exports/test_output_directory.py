"""The output directory of ``export`` and ``site``: an empty one given keeps its mode, group and
setgid bit; a link is refused with a clear message; debris of a killed run is cleared by the next
run for the same target, never that of a run still going."""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

import pytest

from kursk_pows.cli import main
from kursk_pows.exports.directory import (
    ExportError,
    _unwritable,
    fresh_directory,
    remove_leftovers,
)


def _write(target: Path) -> None:
    with fresh_directory(target) as directory:
        (directory / "a.csv").write_text("x\n", encoding="utf-8")
        (directory / "sub").mkdir()
        (directory / "sub" / "b.csv").write_text("y\n", encoding="utf-8")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _other_group() -> int:
    """A group id other than the one new files get here (any id, for root)."""
    if os.geteuid() == 0:
        return 4242
    others = [g for g in os.getgroups() if g != os.getegid()]
    if not others:
        pytest.skip("no second group to give the directory")
    return others[0]


@pytest.mark.parametrize("mode", [0o700, 0o750, 0o2770, 0o2755], ids=oct)
def test_an_empty_directory_keeps_its_mode(mode: int, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    os.chmod(target, mode)
    _write(target)
    assert _mode(target) == mode
    assert sorted(p.name for p in target.iterdir()) == ["a.csv", "sub"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_empty_directory_keeps_its_group_and_gives_it_to_the_files(tmp_path: Path) -> None:
    group = _other_group()
    target = tmp_path / "out"
    target.mkdir()
    os.chown(target, -1, group)
    os.chmod(target, 0o2750)
    _write(target)
    assert (os.stat(target).st_gid, _mode(target)) == (group, 0o2750)
    for path in (target / "a.csv", target / "sub", target / "sub" / "b.csv"):
        assert os.stat(path).st_gid == group, path  # as if written there: setgid inherits
    assert _mode(target / "sub") & stat.S_ISGID


def test_a_new_directory_in_a_setgid_directory_is_setgid_like_mkdir(tmp_path: Path) -> None:
    group = _other_group()
    parent = tmp_path / "shared"
    parent.mkdir()
    os.chown(parent, -1, group)
    os.chmod(parent, 0o2775)
    (parent / "by-mkdir").mkdir()
    _write(parent / "out")
    made = os.stat(parent / "by-mkdir")
    written = os.stat(parent / "out")
    assert (written.st_gid, stat.S_IMODE(written.st_mode)) == (
        made.st_gid,
        stat.S_IMODE(made.st_mode),
    )
    assert written.st_mode & stat.S_ISGID


def test_a_link_to_an_empty_directory_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "out").symlink_to("real")
    with pytest.raises(ExportError) as raised:
        _write(tmp_path / "out")
    assert str(raised.value) == (
        f"{tmp_path / 'out'}: is a symbolic link; give the path of a new or empty directory "
        "itself, not a link to one"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "real"]
    assert os.readlink(tmp_path / "out") == "real"
    assert list((tmp_path / "real").iterdir()) == []


def test_the_cli_says_so_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "out").symlink_to("real")
    assert main(["export", str(tmp_path / "out"), "--format", "jsonl"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"kursk-pows: error: {tmp_path / 'out'}: is a symbolic link; give the path of a new or "
        "empty directory itself, not a link to one"
    )


def test_a_directory_filled_meanwhile_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()

    def meanwhile() -> None:
        with fresh_directory(target) as directory:
            (directory / "a.csv").write_text("x\n", encoding="utf-8")
            (target / "mine.txt").write_text("mine\n", encoding="utf-8")

    with pytest.raises(ExportError) as raised:
        meanwhile()
    assert str(raised.value) == (
        f"{target}: not a new or empty directory; choose another output path"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in target.iterdir()) == ["mine.txt"]


def _leftover(parent: Path, name: str) -> Path:
    """What a killed run leaves: its temporary directory, half written."""
    debris = parent / name
    debris.mkdir()
    (debris / "claims.csv").write_bytes(b"x" * 1000)
    (debris / "data").mkdir()
    (debris / "data" / "links.csv").write_bytes(b"y" * 1000)
    return debris


def test_the_debris_of_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    _leftover(tmp_path, ".out.ab12cd_3.tmp")
    _leftover(tmp_path, ".out.zz99zz99.tmp")
    _leftover(tmp_path, ".out-2.ab12cd_3.tmp")  # another target's
    _leftover(tmp_path, ".out.old.ab12cd_3.tmp")  # the target "out.old"'s
    _leftover(tmp_path, ".out.toolong123.tmp")  # not a name mkdtemp gives
    (tmp_path / ".out.linklink.tmp").symlink_to(_leftover(tmp_path, "kept"))
    (tmp_path / ".out.filefile.tmp").write_text("not a directory\n", encoding="utf-8")
    _write(tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".out-2.ab12cd_3.tmp",
        ".out.filefile.tmp",
        ".out.linklink.tmp",
        ".out.old.ab12cd_3.tmp",
        ".out.toolong123.tmp",
        "kept",
        "out",
    ]
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["claims.csv", "data"]


def test_the_directory_of_a_run_still_going_is_kept(tmp_path: Path) -> None:
    busy = _leftover(tmp_path, ".out.ab12cd_3.tmp")
    fd = os.open(busy, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as the run writing it holds it
        _write(tmp_path / "out")
        assert sorted(p.name for p in tmp_path.iterdir()) == [".out.ab12cd_3.tmp", "out"]
    finally:
        os.close(fd)
    _write(tmp_path / "out2")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.ab12cd_3.tmp", "out", "out2"]
    assert (tmp_path / ".out.ab12cd_3.tmp" / "claims.csv").exists()


def test_a_run_holds_its_directory_locked(tmp_path: Path) -> None:
    """While a run writes, its temporary directory is locked, so that another run for the same
    target does not take it for debris."""
    with fresh_directory(tmp_path / "out") as directory:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)


def test_leftovers_removed_are_named(tmp_path: Path) -> None:
    _leftover(tmp_path, ".out.zz99zz99.tmp")
    _leftover(tmp_path, ".out.ab12cd_3.tmp")
    assert remove_leftovers(tmp_path / "out") == [".out.ab12cd_3.tmp", ".out.zz99zz99.tmp"]
    assert remove_leftovers(tmp_path / "out") == []


def test_a_file_or_a_full_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x\n", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x\n", encoding="utf-8")
    for name in ("file", "full"):
        with pytest.raises(ExportError, match="not a new or empty directory"):
            _write(tmp_path / name)
    _write(tmp_path / "new")
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "empty")
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == ["a.csv", "sub"]


def test_a_target_that_became_a_file_meanwhile_is_reported_as_unwritable(tmp_path: Path) -> None:
    target = tmp_path / "out"

    def meanwhile() -> None:
        with fresh_directory(target) as directory:
            (directory / "a.csv").write_text("x\n", encoding="utf-8")
            target.write_text("someone else's file\n", encoding="utf-8")

    with pytest.raises(ExportError) as raised:
        meanwhile()
    assert str(raised.value) == (
        f"{target}: cannot write the output directory there (Not a directory); choose another "
        "output path"
    )


def test_an_error_without_a_message_is_named_by_its_type() -> None:
    said = str(_unwritable(Path("out"), OSError()))
    assert (
        said == "out: cannot write the output directory there (OSError); choose another output path"
    )


def test_a_full_directory_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x\n", encoding="utf-8")
    entered = []

    def attempt() -> None:
        with fresh_directory(tmp_path / "full"):
            entered.append(True)

    with pytest.raises(ExportError):
        attempt()
    assert entered == []


def test_an_empty_directory_that_cannot_be_replaced_is_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as raised:
        _write(tmp_path / "out")
    assert str(raised.value) == (
        f"{tmp_path / 'out'}: cannot write the output directory there (Permission denied); "
        "choose another output path"
    )
