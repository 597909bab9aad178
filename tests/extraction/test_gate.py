"""Tests of gzetl.extraction.gate: the gated scans find exactly what their regexes find."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from gzetl.extraction.gate import (
    Gate,
    blanked,
    document_gate,
    document_hits,
    leftmost_longest,
    matches,
    occurrences,
    squeeze,
)
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.quantities import gated_phrases
from gzetl.periods import period_regexes

PHRASES = ["guangzhou customs", "nansha port", "port", "the first half", "one-stop", "24/7"]
REGEX = re.compile(rf"(?:{alternation(PHRASES)})(?![\w-])")
# Pieces of text: the phrases, parts of them, words around them and every kind of white space.
PIECES = [
    *PHRASES,
    "guangzhou",
    "customs",
    "the",
    "first",
    "half",
    "one",
    "stop",
    "import",
    "ports",
    "24",
    "7",
    "/",
    "-",
    "(",
    " ",
    "  ",
    "\n",
    "\t",
    "\xa0",
    ",",
    ".",
]


def _finditer_at_word_starts(regex: re.Pattern[str], low: str) -> list[tuple[int, int]]:
    """What the gated scan must give: ``finditer`` with a look-behind for a word start."""
    comment_end = "\n" if regex.flags & re.VERBOSE else ""  # a verbose pattern may end in a comment
    bounded = re.compile(rf"(?<![\w])(?:{regex.pattern}{comment_end})", regex.flags)
    return [m.span() for m in bounded.finditer(low)]


SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\xa0", " \n"])


@st.composite
def _piece(draw: st.DrawFn) -> str:
    """A piece of text, a phrase with any white space between its words half of the time."""
    if draw(st.booleans()):
        return draw(st.sampled_from(PIECES))
    words = draw(st.sampled_from(PHRASES)).split(" ")
    return words[0] + "".join(draw(SPACES) + word for word in words[1:])


GATE = Gate({"names": PHRASES}, leads={"names": PHRASES})


@settings(max_examples=400)
@given(st.lists(_piece(), max_size=30))
def test_lead_matches_equal_finditer_at_word_starts(pieces: list[str]) -> None:
    low = "".join(pieces)
    starts = GATE.scan(low).starts["names"]
    assert [m.span() for m in matches(REGEX, low, starts)] == _finditer_at_word_starts(REGEX, low)


@settings(max_examples=400)
@given(st.lists(_piece(), max_size=30))
def test_leftmost_longest_phrases_equal_finditer_at_word_starts(pieces: list[str]) -> None:
    low = "".join(pieces)
    found = leftmost_longest(GATE.scan(low).phrases["names"], low)
    assert [(start, end) for start, end, _ in found] == _finditer_at_word_starts(REGEX, low)
    assert all(phrase == " ".join(low[start:end].split()) for start, end, phrase in found)


@given(st.lists(st.sampled_from(["a", "b", " ", "  ", "\n", "\t \xa0"]), max_size=20))
def test_squeezed_offsets_map_back_to_the_same_characters(pieces: list[str]) -> None:
    low = "".join(pieces)
    squeezed = squeeze(low)
    assert squeezed.text == _squeeze_reference(low)
    for pos, char in enumerate(squeezed.text):
        original = low[squeezed.original(pos)]
        assert original == char or (char == " " and original.isspace())


def _squeeze_reference(low: str) -> str:
    return re.sub(r"\s+", " ", low)


def test_a_lead_inside_a_word_is_no_start() -> None:
    gate = Gate({}, leads={"names": ["port"]})
    assert gate.scan("import port, export-port").starts["names"] == [7, 20]


def test_a_phrase_counts_only_where_it_ends_a_word() -> None:
    gate = Gate({"names": ["port", "one"]}, leads={})
    assert gate.scan("port-side ports, one_ port.").phrases["names"] == [(22, 26, "port")]


def test_not_after_skips_a_start_after_those_characters() -> None:
    low = "one-stop and one stop"
    starts = Gate({}, leads={"names": ["one stop"]}).scan(low).starts["names"]
    regex = re.compile(r"one\s+stop")
    assert [m.start() for m in matches(regex, low, starts, not_after="-")] == [13]


def test_begin_and_end_bound_the_matches() -> None:
    low = "port one, port two, port three"
    starts = Gate({}, leads={"names": ["port"]}).scan(low).starts["names"]
    found = matches(re.compile("port"), low, starts, begin=5, end=25)
    assert [m.start() for m in found] == [10, 20]


def test_the_document_gate_has_every_gated_scan() -> None:
    gate = document_gate()
    scans = {scan for _, scan in period_regexes() if isinstance(scan, str)} | set(gated_phrases())
    assert set(gate.phrase_scans) | set(gate.lead_scans) == {*scans, "names", "forecast"}


ARTICLE_LIKE = (
    "In the first half of 2025, exports doubled; nearly half of them went by One-Stop\n"
    "service. In January to November, about a third of  the twenty-five measures were new,\n"
    "so far this year, and now, in the same period, 24/7 clearance ran for a month. On\n"
    "the busiest day, March 3, 31 flights left."
)


def test_gated_period_scans_equal_their_regex_on_prose() -> None:
    low = lowered(ARTICLE_LIKE)
    hits = document_hits(low)
    for regex, scan in period_regexes():
        if isinstance(scan, str):
            gated = [m.span() for m in matches(regex, low, hits.starts_of(scan))]
            assert gated, scan
            assert gated == _finditer_at_word_starts(regex, low), scan


def test_literal_led_period_scans_equal_their_regex() -> None:
    low = lowered(ARTICLE_LIKE + " In 2024-2025, x2020 to 2021, 12019 and 1920s; since 2019.")
    for regex, scan in period_regexes():
        if isinstance(scan, tuple):
            found = [m.span() for m in matches(regex, low, occurrences(low, scan, 0, len(low)))]
            assert len(found) == 5, scan
            assert found == [m.span() for m in regex.finditer(low)], scan


def test_every_white_space_character_is_blanked() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = "".join(re.findall(r"\s", every))
    assert blanked(spaces) == " " * len(spaces)


def test_two_spaces_is_the_search_for_two_white_space_characters() -> None:
    low = "a  b c\n\td \u3000x" + " " * 5 + "y z"
    hits = Gate({"names": ["b"]}, {}).scan(low)
    for begin in range(len(low) + 1):
        for end in range(begin, len(low) + 1):
            expected = re.search(r"\s\s", low[begin:end]) is not None
            assert hits.two_spaces(begin, end) == expected, (begin, end)
