"""The rule catalog (docs/rules.md), rendered from the registry so it cannot drift."""

from __future__ import annotations

from ..rules import CODES
from .examples import EXAMPLES

HEADER = """# Rule catalog

Generated from the rule registry by `kursk-pows rules`; do not edit by hand
(`python scripts/regenerate.py` rewrites it, and a test fails when it is out of date).

Every issue the validator reports carries one of these codes. Errors make the dataset invalid
(exit status 1); warnings do not. Each entry's example is an edit to the small dataset in
[`docs/example-dataset/`](example-dataset/) that makes validation report that code and no
other; the tests apply every example to prove it.

| code | severity | title |
|---|---|---|
"""


def render_rule(code: str) -> str:
    """One code's section of the catalog (Markdown): meaning, example and fix."""
    c = CODES[code]
    return (
        f"## {c.code}\n\n**{c.severity}**: {c.title}.\n\n{c.explanation}\n\n"
        f"**Example:** {EXAMPLES[c.code].describe()}\n\n**Fix:** {c.fix}\n"
    )


def rule_data(code: str) -> dict[str, str]:
    """One code's documentation as JSON-ready data."""
    c = CODES[code]
    return {
        "code": c.code,
        "severity": c.severity,
        "title": c.title,
        "explanation": c.explanation,
        "example": EXAMPLES[c.code].describe(),
        "fix": c.fix,
    }


def render_catalog() -> str:
    """The whole catalog as Markdown: a table of codes, then one section per code."""
    codes = sorted(CODES.values(), key=lambda c: c.code)
    table = "".join(f"| [`{c.code}`](#{c.code}) | {c.severity} | {c.title} |\n" for c in codes)
    sections = "".join(f"\n{render_rule(c.code)}" for c in codes)
    return HEADER + table + sections
