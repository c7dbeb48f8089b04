"""The figures block of mutation/README.md, written from the stored results.

Results are kept per module in ``mutation/results.json`` (committed, so that later sessions build
on them) with the hash of the module's source they were measured on; a module whose source has
changed since counts as not run.  The file is written in a stable order, one mutant a line, so
that its diffs show which mutants changed.
Survivors are joined with ``mutation/equivalent.toml``, the hand-kept explanations of those that
no test can tell from the original; survivors without one are listed as live.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import tomllib
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

from mutants import PACKAGE, modules, mutants

RESULTS = Path(__file__).parent / "results.json"
EQUIVALENT = Path(__file__).parent / "equivalent.toml"
BEGIN = "<!-- figures: written by `python mutation/run.py --report mutation/README.md` -->"
END = "<!-- end of figures -->"
KILLED = ("killed", "timeout")


def source_hash(module: str, package: Path = PACKAGE) -> str:
    return hashlib.sha256((package / f"{module}.py").read_bytes()).hexdigest()


def load_results(path: Path = RESULTS) -> dict[str, dict[str, object]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def dumps(results: dict[str, dict[str, object]]) -> str:
    """The results as JSON in a stable order: modules and keys sorted, the mutants by place and
    kind, one a line."""
    modules = []
    for module, result in sorted(results.items()):
        fields = [
            f"  {json.dumps(key)}: {json.dumps(value, sort_keys=True)}"
            for key, value in sorted(result.items())
            if key != "mutants"
        ]
        rows = sorted(
            result.get("mutants", []),  # type: ignore[call-overload]
            key=lambda r: (r["line"], r["column"], r["kind"]),
        )
        lines = ",\n".join(f"   {json.dumps(row, sort_keys=True)}" for row in rows)
        fields.append(f'  "mutants": [\n{lines}\n  ]' if rows else '  "mutants": []')
        modules.append(f" {json.dumps(module)}: {{\n" + ",\n".join(sorted(fields)) + "\n }")
    return "{\n" + ",\n".join(modules) + "\n}\n" if modules else "{}\n"


def store(module: str, rows: list[dict[str, object]], stamp: dict[str, object]) -> None:
    """Keep one module's results (replacing earlier ones)."""
    results = load_results()
    results[module] = {"hash": source_hash(module), "mutants": rows, **stamp}
    RESULTS.write_text(dumps(results), encoding="utf-8")


def equivalents(path: Path = EQUIVALENT) -> dict[tuple[str, int, str], str]:
    """(module, line, kind) -> why no test can tell that mutant from the original."""
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("equivalent", [])
    return {(e["module"], e["line"], e["kind"]): e["why"] for e in entries}


def _package(module: str) -> str:
    return module.split("/")[0] if "/" in module else "(top level)"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def render(
    results: dict[str, dict[str, object]],
    explained: dict[tuple[str, int, str], str],
    sizes: dict[str, int],
    current: dict[str, str],
) -> str:
    """The Markdown of the figures: per package and per module, then the survivors."""
    fresh = {m: r for m, r in results.items() if m in current and r["hash"] == current[m]}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    equivalent_rows: list[str] = []
    live: list[str] = []
    for module, result in sorted(fresh.items()):
        for row in result["mutants"]:  # type: ignore[attr-defined]
            name = f"`{module}.py:{row['line']}` {row['kind']}"
            counts[module]["mutants"] += 1
            if row["outcome"] in KILLED:
                counts[module]["killed"] += 1
            elif (module, row["line"], row["kind"]) in explained:
                counts[module]["equivalent"] += 1
                why = explained[(module, row["line"], row["kind"])]
                cell = why.replace("|", "\\|")  # a bar would end the table cell
                equivalent_rows.append(f"| {name} | {cell} |")
            else:
                counts[module]["live"] += 1
                note = " (no test runs this line)" if row["outcome"] == "not covered" else ""
                note += " (only the fastest covering tests ran)" if row.get("cut") else ""
                live.append(f"- {name}{note}")
    by_package: dict[str, Counter[str]] = defaultdict(Counter)
    for module, counted in counts.items():
        by_package[_package(module)].update(counted)
    total: Counter[str] = sum(by_package.values(), Counter())
    lines = [BEGIN, "", _machine(fresh), ""]
    lines.append(
        f"**{total['killed']} of {total['mutants']} mutants killed "
        f"({_percent(total['killed'], total['mutants'])})**; "
        f"{total['equivalent']} survivors explained as equivalent, "
        f"{total['live']} unexplained."
    )
    lines += ["", "| package | mutants | killed | equivalent | unexplained | killed % |"]
    lines.append("|---|---:|---:|---:|---:|---:|")
    for package, c in sorted(by_package.items()):
        lines.append(
            f"| {package} | {c['mutants']} | {c['killed']} | {c['equivalent']} | {c['live']} "
            f"| {_percent(c['killed'], c['mutants'])} |"
        )
    missing = _not_run(sizes, fresh)
    if missing:
        lines += ["", "Not run on the current source: " + ", ".join(missing) + "."]
    lines += ["", "<details><summary>Per module</summary>", ""]
    lines += [
        "| module | mutants | killed | equivalent | unexplained |",
        "|---|---:|---:|---:|---:|",
    ]
    for module, c in sorted(counts.items()):
        lines.append(
            f"| {module} | {c['mutants']} | {c['killed']} | {c['equivalent']} | {c['live']} |"
        )
    lines += ["", "</details>", ""]
    if live:
        lines += ["Unexplained survivors (live until a test kills them or a reason is given):", ""]
        lines += [*live, ""]
    if equivalent_rows:
        lines += ["Survivors explained as equivalent (`mutation/equivalent.toml`):", ""]
        lines += ["| mutant | why no test can tell |", "|---|---|", *equivalent_rows, ""]
    return "\n".join([*lines, END])


def _not_run(sizes: dict[str, int], fresh: dict[str, dict[str, object]]) -> list[str]:
    """Whole packages not run (with their number of mutants), else the modules not run."""
    packages: dict[str, list[str]] = defaultdict(list)
    for module, size in sorted(sizes.items()):
        if size:
            packages[_package(module)].append(module)
    named = []
    for package, members in sorted(packages.items()):
        missing = [m for m in members if m not in fresh]
        if missing == members:
            named.append(f"{package} ({sum(sizes[m] for m in members)} mutants)")
        else:
            named += [f"`{m}` ({sizes[m]} mutants)" for m in missing]
    return named


def _machine(fresh: dict[str, dict[str, object]]) -> str:
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("pytest", "hypothesis", "pydantic")
    )
    dates = sorted(str(r.get("date", "?")) for r in fresh.values())
    spent = sum(float(r.get("seconds", 0)) for r in fresh.values())  # type: ignore[arg-type]
    when = f"{dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else "".join(dates[:1])
    budgets = sorted({float(r.get("budget", 60)) for r in fresh.values()})  # type: ignore[arg-type]
    budget = " or ".join(f"{b:g} s" for b in budgets)
    return (
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, {versions}; run {when}, "
        f"{spent:.0f} s for the last run of each module, a budget of {budget} of measured test "
        "time per mutant."
    )


def rewrite(readme: Path, block: str) -> None:
    """Replace the figures block of ``readme`` (or add it at the end)."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def report(readme: Path) -> None:
    every = modules()
    current = {m: source_hash(m) for m in every}
    sizes = {m: sum(1 for _ in mutants(m)) for m in every}
    rewrite(readme, render(load_results(), equivalents(), sizes, current))
