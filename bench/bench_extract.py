"""Speed and memory of ``gzetl.extraction.extract_documents`` on a synthetic genre corpus.

Builds ~20 MB of release-like text by varying the numbers, places and periods of a set of
sentences written for this benchmark (plus the article in raw/), then prints MB/s and the
peak memory. A figure to read, never a pass/fail.

    .venv/bin/python bench/bench_extract.py [megabytes]
"""

from __future__ import annotations

import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

from gzetl.extraction import extract_documents

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


def synthetic_corpus(
    megabytes: float, dense_share: float = DENSE_SHARE, seed: int = 7
) -> list[tuple[str, str, str, date | None]]:
    """Documents of 10-30 sentences each until ``megabytes`` of text are made."""
    rng = random.Random(seed)
    article = next(Path("raw").glob("*.txt")).read_text(encoding="utf-8")
    docs: list[tuple[str, str, str, date | None]] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        if len(docs) % 20 == 0:
            text = article
        else:
            sentences = [_sentence(rng, dense_share) for _ in range(rng.randint(10, 30))]
            text = "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
        docs.append((text, f"doc{len(docs)}", f"synthetic/{len(docs)}.txt", date(2026, 1, 15)))
        size += len(text.encode("utf-8"))
    return docs


def run(label: str, docs: list[tuple[str, str, str, date | None]]) -> None:
    """Time one pass of ``extract_documents`` over ``docs`` and print the figures."""
    total = sum(len(d[0].encode("utf-8")) for d in docs) / 1e6
    started, cpu_started = time.perf_counter(), time.process_time()
    facts = extract_documents(docs)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"[{label}]")
    print(f"  documents      {len(docs)}")
    print(f"  text           {total:.1f} MB")
    print(f"  facts          {facts.height} ({facts.height / total / 1000:.1f} per KB)")
    print(f"  time           {seconds:.2f} s wall, {cpu:.2f} s CPU")
    print(
        f"  throughput     {total / cpu:.2f} MB/s per CPU second"
        f" (one core; wall: {total / seconds:.2f})"
    )
    print(f"  peak memory    {peak_mb:.0f} MB (max RSS of the process so far)")


def main(argv: list[str]) -> None:
    megabytes = float(argv[0]) if argv else 20.0
    extract_documents(synthetic_corpus(0.05))  # compile the patterns outside the timing
    run(f"genre mix: {DENSE_SHARE:.0%} of sentences state figures", synthetic_corpus(megabytes))
    run("stress: every sentence states figures", synthetic_corpus(megabytes / 4, dense_share=1.0))


if __name__ == "__main__":
    main(sys.argv[1:])
