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
import math
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
QUALIFIERS = ("", "", "", "", "over ", "nearly ", "about ", "more than ")
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
    """A period as written in the text, its year and its share of that year's total."""

    phrase: str
    year: int
    fraction: float
    annual: bool = False


def _periods(rng: random.Random, year: int) -> Period:
    choice = rng.randrange(6)
    if choice == 0:
        return Period(f"in {year}", year, 1.0, annual=True)
    if choice == 1:
        quarter = rng.choice(("first", "second", "third", "fourth"))
        return Period(f"in the {quarter} quarter of {year}", year, 0.25)
    if choice == 2:
        return Period(f"in the first half of {year}", year, 0.5)
    if choice == 3:
        last = rng.randrange(2, 12)
        return Period(f"from January to {MONTHS[last - 1]} {year}", year, last / 12)
    if choice == 4:
        return Period(f"in {MONTHS[rng.randrange(12)]} {year}", year, 1 / 12)
    return Period(f"in the first three quarters of {year}", year, 0.75)


@dataclass(frozen=True)
class World:
    """The true figures every article reports from, so that articles agree with each other.

    A (subject, metric) cell has a base for FIRST_YEAR and a growth rate per year, both drawn
    from a generator seeded by the cell; a shorter period is its share of the year, and its
    year-on-year change is the year's.
    """

    seed: int

    def growth(self, subject: str, metric: str, year: int) -> float:
        """Year-on-year change of the cell in percent, one decimal."""
        return round(random.Random(f"{self.seed}:{subject}:{metric}:{year}").uniform(-8, 20), 1)

    def value(self, subject: str, metric: str, period: Period) -> float:
        base, low, high = BASES[metric]
        cell = random.Random(f"{self.seed}:{subject}:{metric}")
        if metric == "trade":
            base, low, high = TRADE_TRILLIONS[subject] * 1e12, 0.9, 1.1
        level = base * cell.uniform(low, high)
        for year in range(FIRST_YEAR + 1, period.year + 1):
            level *= 1 + self.growth(subject, metric, year) / 100
        return level * period.fraction

    def trade(self, subject: str, period: Period) -> tuple[float, float, float]:
        """Total, exports and imports of a subject: the parts always sum to the total."""
        total = self.value(subject, "trade", period)
        export_share = random.Random(f"{self.seed}:{subject}:exports").uniform(0.5, 0.7)
        return total, total * export_share, total * (1 - export_share)


FIRST_YEAR = 2019
# Trade of each subject in FIRST_YEAR, trillion yuan: the order of magnitude of the real ones.
TRADE_TRILLIONS = {
    "China": 31.5,
    "Guangdong Province": 7.1,
    "Shenzhen City": 3.0,
    "Guangzhou Customs District": 2.4,
    "Dongguan City": 1.4,
    "Guangzhou City": 1.0,
    "Foshan City": 0.5,
    "Huangpu District": 0.3,
    "Nansha District": 0.2,
}
# metric -> (base in its unit for FIRST_YEAR, spread low, spread high)
BASES = {
    "trade": (1.0e12, 0.2, 8.0),
    "containers": (1.0e7, 0.2, 2.5),
    "cargo": (3.0e8, 0.2, 2.4),
    "persons": (1.5e7, 0.3, 1.3),
    "flights": (1.0e5, 0.4, 1.4),
    "freight": (1.0e6, 0.3, 1.8),
}


