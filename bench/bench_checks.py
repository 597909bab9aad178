"""Time and memory of each validation check, and of ``validate`` whole, on a synthetic corpus.

    python bench/bench_checks.py [--sizes 1000,5000,10000] [--out bench/out] [--skip-checks]

Without Dagster: scan the raw folder and extract every document once per size, caching the
candidates, documents and texts as Parquet under ``OUT/cache-nN/`` (git-ignored). Then run
each check of ``gzetl.checks.CHECKS`` alone and report its wall and CPU seconds, the growth of
this process's peak RSS while it ran (the kernel's high-water mark is reset before each
check) and its failing rows; then ``gzetl.validation.validate`` as a whole, with the peak RSS
of the process. The machine is shared, so CPU seconds are the steadier figure. A check whose
time or memory grows faster than the corpus shows up as a ratio well above the size ratio
between two sizes.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gzetl import checks, incremental
from gzetl.extraction import extract_documents
from gzetl.validation import validate
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
    """Facts, documents and texts of N synthetic articles (extracted once, then cached)."""
    cache = out / f"cache-n{n}"
    if (cache / "facts.parquet").exists():
        facts = pl.read_parquet(cache / "facts.parquet")
        documents = pl.read_parquet(cache / "documents.parquet")
        texts_frame = pl.read_parquet(cache / "texts.parquet")
        texts = dict(zip(texts_frame["doc_id"], texts_frame["text"], strict=True))
        print(f"n={n}: {facts.height:,} facts from {cache}")
        return facts, documents, texts
    raw = out / f"checks-n{n}"
    if not raw.exists():
        write_corpus(raw, n)
    scan = incremental.scan(str(raw), None)
    active = incremental.active(scan.documents)
    rows = active.select("doc_id", "source", "published").rows()
    start = time.perf_counter()
    facts = extract_documents((scan.texts[d], d, s, p) for d, s, p in rows)
    print(f"n={n}: {facts.height:,} facts extracted in {time.perf_counter() - start:.1f} s")
    cache.mkdir(parents=True, exist_ok=True)
    facts.write_parquet(cache / "facts.parquet")
    scan.documents.write_parquet(cache / "documents.parquet")
    pl.DataFrame(
        {"doc_id": list(scan.texts), "text": list(scan.texts.values())},
        schema={"doc_id": pl.String, "text": pl.String},
    ).write_parquet(cache / "texts.parquet")
    return facts, scan.documents, scan.texts


def _timed(figures: list[dict[str, object]], n: int, name: str, run: object) -> None:
    reset_peak()
    before = rss_mb("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    rows = run()  # type: ignore[operator]
    figures.append(
        {
            "n": n,
            "check": name,
            "seconds": round(time.perf_counter() - wall, 3),
            "cpu_seconds": round(time.process_time() - cpu, 3),
            "peak_extra_mb": round(rss_mb("VmHWM") - before),
            "peak_rss_mb": round(rss_mb("VmHWM")),
            "failing": rows,
        }
    )


def bench(n: int, out: Path, *, each_check: bool) -> pl.DataFrame:
    facts, documents, texts = corpus(n, out)
    figures: list[dict[str, object]] = []
    if each_check:
        for check in checks.CHECKS:
            # a clone per check: shared frames are memoised per frame (checks.frames.memo),
            # and each check is to be timed as if it ran alone
            _timed(
                figures,
                n,
                check.name,
                lambda c=check: c.find(facts.clone(), documents, texts).height,
            )

    def whole() -> int:
        done = validate(facts, documents, texts, run_id="bench", checked_at=datetime.now(UTC))
        return done.quarantine.height

    _timed(figures, n, "validate (quarantined rows)", whole)
    return pl.DataFrame(figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--skip-checks", action="store_true", help="time validate alone")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [int(n) for n in args.sizes.split(",")]
    table = pl.concat([bench(n, args.out, each_check=not args.skip_checks) for n in sizes])
    table.write_csv(args.out / "checks.csv")
    values = ["seconds", "cpu_seconds", "peak_extra_mb", "failing"]
    wide = table.pivot("n", index="check", values=values, maintain_order=True)
    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_width_chars=250):
        print(wide)
        print(table.filter(pl.col("check").str.starts_with("validate")))


if __name__ == "__main__":
    main()
