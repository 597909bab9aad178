"""Period phrases + the publication date -> (start, end, label), inclusive dates.

>>> from datetime import date
>>> p = find_periods("during the 14th Five Year Plan period, trade grew", date(2026, 1, 10))[0]
>>> (p.start, p.end, p.kind)
(datetime.date(2021, 1, 1), datetime.date(2025, 12, 31), 'years')
>>> p = find_periods("In the first half, exports rose", date(2025, 7, 15))[0]
>>> (p.start, p.end, p.label)
(datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 'In the first half')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError
from gzetl.extraction.numbers import alternation, number_pattern, parse_number


@dataclass(frozen=True, slots=True)
class PeriodWords:
    """``periods.toml``, loaded once."""

    months: dict[str, int]
    ordinals: dict[str, int]
    five_year_plans: dict[int, int]
    undated: tuple[str, ...]
    relative: dict[str, int]


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved period phrase at ``[pos, end_pos)`` of the text.

    ``kind`` is year, quarter, half, ytd, month, years (a multi-year span), consecutive
    ("for five consecutive years", resolved later against the inherited period) or undated
    ("at present": no period, and nothing inherited). ``start``/``end`` are None when the
    phrase cannot be resolved (a relative phrase with no publication date).
    """

    pos: int
    end_pos: int
    label: str
    kind: str
    start: date | None
    end: date | None
    years: int = 0


