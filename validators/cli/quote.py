"""``kursk-pows quote``: the command-line side of :mod:`kursk_pows.authoring.quote`."""

from __future__ import annotations

import argparse
import sys

from .common import DEFAULT_PATH, UsageError, existing_dir


def build_quote(quote: argparse.ArgumentParser) -> None:
    """``quote SOURCE WORDS [--occurrence N] [--dataset DIR]``."""
    quote.add_argument("source", metavar="SOURCE", help="the source's id, e.g. source:...")
    quote.add_argument(
        "words", metavar="WORDS", help="the exact words, as the text has them (one argument)"
    )
    quote.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence to take when the words occur more than once, counted from 1 "
        "(default: the only one; several are listed to choose from)",
    )
    quote.add_argument("--dataset", help=DEFAULT_PATH)


def run_quote(args: argparse.Namespace) -> int:
    """Print the evidence item (status 0); list the occurrences or the closest passage on
    standard error (status 1) when the words do not pick out one place."""
    import json

    from ..authoring.quote import QuoteProblem, find_quote, source_text
    from ..reports.escaping import printable

    try:
        found = find_quote(
            source_text(existing_dir(args.dataset), args.source), args.source, args.words
        )
    except QuoteProblem as exc:
        raise UsageError(f"quote: {exc}") from None
    shown = printable(repr(args.words))
    count = len(found.occurrences)
    if count == 0:
        print(f"kursk-pows: {shown} is not in {printable(args.source)}", file=sys.stderr)
        if found.closest:
            print(
                f"    hint: closest passage in the source: {printable(repr(found.closest))}",
                file=sys.stderr,
            )
        return 1
    if args.occurrence is not None and not 1 <= args.occurrence <= count:
        raise UsageError(
            f"quote: --occurrence {args.occurrence}: the words occur {count} time(s); "
            f"give 1 to {count}"
        )
    if count > 1 and args.occurrence is None:
        print(
            f"kursk-pows: {shown} occurs {count} times in {printable(args.source)}; pick one "
            "with --occurrence N (or quote more words, so that they occur once):",
            file=sys.stderr,
        )
        for number, at in enumerate(found.occurrences, start=1):
            print(
                f"    {number}. line {at.line}, {at.start}-{at.end}: "
                f"...{printable(at.before)}[{printable(args.words)}]{printable(at.after)}...",
                file=sys.stderr,
            )
        return 1
    print(json.dumps(found.evidence(args.occurrence or 1), ensure_ascii=False))
    return 0