def _cap(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _shown(rng: random.Random, value: float, scale: float, digits: int) -> str:
    """The value in ``scale`` units with a qualifier that stays true after rounding."""
    step = 10.0**-digits
    qualifier = rng.choice(QUALIFIERS)
    scaled = value / scale
    if qualifier in ("over ", "more than "):
        scaled = math.floor(scaled / step) * step
    elif qualifier == "nearly ":
        scaled = math.ceil(scaled / step) * step
    return f"{qualifier}{scaled:,.{digits}f}"


def _money(rng: random.Random, value: float) -> str:
    if value >= 1e12:
        return f"{_shown(rng, value, 1e12, 2)} trillion yuan"
    if value >= 1e10 and rng.random() < 0.15:
        return f"{_shown(rng, value, 1e8, 0)} 100 million yuan"
    return f"{_shown(rng, value, 1e9, 1 if value >= 1e10 else 2)} billion yuan"


def _growth(rng: random.Random, rate: float) -> str:
    size = f"{abs(rate):.1f}%"
    if rate >= 0:
        forms = (
            f"up {size} year-on-year",
            f"an increase of {size} over the same period last year",
            f"a year-on-year increase of {size}",
            f"up {size}",
        )
    else:
        forms = (f"down {size} year-on-year", f"a decrease of {size}",
                 f"a year-on-year decrease of {size}", f"down {size}")  # fmt: skip
    return rng.choice(forms)


def _versus_2020(world: World, subject: str, metric: str, period: Period) -> str | None:
    """'an increase of 1.7 times compared to 2020' (+170%) for a full year well above 2020."""
    if not period.annual or period.year <= 2020:
        return None
    then = world.value(subject, metric, Period("in 2020", 2020, 1.0, annual=True))
    times = world.value(subject, metric, period) / then - 1
    return f"an increase of {times:.2f} times compared to 2020" if times >= 0.2 else None


def _change(rng: random.Random, world: World, subject: str, metric: str, period: Period) -> str:
    if rng.random() < 0.3 and (versus := _versus_2020(world, subject, metric, period)):
        return versus
    return _growth(rng, world.growth(subject, metric, period.year))


def _trade_sentence(rng: random.Random, world: World, period: Period) -> str:
    subject = rng.choice(TRADE_SUBJECTS)
    total, exports, imports = world.trade(subject, period)
    change = _change(rng, world, subject, "trade", period)
    rate = world.growth(subject, "trade", period.year)
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{_cap(period.phrase)}, the total import and export value of {subject} "
            f"reached {_money(rng, total)}, {change}."
        ),
        lambda: (
            f"{_cap(period.phrase)}, exports of {subject} were {_money(rng, exports)}, "
            f"{_growth(rng, rate)}, and imports were {_money(rng, imports)}, "
            f"{_growth(rng, rate)}."
        ),
        lambda: (
            f"According to statistics from customs, the foreign trade of {subject} "
            f"{period.phrase} totalled {_money(rng, total)}, {change}."
        ),
    )
    return rng.choice(forms)()


def _port_sentence(rng: random.Random, world: World, period: Period) -> str:
    port = rng.choice(PORT_SUBJECTS)
    teu = world.value(port, "containers", period)
    tons = world.value(port, "cargo", period)
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{_cap(period.phrase)}, {port} completed a container throughput of "
            f"{_shown(rng, teu, 1e6, 2)} million TEUs, "
            f"{_change(rng, world, port, 'containers', period)}."
        ),
        lambda: (
            f"The cargo throughput of {port} {period.phrase} was "
            f"{_shown(rng, tons, 1e6, 1)} million tons, "
            f"{_change(rng, world, port, 'cargo', period)}."
        ),
    )
    return rng.choice(forms)()


def _airport_sentence(rng: random.Random, world: World, period: Period) -> str:
    airport = rng.choice(AIRPORT_SUBJECTS)
    persons = world.value(airport, "persons", period)
    flights = world.value(airport, "flights", period)
    freight = world.value(airport, "freight", period)
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{_cap(period.phrase)}, customs supervised {_shown(rng, persons, 1e6, 2)} million "
            f"inbound and outbound persons through {airport}, "
            f"{_change(rng, world, airport, 'persons', period)}."
        ),
        lambda: (
            f"There were {round(flights, -2):,.0f} inbound and outbound flights at "
            f"{airport} {period.phrase}, {_change(rng, world, airport, 'flights', period)}."
        ),
        lambda: (
            f"The import and export freight volume of {airport} {period.phrase} reached "
            f"{_shown(rng, freight, 1e4, 1)} 10,000 tons, "
            f"{_change(rng, world, airport, 'freight', period)}."
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
    world = World(seed)
    builders = (_trade_sentence, _trade_sentence, _port_sentence, _airport_sentence)
    while size < TARGET_BYTES:
        period = _periods(rng, year)
        sentences = [rng.choice(builders)(rng, world, period) for _ in range(rng.randrange(2, 4))]
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
