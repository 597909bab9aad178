"""Number + scale + unit + qualifier -> ``Mention`` with its span.

One regex scan over the document finds number candidates; around each hit a head pattern
(what is written just before: qualifier, currency symbol, growth or share words) and a tail
pattern (range, scale words, unit, rate words) are matched in place.

>>> [m.text for m in scan("Exports topped 1.2 trillion yuan, up 5.2% year-on-year.")]
['topped 1.2 trillion yuan', '5.2%']
>>> m = scan("It took 3 to 5 days.")[0]
>>> (m.bound, m.number, m.number_high, m.unit, m.factor)
('range', Decimal('3'), Decimal('5'), 'h', Decimal('24'))
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from gzetl.extraction.gate import Hits, document_hits, leftmost_longest, matches, occurrences
from gzetl.extraction.lexicon import growth_words, implied_unit, negatives, qualifiers
from gzetl.extraction.numbers import (
    alternation,
    digits_scan,
    lowered,
    number_pattern,
    number_words,
    parse_number,
    scale_factor,
    scale_pattern,
)
from gzetl.units import currencies, events, referents, units

# Words that may not stand between a number and the noun it counts ("two rounds of 102 measures").
_STOP = (
    r"of|the|in|to|for|with|by|at|from|on|a|an|is|was|were|are|has|have|had|will|which|that"
    r"|and\s+\d"
)
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_HEAD_WINDOW = 80
PERCENT = "percent"
THRESHOLD = "threshold"  # the head of a level that restates a mark passed (zh "突破...关口")


@dataclass(slots=True, init=False)
class Mention:
    """A number found in the text, with what stands around it.

    ``kind`` is ``level`` (a unit other than percent), ``percent`` (a rate or share),
    ``times`` ("1.7 times"), ``multiple`` ("doubled") or ``pp`` (percentage points).
    ``head`` names the word before the number: direction, share, by, between, from (also
    "compared with", growth.toml [base]: an earlier amount or rate follows), to, cumulative
    ("grew by a total of"), average ("an average annual rate of": growth.toml [cumulative])
    or "".

    The ``__init__`` is written out: mypyc (``make native``) compiles a written one, whereas
    the one ``dataclass`` generates runs as Python (2% of extraction time for this class).
    """

    start: int
    end: int
    kind: str
    raw_value: str
    raw_unit: str
    number: Decimal | None
    number_high: Decimal | None
    scale: Decimal
    unit: str | None
    factor: Decimal
    bound: str
    head: str
    head_start: int
    direction: int
    basis: str | None
    base_year: str | None
    ratio: bool
    note: str | None
    text: str
    baseline: Decimal | None

    def __init__(  # noqa: PLR0917 (one argument a field, in field order)
        self,
        start: int,
        end: int,
        kind: str,
        raw_value: str,
        raw_unit: str,
        number: Decimal | None,
        number_high: Decimal | None,
        scale: Decimal,
        unit: str | None,
        factor: Decimal,
        bound: str,
        head: str,
        head_start: int,
        direction: int,
        basis: str | None,
        base_year: str | None,
        ratio: bool,
        note: str | None,
        text: str,
        baseline: Decimal | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.raw_value = raw_value
        self.raw_unit = raw_unit
        self.number = number
        self.number_high = number_high
        self.scale = scale
        self.unit = unit
        self.factor = factor
        self.bound = bound
        self.head = head
        self.head_start = head_start
        self.direction = direction
        self.basis = basis
        self.base_year = base_year
        self.ratio = ratio
        self.note = note
        self.text = text
        self.baseline = baseline

    @property
    def value(self) -> Decimal | None:
        """The number in the canonical unit."""
        return None if self.number is None else self.number * self.scale * self.factor

    @property
    def value_high(self) -> Decimal | None:
        """The upper end of a range in the canonical unit."""
        return None if self.number_high is None else self.number_high * self.scale * self.factor


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled patterns of the scanner, built once from the data tables."""

    digits: re.Pattern[str]
    words: re.Pattern[str]
    head: re.Pattern[str]
    tail: re.Pattern[str]
    basis: re.Pattern[str]
    implied_before: re.Pattern[str]
    implied_last: frozenset[str]  # the last word of every phrase of implied_before: a cheap test
    implied_after: re.Pattern[str]
    counted: re.Pattern[str]
    referent: re.Pattern[str]  # the nouns a generic unit ("units") may stand for
    after_rate: re.Pattern[str]
    # the last word of every head phrase and every currency word written before a number:
    # a cheap test before the search
    head_last: frozenset[str]
    head_reach: int  # the longest head when every white-space run is one character
    head_reach_by_last: dict[str, int]  # the same for heads ending with that word, no currency


