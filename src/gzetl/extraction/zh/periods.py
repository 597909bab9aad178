"""Chinese period phrases + the publication date -> ``gzetl.periods.Period``.

Read like the English ones (docs/conventions.md, Period): "2025年", "去年", "上半年",
"一季度", "前11个月", "1-11月", "12月", "“十四五”时期", "连续5年", "近5年", "目前". A period
right after a comparison word ("比上年", "较2020年", "与去年同期") or a ratio word
("是2020年的3倍"), or followed by 同期, is the
base of a change (kind ``base``), never the figure's period.

>>> from datetime import date
>>> [(p.label, p.kind, p.start, p.end) for p in find_periods("2025年前11个月，", None)]
[('2025年前11个月', 'ytd', datetime.date(2025, 1, 1), datetime.date(2025, 11, 30))]
>>> [(p.label, p.kind, str(p.start)) for p in find_periods("上半年，比上年增长", date(2025, 7, 14))]
[('上半年', 'half', '2025-01-01'), ('上年', 'base', '2024-01-01')]
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from gzetl.extraction.gate import occurrences
from gzetl.extraction.numbers import alternation
from gzetl.extraction.zh.lexicon import zh_words
from gzetl.extraction.zh.quantities import (
    BREAK_RE,
    LAST_BREAK_RE,
    after_last,
    lookahead,
    numeral_chars,
    numeral_class,
    parse_zh_number,
)
from gzetl.periods import Period, _latest_year, _months

_YEAR = r"(?:19|20)\d{2}"
_MONTH_SEPARATORS = "-|—|–|~|～|至|到"


@cache
def _period_re() -> re.Pattern[str]:
    zw = zh_words()
    first, rest = numeral_class()
    count = rf"(?:\d{{1,2}}|{first}{rest}*)"
    month = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
    relative = alternation(list(zw.relative))
    # Every part is optional: the first lookahead lets the engine skip, at once, the positions
    # where none can start (most of a text); the second, where none of the parts but [alone]
    # does, the positions that would yield an empty match ("2025年" before "11月当月"). The
    # look-behind comes after the first lookahead: tried first, it cost every position more.
    # An optional group is written "(?:...|)", not "(?:...)?": the same greedy choice, made by
    # an alternation, where "?" on a group sets up a repeat (an allocation) at every try.
    starts = "".join(sorted({p[0] for p in zw.relative} | set(first + rest) | set("上下前第全")))
    return re.compile(
        rf"""(?=[\d{re.escape(starts)}])(?<![\d.,])
        (?=(?:19|20)\d{{2}}年|{relative}|{month}(?:月|{_MONTH_SEPARATORS})
          |前|[上下]半年|第?[一二三四1-4]季度|全年)
        (?:(?P<year>{_YEAR})年|(?P<rel>{relative})|)                        # 2025年, 去年
        (?:
            (?P<m1>{month})(?:月份?|)(?:{_MONTH_SEPARATORS})(?P<m2>{month})月份?   # 1-11月, 1至11月
          | 前(?P<nmonths>{count})个?月                                         # 前11个月
          | 前(?P<nquarters>[一二三两1-3])个?季度                                # 前三季度
          | (?P<half>[上下])半年                                                 # 上半年
          | 第?(?P<quarter>[一二三四1-4])季度                                     # 一季度, 第四季度
          | (?P<month>{month})月份?(?![\d一二三四五六七八九十]{{0,3}}[日号])  # not 12月31日
          | (?P<full>全年)
        |)(?:{alternation(list(zw.alone))}|)                                   # 当月: alone
        """,
        re.VERBOSE,
    )


@cache
def _other_re() -> re.Pattern[str]:
    zw = zh_words()
    first, rest = numeral_class()
    count = rf"(?:\d{{1,2}}|{first}{rest}*)"
    starts = lookahead('“"「连近过最', zw.plans, numeral_chars()[0], zw.ytd, zw.undated)
    return re.compile(
        rf"""{starts}(?:  # where one of the phrases below can start
            [“"「]?(?P<plan>{alternation(list(zw.plans))})[”"」]?                   # “十四五”
            (?:时期|期间|以来|规划期|规划)?
          | 连续(?P<consecutive>{count})年                                          # 连续5年
          | (?:近|过去|最近)(?P<past>{count})年(?:来|间|以来)?                        # 近5年
          | (?P<since>{count})年(?:来|以来)                                          # 五年来
          | (?P<ytd>{alternation(list(zw.ytd))})                                   # 今年以来
          | (?P<undated>{alternation(list(zw.undated))})                           # 目前
        )""",
        re.VERBOSE,
    )


_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "两": 2}


def _small(written: str) -> int:
    if written in _QUARTERS:
        return _QUARTERS[written]
    value = parse_zh_number(written)
    return int(value) if value is not None else 0


def _resolve(  # noqa: PLR0911
    m: re.Match[str], published: date | None, listed_year: int | None = None
) -> Period | None:
    """The period of one match of ``_period_re``; None for an empty match."""
    label = m.group()
    pos, end = m.span()
    rel = zh_words().relative.get(m["rel"] or "")
    year: int | None = int(m["year"]) if m["year"] else listed_year
    if year is None and rel is not None and published is not None:
        year = published.year + rel

    def in_year(last_month: int) -> int | None:
        return year if year is not None or rel is not None else _latest_year(last_month, published)

    if m["m1"]:
        a, b = _small(m["m1"]), _small(m["m2"])
        if not 1 <= a <= b <= 12:
            return None
        start, stop = _months(a, b, in_year(b))
        return Period(pos, end, label, "ytd" if a == 1 else "months", start, stop)
    if m["nmonths"] or m["nquarters"]:
        n = _small(m["nmonths"]) if m["nmonths"] else 3 * _small(m["nquarters"])
        if not 1 <= n <= 12:
            return None
        start, stop = _months(1, n, in_year(n))
        return Period(pos, end, label, "ytd", start, stop)
    if m["half"]:
        h = 1 if m["half"] == "上" else 2
        start, stop = _months(6 * h - 5, 6 * h, in_year(6 * h))
        return Period(pos, end, label, "half", start, stop)
    if m["quarter"]:
        q = _small(m["quarter"])
        start, stop = _months(3 * q - 2, 3 * q, in_year(3 * q))
        return Period(pos, end, label, "quarter", start, stop)
    if m["month"]:
        n = _small(m["month"])
        start, stop = _months(n, n, in_year(n))
        return Period(pos, end, label, "month", start, stop)
    if m["full"] and year is None and rel is None:  # 全年: the year of the latest figures
        year = _latest_year(12, published)
    if m["year"] or m["rel"] or m["full"]:
        if year is None:
            return Period(pos, end, label, "year", None, None)
        return Period(pos, end, label, "year", date(year, 1, 1), date(year, 12, 31))
    return None


_LIST_JOINS = ("、", "和", "及", "与", "至")


def _listed_year(text: str, found: list[Period], m: re.Match[str]) -> int | None:
    """ "2025年一季度、二季度": the year of the period listed just before one that names none."""
    if m["year"] or m["rel"] or not found:
        return None
    before = found[-1]
    listed = text[before.end_pos : m.start()] in _LIST_JOINS
    return before.start.year if listed and "年" in before.label and before.start else None


def _other(m: re.Match[str], published: date | None) -> Period:  # noqa: PLR0911 (one per kind)
    pos, end = m.span()
    label = m.group()
    if m["plan"]:
        first = zh_words().plans[m["plan"]]
        return Period(pos, end, label, "years", date(first, 1, 1), date(first + 4, 12, 31))
    if m["consecutive"]:
        years = _small(m["consecutive"])
        return Period(pos, end, label, "consecutive", None, None, years=years)
    if m["past"] or m["since"]:
        n, last = _small(m["past"] or m["since"]), _latest_year(12, published)
        if last is None or n <= 0:
            return Period(pos, end, label, "years", None, None)
        return Period(pos, end, label, "years", date(last - n + 1, 1, 1), date(last, 12, 31))
    if m["ytd"]:  # January to the month before publication, as "so far this year"
        if published is None:
            return Period(pos, end, label, "ytd", None, None)
        last = published.month - 1 or 12
        year = published.year if published.month > 1 else published.year - 1
        start, stop = _months(1, last, year)
        return Period(pos, end, label, "ytd", start, stop)
    return Period(pos, end, label, "undated", None, None)


@cache
def _base_words() -> tuple[str, ...]:
    zw = zh_words()
    return (*zw.comparison, *zw.ratio)


def _is_base(text: str, period: Period) -> bool:
    """ "比上年", "较2020年", "与去年同期": the base of a change."""
    before = text[max(0, period.pos - 3) : period.pos]
    return before.endswith(_base_words()) or text.startswith("同期", period.end_pos)


def _as_base(p: Period) -> Period:
    return Period(p.pos, p.end_pos, p.label, "base", p.start, p.end, p.years)


# No period phrase holds a break; every one holds 年, 月 or 季 (2025年, 1-11月, 一季度, 上半年,
# 去年, 当月, 今年以来, 连续5年) or, written without them, a phrase of [periods.plans] or
# [periods.undated] ("十四五", "目前"). The patterns run only over the clauses that hold one of
# those characters: the same matches as a run over the whole text (a match holds no break, and
# the look-behinds see the text before a clause), for a tenth of the characters. The breaks
# are those of the numbers' heads (zh/quantities.py).


@cache
def _anchors() -> str:
    """The anchor characters: 年, 月, 季 and the last characters of the [plans] and [undated]."""
    zw = zh_words()
    return "".join(sorted(set("年月季") | {phrase[-1] for phrase in (*zw.plans, *zw.undated)}))


def _clauses_with_anchors(text: str) -> list[tuple[int, int]]:
    """The spans between breaks that hold an anchor character, in order.

    The anchors are found with ``str.find``, which skips to a character far faster than the
    regex engine tests each one against a class (zh-mix: 142.6 M -> 140.6 M instructions
    per 0.1 MB).
    """
    spans: list[tuple[int, int]] = []
    end = 0
    for pos in occurrences(text, _anchors(), 0, len(text)):
        if pos < end:
            continue  # in the clause of an anchor before it
        start = after_last(LAST_BREAK_RE, text, pos, end)
        found = BREAK_RE.search(text, pos)
        end = len(text) if found is None else found.start()
        spans.append((start, end))
    return spans


def find_periods(text: str, published: date | None) -> list[Period]:
    """Every period phrase of a Chinese ``text`` in order, resolved against ``published``."""
    found: list[Period] = []
    other: list[Period] = []
    period_re, other_re = _period_re(), _other_re()
    for start, end in _clauses_with_anchors(text):
        for m in period_re.finditer(text, start, end):
            if not m.group():
                continue
            period = _resolve(m, published, _listed_year(text, found, m))
            if period is not None:
                found.append(period)
        other += [_other(m, published) for m in other_re.finditer(text, start, end)]
    found += other
    found = [_as_base(p) if p.kind != "consecutive" and _is_base(text, p) else p for p in found]
    found.sort(key=lambda p: (p.pos, -p.end_pos))
    outer: list[Period] = []
    for period in found:
        if not outer or period.pos >= outer[-1].end_pos:
            outer.append(period)
    return outer
