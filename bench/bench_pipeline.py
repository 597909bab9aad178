"""Scale figures of the whole pipeline with Dagster (printed, never a pass/fail).

    python bench/bench_pipeline.py [--sizes 1000,5000,10000] [--no-drop] [--out bench/out]

For each size N: generate N synthetic articles (``bench/synth.py``), run ``gzetl run`` in a
subprocess (the CLI path: the job in-process with Dagster) and measure wall time, the peak
memory of the process tree (sum of the RSS of every process in its session, sampled from
/proc) and facts per second; then add ONE article and run again (the incremental run).
Then, once, the drop latency: ``dagster dev`` over the largest corpus, wait for the sensor's
first run to finish, drop one new article into the raw folder and poll
``warehouse/facts.parquet`` until that article's facts are there.

Targets from the issue: 10,000 articles <= 120 s, drop -> facts <= 30 s, peak memory <= 2 GB,
roughly linear growth. Results go to ``OUT/pipeline.json`` and ``OUT/pipeline.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import polars as pl
from pipelines.processes import free_port, stop_process_group

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import write_corpus

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_EVERY_S = 0.2
DROP_TIMEOUT_S = 300.0
RUNS_QUERY = '{"query": "{ runsOrError { ... on Runs { results { runId status } } } }"}'
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}


@dataclass(frozen=True)
class Measured:
    """One timed subprocess: wall and CPU seconds, peak RSS of its session, return code."""

    seconds: float
    cpu_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    aborted: bool = False


@dataclass(frozen=True)
class SizeResult:
    """The figures of one corpus size."""

    articles: int
    corpus_mb: float
    full_s: float
    full_cpu_s: float
    peak_rss_mb: float
    facts: int | None
    facts_per_s: float | None
    s_per_1000: float
    incremental_s: float | None
    incremental_peak_rss_mb: float | None
    aborted: bool = False


def session_rss_bytes(sid: int) -> int:
    """Sum of the resident memory of every process whose session id is ``sid``."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text()
        except OSError:
            continue
        # Fields after the ")" that ends the command name: state ppid pgrp session ...
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid:
            total += int(statm.split()[1]) * PAGE_SIZE
    return total


def measure(command: list[str], env: dict[str, str], max_rss_mb: float = math.inf) -> Measured:
    """Run ``command`` in its own session; sample the session's RSS until it exits.

    A session above ``max_rss_mb`` is killed (the machine is shared): ``aborted`` is then true.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    peak = 0
    aborted = False
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout or []), daemon=True)
    reader.start()
    while process.poll() is None:
        peak = max(peak, session_rss_bytes(process.pid))
        if peak / 2**20 > max_rss_mb:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            aborted = True
            break
        time.sleep(SAMPLE_EVERY_S)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    reader.join(timeout=5)
    return Measured(seconds, cpu, peak / 2**20, process.returncode, "".join(output), aborted)


def gzetl_run(raw: Path, warehouse: Path, env: dict[str, str], max_rss_mb: float) -> Measured:
    command = [str(BIN / "gzetl"), "run", "--raw", str(raw), "--warehouse", str(warehouse)]
    result = measure(command, env, max_rss_mb)
    if result.returncode != 0 and not result.aborted:
        sys.exit(f"gzetl run failed ({result.returncode}):\n{result.stdout[-4000:]}")
    return result


def bytecode_env(out: Path) -> dict[str, str]:
    """The environment of every measured process: bytecode cached under ``out/pycache``.

    A deployed image has compiled bytecode; an environment with PYTHONDONTWRITEBYTECODE and
    no ``__pycache__`` recompiles Dagster, pandera and polars' Python on every start (seconds).
    The cache goes to its own tree, so the shared virtualenv is left untouched.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(out / "pycache")
    return env


def import_seconds(env: dict[str, str]) -> float:
    """Wall seconds to import the code location: the fixed cost inside every run."""
    command = [sys.executable, "-c", "import pipelines.definitions"]
    return round(measure(command, env).seconds, 1)


