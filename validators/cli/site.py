"""``kursk-pows site``: the command-line side of :func:`kursk_pows.site.build_site`."""

from __future__ import annotations

import argparse

from .common import DEFAULT_PATH
from .export import add_as_of

AS_OF_DAYS = 6
"""The default of ``--as-of-days``: the library's, which a test keeps in step."""


def _non_negative(text: str) -> int:
    """A whole number of at least 0 (argparse reports anything else as a usage error)."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a whole number of 0 or more: {text!r}")
    return number


def build_site(site: argparse.ArgumentParser) -> None:
    """``site OUT [--dataset DIR] [--as-of ...] [--as-of-days N]``."""
    site.add_argument("out", help="output directory; must be new or empty")
    site.add_argument("--dataset", help=DEFAULT_PATH)
    add_as_of(site)
    site.add_argument(
        "--as-of-days",
        type=_non_negative,
        default=AS_OF_DAYS,
        metavar="N",
        help="how many days the as-of control offers: the days articles may first have "
        f"appeared, at most N of them spread evenly; 0 for none (default: {AS_OF_DAYS})",
    )


def run_site(args: argparse.Namespace) -> int:
    """Build the site; errors are one line, as for ``export``."""
    from ..site import build_site
    from .export import write_directory

    return write_directory(  # the site shows retracted records as such
        args,
        lambda dataset, version: build_site(dataset, args.out, version, as_of_days=args.as_of_days),
        "site",
        include_retracted=True,
    )
