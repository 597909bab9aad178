"""Tests of gzetl.extraction.numbers: numbers as written -> exact Decimal."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gzetl.extraction.numbers import alternation, lowered, parse_number, scale_factor

CASES = [
    ("digits", "122000", Decimal("122000")),
    ("thousands-separator", "122,000", Decimal("122000")),
    ("decimal", "193.61", Decimal("193.61")),
    ("separator-and-decimal", "1,234.5", Decimal("1234.5")),
    ("word", "one", Decimal("1")),
    ("hyphenated", "twenty-five", Decimal("25")),
    ("hundreds", "two hundred", Decimal("200")),
    ("hundred-and", "one hundred and five", Decimal("105")),
    ("dozen", "a dozen", Decimal("12")),
    ("half", "half", Decimal("0.5")),
    ("a-third", "a third", Decimal("0.3333")),
    ("nine-in-ten", "nine in ten", Decimal("0.9")),
    ("9-in-10", "9 in 10", Decimal("0.9")),
    ("one-fifth", "one fifth", Decimal("0.2")),
    ("capitalised", "Twelve", Decimal("12")),
]


@pytest.mark.parametrize(("written", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse_number(written: str, expected: Decimal) -> None:
    assert parse_number(written) == expected


@pytest.mark.parametrize("written", ["Terminal", "", "fifth", "1,2,3"])
def test_not_a_number_is_none(written: str) -> None:
    assert parse_number(written) is None


SCALES = [
    ("none", "", Decimal(1)),
    ("million", "million", Decimal("1e6")),
    ("trillion", "trillion", Decimal("1e12")),
    ("ten-thousand", "ten thousand", Decimal("1e4")),
    ("10,000", "10,000", Decimal("1e4")),
    ("100-million", "100 million", Decimal("1e8")),
    ("wan", "万", Decimal("1e4")),
    ("yi", "亿", Decimal("1e8")),
]


@pytest.mark.parametrize(
    ("written", "expected"), [c[1:] for c in SCALES], ids=[c[0] for c in SCALES]
)
def test_scale_factor(written: str, expected: Decimal) -> None:
    assert scale_factor(written) == expected


def test_alternation_is_a_prefix_tree_and_prefers_the_longest() -> None:
    pattern = alternation(["up", "up by", "down"])
    assert pattern == r"(?:down|up(?:\s+by|))"
    assert re.match(pattern, "up  by 5").group() == "up  by"  # type: ignore[union-attr]


def test_lowered_keeps_offsets() -> None:
    text = "İstanbul EXPORTS"
    assert len(lowered(text)) == len(text)
    assert lowered(text).endswith("exports")


# --- property: a number rendered in words or digits with a scale word parses back --------

ONES = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALE_WORDS = {"": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def words(n: int) -> str:
    """The oracle: 1..999 in English words."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        below = (
            ONES[rest]
            if rest < 20
            else TENS[rest // 10] + (f"-{ONES[rest % 10]}" if rest % 10 else "")
        )
        parts.append(below)
    return " and ".join(parts)


@given(n=st.integers(min_value=1, max_value=999), scale=st.sampled_from(sorted(SCALE_WORDS)))
def test_words_with_a_scale_parse_back(n: int, scale: str) -> None:
    assert parse_number(words(n)) * scale_factor(scale) == n * SCALE_WORDS[scale]  # type: ignore[operator]


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    cents=st.integers(min_value=0, max_value=99),
    scale=st.sampled_from(sorted(SCALE_WORDS)),
)
def test_digits_with_a_scale_parse_back(whole: int, cents: int, scale: str) -> None:
    written = f"{whole:,}.{cents:02d}"
    expected = (Decimal(whole) + Decimal(cents) / 100) * SCALE_WORDS[scale]
    assert parse_number(written) * scale_factor(scale) == expected  # type: ignore[operator]
