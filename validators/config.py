"""Tunable limits and plausibility bounds of validation (what is impossible is never tunable)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Settings of one validation run.

    Plausibility warnings:
    ``min_service_age``/``max_service_age`` bound the age at which joining an army is plausible;
    a person whose age at service start must lie outside the range gets a warning.

    Reader limits, which bound time and memory on untrusted input:
    ``max_line_bytes`` (1 MiB) is the longest line parsed, ``max_file_bytes`` (4 GiB) the
    largest record file read, ``max_depth`` (32) the deepest nesting of arrays and objects
    accepted in a line; real records need 5; ``max_source_bytes`` (16 MiB) the largest source
    text and ``max_manifest_bytes`` (16 MiB) the largest manifest.json read.

    Report limits, which keep memory flat however many lines are bad: at most
    ``max_issues_per_file`` (1,000) issues are kept per file and ``max_issues`` (10,000) in
    all; the rest are counted, and the report says how many were left out.
    """

    min_service_age: int = 14
    max_service_age: int = 65
    max_line_bytes: int = 1 << 20
    max_file_bytes: int = 4 << 30
    max_depth: int = 32
    max_source_bytes: int = 16 << 20
    max_manifest_bytes: int = 16 << 20
    max_issues_per_file: int = 1000
    max_issues: int = 10000
