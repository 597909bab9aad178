"""Chinese quantities: qualifier + number + 多/余 + scale + unit -> ``Mention``.

The same ``Mention`` as the English scan (``gzetl.extraction.quantities``), so that linking,
context and rows are shared. Chinese writes no blanks: one regex finds every number with
what follows it (range, 多, scale word, unit, 以上/左右), and the words just before it are
read from right to left, each step anchored at the number: qualifier ("超过"), connective
("了", "达"), growth word ("增长") and basis ("同比", "比2020年"), or a ratio ("是2020年的"),
or a share ("占全市进出口总值的", "占比").

>>> [(m.text, m.value, m.unit, m.bound) for m in scan("进出口总值超1.2万亿元。")]
[('超1.2万亿元', Decimal('1.2E+12'), 'CNY', 'gt')]
>>> [(m.text, m.kind, m.direction, m.basis) for m in scan("同比下降3.1%")]
[('3.1%', 'percent', -1, 'yoy')]
>>> [(m.text, float(m.value), m.unit, m.bound) for m in scan("集装箱吞吐量2800多万标箱")]
[('2800多万标箱', 28000000.0, 'TEU', 'gt')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from gzetl.extraction.lexicon import AVERAGE
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.quantities import PERCENT, THRESHOLD, Mention
from gzetl.extraction.zh.lexicon import ZhWords, zh_words

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SEPARATORS = r"至|到|-|—|–|~|～"
_MORE = r"多|余"
_YEAR = r"(?:19|20)\d{2}"
_HEAD_WINDOW = 40  # the words before a number that may qualify it, within its clause
BREAK_RE = re.compile(r"[，,。；;：:、！？!?\n（）()]")
LAST_BREAK_RE = re.compile(rf"(?s:.*){BREAK_RE.pattern}")  # greedy: the last break
_SENTENCE_END_RE = re.compile(r"[。；;！？!?\n]")
_LAST_SENTENCE_END_RE = re.compile(rf"(?s:.*){_SENTENCE_END_RE.pattern}")  # greedy: the last
_SENTENCE_WINDOW = 120
_BASE_MARK = "相比"  # in every match of base_before: where it is not, no need to look
_PAIR_GAP_RE = re.compile(r"[^\d，,。；;]{0,8}?(?:至|到|为)")  # "从72小时" + "压缩至" + "6小时"
_PAIR_FROM = ("从", "由")
_SHARE_WHOLE = 30  # the words between 占 and a share ("占全市进出口总值的")
_ONE = Decimal(1)  # built once: a Decimal built per number is a call through Python


@dataclass(frozen=True, slots=True)
class Suffix:
    """A pattern that ends at ``\\Z`` and spans at most ``width`` characters.

    ``search`` tries it only at the last ``width`` positions: ``pattern.search`` would try
    it at every position of the text, though no match can start before those. A filtered
    pattern's match (a non-empty one, if the pattern can match empty) ends with one of the
    characters ``endings`` or holds one of the words ``needles``: where neither is so,
    ``search`` answers None at once.
    """

    pattern: re.Pattern[str]
    width: int
    needles: tuple[str, ...] = ()
    endings: str = ""  # characters

    @property
    def filtered(self) -> bool:
        """Whether ``search`` may answer None where the pattern matches empty."""
        return bool(self.needles or self.endings)

    def search(self, text: str, begin: int, end: int) -> re.Match[str] | None:
        """``pattern.search(text, begin, end)``: the same match, in ``text[begin:end]`` and
        ending at ``end``; filtered, maybe None for an empty one."""
        pos = begin if end - self.width < begin else end - self.width  # max() boxes ints
        if (  # a character tested in a str, not str.endswith (~1,500 instructions a call)
            (self.needles or self.endings)
            and not (end > pos and text[end - 1] in self.endings)
            and not self._holds_needle(text, pos, end)
        ):
            return None
        return self.pattern.search(text, pos, end)

    def _holds_needle(self, text: str, pos: int, end: int) -> bool:
        for word in self.needles:  # noqa: SIM110 (any() allocates a generator per call)
            if text.find(word, pos, end) >= 0:
                return True
        return False


@dataclass(frozen=True, slots=True)
class ZhPatterns:
    """The compiled patterns of the Chinese scan, built once from ``zh.toml``."""

    candidate: re.Pattern[str]
    qual: Suffix
    connective: Suffix
    direction: Suffix
    basis: Suffix
    base_before: re.Pattern[str]
    ratio: Suffix
    share: Suffix
    negatives: re.Pattern[str]
    ordinal: Suffix


def lookahead(*phrases: Iterable[str]) -> str:
    """``(?=[...])``: a digit or the first character of one of ``phrases``.

    A pattern that starts with a group, an alternation of groups or a look-behind is tried in
    full at every position of the text; behind this lookahead, it is rejected after one
    character where it cannot start (most of a Chinese text).
    """
    chars = "".join(sorted({phrase[0] for group in phrases for phrase in group if phrase}))
    return rf"(?=[\d{re.escape(chars)}])"


def _needles(*groups: Iterable[str]) -> tuple[str, ...]:
    """The phrases of ``groups``, to look for with ``str.find``; none (no filter) when one
    holds a blank, which the pattern matches to any run of blanks."""
    phrases = tuple(phrase for group in groups for phrase in group)
    return () if _longest(phrases) == _NO_BOUND else phrases


def _endings(*groups: Iterable[str]) -> str:
    """The last characters of the phrases of ``groups`` (a blank inside a phrase matches
    any run of blanks, never its last character)."""
    return "".join(sorted({phrase[-1] for group in groups for phrase in group if phrase}))


def _longest(*groups: Iterable[str]) -> int:
    """The length of the longest phrase of each group, summed: the width of a sequence of
    their alternations. A phrase with a blank matches any run of blanks: no bound."""
    width = 0
    for group in groups:
        phrases = list(group)
        if any(phrase != "".join(phrase.split()) for phrase in phrases):
            return _NO_BOUND
        width += max(map(len, phrases))
    return width


_NO_BOUND = 1 << 30


def _share_filter(zw: ZhWords) -> tuple[tuple[str, ...], str]:
    """(needles, endings) of the share pattern: 占 stands in the window, or a share noun
    ends it; none (no filter) when 占 is written with a blank."""
    needles = _needles(zw.share_zhan)
    return (needles, _endings(zw.share_nouns)) if needles else ((), "")


def numeral_chars() -> tuple[str, str]:
    """(first, rest): the characters that start a number written in Chinese numerals, and
    those that continue it."""
    zw = zh_words()
    first = "".join(zw.numerals) + "十"
    return first, first + "".join(zw.numeral_units)


def numeral_class() -> tuple[str, str]:
    """(first, rest): the character classes of a number written in Chinese numerals."""
    first, rest = numeral_chars()
    return f"[{re.escape(first)}]", f"[{re.escape(rest)}]"


@cache
def zh_patterns() -> ZhPatterns:
    """Build the Chinese patterns from the tables of ``zh.toml``."""
    zw = zh_words()
    first, rest = numeral_class()
    num = rf"(?:{_DIGITS}|{first}{rest}*)"
    quals = alternation(list(zw.bound_before))
    # a scale word with no number, then a currency or unit, then a threshold mark
    bare = (
        rf"(?:{alternation(list(zw.scales))})"
        rf"(?:{alternation(list(zw.currency))}|{alternation(list(zw.units))})"
        rf"(?:{alternation(list(zw.threshold))})"
    )
    candidate = re.compile(
        rf"""{lookahead(numeral_chars()[0], zw.half, zw.multiple, zw.scales)}  # where one starts
        (?:
        (?P<frac>(?P<den>{first}{rest}*)分之(?P<nom>{first}{rest}*))   # 三分之一
      | (?<![\d.])(?P<slash>(?P<snom>\d{{1,2}})/(?P<sden>\d{{1,2}}))(?![\d.])  # 1/3
      | (?P<half>{alternation(list(zw.half))})                          # 过半, 近一半
      | (?P<mult>{alternation(list(zw.multiple))})                      # 翻一番
      | (?:(?<![a-z0-9_.])(?P<n1>{num})                                 # 1.2, 2,800, 两
        (?:(?P<sep>{_SEPARATORS})(?P<n2>{num})|)                        # 3至5
        (?:(?P<more1>{_MORE})|)                                         # 2800多
      | (?={bare}))                             # or no number: "万亿元大关" (threshold)
        (?:(?P<scale>{alternation(list(zw.scales))})|)                  # 万亿
        (?:(?P<more2>{_MORE})|)                                         # 50余
        (?:(?P<pp>个百分点)|(?P<times>倍)                                # 1.7个百分点, 1.7倍
          | (?P<cur>{alternation(list(zw.currency))})                   # 元, 美元
          | (?P<unit>{alternation(list(zw.units))})                     # 标箱, 吨, %
          |)
        )(?:(?P<after>{alternation(list(zw.bound_after))})|)            # 以上, 左右
        """,
        re.VERBOSE,
    )
    if tuple(candidate.groupindex) != _GROUP_NAMES:
        raise AssertionError("the candidate's groups are not those of _GROUP_NAMES")
    basis = alternation(list(zw.basis))
    comparison = alternation(list(zw.comparison))
    relative = alternation(list(zw.relative))
    adverbs = alternation(list(zw.adverbs))
    year_width = max(len("2025年"), _longest(zw.relative))
    return ZhPatterns(
        candidate,
        Suffix(  # filtered: _head reads an empty match as none
            re.compile(rf"(?P<qual>{quals})?(?P<cur>{alternation(list(zw.currency_before))})?\Z"),
            _longest(zw.bound_before, zw.currency_before),
            (),
            _endings(zw.bound_before, zw.currency_before),
        ),
        Suffix(
            re.compile(rf"(?:{alternation(list(zw.connectives))})\Z"),
            _longest(zw.connectives),
            (),
            _endings(zw.connectives),
        ),
        Suffix(
            re.compile(rf"(?P<direction>{alternation(list(zw.direction))})\Z"),
            _longest(zw.direction),
            (),
            _endings(zw.direction),
        ),
        Suffix(  # no bound (the adverbs repeat); a non-empty match ends with one of these
            re.compile(
                rf"""(?:{adverbs})*
                (?:(?P<basis>{basis})
                  | (?:{comparison})(?:(?P<base_year>{_YEAR})年|(?P<relative>{relative}))
                    (?:同期)?(?:相比)?
                )?(?:{adverbs})*\Z""",
                re.VERBOSE,
            ),
            _NO_BOUND,
            (),
            _endings(zw.adverbs, zw.basis, zw.relative, ["年", "同期", "相比"]),
        ),
        re.compile(  # "与2019年相比，" earlier in the sentence
            rf"(?:与|同|和)(?:(?P<base_year>{_YEAR})年|{relative})(?:同期)?相比[，,]"
        ),
        Suffix(
            re.compile(
                rf"(?:{alternation(list(zw.ratio))})(?:(?P<ratio_year>{_YEAR})年|{relative})"
                r"(?:同期)?的\Z"
            ),
            _longest(zw.ratio) + year_width + len("同期的"),
            (),
            "的",
        ),
        Suffix(
            re.compile(
                rf"""(?P<qual>{quals})?(?P<zhan>{alternation(list(zw.share_zhan))})
                [^\d%％]{{0,{_SHARE_WHOLE}}}?\Z
                | (?P<noun>{alternation(list(zw.share_nouns))})\Z""",
                re.VERBOSE,
            ),
            max(
                _longest(zw.bound_before, zw.share_zhan) + _SHARE_WHOLE,
                _longest(zw.share_nouns),
            ),
            *_share_filter(zw),
        ),
        re.compile(alternation(list(zw.negatives))),
        Suffix(
            re.compile(rf"(?:{alternation(list(zw.ordinals))})\Z"),
            _longest(zw.ordinals),
            (),
            _endings(zw.ordinals),
        ),
    )


def parse_zh_number(written: str) -> Decimal | None:
    """A number in digits or Chinese numerals -> its value; None if it is neither.

    >>> [str(parse_zh_number(w)) for w in ["2,800", "1.2", "二十五", "两千", "十", "三百零五"]]
    ['2800', '1.2', '25', '2000', '10', '305']
    """
    if written[:1].isascii():
        try:
            return Decimal(written.replace(",", ""))
        except ArithmeticError:
            return None
    zw = zh_words()
    if not all(c in zw.numerals or c in zw.numeral_units for c in written):
        return None
    if not any(c in zw.numeral_units for c in written):  # 二〇二五: digit by digit
        return Decimal("".join(str(zw.numerals[c]) for c in written))
    total = current = 0
    for c in written:
        if c in zw.numerals:
            current = zw.numerals[c]
        else:
            total += (current or 1) * zw.numeral_units[c]
            current = 0
    return Decimal(total + current)


@dataclass(slots=True, init=False)
class _Doc:
    """The text being scanned, its lower case, and the patterns and words that read it
    (looked up once, not per number)."""

    text: str
    low: str
    p: ZhPatterns
    zw: ZhWords

    def __init__(self, text: str, low: str) -> None:
        self.text = text
        self.low = low
        self.p = zh_patterns()
        self.zw = zh_words()


def after_last(last: re.Pattern[str], low: str, pos: int, begin: int) -> int:
    """Right after the last break of ``last`` (a greedy pattern) in ``[begin, pos)``, else
    ``begin``. Found per number: a whole document's breaks cost more than its numbers'."""
    found = last.match(low, begin, pos)
    return begin if found is None else found.end()


@dataclass(slots=True, init=False)
class _Head:
    """What the words before a number say about it (one per number: ``__init__`` written
    out, as mypyc compiles that one and leaves a dataclass's generated one to Python)."""

    start: int  # where the quantity phrase starts (qualifier, currency)
    head_start: int  # where the head words start (growth word, basis, share)
    bound: str | None
    currency: str | None
    kind: str  # direction, average ("年均增长"), share or ""
    direction: int
    basis: str | None
    base_year: str | None
    ratio: bool

    def __init__(self, start: int) -> None:
        self.start = self.head_start = start
        self.bound = self.currency = self.basis = self.base_year = None
        self.kind = ""
        self.direction = 0
        self.ratio = False


def _growth(doc: _Doc, head: _Head, floor: int, end: int) -> None:
    """The basis written before a growth word that starts at ``end`` ("同比", "较2020年"), or
    at the end of the clause before ("与2020年相比，")."""
    p, zw = doc.p, doc.zw
    basis = p.basis.search(doc.low, floor, end)
    head.head_start = end
    if basis is not None and basis.end() > basis.start():
        head.head_start = basis.start()
        if basis["basis"]:
            head.basis = zw.basis[basis["basis"]]
        elif basis["base_year"]:
            head.base_year = basis["base_year"]
        elif basis["relative"]:
            head.basis = "yoy"  # 比上年, 较去年同期
    window = max(0, floor - _SENTENCE_WINDOW)
    if (
        head.basis is None
        and head.base_year is None
        and doc.low.find(_BASE_MARK, window, floor) >= 0
    ):
        # the sentence holding the clause, at most _SENTENCE_WINDOW back
        begin = after_last(_LAST_SENTENCE_END_RE, doc.low, floor, window)
        earlier = list(p.base_before.finditer(doc.low, begin, floor))
        if earlier:
            head.base_year = earlier[-1]["base_year"]
            head.basis = None if head.base_year else "yoy"


def _head(doc: _Doc, start: int) -> _Head:
    """Read the words before the number at ``start`` from right to left, back to the start
    of its clause (at most ``_HEAD_WINDOW`` characters)."""
    p, zw, low = doc.p, doc.zw, doc.low
    floor = after_last(LAST_BREAK_RE, low, start, max(0, start - _HEAD_WINDOW))
    head = _Head(start)
    m = p.qual.search(low, floor, start)
    cut = start
    if m is not None and m.end() > m.start():
        cut = head.start = head.head_start = m.start()
        if m["qual"]:
            head.bound = zw.bound_before[m["qual"]]
        if m["cur"]:
            head.currency = zw.currency_before[m["cur"]]
    connective = p.connective.search(low, floor, cut)
    stem = cut if connective is None else connective.start()  # where the head words end
    direction = p.direction.search(low, floor, stem)
    if direction is not None and connective is not None and connective.group() in zw.connectives_to:
        stem, direction = direction.start(), None  # "占比提升至60%": the level it reached
    if direction is not None:
        _growth(doc, head, floor, direction.start())
        head.kind, head.direction = "direction", zw.direction[direction["direction"]]
        if low.endswith(zw.average, floor, direction.start()):  # "年均增长5.7%"
            head.kind = AVERAGE
        return head
    ratio = p.ratio.search(low, floor, stem)
    if ratio is not None:
        head.ratio, head.base_year = True, ratio["ratio_year"]
        head.head_start = ratio.start()
        return head
    share = p.share.search(low, floor, stem)
    if share is not None:  # "占全市进出口总值的", "约占"
        head.kind = "share"
        head.head_start = share.start()
        if share["qual"] and head.bound is None:  # the span stays the number ("三成")
            head.bound = zw.bound_before[share["qual"]]
        return head
    basis = p.basis.search(low, floor, stem)  # "比2020年翻了一番"
    if basis is not None and basis.end() > basis.start() and (basis["basis"] or basis["base_year"]):
        head.basis = zw.basis[basis["basis"]] if basis["basis"] else None
        head.base_year = basis["base_year"]
        head.head_start = basis.start()
    return head


class _Groups:
    """The groups of a candidate match, read once (``m["unit"]`` is a call of ~350
    instructions each time; an attribute of this compiled class is a load)."""

    frac: str | None
    den: str | None
    nom: str | None
    slash: str | None
    snom: str | None
    sden: str | None
    half: str | None
    mult: str | None
    n1: str | None
    sep: str | None
    n2: str | None
    more1: str | None
    scale: str | None
    more2: str | None
    pp: str | None
    times: str | None
    cur: str | None
    unit: str | None
    after: str | None

    def __init__(self, m: re.Match[str]) -> None:
        (
            self.frac, self.den, self.nom, self.slash, self.snom, self.sden, self.half,
            self.mult, self.n1, self.sep, self.n2, self.more1, self.scale, self.more2,
            self.pp, self.times, self.cur, self.unit, self.after,
        ) = m.groups()  # fmt: skip


# the candidate's groups in the order of _Groups
_GROUP_NAMES = (
    "frac", "den", "nom", "slash", "snom", "sden", "half", "mult", "n1", "sep", "n2", "more1",
    "scale", "more2", "pp", "times", "cur", "unit", "after",
)  # fmt: skip


def _proportion(g: _Groups, head: _Head, zw: ZhWords) -> tuple[Decimal, str | None] | None:
    """(share in percent, bound) of "过半", "近一半", "三分之一"; None without a head or
    qualifier ("一半" alone states no share)."""
    if g.half:
        own = zw.half[g.half]
        if own == "eq" and not (head.kind or head.bound):
            return None
        return Decimal(50), head.bound or own
    if g.snom is not None and g.sden is not None:  # 1/3
        nom: Decimal | None = Decimal(g.snom)
        den: Decimal | None = Decimal(g.sden)
    else:  # 三分之一
        nom, den = parse_zh_number(g.nom or ""), parse_zh_number(g.den or "")
    if not nom or not den or not (head.kind or head.bound):
        return None
    return (Decimal(100) * nom / den).quantize(Decimal("0.01")), head.bound


def _unit(
    g: _Groups, head: _Head, zw: ZhWords
) -> tuple[str, str | None, Decimal, str | None] | None:
    """(kind, canonical unit, factor, note) of a number's tail; None: no unit, no quantity."""
    if g.pp:
        return "pp", "pp", _ONE, None
    if g.times:
        return "times", None, _ONE, None
    if g.cur:
        return "level", zw.currency[g.cur], _ONE, None
    if g.unit:
        named = zw.units[g.unit]
        return (
            ("percent" if named.unit == PERCENT else "level"),
            named.unit,
            named.factor,
            named.note,
        )
    if head.currency:
        return "level", head.currency, _ONE, None
    return None  # 12月, 2025年, 2号


def _written(m: re.Match[str], g: _Groups, head: _Head) -> tuple[Decimal | None, int]:
    """(the number, where it ends as written): digits or numerals, or a scale word alone
    ("突破万亿元大关": one of it, read only after a qualifier; the scale word stands for
    the number as written)."""
    written = g.n1
    if written is None:
        return (_ONE if head.bound else None), m.end("scale")
    return parse_zh_number(written), (m.end("n2") if g.n2 else m.end("n1"))


def _multiple(text: str, m: re.Match[str], mult: str, head: _Head, zw: ZhWords) -> Mention:
    """ "翻一番", "比2020年翻了一番": a change by itself."""
    start, end = m.span()
    return Mention(
        head.start, end, "multiple", text[start:end], "", None, None, _ONE, None,
        _ONE, head.bound or "eq", "direction", head.head_start, 1, head.basis,
        head.base_year, False, None, text[head.start : end],
        baseline=Decimal(zw.multiple[mult]),
    )  # fmt: skip


def _rate_noun_after(low: str, end: int, head: _Head, zw: ZhWords) -> None:
    """A growth word after a rate ("5.2%的增长") makes it a change."""
    for words, sign in zw.after_rate.items():
        if low.startswith(words, end):
            head.kind, head.direction = "direction", sign
            return


@cache
def _currency_before() -> tuple[str, ...]:
    return tuple(zh_words().currency_before)


def _unitless(low: str, g: _Groups, start: int) -> bool:
    """A number with no unit after it and no currency before it: no quantity."""
    return bool(
        g.n1
        and not (g.pp or g.times or g.cur or g.unit)
        and not low.endswith(_currency_before(), 0, start)
    )


def _mention(doc: _Doc, m: re.Match[str]) -> Mention | None:
    """The mention of one candidate match, or None when it states no quantity."""
    start, end = m.span()
    text, low = doc.text, doc.low
    zw = doc.zw
    g = _Groups(m)
    if _unitless(low, g, start) or doc.p.ordinal.search(low, 0, start):
        return None  # 12月, 2025年, 2号, 一般 (checked first: cheap); 第五批, 排名第一
    head = _head(doc, start)
    if g.mult:
        return _multiple(text, m, g.mult, head, zw)
    number_high = None
    scale = factor = _ONE
    note: str | None = None
    unit: str | None
    written_end = end
    if g.half or g.frac or g.slash:
        proportion = _proportion(g, head, zw)
        if proportion is None:
            return None
        number, bound = proportion
        kind, unit, raw_unit = "percent", PERCENT, ""
    else:
        (parsed, written_end), tail = _written(m, g, head), _unit(g, head, zw)
        if parsed is None or tail is None:
            return None
        number, (kind, unit, factor, note) = parsed, tail
        number_high = parse_zh_number(g.n2) if g.n2 else None
        scale = zw.scales[g.scale] if g.scale else scale
        if kind != "percent" and head.kind == "share":
            head.kind = ""  # 占 before a level ("占地1000平方米") is no share
        raw_unit = text[written_end:end]
        bound = head.bound
        if number_high is not None:
            bound = "range"
        elif bound is None and (g.more1 or g.more2):
            bound = "gt"
    if bound is None and g.after:
        bound = zw.bound_after[g.after]
    if kind == "percent" and not head.kind:  # "实现5.2%的增长": a change
        _rate_noun_after(low, end, head, zw)
    if kind == "level" and low.startswith(zw.threshold, end):
        head.kind = THRESHOLD  # "突破6万亿美元关口": the sentence's rate is not its own
    return Mention(
        head.start, end, kind, text[start:written_end], raw_unit, number, number_high, scale,
        unit, factor, bound or "eq", head.kind, head.head_start, head.direction, head.basis,
        head.base_year, head.ratio, note, text[head.start : end],
    )  # fmt: skip


def _negative_spans(low: str) -> list[tuple[int, int]]:
    return [m.span() for m in zh_patterns().negatives.finditer(low)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:  # noqa: SIM110 (any() allocates a generator per call)
        if s < end and start < e:
            return True
    return False


def scan(text: str) -> list[Mention]:
    """Every quantity, rate and multiple of a Chinese ``text``, in order, not overlapping."""
    low = lowered(text)
    negatives = _negative_spans(low)
    doc = _Doc(text, low)
    found: list[Mention] = []
    for m in doc.p.candidate.finditer(low):
        if negatives and _overlaps(negatives, m.start(), m.end()):
            continue
        mention = _mention(doc, m)
        if mention is not None:
            found.append(mention)
    return _pair_before_after(low, found)


def _pair_before_after(low: str, found: list[Mention]) -> list[Mention]:
    """ "从72小时压缩至6小时以内": one mention, value 6 and baseline 72."""
    result: list[Mention] = []
    for mention in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.kind == mention.kind == "level"
            and previous.unit == mention.unit
            and low[max(0, previous.start - 1) : previous.start] in _PAIR_FROM
            and _PAIR_GAP_RE.fullmatch(low, previous.end, mention.start)
        ):
            mention.baseline = previous.value
            result[-1] = mention
            continue
        result.append(mention)
    return result