@cache
def period_words() -> PeriodWords:
    """The vocabulary of ``periods.toml``."""
    table = load_data("periods.toml")
    try:
        months = {k.lower(): int(v) for k, v in table["months"].items()}
        ordinals = {k.lower(): int(v) for k, v in table["ordinals"].items()}
        plans = {int(k): int(v) for k, v in table["five_year_plans"].items()}
        undated = tuple(p.lower() for p in table["undated"]["list"])
        relative = {k.lower(): int(v) for k, v in table["relative"].items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError("periods.toml", f"missing or malformed section: {exc}") from exc
    bad = [m for m, n in months.items() if not 1 <= n <= 12]
    if bad:
        raise KnowledgeError("periods.toml", f"[months] {bad} not in 1..12")
    return PeriodWords(months, ordinals, plans, undated, relative)


_YEAR = r"(?:19|20)\d{2}(?![\d,.]\d)"


@cache
def period_regex() -> re.Pattern[str]:
    """ONE pattern for every period phrase; the named group that matched says which kind."""
    pw = period_words()
    num = number_pattern()
    month = alternation(list(pw.months))
    ordinal = alternation(list(pw.ordinals))
    return re.compile(
        rf"""(?<![\w-])(?:
        (?:(?:during|in|over|throughout|for)\s+)?(?:the\s+)?["“]?(?P<fyp>{ordinal})\s+Five[-\s]Year\s+Plan["”]?(?:\s+period)?
      | (?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<past>{num})\s+years
      | (?:for\s+)?(?P<consec>{num})\s+consecutive\s+years
      | (?:in\s+|during\s+)?the\s+first\s+(?P<nmonths>{num})\s+months(?:\s+of\s+(?:the\s+year\s+)?(?P<y1>{_YEAR}))?
      | (?:in\s+|during\s+)?the\s+first\s+(?P<nquarters>{num})\s+quarters(?:\s+of\s+(?P<y7>{_YEAR}))?
      | (?:from\s+)?(?P<m1>{month})\s*(?:to|-|–|through)\s*(?P<m2>{month})(?:,?\s+(?:of\s+)?(?P<y2>{_YEAR}))?
      | (?:in\s+|during\s+)?(?:the\s+)?(?P<qord>{ordinal})\s+quarter(?:\s+of\s+(?:the\s+year\s+)?(?P<y3>{_YEAR}))?
      | Q(?P<qn>[1-4])(?:\s+(?P<y4>{_YEAR}))?
      | (?:in\s+|during\s+)?(?:the\s+)?(?P<hord>first|second)\s+half(?:\s+of\s+(?:the\s+year\s*)?(?P<y5>{_YEAR})?)?
      | H(?P<hn>[12])(?:\s+(?P<y8>{_YEAR}))?
      | (?P<ytd>year[-\s]to[-\s]date|so\s+far\s+this\s+year)
      | (?:in\s+)?(?P<month>{month})(?:\s+(?P<y6>{_YEAR}))?(?=[\s,.;])
      | (?P<relative>{alternation(list(pw.relative))})
      | (?:(?:in|by|for|during|throughout)\s+(?:the\s+(?:end|whole|full\s+year)\s+of\s+)?)(?P<year>{_YEAR})
      | (?P<undated>{alternation(list(pw.undated))})
    )(?![\w-])""",
        re.VERBOSE | re.IGNORECASE,
    )


def _latest_year(month_end: int, published: date | None) -> int | None:
    """The latest year whose month ``month_end`` is over by ``published``."""
    if published is None:
        return None
    return published.year if published.month > month_end else published.year - 1


def _months(first: int, last: int, year: int | None) -> tuple[date | None, date | None]:
    if year is None:
        return None, None
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _count(text: str | None) -> int:
    value = parse_number(text or "")
    return int(value) if value is not None else 0


def _year(text: str | None, month_end: int, published: date | None) -> int | None:
    return int(text) if text else _latest_year(month_end, published)


def _resolve(m: re.Match[str], published: date | None) -> Period:  # noqa: PLR0911, PLR0912
    pw = period_words()
    g = m.groupdict()
    label = " ".join(m.group(0).split())
    pos, end = m.start(), m.end()
    if g["fyp"]:
        first = pw.five_year_plans.get(pw.ordinals[g["fyp"].lower()])
        if first is None:
            return Period(pos, end, label, "years", None, None)
        return Period(pos, end, label, "years", date(first, 1, 1), date(first + 4, 12, 31))
    if g["past"]:
        n = _count(g["past"])
        last = _latest_year(12, published)
        if last is None or n <= 0:
            return Period(pos, end, label, "years", None, None)
        return Period(pos, end, label, "years", date(last - n + 1, 1, 1), date(last, 12, 31))
    if g["consec"]:
        return Period(pos, end, label, "consecutive", None, None, years=_count(g["consec"]))
    if g["nmonths"] or g["nquarters"]:
        n = _count(g["nmonths"]) if g["nmonths"] else 3 * _count(g["nquarters"])
        if not 1 <= n <= 12:
            return Period(pos, end, label, "ytd", None, None)
        start, stop = _months(1, n, _year(g["y1"] or g["y7"], n, published))
        return Period(pos, end, label, "ytd", start, stop)
    if g["m1"]:
        a, b = pw.months[g["m1"].lower()], pw.months[g["m2"].lower()]
        if a > b:
            return Period(pos, end, label, "months", None, None)
        start, stop = _months(a, b, _year(g["y2"], b, published))
        return Period(pos, end, label, "ytd" if a == 1 else "months", start, stop)
    if g["qord"] or g["qn"]:
        q = pw.ordinals[g["qord"].lower()] if g["qord"] else int(g["qn"])
        if not 1 <= q <= 4:
            return Period(pos, end, label, "quarter", None, None)
        start, stop = _months(3 * q - 2, 3 * q, _year(g["y3"] or g["y4"], 3 * q, published))
        return Period(pos, end, label, "quarter", start, stop)
    if g["hord"] or g["hn"]:
        h = 1 if (g["hord"] or "").lower() == "first" or g["hn"] == "1" else 2
        start, stop = _months(6 * h - 5, 6 * h, _year(g["y5"] or g["y8"], 6 * h, published))
        return Period(pos, end, label, "half", start, stop)
    if g["ytd"]:
        if published is None:
            return Period(pos, end, label, "ytd", None, None)
        last = published.month - 1 or 12
        start, stop = _months(1, last, published.year if published.month > 1 else published.year - 1)
        return Period(pos, end, label, "ytd", start, stop)
    if g["month"]:
        n = pw.months[g["month"].lower()]
        start, stop = _months(n, n, _year(g["y6"], n, published))
        return Period(pos, end, label, "month", start, stop)
    if g["relative"]:
        if published is None:
            return Period(pos, end, label, "year", None, None)
        y = published.year + pw.relative[" ".join(g["relative"].lower().split())]
        return Period(pos, end, label, "year", date(y, 1, 1), date(y, 12, 31))
    if g["year"]:
        y = int(g["year"])
        return Period(pos, end, label, "year", date(y, 1, 1), date(y, 12, 31))
    return Period(pos, end, label, "undated", None, None)


def find_periods(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[Period]:
    """Every period phrase in ``text[start:end]``, resolved against ``published``."""
    regex = period_regex()
    stop = len(text) if end is None else end
    return [_resolve(m, published) for m in regex.finditer(text, start, stop)]


def consecutive_years(years: int, inherited: Period | None) -> tuple[date, date] | None:
    """"for N consecutive years": the N years up to the end of the inherited period.

    >>> consecutive_years(5, Period(0, 0, "in 2025", "year", date(2025, 1, 1), date(2025, 12, 31)))
    (datetime.date(2021, 1, 1), datetime.date(2025, 12, 31))
    """
    if inherited is None or inherited.end is None or years <= 0:
        return None
    last = inherited.end.year
    return date(last - years + 1, 1, 1), date(last, 12, 31)


def default_basis(kind: str | None) -> str | None:
    """The change basis when the text states none: yoy for a year, quarter, half or year to date."""
    return "yoy" if kind in {"year", "quarter", "half", "ytd"} else None