@cache
def gated_phrases() -> dict[str, list[str]]:
    """The phrases of the number-word and negative scans, by the name of their scan."""
    gw = growth_words()
    nw = number_words()
    articles = [f"{a} {u}" for u in nw.article_units for a in ("a", "an")]
    return {
        "number words": [*gw.multiple, *nw.fractions, "a dozen", *articles, *nw.counting_words()],
        "negatives": list(negatives()),
    }


@cache
def patterns() -> Patterns:
    """Build the candidate, head and tail patterns from the data tables."""
    gw = growth_words()
    num = number_pattern()
    unit_table = units()
    plain_units = alternation([p for p, u in unit_table.items() if not u.counted])
    counted_units = alternation([p for p, u in unit_table.items() if u.counted])
    flags = re.VERBOSE
    glued = [code for code in currencies().before if code.isalpha()]  # rmb1.2 billion
    digits = re.compile(digits_scan(glued))
    gated = gated_phrases()
    small = number_words().counting_words()
    words = re.compile(  # one prefix tree: doubled, half, a third, a dozen, twenty-five, 200;
        # tried only where the gate finds one of the leading phrases at a word start
        rf"""(?:{alternation(gated["number words"])})
            (?:[\s-]+(?:and\s+)?(?:{alternation(small)}))*(?![\w-])""",
        flags,
    )
    head_phrases = (
        *gw.direction,
        *gw.share,
        "by",
        "between",
        *gw.base,
        "to",
        *gw.cumulative,
        *qualifiers(),
        *currencies().before,
    )
    head = re.compile(  # searched over the words before a number: the lookahead rejects a
        # word that starts no head phrase before the groups are tried
        rf"""(?<![\w-])
        (?=(?:{alternation({phrase.split()[0] for phrase in head_phrases})})(?:\s|\Z)|\s*\Z)
        (?:(?P<head>
            (?P<direction>{alternation(list(gw.direction))})
          | (?P<share>{alternation(list(gw.share))})
          | (?P<by>by) | (?P<between>between) | (?P<from>{alternation(list(gw.base))}) | (?P<to>to)
          | (?P<cumulative>{alternation(list(gw.cumulative))})
        )\s+)?
        (?:(?P<qual>{alternation(list(qualifiers()))})\s+)?
        (?P<cur>{alternation(list(currencies().before))})?\s*
        \Z""",
        flags,
    )
    basis = rf"""(?:\s*,?\s*(?:respectively\s*,?\s*)?(?:   # (the last of a list, respectively)
            (?P<basis>{alternation(list(gw.basis))})(?![\w-])             # year-on-year
          | (?:compared\s+(?:to|with)|over|than(?:\s+in)?|from)\s+     # compared to 2020
              (?:that\s+of\s+)?(?P<base_year>{_YEAR})
          | (?P<ratio>that\s+of|as\s+much\s+as|as\s+many\s+as     # 3 times that of (2020),
              |the\s+(?:level|value|volume|figure|amount)\s+of     # 2.3 times the value of
              |the\s+(?:level|value|volume|figure|amount|number)    # 3.2 times the figure a
                (?=\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|in\s+{_YEAR})))  # year ago
              (?:\s+(?:in\s+)?(?P<ratio_year>{_YEAR}))?
        ))?"""
    scales = scale_pattern()
    tail = re.compile(
        rf"""
        (?:\s*(?P<sep>to|and|-|–|~)\s*(?P<num2>{num}))?                  # range: 3 to 5
        (?P<scale>\s*(?:{scales})(?:\s+(?:{scales}))*(?![a-z0-9]))?          # trillion, 10,000
        (?:
            \s+(?P<pp>(?:percentage|percent|pct)\s+points?)(?![\w])     # 1.7 percentage points
          | \s*(?P<times>times|-?fold)(?![\w])                           # 1.7 times
          | \s*(?P<cur>{alternation(list(currencies().after))})(?![\w])   # yuan, U.S. dollars
          | \s*(?P<unit>%|{plain_units})(?![\w])                         # tons, days, %
          | \s+(?P<mods>(?:(?!(?:{_STOP})\b)[a-z][\w'/-]*\s+){{0,4}}?)   # roll-on/roll-off
              (?P<counted>{counted_units})(?![\w])                       # flights
          | \s+(?:{alternation(list(events()))})\s+by\s+                  # calls by
              (?:(?!(?:{_STOP})\b)[a-z][\w'/-]*\s+){{0,3}}?
              (?P<by_counted>{counted_units})(?![\w])                    # ... container ships
        )?
        {basis}
        """,
        flags,
    )
    implied = implied_unit()
    implied_before = re.compile(  # a phrase may start with "%" ("24.8% to 5.9 million"); a
        # counted noun right before counts the number ("and its passenger throughput 38.2 million",
        # "bringing its international routes to 31")
        rf"""(?:(?:(?<![\w-])|(?=%))(?:{alternation(list(implied.verbs))})
        |(?<![\w-])(?:{counted_units})(?:\s+to)?)\s+\Z""",
        flags,
    )
    implied_after = re.compile(
        rf"\s+(?:(?P<other>{alternation(list(implied.other_nouns))})|{alternation(list(implied.after))})(?![\w-])"
    )
    counted = re.compile(rf"(?<![\w-])(?:{counted_units})(?![\w-])")
    return Patterns(
        digits,
        words,
        head,
        tail,
        re.compile(basis, flags),
        implied_before,
        frozenset(
            phrase.split()[-1]
            for phrase in (*implied.verbs, *(p for p, u in unit_table.items() if u.counted))
        ),
        implied_after,
        counted,
        re.compile(rf"(?<![\w-])(?:{alternation(list(referents()))})(?![\w-])"),
        re.compile(  # "a 5% gain", "a 4.5% year-on-year decrease", "42.3% shorter than in 2017"
            rf"\s+(?:(?:{alternation(list(gw.basis))})\s+)?(?P<word>{alternation(list(gw.after))})(?![\w-])"
            rf"(?:\s+than\s+(?:in\s+)?(?P<base_year>{_YEAR}))?"
        ),
        frozenset(
            phrase.split()[-1]
            for phrase in (
                *gw.direction,
                *gw.share,
                *gw.cumulative,
                *gw.base,
                *qualifiers(),
                "by",
                "between",
                "to",
            )
        )
        | frozenset(currencies().before),
        sum(  # head word, qualifier, currency sign and the blank after each
            max(len(" ".join(phrase.split())) for phrase in group) + 1
            for group in (
                (*gw.direction, *gw.share, *gw.cumulative, *gw.base, "between"),
                tuple(qualifiers()),
                tuple(currencies().before),
            )
        ),
        _reach_by_last_word(
            (*gw.direction, *gw.share, *gw.cumulative, *gw.base, "by", "between", "to")
        ),
    )


