"""The ``kursk-pows`` command: the parser, ``validate``, ``coverage`` and ``rules``, and the
dispatch to the other commands' modules.

Exit codes: 0 valid (warnings allowed), 1 errors in the data, 2 a usage problem, 3 an internal
error (a bug in kursk-pows: the data never causes one on purpose; please report it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import NoReturn

from .._version import __version__
from .common import DEFAULT_PATH, UsageError, existing_dir, flag, format_option, shown


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}{self._did_you_mean(message)} (see --help)\n")

    def _did_you_mean(self, message: str) -> str:
        """ "; did you mean X?" for a mistyped command (argparse lists the choices only)."""
        import re

        from ..rules.registry import closest_name

        given = re.search(r"invalid choice: '([^']*)'", message)
        commands = [
            name
            for action in self._actions
            if isinstance(action, argparse._SubParsersAction)
            for name in action.choices
        ]
        close = closest_name(given.group(1), commands) if given and commands else None
        return f"; did you mean {close!r}?" if close else ""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """The description as written, and each command's help beside its name: argparse measures
    the command names without their indentation, so a long one (``add-source``) would stand
    on a line of its own."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if not isinstance(action, argparse._SubParsersAction):
            return
        names = [self._format_action_invocation(a) for a in action._get_subactions()]
        if names and action.help is not argparse.SUPPRESS:
            indent = self._current_indent + self._indent_increment
            self._action_max_length = max(self._action_max_length, max(map(len, names)) + indent)


DESCRIPTION = """\
The facts of news articles on the January 2025 capture of two North Korean soldiers in Russia's
Kursk region, as a validated dataset: sources, entities, events and claims, each fact tied to
the exact words of the article that reports it.  These commands check, format and release such
a dataset, and help a contributor add to it.
"""
EPILOG = """\
Without a dataset directory, every command works on the same one: inside a kursk-pows checkout
its dataset/, elsewhere the installed data.  Exit status: 0 valid (warnings allowed), 1 errors
in the data, 2 a usage problem, 3 an internal error (a bug; please report it), 130 interrupted.
"""


def _build_validate(check: argparse.ArgumentParser) -> None:
    from ..config import Config

    check.add_argument("path", nargs="?", help=DEFAULT_PATH)
    format_option(check, "github")
    check.add_argument(
        "--min-service-age",
        type=int,
        default=None,
        metavar="YEARS",
        help="youngest plausible age at joining an army; younger is a warning "
        f"(default: {Config.min_service_age})",
    )
    check.add_argument(
        "--max-service-age",
        type=int,
        default=None,
        metavar="YEARS",
        help="oldest plausible age at joining an army; older is a warning "
        f"(default: {Config.max_service_age})",
    )
    flag(
        check,
        "--quiet",
        "no progress line, even on a terminal (default: a progress line on a terminal after 2 s)",
    )


def _build_coverage(cover: argparse.ArgumentParser) -> None:
    cover.add_argument("path", nargs="?", help=DEFAULT_PATH)
    format_option(cover)
    flag(
        cover,
        "--uncovered",
        "list only the sentences nothing covers or excludes (default: every sentence)",
    )


def _build_rules(rules: argparse.ArgumentParser) -> None:
    rules.add_argument(
        "codes", nargs="*", metavar="CODE", help="rule codes to show (default: every rule)"
    )
    format_option(rules)


Build = Callable[[argparse.ArgumentParser], None]


def _elsewhere(module: str, function: str) -> Build:
    """A command's arguments added by a function of another module, imported only when that
    command is the one being run (or the whole parser is wanted)."""

    def build(parser: argparse.ArgumentParser) -> None:
        getattr(import_module(module, __package__), function)(parser)

    return build