def corpus_mb(raw: Path) -> float:
    return sum(path.stat().st_size for path in raw.glob("*.txt")) / 1e6


def bench_size(n: int, out: Path, env: dict[str, str], max_rss_mb: float) -> SizeResult:
    """Generate N articles, run the pipeline, add one article, run again."""
    root = out / f"n{n}"
    shutil.rmtree(root, ignore_errors=True)
    raw, warehouse, home = root / "raw", root / "warehouse", root / "dagster_home"
    write_corpus(raw, n)
    warehouse.mkdir(parents=True)
    home.mkdir()
    env = {**env, "DAGSTER_HOME": str(home)}
    full = gzetl_run(raw, warehouse, env, max_rss_mb)
    if full.aborted:
        result = SizeResult(
            articles=n,
            corpus_mb=round(corpus_mb(raw), 1),
            full_s=round(full.seconds, 1),
            full_cpu_s=round(full.cpu_s, 1),
            peak_rss_mb=round(full.peak_rss_mb),
            facts=None,
            facts_per_s=None,
            s_per_1000=round(full.seconds / n * 1000, 2),
            incremental_s=None,
            incremental_peak_rss_mb=None,
            aborted=True,
        )
        print(json.dumps(asdict(result)), flush=True)
        return result
    facts = pl.scan_parquet(warehouse / "facts.parquet").select(pl.len()).collect().item()
    write_corpus(raw, 1, start=n)
    incremental = gzetl_run(raw, warehouse, env, max_rss_mb)
    result = SizeResult(
        articles=n,
        corpus_mb=round(corpus_mb(raw), 1),
        full_s=round(full.seconds, 1),
        full_cpu_s=round(full.cpu_s, 1),
        peak_rss_mb=round(full.peak_rss_mb),
        facts=facts,
        facts_per_s=round(facts / full.seconds),
        s_per_1000=round(full.seconds / n * 1000, 2),
        incremental_s=round(incremental.seconds, 1),
        incremental_peak_rss_mb=round(incremental.peak_rss_mb),
    )
    print(json.dumps(asdict(result)), flush=True)
    return result