def _reach_by_last_word(head_words: tuple[str, ...]) -> dict[str, int]:
    """Last word -> the longest head ending with it and no currency sign, single blanks.

    A head ends with a head word ("up by") or with a qualifier ("nearly"), which a head word
    may precede: the look-back before a number need not reach further.
    """
    heads = [" ".join(p.split()) for p in head_words]
    quals = [" ".join(p.split()) for p in qualifiers()]
    longest_head = max(len(h) for h in heads) + 1
    reach: dict[str, int] = {}
    for phrase, before in [(h, 0) for h in heads] + [(q, longest_head) for q in quals]:
        last = phrase.split()[-1]
        reach[last] = max(reach.get(last, 0), before + len(phrase) + 1)
    money = {phrase.split()[-1] for phrase in currencies().before}
    return {w: n for w, n in reach.items() if w not in money and not any(c in w for c in "$€¥")}


@lru_cache(maxsize=256)
def _bound(qual: str | None) -> str:
    return qualifiers()[" ".join(qual.split())] if qual else "eq"


def _unit_of(tail: re.Match[str]) -> tuple[str, str | None, Decimal, str | None]:
    """(kind, canonical unit, factor, note) of a matched tail."""
    pp, times, currency, unit_phrase, counted, by_counted = tail.group(
        "pp", "times", "cur", "unit", "counted", "by_counted"
    )
    if pp:
        return "pp", "pp", Decimal(1), None
    if times:
        return "times", None, Decimal(1), None
    if currency:
        return _currency_unit(currency)
    phrase = unit_phrase or counted or by_counted
    if phrase:
        return _named_unit(phrase)
    return "none", None, Decimal(1), None


