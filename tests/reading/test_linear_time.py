"""Every scanner and regular expression run on untrusted text takes linear time.

Each case measures the CPU time of one function on an adversarial input doubled three times
(this process's CPU time, so that other work on a busy machine does not count) and asserts on
the growth ratio, not on seconds: linear work grows about 8 times, quadratic work 64 times.  The
inputs are the shapes that made the old code quadratic (runs of brackets, escaped quotes,
dots, spaces, capital initials).
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kursk_pows.authoring.add_source import NUMBERED, SOURCE_ID
from kursk_pows.coercions import _ISO_DATE
from kursk_pows.reading.jsonl import _SURROGATE_ESCAPE, nesting_depth, parse_line
from kursk_pows.reading.manifest import _CHANGELOG_TOP, VERSION_LINE
from kursk_pows.reading.sentences import ABBREVIATIONS, split_sentences
from kursk_pows.reading.stream import Located
from kursk_pows.releases.agreement import CFF_FIELDS, DATED, HEADING, TAG
from kursk_pows.reports.escaping import printable
from kursk_pows.rules import quotes
from kursk_pows.rules.attribution import REPORTING
from kursk_pows.rules.ids import SLUG
from kursk_pows.rules.propositions import SPEAKING

LINEAR_BOUND = 24.0
"""Growth allowed over 8 times the input: linear is about 8, quadratic 64."""


def _best_of(runs: int, call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.process_time()  # CPU time: other work on the machine does not count
        call()
        best = min(best, time.process_time() - began)
    return best


def growth(work: Callable[[str], object], make: Callable[[int], str], size: int) -> float:
    """How much longer ``work`` takes on ``make(8 * size)`` than on ``make(size)``."""
    small, large = make(size), make(8 * size)
    return _best_of(3, lambda: work(large)) / max(_best_of(3, lambda: work(small)), 1e-6)


def _refused(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_line(text)


CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str], int]] = {
    "nesting depth: brackets then escaped quotes": (
        nesting_depth,
        lambda n: "[" * 33 + '"' + '\\"' * n,
        4000,
    ),
    "strict parser: brackets then escaped quotes": (
        _refused,
        lambda n: "[" * 33 + '"' + '\\"' * n,
        4000,
    ),
    "sentences: a run of dots": (split_sentences, lambda n: "." * n, 5000),
    "sentences: dots and spaces": (split_sentences, lambda n: ". " * n + "x", 5000),
    "sentences: a run of question marks before a capital": (
        split_sentences,
        lambda n: "?" * n + " A",
        5000,
    ),
    "sentences: initials": (split_sentences, lambda n: "A. " * n, 3000),
    "sentences: a long dotted word": (split_sentences, lambda n: "a." * n + " B", 5000),
    "surrogate escapes": (_SURROGATE_ESCAPE.search, lambda n: "\\u" * n, 20000),
    "ids": (SLUG.fullmatch, lambda n: "a:" + "a-" * n + "!", 20000),
    "version line": (VERSION_LINE.search, lambda n: '__version__ = "' + "1" * n, 20000),
    "changelog heading": (_CHANGELOG_TOP.search, lambda n: "## [" + "1." * n, 20000),
    "iso date": (_ISO_DATE.fullmatch, lambda n: "1" * n, 20000),
    "release tag": (TAG.fullmatch, lambda n: "v" + "1." * n, 20000),
    "changelog headings without a bracket": (
        lambda text: sum(1 for _ in HEADING.finditer(text)),
        lambda n: "## [a\n" * n,
        20000,
    ),
    "changelog entry date": (DATED.fullmatch, lambda n: " - " + "1" * n, 20000),
    "citation fields": (
        lambda text: [p.search(text) for p in CFF_FIELDS.values()],
        lambda n: "version:" + " " * n + "1" * n + " \n" + "date-released: '" * n,
        5000,
    ),
    "escaping for output": (printable, lambda n: "\n\u202e\x1b[" * n, 5000),
    "reporting words": (REPORTING.search, lambda n: "according t sai claime " * n, 5000),
    "speaking words": (SPEAKING.search, lambda n: "according t sai prais wrot " * n, 5000),
    "new source ids": (SOURCE_ID.fullmatch, lambda n: "source:" + "a-" * n + "!", 20000),
    "numbered text names": (NUMBERED.match, lambda n: "000_" + "a" * n + ".tx", 20000),
    "word starts": (
        lambda text: sum(1 for _ in quotes._WORD_START.finditer(text)),
        lambda n: "a " * n,
        20000,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_growth_is_linear(name: str) -> None:
    work, make, size = CASES[name]
    assert growth(work, make, size) < LINEAR_BOUND


def test_every_regular_expression_of_the_package_is_timed_here() -> None:
    import kursk_pows

    package = kursk_pows.__path__[0]
    import pathlib

    compiled = set()
    for path in pathlib.Path(package).rglob("*.py"):
        for match in re.finditer(r"^(_?[A-Z_]+) = re\.compile\(", path.read_text("utf-8"), re.M):
            compiled.add(match.group(1))
    timed = {
        "_SURROGATE_ESCAPE",
        "_CHANGELOG_TOP",
        "VERSION_LINE",
        "_ISO_DATE",
        "SLUG",
        "_UNSAFE",
        "REPORTING",
        "SPEAKING",
    }
    timed |= {"_WORD_START", "SOURCE_ID", "NUMBERED"}
    timed |= {"TAG", "HEADING", "DATED"}  # and CFF_FIELDS, a dict of them
    timed |= {"_RUN", "_NEXT"}  # the sentence cutter's, timed by the "sentences: ..." cases
    internal = {"_REF_SUFFIX", "_DECLARED_VERSION"}  # read pydantic's own data, not a dataset's
    assert compiled == timed | internal


class _Counting:
    """difflib.SequenceMatcher that counts the full comparisons asked of it."""

    full = 0
    quick = 0


def test_the_closest_passage_search_is_bounded_by_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib

    real = difflib.SequenceMatcher

    class Counting(real):  # type: ignore[misc, valid-type]
        def ratio(self) -> float:
            _Counting.full += 1
            return float(super().ratio())

        def quick_ratio(self) -> float:
            _Counting.quick += len(self.b)
            return float(super().quick_ratio())

    monkeypatch.setattr(difflib, "SequenceMatcher", Counting)
    text = "ab " * (quotes.HINT_MAX_TEXT // 3)
    quote = "ab " * (quotes.HINT_MAX_QUOTE // 3)
    quotes.closest_passage(text, quote + "x")
    assert _Counting.full <= quotes.HINT_FINALISTS
    assert _Counting.quick <= quotes.HINT_BUDGET + len(quote) + 1


def test_a_run_spends_at_most_its_hint_budget() -> None:
    hints = [2]
    searched = []
    real = quotes.closest_passage

    def spy(text: str, quote: str) -> str | None:
        searched.append(quote)
        return real(text, quote)

    quotes.closest_passage = spy  # type: ignore[assignment]
    try:
        from kursk_pows.models import Evidence

        for n in range(5):
            evidence = Evidence(source="source:a", quote=f"absent {n}")
            located = Located("claim", None, "claims.jsonl", n + 1, "claim:x")
            found = list(quotes._check_evidence(located, 0, evidence, "some text", hints))
            assert [i.code for i in found] == ["quote-not-found"]
    finally:
        quotes.closest_passage = real
    assert (searched, hints) == (["absent 0", "absent 1"], [0])


_CLOSERS = '\u201d\u2019")]'
_OPENERS = '\u201c\u2018"(['
_OLD_BOUNDARY = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*(?=\s+[A-Z0-9{re.escape(_OPENERS)}])")


def _old_cuts(line: str) -> list[int]:
    """The splitter before it became a scanner: a regular expression and an unbounded scan."""

    def abbreviation(dot: int) -> bool:
        start = dot
        while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "._"):
            start -= 1
        word = line[start:dot]
        return bool(word) and (word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()))

    return [
        m.end()
        for m in _OLD_BOUNDARY.finditer(line)
        if not (line[m.start()] == "." and abbreviation(m.start()))
    ]


@given(
    st.text(
        alphabet='aZ1é.!? \t\u00a0\u2003\x1c\u201d\u201c\u2019\u2018")([]No.U.S_',
        max_size=60,
    )
)
def test_the_scanner_cuts_where_the_old_expression_did(line: str) -> None:
    from kursk_pows.reading.sentences import _cuts

    assert _cuts(line) == _old_cuts(line)
