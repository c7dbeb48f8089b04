"""Write a synthetic kursk-pows dataset of any size, with the real one's shape.

    python benchmarks/generate.py OUT_DIR --claims 10000 [--seed 1] [--errors 0.0] [--expected F]

Deterministic for a given seed. Sources carry texts made of numbered sentences; every sentence
is quoted by exactly one claim or event, so coverage is complete; people have consistent birth,
service and age facts; events are dated before their sources' publication; some claims link to
others. With ``--errors P`` a share P of claims is broken, cycling through kinds of breakage,
and the (code, record) pairs of the issues that must follow are written to the file given
with ``--expected``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kursk_pows.releases.manifest import write_manifest

PREDICATES = [
    ("birth-year", "year", ["person"], True),
    ("service-start-year", "year", ["person"], True),
    ("military-role", "text", ["person"], True),
    ("age", "age", ["person"], False),
    ("held-at", "entity", ["person"], False),
    ("deployed-count", "quantity", ["country"], False),
]
ROLES = ["rifleman", "scout", "sniper", "driver", "medic"]
Record = dict[str, Any]


def _dump(records: list[Record]) -> str:
    return "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(records, key=lambda r: r["id"])
    )


class Generator:
    """Builds the records in memory source by source (a source's records are small)."""

    def __init__(self, claims: int, seed: int, errors: float) -> None:
        self.rng = random.Random(seed)
        self.claims = claims
        self.errors = errors
        self.people = max(2, claims // 8)
        self.places = max(2, claims // 200)
        self.sources = max(1, claims // 100)
        self.expected: list[tuple[str, str]] = []
        self.stated: dict[str, tuple[str, str, set[str]]] = {}
        """Each statement's proposition, its first claim and the claimants stating it."""

    def person(self, n: int) -> str:
        return f"person:p{n:07d}"

    def birth(self, n: int) -> int:
        return 1960 + (n * 7919) % 40

    def plan(self) -> Iterator[tuple[int, list[str]]]:
        """Per source: the claim kinds it states, in sentence order."""
        per_source = self.claims // self.sources
        for s in range(self.sources):
            count = per_source + (1 if s < self.claims % self.sources else 0)
            yield s, ["claim"] * count + ["event"] * max(1, count // 5)

    def build(self, out: Path) -> list[tuple[str, str]]:
        out.mkdir(parents=True, exist_ok=True)
        (out / "sources").mkdir(exist_ok=True)
        predicates = [
            {
                "id": f"predicate:{name}",
                "label": name.replace("-", " "),
                "description": f"Synthetic predicate {name}.",
                "value_type": vt,
                "subject_types": st,
                "single_valued": sv,
            }
            for name, vt, st, sv in PREDICATES
        ]
        entities: list[Record] = (
            [
                {"id": self.person(n), "type": "person", "name": f"person {n}"}
                for n in range(self.people)
            ]
            + [
                {"id": f"place:q{n:05d}", "type": "place", "name": f"place {n}"}
                for n in range(self.places)
            ]
            + [{"id": "country:c", "type": "country", "name": "a country"}]
        )
        sources, events, claims = [], [], []
        person_cursor = 0
        claim_no = 0
        for s, kinds in self.plan():
            sid = f"source:s{s:06d}"
            published = dt.date(2025, 1, 1) + dt.timedelta(days=s % 300)
            sentences, records = [], []
            for k, kind in enumerate(kinds):
                p = person_cursor % self.people
                person_cursor += 1
                sentence = f"Sentence {k} of source {s}: person {p} was seen."
                sentences.append(sentence)
                records.append((kind, k, p, sentence))
            text = " ".join(sentences)
            path = f"sources/s{s:06d}.txt"
            (out / path).write_text(text, encoding="utf-8")
            sources.append(
                {
                    "id": sid,
                    "title": None,
                    "publisher": None,
                    "url": None,
                    "published": {
                        "earliest": published.isoformat(),
                        "latest": published.isoformat(),
                        "precision": "day",
                    },
                    "path": path,
                    "sha256": hashlib.sha256(text.encode()).hexdigest(),
                }
            )
            offset = 0
            for kind, k, p, sentence in records:
                start = text.index(sentence, offset)
                offset = start + len(sentence)
                evidence = [{"source": sid, "quote": sentence, "start": start, "end": offset}]
                if kind == "event":
                    day = published - dt.timedelta(days=1 + k % 30)
                    events.append(
                        {
                            "id": f"event:s{s:06d}.e{k:04d}",
                            "type": "sighting",
                            "description": "A person is seen.",
                            "date": {
                                "earliest": day.isoformat(),
                                "latest": day.isoformat(),
                                "precision": "day",
                            },
                            "place": f"place:q{p % self.places:05d}",
                            "participants": [{"entity": self.person(p), "role": "seen"}],
                            "evidence": evidence,
                        }
                    )
                    continue
                claims.append(self.claim(claim_no, p, sid, evidence, published))
                claim_no += 1
        if self.errors:
            self.inject(claims)
        files = {
            "predicates.jsonl": predicates,
            "sources.jsonl": sources,
            "entities.jsonl": entities,
            "events.jsonl": events,
            "claims.jsonl": claims,
            "exclusions.jsonl": [],
        }
        for name, records in files.items():
            (out / name).write_text(_dump(records), encoding="utf-8")
        write_manifest(out, "0.0.0")
        return sorted(self.expected)

    def claim(self, n: int, p: int, sid: str, evidence: list[Record], published: dt.date) -> Record:
        kind = n % 6
        cid = f"claim:c{n:08d}"
        subject = self.person(p)
        born = self.birth(p)
        if kind == 0:
            predicate, value = (
                "age",
                {
                    "type": "age",
                    "years": published.year - born - 1,
                    "at": {
                        "earliest": published.isoformat(),
                        "latest": published.isoformat(),
                        "precision": "day",
                    },
                },
            )
        elif kind == 1:
            predicate, value = (
                "held-at",
                {"type": "entity", "entity": f"place:q{n % self.places:05d}"},
            )
        elif kind == 2:
            predicate, value = (
                "deployed-count",
                {"type": "quantity", "qualifier": "about", "nominal": 1000 + n},
            )
            subject = "country:c"
        elif kind == 3:
            predicate, value = "military-role", {"type": "text", "text": ROLES[p % len(ROLES)]}
        elif kind == 4:
            predicate, value = "birth-year", {"type": "year", "year": born}
        else:
            predicate, value = "service-start-year", {"type": "year", "year": born + 18}
        record = {
            "id": cid,
            "proposition": self.proposition(cid, subject, predicate, value, sid),
            "subject": subject,
            "predicate": f"predicate:{predicate}",
            "value": value,
            "claimed_by": sid,
            "evidence": evidence,
        }
        links = [f"claim:c{n - 1:08d}"] if n % 10 == 9 else []
        first = self.stated[self._statement(subject, predicate, value)][1]
        if record["proposition"] != self.stated[self._statement(subject, predicate, value)][0]:
            links.append(first)  # the same source states it again: say how the two relate
        if links:
            record["links"] = [{"type": "refines", "claim": c} for c in dict.fromkeys(links)]
        return record

    @staticmethod
    def _statement(subject: str, predicate: str, value: Record) -> str:
        plain = {k: v for k, v in value.items() if k != "basis"}
        return json.dumps([subject, predicate, plain], sort_keys=True)

    def proposition(self, cid: str, subject: str, predicate: str, value: Record, by: str) -> str:
        """The proposition of a claim: the one its statement has, unless its claimant states
        that already (then one of its own, linked to the first claim as refining it)."""
        key = self._statement(subject, predicate, value)
        own = "proposition:" + cid.split(":", 1)[1]
        found = self.stated.setdefault(key, (own, cid, set()))
        if by in found[2]:
            return own
        found[2].add(by)
        return found[0]

    def inject(self, claims: list[Record]) -> None:
        """Break a share of the claims, one kind of breakage after another."""
        breakages = [
            self._bad_quote,
            self._missing_ref,
            self._bad_offsets,
            self._bad_value_type,
            self._unknown_predicate,
        ]
        count = int(len(claims) * self.errors)
        for i, index in enumerate(sorted(self.rng.sample(range(len(claims)), count))):
            breakages[i % len(breakages)](claims[index])

    def _bad_quote(self, c: Record) -> None:
        c["evidence"][0]["quote"] = c["evidence"][0]["quote"].replace("Sentence", "sentence")
        self.expected.append(("quote-not-found", c["id"]))
        self.expected.append(("sentence-uncovered", c["evidence"][0]["source"]))  # its sentence

    def _missing_ref(self, c: Record) -> None:
        c["claimed_by"] = "org:nobody"
        self.expected.append(("ref-missing", c["id"]))

    def _bad_offsets(self, c: Record) -> None:
        c["evidence"][0]["start"] += 1
        c["evidence"][0]["end"] += 1
        self.expected.append(("quote-offsets-mismatch", c["id"]))

    def _bad_value_type(self, c: Record) -> None:
        c["value"] = {"type": "text-list", "items": [c["id"]]}  # no predicate takes a list
        c["proposition"] = "proposition:broken-" + c["id"].split(":", 1)[1]  # a statement apart
        self.expected.append(("value-type-mismatch", c["id"]))

    def _unknown_predicate(self, c: Record) -> None:
        c["predicate"] = "predicate:unknown"
        c["proposition"] = "proposition:broken-" + c["id"].split(":", 1)[1]  # a statement apart
        self.expected.append(("predicate-unknown", c["id"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--errors", type=float, default=0.0)
    parser.add_argument("--expected", type=Path, default=None)
    args = parser.parse_args(argv)
    expected = Generator(args.claims, args.seed, args.errors).build(args.out)
    if args.expected is not None:
        args.expected.write_text(json.dumps(expected), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
