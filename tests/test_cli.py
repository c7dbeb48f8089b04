"""The command line: a thin layer whose output equals the library's report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kursk_pows
from factory import DatasetSpec
from kursk_pows.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kursk_pows", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture
def broken(spec: DatasetSpec, tmp_path: Path) -> Path:
    spec.one("claim:a.age")["value"]["years"] = 40
    spec.one("claim:a.role")["subject"] = "person:nobody"
    return spec.write(tmp_path / "broken")


def test_json_output_equals_api_report(broken: Path) -> None:
    result = run("validate", str(broken), "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == kursk_pows.validate(broken).to_dict()


def test_text_output_is_compiler_style(broken: Path) -> None:
    result = run("validate", str(broken))
    assert result.returncode == 1
    first, hint, second, _, summary = result.stdout.splitlines()
    assert first == (
        f"{broken}/claims.jsonl:1: error[age-birth-year-conflict] claim:a.age /value: age 40 "
        "cannot be "
        "right for someone born in 1999 (claim:a.birth-year): the possible ages are 25 to 26"
    )
    assert hint.startswith("    hint: ")
    assert second.startswith(f"{broken}/claims.jsonl:3: error[ref-missing] claim:a.role /subject")
    assert summary.startswith(f"{broken} (version 1.0.0): INVALID: 2 error(s), 0 warning(s)")


def test_github_annotations(broken: Path) -> None:
    lines = run("validate", str(broken), "--format", "github").stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error"]
    assert lines[0].startswith(
        f"::error file={broken}/claims.jsonl,line=1,title=age-birth-year-conflict::claim:a.age: "
    )


def test_valid_dataset_exits_zero(spec: DatasetSpec, tmp_path: Path) -> None:
    result = run("validate", str(spec.write(tmp_path / "ok")))
    assert (result.returncode, result.stderr) == (0, "")
    assert "valid: 0 error(s), 0 warning(s)" in result.stdout


def test_bundled_dataset_validates_by_default() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stdout
    assert "valid: 0 error(s)" in result.stdout.splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "/no/such/dir"], "no such directory: /no/such/dir"),
        (["validate", "--format", "xml"], "invalid choice: 'xml'"),
        (["validate", "--bogus"], "unrecognized arguments: --bogus"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_file_given_instead_of_directory(tmp_path: Path) -> None:
    file = tmp_path / "claims.jsonl"
    file.write_text("{}\n")
    result = run("validate", str(file))
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "not a directory" in result.stderr


def test_service_age_options_reach_the_rules(spec: DatasetSpec, tmp_path: Path) -> None:
    root = str(spec.write(tmp_path / "ds"))
    assert main(["validate", root, "--min-service-age", "18"]) == 0  # a warning only
    report = json.loads(run("validate", root, "--format", "json", "--min-service-age", "18").stdout)
    assert [i["code"] for i in report["issues"]] == ["service-age-implausible"]


def test_rules_prints_the_catalog(repo_root: Path) -> None:
    result = run("rules")
    assert result.stdout == (repo_root / "docs" / "rules.md").read_text(encoding="utf-8")


def test_internal_error_is_one_line_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("kursk_pows.rules.engine.validate", explode)
    assert main(["validate", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("kursk-pows: internal error: KeyError")


def test_unreadable_directory_exits_2(
    spec: DatasetSpec,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = spec.write(tmp_path / "ds")
    monkeypatch.setattr("os.access", lambda path, mode: Path(path) != root)  # as if chmod 000
    assert main(["validate", str(root)]) == 2
    assert (
        capsys.readouterr().err
        == f"kursk-pows: error: permission denied: cannot read the directory {root}\n"
    )


def test_validation_opens_no_connection(spec: DatasetSpec, tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "events = []\n"
        "sys.addaudithook(lambda e, a: events.append(e) if e.startswith('socket.') else None)\n"
        "import kursk_pows\n"
        f"kursk_pows.validate({str(spec.write(tmp_path / 'ds'))!r})\n"
        "kursk_pows.coverage()\n"
        "print(events)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_closed_pipe_ends_quietly() -> None:
    reader = subprocess.Popen(
        [sys.executable, "-m", "kursk_pows", "coverage", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    assert reader.stderr is not None
    reader.stdout.close()  # like `| head -1` going away before the output is written
    err = reader.stderr.read()
    reader.stderr.close()
    assert (reader.wait(), err) == (141, b"")


def test_ctrl_c_is_one_line_and_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kursk_pows.rules.engine.validate", interrupted)
    assert main(["validate", str(tmp_path)]) == 130
    assert capsys.readouterr().err == "kursk-pows: interrupted\n"


INTERRUPTED_WHILE_IMPORTING = """
import builtins, os, signal, sys
import kursk_pows.cli as cli
real_import = builtins.__import__
def interrupting(name, *args, **kwargs):
    if name == "app":  # the command's modules: Ctrl-C arrives while they are imported
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = interrupting
sys.exit(cli.main(["validate", "--quiet"]))
"""


def test_an_interrupt_while_the_command_starts_prints_no_traceback() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_IMPORTING],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (130, "kursk-pows: interrupted\n")


def test_validate_json_on_a_missing_path_is_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    missing = tmp_path / "nowhere"
    assert main(["validate", str(missing), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out) == {
        "valid": False,
        "error": f"no such directory: {missing}",
        "issues": [],
    }


@pytest.mark.parametrize(
    ("ages", "status"), [(["--min-service-age", "66"], 2), (["--min-service-age", "65"], 0)]
)
def test_a_youngest_age_above_the_oldest_is_a_usage_error(
    ages: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--quiet", *ages]) == status
    err = capsys.readouterr().err
    assert ("is above --max-service-age 65" in err) == (status == 2)
