"""Tests of gzetl.extraction.growth: rates -> changes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gzetl.extraction.growth import RATIO_NOTE, change_of, role_of
from gzetl.extraction.quantities import scan

# (id, sentence, change_pct, basis, bound, note) of the last mention in the sentence
CHANGES = [
    ("up-yoy", "Exports were 5 billion yuan, up 5.2% year-on-year.", "5.2", "yoy", "eq", None),
    ("increase-of", "It reached 9 tons, a year-on-year increase of 19%.", "19", "yoy", "eq", None),
    ("grew-by", "Exports of mechanical products grew by 8.7%.", "8.7", None, "eq", None),
    ("down", "Imports were 3 billion yuan, down 3.1%.", "-3.1", None, "eq", None),
    ("on-the-year", "Exports to Chile were down 7.3% on the year.", "-7.3", "yoy", "eq", None),
    ("a-decrease-of", "Exports were 4 billion yuan, a decrease of 2.6%.", "-2.6", None, "eq", None),
    ("declined", "Imports declined 0.4%.", "-0.4", None, "eq", None),
    ("times", "Exports of batteries increased 1.7 times.", "170", None, "eq", None),
    (
        "times-vs-year",
        "It was 5 billion yuan, an increase of 1.7 times compared to 2020.",
        "170",
        "vs_2020",
        "eq",
        None,
    ),
    (
        "times-of",
        "It hit 312,000 vehicles, three times that of 2020.",
        "200",
        "vs_2020",
        "eq",
        RATIO_NOTE,
    ),
    (
        "times-the-value-of",
        "The goods were worth 10.28 billion yuan, about 2.3 times the value of 2019.",
        "130",
        "vs_2019",
        "approx",
        RATIO_NOTE,
    ),
    ("doubled", "Car exports doubled.", "100", None, "eq", None),
    ("tripled", "Volume tripled.", "200", None, "eq", None),
    ("pp", "Their share rose by 1.7 percentage points.", "1.7", "pp", "eq", None),
    ("qoq", "It rose 8.9% quarter-on-quarter.", "8.9", "qoq", "eq", None),
    ("mom", "Exports grew 9.3% month-on-month.", "9.3", "mom", "eq", None),
    ("approx-rate", "It rose, a year-on-year increase of about 13%.", "13", "yoy", "approx", None),
    (
        "by-half",
        "It will reduce the clearance time of goods by nearly half.",
        "-50",
        None,
        "approx",
        None,
    ),
    (
        "improving-by",
        "It is improving logistics efficiency by about 50%.",
        "50",
        None,
        "approx",
        None,
    ),
    (
        "after-more",
        "Crossings were around 14% more than in the same month of last year.",
        "14",
        None,
        "approx",
        None,
    ),
    # news-wire rewrites (issue 3): verbs, "per cent", "pct" and bases without hyphens
    ("dipped", "Imports dipped 0.5 percent.", "-0.5", None, "eq", None),
    ("slid-pct", "Exports slid 4 pct from a year earlier.", "-4", "yoy", "eq", None),
    ("plunged", "Trade with the US plunged 18.6 per cent.", "-18.6", None, "eq", None),
    ("slumped", "Furniture exports slumped 7.5 percent.", "-7.5", None, "eq", None),
    ("tumbled", "Exports tumbled 26.4% year on year.", "-26.4", "yoy", "eq", None),
    ("eased", "Imports eased 2.4 per cent.", "-2.4", None, "eq", None),
    ("slipped", "Trade slipped 1.3 pct.", "-1.3", None, "eq", None),
    ("rebounded", "Imports rebounded 4.7 percent.", "4.7", None, "eq", None),
    ("gained", "Furniture exports gained 5.6 per cent.", "5.6", None, "eq", None),
    ("headline", "China's Foreign Trade Grows 3.6 Percent", "3.6", None, "eq", None),
    ("same-period-ago", "It rose 6.9% from the same period a year ago.", "6.9", "yoy", "eq", None),
    ("same-month", "It rose 12.4% from the same month last year.", "12.4", "yoy", "eq", None),
    ("previous-month", "It fell 2 percent from the previous month.", "-2", "mom", "eq", None),
    ("year-over-year", "Exports rose 2.7% year over year.", "2.7", "yoy", "eq", None),
    ("surge-of", "Exports posted a year-on-year surge of 12 percent.", "12", "yoy", "eq", None),
    ("plunge-of", "Imports suffered a plunge of 20 percent.", "-20", None, "eq", None),
    ("gain-after", "Exports logged a 5 percent gain.", "5", None, "eq", None),
    ("basis-then-after", "Imports saw a 4.5% year-on-year decrease.", "-4.5", "yoy", "eq", None),
    ("pct-points", "Its share rose 1.2 pct points.", "1.2", "pp", "eq", None),
    ("slowed-by", "Growth slowed by 1.3 percentage points.", "-1.3", "pp", "eq", None),
    ("base-form", "The economy saw its imports fall 2 percent.", "-2", None, "eq", None),
    ("on-year", "Imports rose 13.4% on year.", "13.4", "yoy", "eq", None),
    ("y/y", "Imports dropped 3 percent y/y.", "-3", "yoy", "eq", None),
    ("nearly-doubled", "Orders nearly doubled.", "100", None, "approx", None),
    ("more-than-tripled", "Exports more than tripled.", "200", None, "gt", None),
    ("expanding", "The surplus was 1 trillion yuan, expanding 31.2%.", "31.2", None, "eq", None),
    ("edged-up", "Imports edged up 0.3% in May.", "0.3", None, "eq", None),
    ("contracts-by", "Output contracts by 2% year on year.", "-2", "yoy", "eq", None),
    ("slumping", "Imports were 3 billion yuan, slumping 9.4%.", "-9.4", None, "eq", None),
    ("increases-of", "Both rose, with increases of 5.6%.", "5.6", None, "eq", None),
    (
        "shorter-than-in",
        "Clearance took 38.5 hours, 42.3% shorter than in 2017.",
        "-42.3",
        "vs_2017",
        "eq",
        None,
    ),
    (
        "points-lower-than",
        "Its share was 63.2%, 1.5 percentage points lower than that of the previous year.",
        "-1.5",
        "pp",
        "eq",
        None,
    ),
    (
        "times-the-figure-a-year-earlier",
        "Passengers numbered 4.31 million, about 3.2 times the figure a year earlier.",
        "220",
        None,
        "approx",
        RATIO_NOTE,
    ),
    ("times-comma", "Trade grew 1.7 times, the number of traders too.", "170", None, "eq", None),
    (
        "double-the-number",
        "Entries have risen to 412,000, more than double the number a year earlier.",
        "100",
        None,
        "gt",
        None,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "pct", "basis", "bound", "note"),
    [c[1:] for c in CHANGES],
    ids=[c[0] for c in CHANGES],
)
def test_changes(sentence: str, pct: str, basis: str | None, bound: str, note: str | None) -> None:
    mention = scan(sentence)[-1]
    change = change_of(mention, sentence, 0)
    assert change is not None
    assert (change.pct, change.basis, change.bound, change.note) == (
        Decimal(pct),
        basis,
        bound,
        note,
    )


ROLES = [
    ("share", "Private firms accounted for 57.2% of the total.", "share"),
    ("rate-level", "It has a recognition rate of over 95%.", "rate"),
    ("change", "Exports grew by 8.7%.", "change"),
    ("proportion", "Nine in ten of the firms are private.", "share"),
    ("level", "Exports were 5 billion yuan.", "level"),
]


@pytest.mark.parametrize(("sentence", "role"), [c[1:] for c in ROLES], ids=[c[0] for c in ROLES])
def test_roles(sentence: str, role: str) -> None:
    assert role_of(scan(sentence)[-1], sentence, 0) == role


def test_a_level_is_not_a_change() -> None:
    text = "Exports were 5 billion yuan."
    assert change_of(scan(text)[0], text, 0) is None


# A cumulative or average rate is a change, never a percent level (session 4).
CUMULATIVE = [
    ("a-total-of", "The port's throughput grew by a total of 12.3 percent.", "12.3"),
    ("a-cumulative", "Trade increased by a cumulative 19.6%.", "19.6"),
    ("average-annual-rate", "Its exports grew at an average annual rate of 7.1 percent.", "7.1"),
    ("average-annual-growth", "Trade was steady, with an average annual growth of 3.3%.", "3.3"),
    ("an-average-of", "Exports rose 30 percent, an average of 5.4 percent a year.", "5.4"),
    ("fell-a-total", "Imports fell by a total of 2.2 percent.", "-2.2"),
]


@pytest.mark.parametrize(
    ("text", "pct"), [c[1:] for c in CUMULATIVE], ids=[c[0] for c in CUMULATIVE]
)
def test_a_cumulative_or_average_rate_is_a_change(text: str, pct: str) -> None:
    m = scan(text)[-1]
    assert role_of(m, text, 0) == "change"
    change = change_of(m, text, 0)
    assert change is not None and change.pct == Decimal(pct)
