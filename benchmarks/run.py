"""Benchmark validation side by side, and check the performance targets.

    python benchmarks/run.py [--sizes 10000,100000,1000000] [--work DIR]

For each size it generates a synthetic dataset (benchmarks/generate.py) and measures, each in
a fresh process, wall seconds and peak resident memory of:
  (a) `kursk-pows validate` (every rule);
  (b) the floor: every line validated by its pydantic model (`model_validate_json`), nothing else;
  (c) a peer: the `jsonschema` library validating every record against the committed schemas
      (structure only, none of our rules; format checking off, as a peer would run it);
  (d) `kursk_pows.load()` of the same dataset (validation plus the typed records);
  (e) `kursk-pows export --format csv` (load, every table's rows, the files and descriptors);
  (f) `kursk-pows export --format parquet`, and (g) DuckDB converting the same record files
      to Parquet (`read_json_auto`, one `COPY` per file): an engine's speed on the same data.
Ratios are of whole-process CPU time (user and system), taken within one run on the same data,
so that a machine busy with other work changes them less than it changes wall time.
Then the cold-start times on the bundled dataset with the installed pydantic: the first run
(which fills the cache of the models' core schemas, in a cache directory of its own) and the
median of later runs of `kursk-pows validate` and `load()`, against `python -c "import pydantic"`,
and `kursk-pows site` building the bundled dataset's web site.
Targets (those of issue 24) are printed with pass/fail; nothing here is asserted by the test
suite.  (c) is slow (about five minutes at 1M claims) and is skipped above ``--peer-max``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KIND_FILES = ("predicates", "sources", "entities", "events", "claims", "exclusions")

FLOOR = """
import sys
from pathlib import Path
from kursk_pows.records.kinds import KINDS
root = Path(sys.argv[1])
for kind in KINDS:
    validate = kind.model.model_validate_json
    with open(root / kind.file, "rb") as lines:
        for line in lines:
            validate(line)
"""

PEER = """
import json, sys
from pathlib import Path
import jsonschema
root, schemas = Path(sys.argv[1]), Path(sys.argv[2])
for name in ("predicate", "source", "entity", "event", "claim", "exclusion"):
    schema = json.loads((schemas / f"{name}.schema.json").read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    file = {"entity": "entities"}.get(name, name + "s") + ".jsonl"
    with open(root / file, "rb") as lines:
        for line in lines:
            validator.is_valid(json.loads(line))
"""

ENGINE = """
import sys
from pathlib import Path
import duckdb
root, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir()
for path in sorted(root.glob("*.jsonl")):
    if path.stat().st_size:
        duckdb.sql(
            f"COPY (SELECT * FROM read_json_auto('{path}')) TO '{out / path.stem}.parquet' "
            "(FORMAT parquet, COMPRESSION zstd)"
        )
"""

LOAD = """
import sys
import kursk_pows
kursk_pows.load(sys.argv[1])
"""


def measure(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MiB and CPU seconds (user and system) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(
            f"failed: {' '.join(argv)}: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def count_lines(path: Path) -> int:
    """Lines of a file, read in pieces: this process must stay small, because a child's peak
    memory as Linux reports it includes the parent's size at the moment of the fork."""
    with path.open("rb") as stream:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))


