"""Save, then compare, every fact row the extractor writes: a speed change must not change them.

    .venv/bin/python bench/extract_snapshot.py save  [--out /tmp/facts-before.parquet]
    .venv/bin/python bench/extract_snapshot.py check [--out /tmp/facts-before.parquet]

The documents: the dev corpus (with its publication dates), the article in raw/ (with and
without a publication date), ~2 MB of the English synthetic text of ``bench_extract.py`` and
~1 MB of its Chinese one (the Chinese dev articles are in the corpus and in that mix).
``check`` prints IDENTICAL, or the first differences and exits 1. The fact and statement ids
and the extractor version change with every edit of the rules (``gzetl.version``), so rows
are compared without them: a statement is named by the span start of its first fact.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from bench_extract import Doc, synthetic_corpus, zh_synthetic_corpus
from gzetl.evaluation import load_corpus
from gzetl.extraction import extract_documents


def documents() -> list[Doc]:
    """The documents whose facts are compared."""
    docs: list[Doc] = [(d.text, d.doc_id, d.name, d.published) for d in load_corpus("tests/corpus")]
    article = next(Path("raw").glob("*.txt")).read_text(encoding="utf-8")
    docs.append((article, "raw", "raw", date(2026, 1, 15)))
    docs.append((article, "raw-undated", "raw", None))
    docs += synthetic_corpus(1.5)
    dense = synthetic_corpus(0.5, dense_share=1.0, seed=3)
    docs += [(text, f"dense-{doc_id}", source, pub) for text, doc_id, source, pub in dense]
    docs += zh_synthetic_corpus(0.7)
    zh_dense = zh_synthetic_corpus(0.3, dense_share=1.0, seed=3)
    docs += [(text, f"dense-{doc_id}", source, pub) for text, doc_id, source, pub in zh_dense]
    return docs


VERSIONED = ("fact_id", "statement_id", "extractor_version")


def comparable(facts: pl.DataFrame) -> pl.DataFrame:
    """The rows without what the extractor version changes, in a stable order."""
    first = facts.select(
        pl.col("fact_id").alias("statement_id"), pl.col("span_start").alias("statement_start")
    )
    return (
        facts.join(first, on="statement_id", how="left")
        .drop(VERSIONED)
        .sort(["doc_id", "span_start", "span_end", "unit"], nulls_last=True)
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("--out", default="/tmp/facts-before.parquet")
    args = parser.parse_args(argv)
    facts = comparable(extract_documents(documents()))
    if args.action == "save":
        facts.write_parquet(args.out)
        print(f"saved {facts.height} rows to {args.out}")
        return 0
    try:
        assert_frame_equal(facts, pl.read_parquet(args.out))
    except AssertionError as exc:
        print(f"DIFFERENT: {exc}")
        return 1
    print(f"IDENTICAL ({facts.height} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
