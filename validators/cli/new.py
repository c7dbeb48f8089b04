"""``kursk-pows new claim|entity|event``: print a skeleton record
(:mod:`kursk_pows.authoring.skeleton`) to fill in."""

from __future__ import annotations

import argparse

from .common import UsageError


def build_new(new: argparse.ArgumentParser) -> None:
    """``new claim ID ...``, ``new entity ID --name ...`` and ``new event ID ...``."""
    kinds = new.add_subparsers(
        dest="kind",
        required=True,
        metavar="KIND",
        help="the kind of record: claim, entity or event",
    )
    claim = kinds.add_parser("claim", help="a claim: subject, predicate, value, claimant, evidence")
    claim.add_argument("id", metavar="ID", help="the new claim's id, claim:subject.what")
    claim.add_argument(
        "--proposition",
        help="the proposition it states, when another claimant's claim states it already "
        "(default: a new one named after the claim, proposition:subject.what)",
    )
    claim.add_argument("--subject", help="the entity or event it is about (default: todo:subject)")
    claim.add_argument("--predicate", help="predicate:... (default: predicate:todo)")
    claim.add_argument(
        "--value",
        metavar="JSON",
        help='the value as JSON, e.g. \'{"type": "year", "year": 1999}\' (default: a '
        "placeholder the validator reports with the value types)",
    )
    claim.add_argument(
        "--claimed-by",
        help="who asserts it: a person, an organization or the source itself "
        "(default: todo:claimed-by)",
    )
    _evidence_option(claim)

    entity = kinds.add_parser("entity", help="an entity: type and name")
    entity.add_argument("id", metavar="ID", help="the new entity's id, e.g. person:..., org:...")
    entity.add_argument("--name", required=True, help="its name, as the texts give it")
    entity.add_argument(
        "--type", help="the entity type (default: the one the id's prefix stands for)"
    )
    entity.add_argument("--description", help="what the texts say it is (default: none)")

    event = kinds.add_parser("event", help="an event: type, description, date, evidence")
    event.add_argument("id", metavar="ID", help="the new event's id, event:...")
    event.add_argument("--type", required=True, help="what kind of event, e.g. capture")
    event.add_argument("--description", required=True, help="what happened, in a sentence")
    event.add_argument(
        "--date",
        metavar="DATE",
        help="YYYY-MM-DD, YYYY-MM, YYYY, or EARLIEST..LATEST with either end open "
        "(default: unknown, null)",
    )
    event.add_argument("--basis", help="how the date was determined (default: none)")
    _evidence_option(event)


def _evidence_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--evidence",
        action="append",
        default=[],
        metavar="JSON",
        help="an evidence item as JSON, as kursk-pows quote prints it; repeat for each "
        "(default: a placeholder the validator reports)",
    )


def run_new(args: argparse.Namespace) -> int:
    from ..authoring import skeleton
    from ..authoring.add_source import SourceRefused, parse_published

    try:
        evidence = [skeleton.parse_json("--evidence", e) for e in getattr(args, "evidence", [])]
        if args.kind == "claim":
            value = None if args.value is None else skeleton.parse_json("--value", args.value)
            data = skeleton.claim(
                args.id,
                args.subject,
                args.predicate,
                value,
                args.claimed_by,
                evidence,
                args.proposition,
            )
        elif args.kind == "entity":
            data = skeleton.entity(args.id, args.name, args.type, args.description)
        else:
            date = None if args.date is None else parse_published(args.date, args.basis, "--date")
            data = skeleton.event(args.id, args.type, args.description, date, evidence)
    except (skeleton.SkeletonProblem, SourceRefused) as exc:
        raise UsageError(f"new {args.kind}: {exc}") from None
    print(skeleton.canonical_line(args.kind, data))
    return 0