def run_statuses(base: str) -> list[str]:
    """Status of every run the webserver knows, via its GraphQL endpoint."""
    request = urllib.request.Request(
        f"{base}/graphql",
        data=RUNS_QUERY.encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body = json.load(response)
    return [run["status"] for run in body["data"]["runsOrError"]["results"]]


def wait_for(
    predicate: Callable[[], object], timeout: float, what: str, every: float = 0.5
) -> float:
    """Poll ``predicate()`` until it is true; return the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            if predicate():
                return time.perf_counter() - start
        except (OSError, ValueError, KeyError, pl.exceptions.PolarsError):
            pass
        time.sleep(every)
    raise TimeoutError(f"{what}: not within {timeout} s")


def has_source(facts: Path, name: str) -> bool:
    sources = pl.read_parquet(facts, columns=["source"])["source"]
    return bool(sources.str.ends_with(name).any())


def bench_drop(raw: Path, warehouse: Path, out: Path, env: dict[str, str]) -> dict[str, float]:
    """Seconds from dropping a new file into the watched folder to its facts being published."""
    home = Path(tempfile.mkdtemp(prefix="dagster_home_", dir=out))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **env,
        "DAGSTER_HOME": str(home),
        "GZETL_RAW_DIR": str(raw),
        "GZETL_WAREHOUSE_DIR": str(warehouse),
    }
    log = (out / "dagster-dev.log").open("wb")
    command = [str(BIN / "dagster"), "dev", "-h", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(
        [*command, "-m", "pipelines.definitions"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        startup = wait_for(lambda: run_statuses(base) is not None, 300, "dagster dev start")
        # The sensor's first tick sees the whole folder as new: let that run finish first.
        first = wait_for(
            lambda: (s := run_statuses(base)) and all(x in TERMINAL for x in s), 900, "first run"
        )
        time.sleep(2)
        name = "synth-dropped.txt"
        text = (raw / "synth-000000.txt").read_text(encoding="utf-8")
        dropped = "Dropped during the benchmark\n\n" + text.split("\n\n", 1)[1]
        start = time.perf_counter()
        (raw / name).write_text(dropped, encoding="utf-8")
        wait_for(lambda: has_source(warehouse / "facts.parquet", name), DROP_TIMEOUT_S, "drop")
        latency = time.perf_counter() - start
    finally:
        stop_process_group(process, grace=15.0)
        log.close()
        shutil.rmtree(home, ignore_errors=True)
    figures = {
        "startup_s": round(startup, 1),
        "first_run_s": round(first, 1),
        "drop_to_facts_s": round(latency, 1),
    }
    print(json.dumps(figures), flush=True)
    return figures


def _row(r: SizeResult, max_rss_mb: float) -> str:
    if r.aborted:
        return (
            f"| {r.articles:,} | {r.corpus_mb} | killed after {r.full_s} ({r.full_cpu_s}) "
            f"| - | > {max_rss_mb:,.0f} | - | - | - |"
        )
    return (
        f"| {r.articles:,} | {r.corpus_mb} | {r.full_s} ({r.full_cpu_s}) | {r.s_per_1000} "
        f"| {r.peak_rss_mb:,} | {r.facts:,} | {r.facts_per_s:,} | {r.incremental_s} |"
    )


def markdown(
    results: list[SizeResult], drop: dict[str, float] | None, imports: dict[str, float],
    max_rss_mb: float,
) -> str:  # fmt: skip
    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}. Importing the code location takes "
        f"{imports['cold']} s without cached bytecode, {imports['warm']} s with it "
        "(all runs below: with it).",
        "",
        "| articles | corpus MB | full run s (CPU s) | s per 1,000 | peak RSS MB | facts "
        "| facts/s | +1 article s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [_row(r, max_rss_mb) for r in results]
    if drop is not None:
        lines += [
            "",
            f"Drop -> facts (dagster dev, sensor, over {drop['articles']:,.0f} articles): "
            f"{drop['drop_to_facts_s']} s (dagster dev answered after {drop['startup_s']} s; "
            f"the sensor's first full run took {drop['first_run_s']} s).",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated N")
    parser.add_argument("--no-drop", action="store_true", help="skip the dagster dev latency")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument(
        "--max-rss-gb", type=float, default=6.0, help="kill a run whose process tree exceeds this"
    )
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    max_rss_mb = args.max_rss_gb * 1024
    env = bytecode_env(out)
    cold_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    cold_env.pop("PYTHONPYCACHEPREFIX", None)
    imports = {"cold": import_seconds(cold_env)}
    import_seconds(env)  # fills the bytecode cache
    imports["warm"] = import_seconds(env)
    print(json.dumps({"import_s": imports}), flush=True)
    results: list[SizeResult] = []
    for n in (int(size) for size in args.sizes.split(",")):
        results.append(bench_size(n, out, env, max_rss_mb))
        if results[-1].aborted:
            break
    drop = None
    done = [r for r in results if not r.aborted]
    if not args.no_drop and done:
        largest = out / f"n{done[-1].articles}"
        drop = bench_drop(largest / "raw", largest / "warehouse", out, env)
        drop["articles"] = done[-1].articles + 1
    table = markdown(results, drop, imports, max_rss_mb)
    figures = {"import_s": imports, "sizes": [asdict(r) for r in results], "drop": drop}
    (out / "pipeline.json").write_text(json.dumps(figures, indent=2))
    (out / "pipeline.md").write_text(table + "\n")
    print()
    print(table)


if __name__ == "__main__":
    main()
