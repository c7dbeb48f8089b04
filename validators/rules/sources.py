"""Source texts: present, safe to read, valid UTF-8, and matching their recorded checksum."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import Issue
from ..reading.stream import Located
from .registry import Check, RuleCode, issue_at, rule

if TYPE_CHECKING:
    from ..models import Source

TEXT_MISSING = RuleCode(
    "source-text-missing",
    "error",
    "A source's text file is missing or unreadable",
    "Every source ships its article text under sources/, so that quotes can be verified.",
    "Add the text file at the source's path, exactly as received, or correct the path.",
)
PATH_UNSAFE = RuleCode(
    "source-path-unsafe",
    "error",
    "A source path leaves sources/ or is a link",
    "Paths are relative to the dataset directory and stay inside sources/: no absolute path, "
    "no `..`, no NUL, at most 1,024 characters, and no symbolic link at any level (sources/ "
    "itself included), no device, FIFO or directory.",
    "Put the text under sources/ as a regular file and give its relative path.",
)
TEXT_INVALID = RuleCode(
    "source-text-invalid",
    "error",
    "A source's text is too large, not valid UTF-8, or empty",
    "Quotes are matched against the text decoded as UTF-8; an undecodable or empty text "
    "cannot support any quote. A text above Config.max_source_bytes (16 MiB) is not read.",
    "Store the article text as UTF-8, as received.",
)
CHECKSUM = RuleCode(
    "source-checksum-mismatch",
    "error",
    "A source text's SHA-256 differs from the recorded one",
    "The sha256 field pins the exact bytes that quotes were checked against; a changed text "
    "silently changes what the evidence means.",
    "If the text change is intended, record the new sha256 and bump the version; otherwise "
    "restore the original text.",
)


@rule(TEXT_MISSING, PATH_UNSAFE, TEXT_INVALID, CHECKSUM)
class SourceTexts(Check):
    kinds = frozenset({"source"})

    def see(self, located: Located, out: list[Issue]) -> None:
        source: Source = located.record
        found = self.index.text_of(source)
        if found.problem_code is not None:
            out.append(issue_at(located, found.problem_code, found.problem or "", pointer="/path"))
        elif found.sha256 != source.sha256:
            out.append(
                issue_at(
                    located,
                    "source-checksum-mismatch",
                    f"{source.path} has sha256 {found.sha256}, the record says {source.sha256}",
                    pointer="/sha256",
                )
            )