def cold(commands: list[list[str]], repeat: int = 21) -> list[float]:
    """Median CPU seconds of each command, run in turn ``repeat`` times: interleaved, so
    that a machine busier at one moment than another weighs on every command alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for argv, seen in zip(commands, times, strict=True):
            seen.append(measure(argv)[2])
    return [statistics.median(seen) for seen in times]


def _export(python: str, work: Path, root: Path, size: int, format: str) -> tuple[float, ...]:
    """Measure ``kursk-pows export`` of the dataset at ``root`` in ``format``."""
    out = work / f"export-{size}-{format}"
    shutil.rmtree(out, ignore_errors=True)
    found = measure(
        [python, "-m", "kursk_pows", "export", str(out), "--dataset", str(root), "--format", format]
    )
    shutil.rmtree(out, ignore_errors=True)
    return found


def byte_compile() -> None:
    """Compile the package to bytecode, as pip does when it installs a wheel.  An editable
    checkout run with PYTHONDONTWRITEBYTECODE set would otherwise compile every module again in
    every cold start, which no installed copy does (pydantic's bytecode was written by pip)."""
    import compileall

    import kursk_pows

    compileall.compile_dir(Path(kursk_pows.__file__).parent, quiet=1)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--work", type=Path, default=None, help="where datasets are generated")
    parser.add_argument(
        "--site-sizes", default="10000,100000", help="claims of the generated sites to build"
    )
    parser.add_argument(
        "--peer-max", type=int, default=100_000, help="largest size measured with (c) jsonschema"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="kursk-bench-"))
    python = sys.executable
    rows = []
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; work dir {work}")
    print(
        f"pydantic {importlib.metadata.version('pydantic')}, "
        f"pydantic-core {importlib.metadata.version('pydantic-core')}"
    )
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # children keep their cache here
    measure([python, "-m", "kursk_pows", "validate"])  # fills it: (a) is not a first run
    print(
        f"{'claims':>9} {'records':>9} | {'(a) validate':>20} | {'(b) pydantic':>20} | "
        f"{'(c) jsonschema':>20} | {'a/b':>5} {'c/a':>5}"
    )
    for size in sizes:
        root = work / f"ds-{size}"
        if not (root / "claims.jsonl").is_file():
            subprocess.run(
                [python, str(HERE / "generate.py"), str(root), "--claims", str(size)], check=True
            )
        records = sum(count_lines(root / f"{k}.jsonl") for k in KIND_FILES)
        a = measure([python, "-m", "kursk_pows", "validate", str(root), "--format", "json"])
        b = measure([python, "-c", FLOOR, str(root)])
        c = (
            measure([python, "-c", PEER, str(root), str(ROOT / "schema")])
            if size <= args.peer_max
            else (float("nan"),) * 3
        )
        d = measure([python, "-c", LOAD, str(root)])
        e, f = (_export(python, work, root, size, format) for format in ("csv", "parquet"))
        shutil.rmtree(work / f"duckdb-{size}", ignore_errors=True)
        g = measure([python, "-c", ENGINE, str(root), str(work / f"duckdb-{size}")])
        shutil.rmtree(work / f"duckdb-{size}", ignore_errors=True)
        rows.append((size, records, a, b, c, d, e, f, g))
        peer = (
            f"{c[0]:>8.2f} s {records / c[0]:>7.0f}/s"
            if c[0] == c[0]  # not NaN: measured
            else f"{'not run (--peer-max)':>19}"
        )
        print(
            f"{size:>9} {records:>9} | {a[0]:>8.2f} s {records / a[0]:>7.0f}/s "
            f"| {b[0]:>8.2f} s {records / b[0]:>7.0f}/s | {peer} "
            f"| {a[0] / b[0]:>5.2f} {c[0] / a[0]:>5.1f}",
            flush=True,
        )
        print(f"{'':>20} peak MiB: (a) {a[1]:.0f}  (b) {b[1]:.0f}  (c) {c[1]:.0f}", flush=True)
        print(f"{'':>20} CPU s: (a) {a[2]:.2f}  (b) {b[2]:.2f}  (c) {c[2]:.2f}", flush=True)
        for label, m in (("(d) load()", d), ("(e) export csv", e), ("(f) export parquet", f)):
            print(
                f"{'':>20} {label} {m[0]:.2f} s, {m[2]:.2f} s CPU, {m[1]:.0f} MiB "
                f"= {m[2] / a[2]:.2f}x (a) in CPU",
                flush=True,
            )
        print(
            f"{'':>20} (g) DuckDB JSON -> Parquet {g[0]:.2f} s, {g[2]:.2f} s CPU, {g[1]:.0f} MiB; "
            f"(f)/(g) in CPU {f[2] / g[2]:.1f}x",
            flush=True,
        )

    byte_compile()
    print("\ncold start, bundled dataset (package byte-compiled):")
    shutil.rmtree(work / "cache", ignore_errors=True)
    validate = [python, "-m", "kursk_pows", "validate"]
    first = measure(validate)[0]
    import_pydantic, validate_cold, load_cold = cold(  # CPU seconds
        [
            [python, "-c", "import pydantic"],
            validate,
            [python, "-c", "import kursk_pows; kursk_pows.load()"],
        ]
    )
    print(f"  kursk-pows validate, first run    {first:.3f} s  (fills the cache)")
    print("  median CPU time of 21 later runs, interleaved:")
    print(f"  python -c 'import pydantic'       {import_pydantic:.3f} s")
    print(f"  kursk-pows validate               {validate_cold:.3f} s")
    print(f"  import kursk_pows; load()         {load_cold:.3f} s")
    shutil.rmtree(work / "site", ignore_errors=True)
    site = measure([python, "-m", "kursk_pows", "site", str(work / "site")])
    print(f"  kursk-pows site                   {site[0]:.3f} s  {site[1]:.0f} MiB")

    sites = {}
    print("\nsite of generated datasets (kursk-pows site, default as-of days):")
    for size in [int(s) for s in args.site_sizes.split(",") if s]:
        root = work / f"ds-{size}"
        if not (root / "claims.jsonl").is_file():
            subprocess.run(
                [python, str(HERE / "generate.py"), str(root), "--claims", str(size)], check=True
            )
        out = work / f"site-{size}"
        shutil.rmtree(out, ignore_errors=True)
        built = measure([python, "-m", "kursk_pows", "site", str(out), "--dataset", str(root)])
        files = [p for p in out.rglob("*") if p.is_file()]
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        sites[size] = built
        print(
            f"  {size:>9} claims: {built[0]:.1f} s wall, {built[2]:.1f} s CPU, {built[1]:.0f} MiB "
            f"peak, {megabytes:.0f} MB in {len(files)} files",
            flush=True,
        )
        shutil.rmtree(out, ignore_errors=True)

    print("\ntargets (issue 24; ratios of CPU time):")
    by_size = {r[0]: r for r in rows}

    def target(what: str, value: float, limit: float, unit: str = "x") -> None:
        print(f"  {what} <= {limit:g}{unit}: {value:.2f}{unit} {verdict(value <= limit)}")

    ratio = validate_cold / import_pydantic
    target("cold validate / import pydantic", ratio, 1.8)
    if 1_000_000 in by_size:
        at = by_size[1_000_000]
        target("(a) validate / (b) pydantic floor at 1M", at[2][2] / at[3][2], 4)
        target("(a) validate peak memory at 1M", at[2][1], 512, " MiB")
        target("(d) load() peak memory at 1M", at[5][1], 1024, " MiB")
        target("(e) export csv peak memory at 1M", at[6][1], 1024, " MiB")
    else:
        print("  the rows at 1M: not measured (add 1000000 to --sizes)")
    if 100_000 in by_size:
        at = by_size[100_000]
        target("(f) export parquet / (g) DuckDB at 100k", at[7][2] / at[8][2], 3)
        target("(e) export csv / (a) validate at 100k", at[6][2] / at[2][2], 1.3)
        target("(d) load() / (a) validate at 100k", at[5][2] / at[2][2], 1.3)
        if 100_000 in sites:
            target("site / (a) validate at 100k", sites[100_000][2] / at[2][2], 3)
            target("site peak memory at 100k", sites[100_000][1], 1024, " MiB")
    else:
        print("  the rows at 100k: not measured (add 100000 to --sizes)")
    largest = rows[-1]
    peer = [r for r in rows if r[4][2] == r[4][2]]  # measured with (c)
    if peer:
        print(f"  (c) jsonschema / (a) at {peer[-1][0]}: {peer[-1][4][2] / peer[-1][2][2]:.1f}x")
    print(f"  largest size measured: {largest[0]} claims")
    print(f"  site of the bundled dataset <= 5 s: {site[0]:.2f} s {verdict(site[0] <= 5)}")
    loading = load_cold / validate_cold
    target("cold load() / cold validate", loading, 1.3)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
