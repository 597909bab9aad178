"""Time and memory of each validation check on a synthetic corpus (printed, never a pass/fail).

    python bench/bench_checks.py [--sizes 1000,2000] [--out bench/out]

Without Dagster: scan the raw folder, extract every document, then run each check of
``gzetl.checks.CHECKS`` alone and report its wall seconds, the growth of this process's peak
RSS while it ran (the kernel's high-water mark is reset before each check) and its failing
rows. A check whose time or memory grows faster than the corpus shows up as a ratio well
above the size ratio between two sizes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gzetl import checks, incremental
from gzetl.extraction import extract_documents
from synth import write_corpus

REPO = Path(__file__).resolve().parents[1]
STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def rss_mb(field: str) -> float:
    """VmRSS or VmHWM (peak) of this process, MB."""
    for line in STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak() -> None:
    """Set VmHWM back to the current RSS (Linux: write 5 to clear_refs)."""
    CLEAR_REFS.write_text("5")


def corpus(n: int, out: Path) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]:
    """Facts, documents and texts of N synthetic articles."""
    raw = out / f"checks-n{n}"
    if not raw.exists():
        write_corpus(raw, n)
    scan = incremental.scan(str(raw), None)
    active = incremental.active(scan.documents)
    rows = active.select("doc_id", "source", "published").rows()
    start = time.perf_counter()
    facts = extract_documents((scan.texts[d], d, s, p) for d, s, p in rows)
    print(f"n={n}: {facts.height:,} facts extracted in {time.perf_counter() - start:.1f} s")
    return facts, scan.documents, scan.texts


def bench(n: int, out: Path) -> pl.DataFrame:
    facts, documents, texts = corpus(n, out)
    figures = []
    for check in checks.CHECKS:
        reset_peak()
        before = rss_mb("VmRSS")
        start = time.perf_counter()
        failing = check.find(facts, documents, texts)
        seconds = time.perf_counter() - start
        figures.append(
            {
                "n": n,
                "check": check.name,
                "seconds": round(seconds, 3),
                "peak_extra_mb": round(rss_mb("VmHWM") - before),
                "failing": failing.height,
            }
        )
    return pl.DataFrame(figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    table = pl.concat([bench(int(n), args.out) for n in args.sizes.split(",")])
    wide = table.pivot("n", index="check", values=["seconds", "peak_extra_mb", "failing"])
    table.write_csv(args.out / "checks.csv")
    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_width_chars=200):
        print(wide.sort(wide.columns[len(args.sizes.split(","))], descending=True))


if __name__ == "__main__":
    main()
