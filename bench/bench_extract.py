"""Speed and memory of ``gzetl.extraction.extract_documents`` on three kinds of text.

    .venv/bin/python bench/bench_extract.py [--mb 20] [--rounds 3] [--case NAME]

Cases, each run in a fresh process so that its peak memory is its own:

- ``article``: the real article in raw/, repeated as separate documents;
- ``corpus``: the dev corpus ``tests/corpus/*.txt|md`` (with its publication dates), repeated;
- ``mix``: a synthetic genre mix (~20 MB) built by varying the numbers, places and periods
  of sentences written for this benchmark, 30% of them stating figures, plus the article;
- ``stress``: the same sentences, every one stating figures.

Throughput is MB of UTF-8 text per CPU second (``time.process_time``) of one process, best
of ``--rounds`` passes: the machine is shared, so wall time depends on what else runs and
CPU time is the fairer figure; wall MB/s is printed beside it. A figure to read, never a
pass/fail.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gzetl.extraction import extract_documents
from gzetl.native import is_compiled

Doc = tuple[str, str, str, date | None]

TEMPLATES = (
    "In {year}, the total import and export value of {place} reached {a}.{b} {scale} yuan, "
    "a year-on-year increase of {r}.{s}%.",
    "Among them, exports were {a}.{b} {scale} yuan, up {r}.{s}% year-on-year, and imports "
    "were {c}.{b} {scale} yuan, down {s}.{r}%.",
    "{place} handled a container throughput of over {a}.{b} million TEUs and a cargo "
    "throughput of nearly {c} million tons in the first {n} months.",
    "Guangzhou Customs supervised {a}.{b} million inbound and outbound passengers through the "
    "Baiyun Airport port, an increase of about {r}% compared with last year.",
    "The clearance time was reduced from {c} hours to within {n} hours, saving {n} to {r} days.",
    "Trade with ASEAN was {a}.{b} {scale} yuan (about {c}.{s} {scale} U.S. dollars), "
    "accounting for {r}.{s}% of the total.",
    "Guangzhou Customs has launched {c} reform measures and {n} service measures for "
    "{place} since the 14th Five-Year Plan period.",
    "Exports of mechanical and electrical products grew by {r}.{s}%, while private enterprises "
    "imported {a}.{b} {scale} yuan, up {s}.{r} percentage points.",
    "The One Port Pass model links {place} with the fifth batch of pilot zones and ranked first "
    "for seven consecutive years.",
    "There were {c}{b}{r} inbound and outbound flights in {year}, a decrease of {s}.{r}%.",
)
# Prose without figures, as most sentences of a release are (written for this benchmark).
PROSE = (
    "The customs authority will continue to deepen reform and optimise the business environment "
    "at ports, so that enterprises enjoy more convenient clearance services.",
    "Officials said the new supervision model integrates declaration, inspection and release "
    "into one smart platform shared by port operators and logistics companies.",
    "Local enterprises reported that the pre-arrival processing of documents saves warehousing "
    "costs and lets perishable goods reach supermarkets while they are still fresh.",
    "In the next stage, the department will strengthen cooperation with Hong Kong and Macao "
    "on rules and standards, and support the construction of the Greater Bay Area.",
    "The exhibition economy, cross-border e-commerce and market procurement have become new "
    "engines of growth, and customs has tailored its service measures to each of them.",
    "A spokesperson added that risk management and intelligent inspection equipment allow "
    "officers to focus on high-risk consignments without slowing down ordinary trade.",
    "Companies in the bonded zone can now complete the whole process online, from filing "
    "records to paying duties, without visiting a service hall.",
    "The policy has been welcomed by traders, who say that predictable clearance times make "
    "it easier to plan production and to sign long-term contracts with foreign buyers.",
)
DENSE_SHARE = 0.3  # share of sentences that state figures; the raw/ article has about one in four

PLACES = ("Guangzhou", "Nansha Port", "Huangpu District", "Guangdong Province", "Shenzhen")
SCALES = ("billion", "trillion", "million", "100 million")
PUBLISHED = date(2026, 1, 15)


def _sentence(rng: random.Random, dense_share: float) -> str:
    if rng.random() >= dense_share:
        return rng.choice(PROSE)
    return rng.choice(TEMPLATES).format(
        year=rng.randint(2019, 2025),
        place=rng.choice(PLACES),
        scale=rng.choice(SCALES),
        a=rng.randint(1, 999),
        b=rng.randint(1, 99),
        c=rng.randint(2, 900),
        r=rng.randint(1, 60),
        s=rng.randint(0, 9),
        n=rng.randint(2, 11),
    )


def _article() -> str:
    return next(Path("raw").glob("*.txt")).read_text(encoding="utf-8")


def synthetic_corpus(
    megabytes: float, dense_share: float = DENSE_SHARE, seed: int = 7
) -> list[Doc]:
    """Documents of 10-30 sentences each (every 20th the article) until ``megabytes`` of text."""
    rng = random.Random(seed)
    article = _article()
    docs: list[Doc] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        if len(docs) % 20 == 0:
            text = article
        else:
            sentences = [_sentence(rng, dense_share) for _ in range(rng.randint(10, 30))]
            text = "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
        docs.append((text, f"doc{len(docs)}", f"synthetic/{len(docs)}.txt", PUBLISHED))
        size += len(text.encode("utf-8"))
    return docs


def _repeated(docs: list[Doc], megabytes: float) -> list[Doc]:
    """``docs`` repeated (new doc ids) until ``megabytes`` of text."""
    out: list[Doc] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text, doc_id, source, published in docs:
            out.append((text, f"{doc_id}#{len(out)}", source, published))
            size += len(text.encode("utf-8"))
    return out


def article_docs(megabytes: float) -> list[Doc]:
    """The raw/ article (14.7 KB) repeated."""
    return _repeated([(_article(), "article", "raw/article.txt", PUBLISHED)], megabytes)


def corpus_docs(megabytes: float) -> list[Doc]:
    """The dev corpus (52 documents, 57 KB) with its publication dates, repeated."""
    from gzetl.evaluation import load_corpus  # noqa: PLC0415 (only this case needs it)

    docs = [(d.text, d.doc_id, d.name, d.published) for d in load_corpus("tests/corpus")]
    return _repeated(docs, megabytes)


# name -> (description, share of --mb to build, builder)
CASES: dict[str, tuple[str, float, Callable[[float], list[Doc]]]] = {
    "article": ("(a) the raw/ article, repeated", 0.15, article_docs),
    "corpus": ("(b) the dev corpus tests/corpus, repeated", 0.15, corpus_docs),
    "mix": (
        f"(c) synthetic genre mix, {DENSE_SHARE:.0%} of sentences with figures",
        1.0,
        synthetic_corpus,
    ),
    "stress": (
        "synthetic, every sentence with figures",
        0.25,
        lambda mb: synthetic_corpus(mb, dense_share=1.0),
    ),
}


def run_case(name: str, megabytes: float, rounds: int) -> None:
    """Time ``rounds`` passes of ``extract_documents`` over one case and print the figures."""
    label, share, build = CASES[name]
    extract_documents(synthetic_corpus(0.05))  # compile the patterns outside the timing
    docs = build(megabytes * share)
    total = sum(len(d[0].encode("utf-8")) for d in docs) / 1e6
    best_cpu = best_wall = float("inf")
    rows = 0
    for _ in range(rounds):
        started, cpu_started = time.perf_counter(), time.process_time()
        rows = extract_documents(docs).height
        best_wall = min(best_wall, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu_started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"[{label}]")
    print(f"  text           {total:.1f} MB in {len(docs)} documents, {rows} facts")
    print(f"  density        {rows / total:,.0f} facts per MB (the cost grows with it)")
    print(f"  best of {rounds}      {best_cpu:.2f} s CPU, {best_wall:.2f} s wall")
    print(
        f"  throughput     {total / best_cpu:.2f} MB/s per CPU second"
        f" (wall: {total / best_wall:.2f} MB/s)"
    )
    print(f"  peak memory    {peak_mb:.0f} MB (max RSS of this case's process)", flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the genre mix in MB")
    parser.add_argument("--rounds", type=int, default=3, help="passes per case; the best counts")
    parser.add_argument("--case", choices=list(CASES), help="run one case in this process")
    args = parser.parse_args(argv)
    if args.case:
        run_case(args.case, args.mb, args.rounds)
        return
    compiled = is_compiled("gzetl.extraction.quantities")
    print(f"Extraction modules: {'compiled with mypyc' if compiled else 'Python source'}", end="")
    print(" (`make native` compiles them, `make pure` removes the build).")
    print("One core, CPU time (time.process_time): the machine's cores are shared with other")
    print("work, so CPU MB/s is the fair figure and wall MB/s varies with the load.\n")
    for name in CASES:
        command = [sys.executable, __file__, "--case", name, "--mb", str(args.mb)]
        subprocess.run([*command, "--rounds", str(args.rounds)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
