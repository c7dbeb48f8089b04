"""``kursk-pows add-source``: the command-line side of
:func:`kursk_pows.authoring.add_source.add_source`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import DEFAULT_PATH, UsageError


def build_add_source(add: argparse.ArgumentParser) -> None:
    """``add-source TEXT_FILE --id ... [--title ...] ...``."""
    from ..authoring.add_source import CREDIT_ROLES

    add.add_argument("text_file", metavar="TEXT_FILE", help="the article's text, as received")
    add.add_argument(
        "--id",
        help="the source's id, source:lowercase-words (default: from the title's first words)",
    )
    add.add_argument("--title", help="the headline, as printed (default: none printed)")
    add.add_argument("--publisher", help="the publisher, as printed (default: none printed)")
    add.add_argument("--url", help="the article's address, as printed (default: none printed)")
    add.add_argument(
        "--published",
        metavar="DATE",
        help="when it was published: YYYY-MM-DD, YYYY-MM, YYYY, or EARLIEST..LATEST with "
        "either end open (default: unknown, null)",
    )
    add.add_argument(
        "--basis",
        help="how the publication date was determined, when it is not printed as such "
        "(default: none)",
    )
    add.add_argument(
        "--credit",
        action="append",
        default=[],
        metavar="[ROLE:]NAME",
        help=f"someone the article credits; ROLE is one of {', '.join(CREDIT_ROLES)} "
        "(default role: news-agency; repeat for each)",
    )
    add.add_argument("--notes", help="what else the text shows or leaves open (default: none)")
    add.add_argument("--dataset", help=DEFAULT_PATH)


def _default_id(title: str | None) -> str:
    import re
    import unicodedata

    if title is None:
        raise UsageError("add-source: give --id source:... (there is no --title to name it by)")
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())[:6]
    if not words:
        raise UsageError(f"add-source: no id can be made from the title {title!r}; give --id")
    return "source:" + "-".join(words)


def run_add_source(args: argparse.Namespace) -> int:
    from ..authoring.add_source import SourceRefused, add_source, parse_credit, parse_published
    from .common import writable_dataset

    root = writable_dataset(args.dataset, "add-source")
    try:
        fields = {
            "id": args.id or _default_id(args.title),
            "title": args.title,
            "publisher": args.publisher,
            "url": args.url,
            "published": None
            if args.published is None
            else parse_published(args.published, args.basis),
            "credits": [parse_credit(c) for c in args.credit],
            "notes": args.notes,
        }
        if args.published is None and args.basis is not None:
            raise SourceRefused("--basis explains a --published date: give the date too")
        added = add_source(root, Path(args.text_file), fields)
    except SourceRefused as exc:
        raise UsageError(f"add-source: {exc}; nothing was changed") from None
    print(f"added {added.id}: {root / added.path} (sha256 {added.sha256})")
    print(f"    {added.line}")
    print(
        "next: cover every sentence with claims and events (kursk-pows quote "
        f"{added.id} WORDS gives an evidence item) or exclusions, then kursk-pows coverage"
    )
    return 0