@lru_cache(maxsize=1024)
def _currency_unit(phrase: str) -> tuple[str, str | None, Decimal, str | None]:
    return "level", currencies().after[" ".join(phrase.split())], Decimal(1), None


@lru_cache(maxsize=1024)
def _named_unit(phrase: str) -> tuple[str, str | None, Decimal, str | None]:
    unit = units()[" ".join(phrase.split())]
    return ("percent" if unit.unit == PERCENT else "level"), unit.unit, unit.factor, unit.note


def _negative_overlap(negatives: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a negative phrase (spans sorted by start)."""
    if not negatives:
        return False
    i = bisect_left(negatives, (end, end))  # the spans before it start before ``end``
    return any(start < e for _, e in negatives[max(0, i - 3) : i])


def _previous_token(low: str, start: int) -> str:
    """The word just before ``start`` ("over" in "over 28 million"), punctuation stripped."""
    end = start
    while end and low[end - 1] == " ":
        end -= 1
    reach = end - 30 if end > 30 else 0
    begin = low.rfind(" ", reach, end) + 1 or reach  # no blank: the 30 characters before
    return low[begin:end].lstrip("(\"“'")


def _head(low: str, start: int, hits: Hits) -> re.Match[str] | None:
    """The words before a number that qualify it, or None; most numbers have none."""
    p = patterns()
    token = _previous_token(low, start)
    if token not in p.head_last and (token.isalpha() or not any(c in token for c in "$€¥")):
        return None
    begin = max(0, start - _HEAD_WINDOW)
    if not hits.two_spaces(begin, start):  # single blanks: no head is longer
        begin = max(begin, start - p.head_reach_by_last.get(token, p.head_reach))
    return p.head.search(low, begin, start)


_SENTENCE_BACK = 240
_SENTENCE_STOP_RE = re.compile(r"[.;!?]\s")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")


def _implied_unit(low: str, start: int, end: int, head: re.Match[str] | None) -> str | None:
    """The counted noun a bare number (``[start, end)``, its scale word included) refers back
    to ("flights reached 122,000"), or None."""
    if _YEAR_RE.fullmatch(low, start, end):  # "in 2025": asked first, it is the common case
        return None
    p = patterns()
    after = p.implied_after.match(low, end)
    if after is not None and after["other"]:  # "more than 100 countries": counts those
        return None
    triggered = (
        (head is not None and head["qual"])
        or (
            _previous_token(low, start) in p.implied_last
            and p.implied_before.search(low, max(0, start - 40), start)
        )
        or after is not None
    )
    if not triggered:
        return None
    nouns = list(p.counted.finditer(low, _sentence_start(low, start), start))
    counted = [n for n in nouns if _NUMBER_OF_RE.search(low, max(0, n.start() - 60), n.start())]
    nouns = counted or nouns  # "the number of crossings at the land ports was 121 million"
    return units()[" ".join(nouns[-1].group().split())].unit if nouns else None


_NUMBER_OF_RE = re.compile(r"(?<![\w-])number\s+of\s+(?:[\w'-]+\s+){0,4}\Z")


_OF_RE = re.compile(r"\s+of\s")


def _sentence_start(low: str, start: int) -> int:
    """Where the sentence of the number at ``start`` begins (at most 240 characters back)."""
    window = max(0, start - _SENTENCE_BACK)
    stops = list(_SENTENCE_STOP_RE.finditer(low, window, start))
    return stops[-1].end() if stops else window


def _referent_unit(low: str, start: int, tail: re.Match[str]) -> str | None:
    """The unit a generic "units" / "sets" stands for: the noun named before it, or None.

    "sets of spare parts" names its own goods: None.
    """
    counted = tail["counted"]
    if not counted or not units()[" ".join(counted.split())].generic:
        return None
    if _OF_RE.match(low, tail.end("counted")):
        return None
    nouns = list(patterns().referent.finditer(low, _sentence_start(low, start), start))
    return referents()[nouns[-1].group()] if nouns else None


def _multiple(text: str, low: str, start: int, end: int, hits: Hits) -> Mention:
    """ "doubled", "more than tripled compared to 2020": a change by itself."""
    word = " ".join(low[start:end].split())
    basis = patterns().basis.match(low, end)
    base_year = basis["base_year"] if basis else None
    head = _head(low, start, hits)
    bound = _bound(head["qual"]) if head is not None and head["qual"] else "eq"
    if head is not None and head["qual"]:
        start = head.start("qual")
    written = text[start:end]
    return Mention(
        start,
        end,
        "multiple",
        written,
        "",
        None,
        None,
        Decimal(1),
        None,
        Decimal(1),
        bound,
        "direction",
        start,
        1,
        _basis(basis["basis"] if basis else None),
        base_year,
        False,
        None,
        written,
        baseline=Decimal(growth_words().multiple[word]),
    )


def _span_start(start: int, head: re.Match[str] | None) -> int:
    """Where the quantity phrase starts: at the qualifier, currency symbol or "between"."""
    if head is None:
        return start
    for group in ("between", "qual", "cur"):
        if head[group]:
            return head.start("head" if group == "between" else group)
    return start


def _unit_end(tail: re.Match[str], start: int) -> int:
    """Where the quantity phrase ends: after the unit (a basis word is kept only for a rate)."""
    end = tail.end()
    if tail["basis"] or tail["base_year"] or tail["ratio"]:
        end = tail.start("scale") if tail["scale"] else start
        for group in ("num2", "scale", "pp", "times", "cur", "unit", "counted", "by_counted"):
            if tail[group]:
                end = tail.end(group)
    return max(end, start)


def _number(written: str, *, from_words: bool, article: bool) -> Decimal | None:
    """The value of a number as written ("a" in "more than a month" is 1)."""
    if not from_words:  # the digit scan matched the shape of a number: no need to parse it
        return Decimal(written.replace(",", ""))
    return Decimal(1) if article else parse_number(written)


_HEAD_KINDS = ("direction", "share", "by", "between", "from", "to", "cumulative")
_NO_HEAD: tuple[None, None, None] = (None, None, None)
_RATE_KINDS = ("percent", "pp")  # what a growth word after it signs ("1.5 points lower")


def _head_kind(head: re.Match[str]) -> str:
    """Which kind of head word matched: direction, share, by, between, from, to, cumulative
    or average (growth.toml [cumulative] says which of the last two)."""
    for kind, words in zip(_HEAD_KINDS, head.group(*_HEAD_KINDS), strict=True):
        if words and kind == "cumulative":
            return growth_words().cumulative[" ".join(words.split())]
        if words:
            return str(kind)
    raise AssertionError("called only when a head word matched")


@lru_cache(maxsize=256)
def _sign(direction: str) -> int:
    return growth_words().direction.get(" ".join(direction.split()), 0)


def _mention(  # noqa: PLR0917 (called once per number: positional arguments are cheaper)
    text: str,
    low: str,
    start: int,
    end: int,
    from_words: bool,
    negatives: list[tuple[int, int]],
    hits: Hits,
) -> Mention | None:
    """The mention around the number at ``[start, end)``; ``low`` is ``text`` lower-cased."""
    p = patterns()
    word = " ".join(low[start:end].split()) if from_words else ""
    if from_words and word in growth_words().multiple:
        return _multiple(text, low, start, end, hits)
    article = (
        from_words
        and word.split(" ", 1)[0] in {"a", "an"}
        and word not in number_words().fractions
        and word != "a dozen"
    )
    if article:
        end = start + len(word.split(" ", 1)[0])  # "more than a month": the number is "a"
    written = text[start:end]
    head = _head(low, start, hits)
    if article and (head is None or not head["qual"]):
        return None  # "thousands of containers a day" states no quantity
    tail = p.tail.match(low, end)
    assert tail is not None  # every part of the tail is optional
    kind, unit, factor, note = _unit_of(tail)
    unit = _referent_unit(low, start, tail) or unit  # car exports: 205,000 units
    if kind == "none" and head is not None and head["cur"]:
        kind, unit = "level", currencies().before[head["cur"]]
    if kind == "none" and from_words and word in number_words().fractions and head is not None:
        kind, unit, factor = "percent", PERCENT, Decimal(100)
    if from_words and word in number_words().proportions:  # "nine in ten enterprises": a share
        tail = p.tail.match(low, end, end)  # the noun after it is not its unit
        assert tail is not None
        kind, unit, factor, note = "percent", PERCENT, Decimal(100), None
    if kind == "none" and not tail["num2"]:
        unit = _implied_unit(low, start, tail.end("scale") if tail["scale"] else end, head)
        kind = "level" if unit else kind
    if kind == "none":
        return None
    number = _number(written, from_words=from_words, article=article)
    number_high = parse_number(tail["num2"]) if tail["num2"] else None
    if (
        number is None
        or ((tail["sep"] or "") == "and" and not (head and head["between"]))
        # "the first three quarters to 318,000 units": a fraction starts no range
        or (number_high is not None and word in number_words().fractions)
    ):
        return None
    span_start = _span_start(start, head)
    unit_end = _unit_end(tail, end)
    if _negative_overlap(negatives, span_start, unit_end):
        return None
    unit_from = (
        tail.start("scale") if tail["scale"] else (tail.end("num2") if tail["num2"] else end)
    )
    raw_unit = " ".join(text[unit_from:unit_end].split())
    if head is not None and head["cur"] and not raw_unit:
        raw_unit = text[head.start("cur") : head.end("cur")]
    direction, qual, head_words = head.group("direction", "qual", "head") if head else _NO_HEAD
    sign = _sign(direction) if direction else 0
    after = p.after_rate.match(low, unit_end) if kind in _RATE_KINDS and not sign else None
    if after is not None:
        sign = growth_words().after[" ".join(after["word"].split())]
    return Mention(  # positional: keyword arguments cost a microsecond a mention
        span_start,  # start
        unit_end,  # end
        kind,  # kind
        written if number_high is None else text[start : tail.end("num2")],  # raw_value
        raw_unit,  # raw_unit
        number,  # number
        number_high,  # number_high
        scale_factor(tail["scale"] or ""),  # scale
        unit,  # unit
        factor,  # factor
        "range" if number_high is not None else _bound(qual),  # bound
        _head_kind(head) if head and head_words else "",  # head
        head.start() if head else start,  # head_start
        sign,  # direction
        _basis(tail["basis"] or direction),  # basis
        _base_year(tail, after),  # base_year
        bool(tail["ratio"]),  # ratio
        note,  # note
        text[span_start:unit_end],  # text
    )


def _base_year(tail: re.Match[str], after: re.Match[str] | None) -> str | None:
    """The year a rate compares with: "... than that of 2020" after the unit, "3 times the
    level of 2016", or "42.3% shorter than in 2017" after the growth word."""
    return tail["base_year"] or tail["ratio_year"] or (after["base_year"] if after else None)


@lru_cache(maxsize=256)
def _basis(words: str | None) -> str | None:
    if not words:
        return None
    lowered = " ".join(words.lower().split())
    for phrase, basis in growth_words().basis.items():
        if phrase in lowered:
            return basis
    return None


def _inside_word(previous: str) -> bool:
    return previous.isalnum() or previous in "-_.,/"


_DIGITS = tuple("0123456789")
_NOT_BEFORE_NUMBER = "0123456789_.,/-"  # the digit scan matches no digit right after these


def _one_byte(low: str) -> bool:
    """Whether every character of ``low`` is below U+0100, where 0-9 are the only digits."""
    if low.isascii():
        return True
    try:
        low.encode("latin-1")  # a copy of the bytes when they are one byte each
    except UnicodeEncodeError:
        return False
    return True


def _digit_numbers(digits: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
    """``digits.finditer(low)``: in a text of one-byte characters only at the digits 0-9 that
    ``str.find`` finds, and not right after a digit or "_.,/-" (the scan's lookbehind)."""
    if not _one_byte(low):
        return digits.finditer(low)
    starts = occurrences(low, _DIGITS, 0, len(low))
    return matches(digits, low, starts, not_after=_NOT_BEFORE_NUMBER)


def scan(text: str) -> list[Mention]:
    """Every quantity, rate and multiple mentioned in ``text``, in order, spans not overlapping."""
    found: list[Mention] = []
    last_end = 0
    low = lowered(text)
    p = patterns()
    hits = document_hits(low)
    candidates = [(m.start(), m.end(), False) for m in _digit_numbers(p.digits, low)]
    candidates += [
        (m.start(), m.end(), True)
        for m in matches(p.words, low, hits.starts["number words"])
        if m.start() == 0 or not _inside_word(low[m.start() - 1])
    ]
    candidates.sort(key=lambda c: (c[0], -c[1]))  # "9 in 10" before its "9"
    negatives = [
        (start, end) for start, end, _ in leftmost_longest(hits.phrases["negatives"], low, "-")
    ]
    for start, end, from_words in candidates:
        if start < last_end:
            continue
        mention = _mention(text, low, start, end, from_words, negatives, hits)
        if mention is None:
            continue
        found.append(mention)
        last_end = mention.end
    return _pair_before_after(low, found)


# "3 days on average, down from 5 days before": the second number is the earlier value.
_DOWN_FROM_RE = re.compile(r"[^\d.;]{0,30}?(?<![\w-])(?:down|up|reduced|cut|shortened)\s+\Z")
# "rose to 280,000 TEUs(,) from 226,000 TEUs", "narrowed to $97.4 billion last month from"
_TO_FROM_GAP_RE = re.compile(
    r"(?:\s+(?:(?:last|this)\s+(?:year|month|quarter)|in\s+(?:the\s+)?[a-z0-9-]+"
    r"(?:\s+(?:quarter|half))?))?\s*,?\s*"
)
# "1.5 hours, compared with 2", "20.1 billion yuan in June, compared with 17.6 billion yuan"
# ("against" is no earlier amount: "12 to 18 days, against more than a month by sea")
_COMPARED_RE = re.compile(r"(?:\s+in\s+[a-z]+)?\s*,?\s*compared\s+(?:with|to)\s+")


def _pair_before_after(low: str, found: list[Mention]) -> list[Mention]:
    """ "from 72 hours to within 6 hours": one mention, value 6 and baseline 72."""
    result: list[Mention] = []
    for mention in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and mention.head == "from"
            and previous.kind == mention.kind == "level"
            and previous.unit == mention.unit
            and previous.baseline is None
            and (
                _DOWN_FROM_RE.fullmatch(low, previous.end, mention.head_start)
                or (
                    previous.head == "to"
                    and _TO_FROM_GAP_RE.fullmatch(low, previous.end, mention.head_start)
                )
            )
        ):
            previous.baseline = mention.value
            continue
        if (  # "averaged 1.5 hours, compared with 2 hours a year earlier"
            previous is not None
            and previous.kind == mention.kind == "level"
            and previous.unit == mention.unit
            and previous.baseline is None
            and _COMPARED_RE.fullmatch(low, previous.end, mention.start)
        ):
            previous.baseline = mention.value
            continue
        if (
            previous is not None
            and previous.head == "from"
            and mention.head == "to"
            and mention.head_start - previous.end <= 2
            and previous.kind == mention.kind
        ):
            mention.baseline = previous.value if previous.unit == mention.unit else None
            result[-1] = mention
            continue
        if mention.head == "from" and mention.bound == "range" and mention.number_high is not None:
            mention.baseline, mention.number, mention.number_high = (
                mention.value,
                mention.number_high,
                None,
            )
            mention.bound = "eq"
        result.append(mention)
    return result
