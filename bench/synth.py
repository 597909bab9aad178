"""Deterministic generator of genre-like customs press releases for the scale benchmarks.

    python bench/synth.py OUT_DIR --n 1000 [--seed 2026] [--start 0]

Writes ``OUT_DIR/synth-000000.txt`` ... (about 6 KB each) and, for about nine in ten
articles, a ``.meta.json`` sidecar with title, publisher and published date. The same seed and
index always give the same article, so ``--start`` can append articles to an existing corpus
(the incremental and drop-latency benchmarks do that).

The sentences are written for this generator in the style of the genre: a level with a unit
and scale word, a growth statement (year-on-year, percentage points, "N times compared to
2020"), a qualifier (over, nearly, about), a period (a year, a quarter, the first half,
January to November, a month) and a subject, separated by filler prose without figures.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

TARGET_BYTES = 6_000
META_SHARE = 0.9

# Who a figure is about, and which kinds of figure suit it.
TRADE_SUBJECTS = (
    "China",
    "Guangdong Province",
    "Guangzhou City",
    "Shenzhen City",
    "Dongguan City",
    "Foshan City",
    "Guangzhou Customs District",
    "Nansha District",
    "Huangpu District",
)
PORT_SUBJECTS = ("Nansha Port", "Guangzhou Port", "Shenzhen Port", "Huangpu Port")
AIRPORT_SUBJECTS = ("Guangzhou Baiyun Airport port", "Shenzhen Bao'an Airport port")
PUBLISHERS = (
    "Guangzhou Customs",
    "Huangpu Customs",
    "Shenzhen Customs",
    "Guangdong Sub-Administration",
)
QUALIFIERS = ("", "", "", "over ", "nearly ", "about ", "more than ", "approximately ")
PRODUCTS = (
    "mechanical and electrical products",
    "labour-intensive products",
    "automobiles",
    "integrated circuits",
    "agricultural products",
    "household appliances",
    "lithium batteries",
    "ships",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

FILLER = (
    "Customs officers at the port said the new clearance model had cut paperwork for small "
    "and medium-sized enterprises and made cargo release more predictable.",
    "The release noted that foreign trade operated steadily despite a complex external "
    "environment and weaker demand in some traditional markets.",
    "Enterprises in the Greater Bay Area continued to explore emerging markets, and new forms "
    "of trade such as cross-border e-commerce kept growing.",
    "A spokesperson of the customs office said further measures would be introduced to "
    "stabilise the scale and improve the structure of foreign trade.",
    "Smart supervision, including remote inspection and the recognition of documents by "
    "machine, has been extended to every field office under the district.",
    "Exporters of fresh produce welcomed the green channel, which lets refrigerated trucks "
    "pass the checkpoint without waiting in the general queue.",
    "The customs authority will keep deepening the reform of the clearance process and "
    "support the construction of an international logistics hub in the south of the country.",
    "Analysts said the structure of trade kept improving as high-tech products took a "
    "larger place in the export basket.",
    "Local officials pointed to the opening of new shipping routes and the China-Europe "
    "freight trains as reasons for the rise in activity.",
    "The office held a symposium with enterprises to hear their difficulties and to explain "
    "the policies on tax refunds and advance rulings.",
)


@dataclass(frozen=True)
class Period:
    """A period as written in the text and the year it ends in."""

    phrase: str
    year: int


def _periods(rng: random.Random, year: int) -> Period:
    choice = rng.randrange(6)
    if choice == 0:
        return Period(f"in {year}", year)
    if choice == 1:
        quarter = rng.choice(("first", "second", "third", "fourth"))
        return Period(f"in the {quarter} quarter of {year}", year)
    if choice == 2:
        return Period(f"in the first half of {year}", year)
    if choice == 3:
        last = rng.randrange(2, 12)
        return Period(f"from January to {MONTHS[last - 1]} {year}", year)
    if choice == 4:
        return Period(f"in {MONTHS[rng.randrange(12)]} {year}", year)
    return Period(f"in the first three quarters of {year}", year)


def _cap(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _money(rng: random.Random) -> str:
    scale = rng.choice(("billion", "billion", "trillion", "100 million"))
    if scale == "trillion":
        value = f"{rng.uniform(1.0, 9.9):.2f}".rstrip("0").rstrip(".")
    elif scale == "100 million":
        value = f"{rng.randrange(120, 9800):,}"
    else:
        value = f"{rng.uniform(10, 990):.1f}"
    currency = rng.choice(("yuan", "yuan", "yuan", "US dollars"))
    return f"{rng.choice(QUALIFIERS)}{value} {scale} {currency}"


def _growth(rng: random.Random) -> str:
    rate = f"{rng.uniform(0.3, 24.9):.1f}%"
    forms: tuple[Callable[[], str], ...] = (
        lambda: f"up {rate} year-on-year",
        lambda: f"an increase of {rate} over the same period last year",
        lambda: f"down {rate} year-on-year",
        lambda: f"a year-on-year increase of {rate}",
        lambda: f"an increase of {rng.uniform(0.2, 2.9):.1f} times compared to 2020",
        lambda: f"a decrease of {rate}",
    )
    return rng.choice(forms)()


def _trade_sentence(rng: random.Random, period: Period) -> str:
    subject = rng.choice(TRADE_SUBJECTS)
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{_cap(period.phrase)}, the total import and export value of {subject} "
            f"reached {_money(rng)}, {_growth(rng)}."
        ),
        lambda: (
            f"Among them, exports of {subject} were {_money(rng)}, {_growth(rng)}, and imports "
            f"were {_money(rng)}, {_growth(rng)}."
        ),
        lambda: (
            f"According to statistics from customs, the foreign trade of {subject} "
            f"{period.phrase} totalled {_money(rng)}, {_growth(rng)}."
        ),
        lambda: (
            f"{_cap(period.phrase)}, {subject} exported {rng.choice(PRODUCTS)} worth "
            f"{_money(rng)}, {_growth(rng)}, accounting for "
            f"{rng.uniform(5, 70):.1f}% of the total export value."
        ),
        lambda: (
            f"The import and export value of private enterprises in {subject} was "
            f"{_money(rng)} {period.phrase}, up {rng.uniform(0.1, 4.9):.1f} percentage points "
            f"in share."
        ),
    )
    return rng.choice(forms)()


def _port_sentence(rng: random.Random, period: Period) -> str:
    port = rng.choice(PORT_SUBJECTS)
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{_cap(period.phrase)}, {port} completed a container throughput of "
            f"{rng.choice(QUALIFIERS)}{rng.uniform(1.1, 29.9):.2f} million TEUs, {_growth(rng)}."
        ),
        lambda: (
            f"The cargo throughput of {port} {period.phrase} was "
            f"{rng.choice(QUALIFIERS)}{rng.randrange(40, 720)} million tons, {_growth(rng)}."
        ),
        lambda: (
            f"{port} handled {rng.choice(QUALIFIERS)}{rng.randrange(110, 980):,},000 TEUs of "
            f"foreign trade containers {period.phrase}, {_growth(rng)}."
        ),
    )
    return rng.choice(forms)()


def _airport_sentence(rng: random.Random, period: Period) -> str:
    airport = rng.choice(AIRPORT_SUBJECTS)
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{_cap(period.phrase)}, customs supervised "
            f"{rng.choice(QUALIFIERS)}{rng.uniform(1.2, 19.9):.1f} million inbound and "
            f"outbound persons through {airport}, {_growth(rng)}."
        ),
        lambda: (
            f"There were {rng.randrange(12, 140) * 1000:,} inbound and outbound flights at "
            f"{airport} {period.phrase}, {_growth(rng)}."
        ),
        lambda: (
            f"The import and export freight volume of {airport} {period.phrase} exceeded "
            f"{rng.uniform(0.2, 2.9):.2f} million tons, {_growth(rng)}."
        ),
    )
    return rng.choice(forms)()


def _heading(rng: random.Random, year: int) -> str:
    words = rng.choice(
        (
            "Foreign trade of {s} keeps steady growth in {y}",
            "{s} reports new figures for trade and logistics in {y}",
            "Customs statistics show {s} trade on the rise in {y}",
            "Opening up further: {s} foreign trade in {y}",
        )
    )
    return words.format(s=rng.choice(TRADE_SUBJECTS), y=year)


def article(seed: int, index: int) -> tuple[str, dict[str, str] | None]:
    """The text of article ``index`` and its metadata (None for the one in ten without)."""
    rng = random.Random(f"{seed}:{index}")
    year = rng.randrange(2019, 2026)
    published = date(year + 1, 1, 10) + timedelta(days=rng.randrange(0, 300))
    title = _heading(rng, year)
    paragraphs: list[str] = []
    size = len(title)
    builders = (_trade_sentence, _trade_sentence, _port_sentence, _airport_sentence)
    while size < TARGET_BYTES:
        period = _periods(rng, year)
        sentences = [rng.choice(builders)(rng, period) for _ in range(rng.randrange(2, 4))]
        sentences += rng.sample(FILLER, rng.randrange(1, 3))
        rng.shuffle(sentences)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    meta = None
    if rng.random() < META_SHARE:
        meta = {
            "title": title,
            "publisher": rng.choice(PUBLISHERS),
            "published": published.isoformat(),
            "language": "en",
        }
    return text, meta


def write_corpus(out_dir: Path, n: int, *, seed: int = 2026, start: int = 0) -> list[Path]:
    """Write articles ``start .. start+n-1`` into ``out_dir``; return the text paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + n):
        text, meta = article(seed, index)
        path = out_dir / f"synth-{index:06d}.txt"
        path.write_text(text, encoding="utf-8")
        if meta is not None:
            path.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write_corpus(args.out_dir, args.n, seed=args.seed, start=args.start)
    total = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} articles, {total / 1e6:.1f} MB, into {args.out_dir}")


if __name__ == "__main__":
    main()