COMMANDS: tuple[tuple[str, str, Build], ...] = (
    (
        "validate",
        "check a dataset: structure, quotes against the texts, references, consistency",
        _build_validate,
    ),
    (
        "coverage",
        "list every sentence of every source with the records that cover or exclude it",
        _build_coverage,
    ),
    (
        "fmt",
        "rewrite the record files in canonical form and fill in quote offsets",
        _elsewhere(".release", "build_fmt"),
    ),
    (
        "manifest",
        "rewrite manifest.json (every file's SHA-256) and, in a checkout, DATASHEET.md",
        _elsewhere(".release", "build_manifest"),
    ),
    (
        "diff",
        "compare two releases and say which version bump the change needs",
        _elsewhere(".release", "build_diff"),
    ),
    ("rules", "explain the rule codes: the whole catalog, or the codes given", _build_rules),
    (
        "export",
        "write every table (claims, evidence, events...) as files for analysis tools",
        _elsewhere(".export", "build_export"),
    ),
    (
        "site",
        "write a static web site of the dataset: articles with their evidence highlighted, "
        "entity pages, timeline, disagreements, search (needs kursk-pows[site])",
        _elsewhere(".site", "build_site"),
    ),
    (
        "add-source",
        "add an article: check its text, copy it under sources/, add its source record and "
        "update the manifest",
        _elsewhere(".add_source", "build_add_source"),
    ),
    (
        "quote",
        "find words in a source text and print the evidence item (source, quote, start, end) "
        "as JSON, ready to paste",
        _elsewhere(".quote", "build_quote"),
    ),
    (
        "new",
        "print a skeleton record (claim, entity or event) with every required field, one line "
        "ready to append to its file",
        _elsewhere(".new", "build_new"),
    ),
)
"""Every command: its name, what it is for (``--help`` lists these) and what adds its
arguments."""


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``only`` the arguments of that command alone (the
    others keep their name and help): building every command's arguments, and importing the
    modules that define them, costs about a tenth of a cold validation."""
    parser = _Parser(
        prog="kursk-pows",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"kursk-pows {__version__}")
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="COMMAND"
    )
    for name, purpose, build in COMMANDS:
        command = commands.add_parser(name, help=purpose)
        if only is None or only == name:
            build(command)
    return parser


def _command_word(argv: Sequence[str]) -> str:
    """The command an argument list names: its first word that is not an option (the
    top-level options, ``--help`` and ``--version``, take no value); "" when there is none."""
    return next((word for word in argv if not word.startswith("-")), "")


def _validate(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..config import Config
    from ..reports.render import render_github, render_json, render_text
    from ..rules.engine import validate

    config = Config()
    if args.min_service_age is not None:
        config = replace(config, min_service_age=args.min_service_age)
    if args.max_service_age is not None:
        config = replace(config, max_service_age=args.max_service_age)
    if config.min_service_age > config.max_service_age:
        raise UsageError(
            f"--min-service-age {config.min_service_age} is above --max-service-age "
            f"{config.max_service_age}: give a youngest age at most the oldest"
        )
    from ..reading.manifest import read_version
    from ..reports.progress import TerminalProgress

    try:
        root = existing_dir(args.path)
    except UsageError as exc:
        if args.format != "json":
            raise
        import json  # a JSON reader gets JSON, even when there is nothing to validate

        print(json.dumps({"valid": False, "error": str(exc), "issues": []}, ensure_ascii=False))
        return 2
    progress = None if args.quiet else TerminalProgress()
    report = validate(root, config, progress)
    if progress is not None:
        progress.finish()
    display = args.path if args.path is not None else shown(root)
    if args.format == "json":
        print(render_json(report))
    elif args.format == "github":
        output = render_github(report, display)
        if output:
            print(output)
    else:
        print(render_text(report, display, read_version(root)))
    return 0 if report.valid else 1


def _coverage(args: argparse.Namespace) -> int:
    from ..reports.coverage import coverage
    from ..reports.render import render_coverage

    result = coverage(existing_dir(args.path))
    if args.format == "json":
        import json

        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_coverage(result, uncovered_only=args.uncovered))
    return 1 if result.stats()["uncovered"] else 0


def _rules(args: argparse.Namespace) -> int:
    from ..reports.catalog import render_catalog, render_rule, rule_data
    from ..rules import CODES
    from ..rules.registry import closest_name

    for code in args.codes:
        if code not in CODES:
            close = closest_name(code, sorted(CODES))
            maybe = f" (did you mean {close}?)" if close else ""
            raise UsageError(f"no rule code {code!r}{maybe}; kursk-pows rules lists them all")
    codes = args.codes or sorted(CODES)
    if args.format == "json":
        import json

        print(json.dumps([rule_data(c) for c in codes], ensure_ascii=False, indent=2))
    elif args.codes:
        print("\n".join(render_rule(c) for c in codes), end="")
    else:
        print(render_catalog(), end="")
    return 0


def _usage(message: str) -> int:
    print(f"kursk-pows: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status.  A reader that goes away
    (``| head``) ends the command quietly with status 141, as SIGPIPE would; Ctrl-C ends it
    with one line and status 130."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # nothing more can be written; point stdout at /dev/null so the final flush is quiet
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("kursk-pows: interrupted", file=sys.stderr)
        return 130


def _run(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    args = _parser(_command_word(words)).parse_args(words)
    try:
        if args.command == "validate":
            return _validate(args)
        if args.command == "coverage":
            return _coverage(args)
        if args.command in ("fmt", "manifest", "diff"):
            from . import release as cli_release

            run = {
                "fmt": cli_release.run_fmt,
                "manifest": cli_release.run_manifest,
                "diff": cli_release.run_diff,
            }
            return run[args.command](args)
        if args.command == "export":
            from .export import run_export

            return run_export(args)
        if args.command == "site":
            from .site import run_site

            return run_site(args)
        if args.command == "add-source":
            from .add_source import run_add_source

            return run_add_source(args)
        if args.command == "quote":
            from .quote import run_quote

            return run_quote(args)
        if args.command == "new":
            from .new import run_new

            return run_new(args)
        return _rules(args)
    except BrokenPipeError:
        raise
    except (UsageError, OSError, RuntimeError) as exc:
        return _usage(str(exc))
    except Exception as exc:  # a bug; the user still gets one line, not a traceback
        print(
            f"kursk-pows: internal error: {type(exc).__name__}: {exc} "
            "(this is a bug in kursk-pows; please report it)",
            file=sys.stderr,
        )
        return 3
