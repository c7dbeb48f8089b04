"""The command line explains itself: what the data is, what each command and option is for,
each option's default; the same --format everywhere; one rule at a time."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from factory import DatasetSpec
from kursk_pows.cli import _parser, main
from kursk_pows.rules import CODES


def _commands(only: str | None = None) -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in _parser(only)._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _arguments(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    return [(action.dest, *action.option_strings) for action in parser._actions]


@pytest.mark.parametrize("command", sorted(_commands()))
def test_a_command_run_alone_has_the_arguments_it_has_in_the_whole_parser(command: str) -> None:
    alone = _commands(command)
    assert list(alone) == list(_commands())  # every command is still listed
    assert _arguments(alone[command]) == _arguments(_commands()[command])
    others = {name: _arguments(p) for name, p in alone.items() if name != command}
    assert others == {name: [("help", "-h", "--help")] for name in others}


def test_help_says_what_the_data_is_and_what_each_command_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "The facts of news articles on the January 2025 capture" in text
    assert "``" not in text  # no reST markup
    for name in _commands():
        (line,) = [line for line in text.splitlines() if line.strip().startswith(f"{name} ")]
        assert len(line.split()) > 3, line  # a command, then what it is for


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_option_has_help_and_its_default(command: str) -> None:
    for action in _commands()[command]._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help, (command, action.dest)
        if action.option_strings or action.nargs in ("?", "*"):
            assert "default" in action.help, (command, action.dest)


def test_format_choices_are_the_same_everywhere() -> None:
    choices = {
        name: action.choices
        for name, parser in _commands().items()
        for action in parser._actions
        if "--format" in action.option_strings
    }
    assert choices == {
        "validate": ("text", "json", "github"),
        "coverage": ("text", "json"),
        "diff": ("text", "json"),
        "rules": ("text", "json"),
        # export writes files, not a report: its --format is the file format (issue 13)
        "export": (
            "csv",
            "parquet",
            "sqlite",
            "jsonl",
            "parquet-hive",
            "annotations",
            "schemaorg",
            "prov",
        ),
    }


def test_rules_shows_one_rule(repo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "line-blank"]) == 0
    catalog = (repo_root / "docs" / "rules.md").read_text(encoding="utf-8")
    section = catalog.split("\n## line-blank\n", 1)[1].split("\n## ", 1)[0]
    assert capsys.readouterr().out == "## line-blank\n" + section
    assert main(["rules", "--format", "json", "line-blank", "line-crlf"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["severity"], r["fix"]) for r in shown] == [
        ("line-blank", "warning", CODES["line-blank"].fix),
        ("line-crlf", "warning", CODES["line-crlf"].fix),
    ]


def test_an_unknown_rule_code_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "quote-not-fond"]) == 2
    assert capsys.readouterr().err == (
        "kursk-pows: error: no rule code 'quote-not-fond' (did you mean quote-not-found?); "
        "kursk-pows rules lists them all\n"
    )


def test_coverage_uncovered_prints_only_what_is_uncovered(
    spec: DatasetSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = spec.write(tmp_path / "ds")
    assert main(["coverage", str(root), "--uncovered"]) == 0
    assert capsys.readouterr().out == "5 sentences: 4 covered, 1 excluded, 0 uncovered\n"
    spec.records["exclusion"].clear()
    root = spec.write(tmp_path / "ds2")
    assert main(["coverage", str(root), "--uncovered"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "== source:test-article",
        "  5 [line 1] They were moved to Kyiv.",
        "      -> UNCOVERED",
        "5 sentences: 4 covered, 0 excluded, 1 uncovered",
    ]
