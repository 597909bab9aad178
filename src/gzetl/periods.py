"""Period phrases + the publication date -> (start, end, label), inclusive dates.

>>> from datetime import date
>>> p = find_periods("during the 14th Five Year Plan period, trade grew", date(2026, 1, 10))[0]
>>> (p.start, p.end, p.kind)
(datetime.date(2021, 1, 1), datetime.date(2025, 12, 31), 'years')
>>> p = find_periods("In the first half, exports rose", date(2025, 7, 15))[0]
>>> (p.start, p.end, p.label)
(datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 'first half')
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError
from gzetl.extraction.gate import document_hits, matches, occurrences
from gzetl.extraction.lexicon import record_words
from gzetl.extraction.numbers import alternation, count_pattern, lowered, parse_number


@dataclass(frozen=True, slots=True)
class PeriodWords:
    """``periods.toml``, loaded once."""

    months: dict[str, int]
    ordinals: dict[str, int]
    five_year_plans: dict[int, int]
    undated: tuple[str, ...]
    relative: dict[str, int]
    document: tuple[str, ...] = ()
    comparison: tuple[str, ...] = ()
    relative_months: dict[str, int] = field(default_factory=dict)
    latest_year: tuple[str, ...] = ()
    relative_quarters: dict[str, int] = field(default_factory=dict)
    day: tuple[str, ...] = ()
    month_nouns: tuple[str, ...] = ()


@dataclass(slots=True, init=False)
class Period:
    """A resolved period phrase at ``[pos, end_pos)`` of the text.

    ``kind`` is year, quarter, half, ytd, month, years (a multi-year span), consecutive
    ("for five consecutive years", resolved later against the inherited period), undated
    ("at present": no period, and nothing inherited) or base (the base of a change, "over the
    same period last year": never the period of a figure). ``start``/``end`` are None when the
    phrase cannot be resolved (a relative phrase with no publication date).

    Not frozen, and its ``__init__`` written out: mypyc compiles that one, whereas a frozen
    dataclass's generated one runs as Python. Nothing writes to a period once built.
    """

    pos: int
    end_pos: int
    label: str
    kind: str
    start: date | None
    end: date | None
    years: int

    def __init__(  # noqa: PLR0917 (one argument a field, in field order)
        self,
        pos: int,
        end_pos: int,
        label: str,
        kind: str,
        start: date | None,
        end: date | None,
        years: int = 0,
    ) -> None:
        self.pos = pos
        self.end_pos = end_pos
        self.label = label
        self.kind = kind
        self.start = start
        self.end = end
        self.years = years


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
        document = tuple(p.lower() for p in table.get("document", {}).get("list", []))
        comparison = tuple(p.lower() for p in table.get("comparison", {}).get("list", []))
        months_back = {k.lower(): int(v) for k, v in table.get("relative_months", {}).items()}
        latest = tuple(p.lower() for p in table.get("latest_year", {}).get("list", []))
        quarters_back = {k.lower(): int(v) for k, v in table.get("relative_quarters", {}).items()}
        day = tuple(p.lower() for p in table.get("day", {}).get("list", []))
        month_nouns = tuple(p.lower() for p in table.get("month_nouns", {}).get("list", []))
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError("periods.toml", f"missing or malformed section: {exc}") from exc
    bad = [m for m, n in months.items() if not 1 <= n <= 12]
    if bad:
        raise KnowledgeError("periods.toml", f"[months] {bad} not in 1..12")
    return PeriodWords(
        months,
        ordinals,
        plans,
        undated,
        relative,
        document,
        comparison,
        months_back,
        latest,
        quarters_back,
        day,
        month_nouns,
    )


YTD = (
    "year to date",
    "year-to-date",
    "so far this year",
    "since the start of the year",
    "since the beginning of the year",
    "since the start of this year",
    "since the beginning of this year",
)
_YEAR = r"(?:19|20)\d{2}(?![\d,.]\d)"
YEAR_LEADS = ("19", "20")  # how every ``_YEAR`` starts
_LATE_IN_YEAR = 3  # "for the full year" published up to March: the year before


_PREVIOUS_YEAR = r"last\s+year|the\s+previous\s+year"


def _of_year(group: str) -> str:
    """ "of 2025", "of the year", "(of) this year", "(of) last year" after a quarter, half or
    month count; the group ``<group>p`` says the year before publication."""
    return rf"""(?:\s+of\s+(?:the\s+year|(?:the\s+year\s+)?(?P<{group}>{_YEAR}))
      |(?:\s+of)?\s+(?:this\s+year|(?P<{group}p>{_PREVIOUS_YEAR})))?"""


@cache
def period_phrases() -> dict[str, list[str]]:
    """The phrases that lead the period patterns, by the name of their ``gate`` scan."""
    pw = period_words()
    return {
        "period ordinal": [*pw.ordinals, "same"],  # "the same eight months" too
        "period month": list(pw.months),
        "period phrase": [
            *YTD,
            *pw.relative,
            *pw.relative_months,
            *pw.relative_quarters,
            *pw.latest_year,
            *pw.undated,
            *pw.document,
        ],
    }


@cache
def period_regexes() -> tuple[tuple[re.Pattern[str], str | tuple[str, ...] | None], ...]:
    """The period patterns (on lower-cased text), each with what says where it can start: the
    ``period_phrases`` scan of ``gate``, the literals it starts with (found by ``str.find``),
    or None (the regex finds its own starts quickly); the named group that matched says which
    kind of period it is.

    A pattern led by phrases runs only where ``gate`` found one of them; the others start with
    a literal, to which the regex engine skips quickly. A year starts with "19" or "20": the
    engine would test each character against that class, ``str.find`` skips to them (4 M
    instructions fewer per 0.1 MB). One alternation of all of them would be three times slower.
    """
    phrases = period_phrases()
    num = count_pattern()
    month = alternation(phrases["period month"])
    ordinal = alternation(phrases["period ordinal"])
    end = r"(?![\w-])"
    patterns = (
        (
            rf"""(?:(?P<ord>{ordinal})[\s-]+(?:                  # ordinal-led, also "first-half":
            (?P<fyp>five[-\s]year\s+plan)["”]?(?:\s+period)?            #   14th Five-Year Plan
          | (?P<quarter>quarter){_of_year("y3")}  # the fourth quarter
          | (?P<half>half)(?:[\s-]year)?{_of_year("y5")}  # the first half(-year)
          | (?P<nmonths>{num})\s+months{_of_year("y1")}  # 11 months
          | (?P<nquarters>{num})\s+quarters{_of_year("y7")}  #   first three quarters
          | (?P<part>{num})\s+(?:days|weeks)(?:\s+of\s+(?:{month}|the\s+(?:month|year)))?
            (?:,?\s+(?:this\s+year|{_YEAR}))?  #   the first ten days of January (this year)
        )
        | same\s+(?P<smonths>{num})\s+months{_of_year("y9")}   # over the same eight months
        ){end}""",
            "period ordinal",
        ),
        (
            rf"""(?P<m1>{month})(?:                                       # January to November 2025
            \s*(?:to|and|-|–|through)\s*(?P<m2>{month})(?:,?\s+(?:of\s+)?(?P<y2>{_YEAR}))?
          | \s+(?P<y6>{_YEAR})                                         # December 2025, (in) May
          | (?:\s+of)?\s+(?:this\s+year|(?P<y6p>{_PREVIOUS_YEAR})))?{end}  # June this year""",
            "period month",
        ),
        (  # August 16, Aug. 16th, 2025: a date, a period only in a sentence about a day
            rf"(?P<dm>{month})\.?\s+(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]\d)(?:,?\s+(?P<dy>{_YEAR}))?{end}",
            "period month",
        ),
        (rf"q(?P<qn>[1-4])(?:\s+(?P<y4>{_YEAR}))?{end}", None),  # Q1 2025
        (rf"h(?P<hn>[12])(?:\s+(?P<y8>{_YEAR}))?{end}", None),  # H1
        (  # (in, by, for) 2025; 2021-2025, from 2021 to 2025, between 2021 and 2025
            rf"""(?P<year>{_YEAR})(?:(?:\s*(?:-|–|to|through)\s*|(?<=between\s\d{{4}})\s+and\s+)
            (?P<year2>{_YEAR}))?{end}""",
            YEAR_LEADS,
        ),
        (  # the past 5 years; the past 11 months (of this year: year to date); the three
            # months to September (a quarter when it ends one)
            rf"""the\s+(?:(?:past|last|previous)\s+(?:(?P<past>{num})\s+years|(?P<decade>decade)
            |(?P<pastm>{num})\s+months)
            |(?P<tom>{num})\s+months\s+(?:to|through|ended|ending)\s+(?:end-)?(?P<tomm>{month})
              (?:,?\s+(?P<y10>{_YEAR}))?){end}""",
            None,
        ),
        (  # the year through November, the year to end-October: year to date
            rf"year\s+(?:through|to)\s+(?:end-)?(?P<ytdm>{month}){end}",
            None,
        ),
        # year to date, last year, at present, in the period
        (rf"(?P<phrase>{alternation(phrases['period phrase'])}){end}", "period phrase"),
    )
    return tuple((re.compile(p, re.VERBOSE), scan) for p, scan in patterns)


def _latest_year(month_end: int, published: date | None) -> int | None:
    """The latest year whose month ``month_end`` is over by ``published``."""
    if published is None:
        return None
    return published.year if published.month > month_end else published.year - 1


def _latest_figures_year(published: date | None) -> int | None:
    """The year of the latest figures ("for the full year", "since 2021"): the year before a
    January-March publication, else the publication year."""
    if published is None:
        return None
    return published.year - 1 if published.month <= _LATE_IN_YEAR else published.year


def _months(first: int, last: int, year: int | None) -> tuple[date | None, date | None]:
    if year is None:
        return None, None
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _count(text: str | None) -> int:
    value = parse_number(text or "")
    return int(value) if value is not None else 0


def _year(
    text: str | None, month_end: int, published: date | None, previous: str | None = None
) -> int | None:
    """The year written (``text``), the year before publication (``previous``: "of last
    year"), else the latest year whose ``month_end`` is over by ``published``."""
    if text:
        return int(text)
    if previous:
        return published.year - 1 if published is not None else None
    return _latest_year(month_end, published)


def _months_to(
    past: str | None, month: str | None, phrase: Period, published: date | None
) -> Period:
    """ "the past 11 months": the months up to the month before publication (year to date when
    they start in January); "the year through November": January to November."""
    if month is not None:
        n = period_words().months[month]
        start, stop = _months(1, n, _latest_year(n, published))
        return replace(phrase, start=start, end=stop)
    n = _count(past)
    if published is None or not 1 <= n <= 24:
        return replace(phrase, kind="months")
    last = published.year * 12 + published.month - 2  # months since year 0, zero-based
    first = last - n + 1
    start = date(first // 12, first % 12 + 1, 1)
    stop = _months(last % 12 + 1, last % 12 + 1, last // 12)[1]
    return replace(phrase, kind="ytd" if start.month == 1 else "months", start=start, end=stop)


def _day(
    month: int, day: int, year: str | None, phrase: Period, published: date | None
) -> Period | None:
    """ "August 16 (, 2025)": that day of the year written, else the latest one by
    ``published``; None for a day the month does not have."""
    y = int(year) if year else published.year if published is not None else 2000  # a leap year
    if not 1 <= day <= calendar.monthrange(y, month)[1]:
        return None
    if year is None and published is None:
        return phrase
    when = date(y, month, day)
    if year is None and published is not None and when > published:
        when = date(y - 1, month, min(day, calendar.monthrange(y - 1, month)[1]))
    return replace(phrase, start=when, end=when)


def _months_ending(  # noqa: PLR0917 (the parts of one phrase)
    n: int, last: int, year: str | None, label: str, pos: int, end: int, published: date | None
) -> Period:
    """ "the three months to September": the quarter it ends when it ends one, else the ``n``
    months up to that month (of the year written, else of the latest figures)."""
    y = _year(year, last, published)
    if y is None or not 1 <= n <= 12:
        return Period(pos, end, label, "months", None, None)
    first = y * 12 + last - n  # months since year 0, zero-based
    start = date(first // 12, first % 12 + 1, 1)
    stop = _months(last, last, y)[1]
    if n == 3 and last % 3 == 0:
        return Period(pos, end, label, "quarter", start, stop)
    return Period(pos, end, label, "ytd" if start.month == 1 else "months", start, stop)


def _resolve(  # noqa: PLR0911, PLR0912, PLR0915 (one branch a kind of phrase)
    found: tuple[re.Match[str], int] | None, text: str, published: date | None
) -> Period | None:
    if found is None:
        return None
    m, pos = found
    pw = period_words()
    g = defaultdict(lambda: None, m.groupdict())
    end = m.end()
    label = " ".join(text[pos:end].split())
    if (g["year"] or g["m1"]) and label[:6].lower() == "since ":  # "since 2021"; "since June"
        return _since(int(g["year"]) if g["year"] else None, text, pos, end, published)
    if g["fyp"]:
        first = pw.five_year_plans.get(pw.ordinals[g["ord"]])
        if first is None:
            return Period(pos, end, label, "years", None, None)
        return Period(pos, end, label, "years", date(first, 1, 1), date(first + 4, 12, 31))
    if g["year2"]:  # 2021-2025, between 2021 and 2025
        since, until = int(g["year"]), int(g["year2"])
        if since >= until:
            return Period(pos, end, label, "years", None, None)
        return Period(pos, end, label, "years", date(since, 1, 1), date(until, 12, 31))
    if g["past"] or g["decade"]:
        n = _count(g["past"]) if g["past"] else 10
        last = _latest_year(12, published)
        if last is None or n <= 0:
            return Period(pos, end, label, "years", None, None)
        return Period(pos, end, label, "years", date(last - n + 1, 1, 1), date(last, 12, 31))
    if g["ord"] == "same" and not g["nmonths"]:  # "the same quarter (last year)": a base
        return None  # named by its comparison words, not an ordinal (was a KeyError)
    if g["part"]:  # "the first ten days of January": shorter than a month, no period
        return Period(pos, end, label, "undated", None, None)
    if g["dd"]:
        return _day(
            pw.months[g["dm"]],
            int(g["dd"]),
            g["dy"],
            Period(pos, end, label, "day", None, None),
            published,
        )
    if g["tom"]:
        return _months_ending(
            _count(g["tom"]), pw.months[g["tomm"]], g["y10"], label, pos, end, published
        )
    if g["pastm"] or g["ytdm"]:
        return _months_to(
            g["pastm"], g["ytdm"], Period(pos, end, label, "ytd", None, None), published
        )
    if g["nmonths"] or g["nquarters"] or g["smonths"]:
        months = g["nmonths"] or g["smonths"]
        n = _count(months) if months else 3 * _count(g["nquarters"])
        if not 1 <= n <= 12:
            return Period(pos, end, label, "ytd", None, None)
        year = _year(g["y1"] or g["y7"] or g["y9"], n, published, g["y1p"] or g["y7p"] or g["y9p"])
        start, stop = _months(1, n, year)
        return Period(pos, end, label, "ytd", start, stop)
    if g["m1"] and not g["m2"]:
        n = pw.months[g["m1"]]
        start, stop = _months(n, n, _year(g["y6"], n, published, g["y6p"]))
        return Period(pos, end, label, "month", start, stop)
    if g["m1"]:
        a, b = pw.months[g["m1"]], pw.months[g["m2"]]
        if a > b:
            return Period(pos, end, label, "months", None, None)
        start, stop = _months(a, b, _year(g["y2"], b, published))
        return Period(pos, end, label, "ytd" if a == 1 else "months", start, stop)
    if g["quarter"] or g["qn"]:
        q = pw.ordinals[g["ord"]] if g["quarter"] else int(g["qn"])
        if not 1 <= q <= 4:
            return Period(pos, end, label, "quarter", None, None)
        start, stop = _months(
            3 * q - 2, 3 * q, _year(g["y3"] or g["y4"], 3 * q, published, g["y3p"])
        )
        return Period(pos, end, label, "quarter", start, stop)
    if g["half"] or g["hn"]:
        h = pw.ordinals[g["ord"]] if g["half"] else int(g["hn"])
        if h not in (1, 2):
            return Period(pos, end, label, "half", None, None)
        start, stop = _months(
            6 * h - 5, 6 * h, _year(g["y5"] or g["y8"], 6 * h, published, g["y5p"])
        )
        return Period(pos, end, label, "half", start, stop)
    phrase = " ".join((g["phrase"] or "").split())
    if phrase in YTD:
        if published is None:
            return Period(pos, end, label, "ytd", None, None)
        last = published.month - 1 or 12
        start, stop = _months(
            1, last, published.year if published.month > 1 else published.year - 1
        )
        return Period(pos, end, label, "ytd", start, stop)
    if phrase in pw.latest_year:  # "for the full year": the year of the latest figures
        y = _latest_figures_year(published)
        if y is None:
            return Period(pos, end, label, "year", None, None)
        return Period(pos, end, label, "year", date(y, 1, 1), date(y, 12, 31))
    if phrase in pw.relative:
        if text[end : end + 4].lower() == " of ":  # "the last year of the 13th Five-Year Plan"
            return None
        if published is None:
            return Period(pos, end, label, "year", None, None)
        y = published.year + pw.relative[phrase]
        return Period(pos, end, label, "year", date(y, 1, 1), date(y, 12, 31))
    if phrase in pw.relative_quarters:  # "last quarter": the quarter before publication's
        if text[end : end + 4].lower() == " of " or published is None:  # "last quarter of 2025"
            return None if published is not None else Period(pos, end, label, "quarter", None, None)
        n = published.year * 4 + (published.month - 1) // 3 + pw.relative_quarters[phrase]
        start, stop = _months(3 * (n % 4) + 1, 3 * (n % 4) + 3, n // 4)
        return Period(pos, end, label, "quarter", start, stop)
    if phrase in pw.relative_months:  # "last month": the month before publication
        if published is None:
            return Period(pos, end, label, "month", None, None)
        n = published.year * 12 + published.month - 1 + pw.relative_months[phrase]
        start, stop = _months(n % 12 + 1, n % 12 + 1, n // 12)
        return Period(pos, end, label, "month", start, stop)
    if g["year"]:
        y = int(g["year"])
        return Period(pos, end, label, "year", date(y, 1, 1), date(y, 12, 31))
    if phrase in pw.document:
        return Period(pos, end, label, "document", None, None)
    return Period(pos, end, label, "undated", None, None)


_RECORD_WINDOW = 40


@cache
def _record_re() -> re.Pattern[str]:
    """A record word of ``negatives.toml`` [record] in the clause before "since" ("the highest
    since 2015"), no comma or full stop between them."""
    words = alternation(record_words())
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])[^,.;]*\Z")


def _since(year: int | None, text: str, pos: int, end: int, published: date | None) -> Period:
    """ "since 2021": the years from 2021 to the year of the latest figures; a base (never a
    figure's period) after a record word ("the fastest since 2021") or before a month."""
    label = " ".join(text[pos:end].split())
    begin = max(0, pos - _RECORD_WINDOW)
    record = _record_re().search(text[begin:pos].lower()) is not None
    last = _latest_figures_year(published)  # as for "the full year"
    if year is None or record or last is None:
        return Period(pos, end, label, "base", None, None)
    first = year + 1 if " end of " in label.lower() else year
    last = max(last, first)
    kind = "year" if last == first else "years"
    return Period(pos, end, label, kind, date(first, 1, 1), date(last, 12, 31))


def find_periods(
    text: str, published: date | None, start: int = 0, end: int | None = None
) -> list[Period]:
    """Every period phrase in ``text[start:end]``, resolved against ``published``."""
    stop = len(text) if end is None else end
    low = lowered(text)
    hits = document_hits(low)
    found = [
        period
        for regex, scan in period_regexes()
        for m in (
            regex.finditer(low, start, stop)
            if scan is None
            else matches(
                regex,
                low,
                hits.starts_of(scan)
                if isinstance(scan, str)
                else occurrences(low, scan, start, stop),
                begin=start,
                end=stop,
            )
        )
        if _starts_word(low, m.start())
        for period in (_resolve(_with_preposition(m, text, low), text, published),)
        if period is not None
    ]
    found = [
        _as_base(p)
        if _is_comparison_base(low, p.pos)
        or _after_earlier_amount(low, p.pos)
        or (p.kind in _SINGLE_KINDS and _after_a_rate(low, p.pos))
        else p
        for p in found
    ]
    found.extend(_consecutive(text, low, start, stop))
    found.sort(key=lambda p: (p.pos, -p.end_pos))
    found.extend(_elliptical(text, low, found, stop))
    found.sort(key=lambda p: (p.pos, -p.end_pos))
    outer: list[Period] = []
    for period in found:  # "this year" inside "the first quarter of this year" is not its own
        if not outer or period.pos >= outer[-1].end_pos:
            outer.append(period)
    return outer


_PART_OF_RE = re.compile(r"(?<![\w-])(?:early|mid|late|end)-\Z")  # mid-2025, end-November


def _starts_word(low: str, pos: int) -> bool:
    """Whether a period phrase may start at ``pos``: not inside a word or a hyphenated one,
    except after a word for part of it ("mid-2025", "end-November")."""
    if pos == 0:
        return True
    before = low[pos - 1]
    if before == "-":
        return _PART_OF_RE.search(low, max(0, pos - 6), pos) is not None
    return not (before.isalnum() or before == "_")


@cache
def _comparison_re() -> re.Pattern[str]:
    """Comparison words ending right before a position ("over the same period" + " last year")."""
    words = alternation(period_words().comparison)
    return re.compile(rf"(?<![\w-])(?:{words})\s+(?:the\s+)?\Z")


_COMPARISON_WINDOW = 40


def _as_base(period: Period) -> Period:
    """A period named as the base of a change: kept (its words are no quantity), never chosen."""
    return replace(period, kind="base")


@cache
def _comparison_ends() -> tuple[str, ...]:
    """The last word of every comparison phrase ("than" of "than in 2024")."""
    return tuple({phrase.split()[-1] for phrase in period_words().comparison})


def _is_comparison_base(low: str, pos: int) -> bool:
    """Whether the period phrase at ``pos`` is the base of a change ("than in 2024")."""
    begin = max(0, pos - _COMPARISON_WINDOW)
    before = low[begin:pos].rstrip()
    ends = _comparison_ends()
    if not (  # most periods follow no comparison word: skip the regex search
        before.endswith(ends) or (before.endswith("the") and before[:-3].rstrip().endswith(ends))
    ):
        return False
    return _comparison_re().search(low, begin, pos) is not None


_CONSECUTIVE_RE = re.compile(r"consecutive\s+years(?![\w-])")  # literal first: a fast scan
_COUNT_BEFORE_RE = re.compile(r"(?:for\s+)?([\w-]+)\s+\Z")


# A bare year or month is a period only after one of these words ("in 2025", "by 2025",
# "since 2021": the years from 2021 on).
_PREPOSITION_RE = re.compile(
    r"""(?:(?:in|by|for|during|throughout|since)\s+(?:the\s+(?:end|whole|full\s+year|month)\s+of\s+)?
    | (?:at|as\s+of)\s+the\s+end\s+of\s+)
    (?:(?:early|mid|late|end)[\s-]+)?\Z   # at the end of 2025, in late August, by end-November""",
    re.VERBOSE,
)
_PREPOSITION_WINDOW = 40
# A bare month also dates its sentence when it opens it ("June was the busiest month",
# "December alone saw") or follows a possessive ("China's November exports"), not when a
# day follows ("November 7, ...": a date).
_MONTH_OPENS_RE = re.compile(r"(?:\A|[.!?\n]|['’]s)[ \t]*\Z")
_DAY_AFTER_RE = re.compile(r"\.?[ \t]*\d")


def _with_preposition(m: re.Match[str], text: str, low: str) -> tuple[re.Match[str], int] | None:
    """The match and where its phrase starts; None for a bare year or month with no preposition."""
    g = m.groupdict()
    if g.get("dd"):  # a date dates the figures only of a sentence about that day
        return (m, m.start()) if _about_a_day(text, m.start(), m.end()) else None
    bare = (g.get("year") and not g.get("year2")) or (
        g.get("m1") and not g.get("m2") and not g.get("y6") and not g.get("y6p")
    )
    if not bare:
        return m, m.start()
    if g.get("m1") and (
        low.startswith(("'s ", "’s "), m.end())  # "June's trade grew 5.2%"
        or (text[m.start()].isupper() and _month_noun_re().match(low, m.end()) is not None)
        or (
            _MONTH_OPENS_RE.search(low, max(0, m.start() - 4), m.start())
            and not _DAY_AFTER_RE.match(low, m.end())
        )
    ):
        return m, m.start()
    before = _PREPOSITION_RE.search(low, max(0, m.start() - _PREPOSITION_WINDOW), m.start())
    return (m, before.start()) if before else None


@cache
def _month_noun_re() -> re.Pattern[str]:
    """A word of ``periods.toml`` [month_nouns] right after a month ("July exports")."""
    return re.compile(rf"\s+(?:{alternation(period_words().month_nouns)})(?![\w-])")


_SENTENCE_WINDOW = 160
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|\Z)|\n")


def _about_a_day(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``[start, end)`` is about a day ("the busiest single day",
    "a daily record"): a word of ``periods.toml`` [day], as a word of its own and in lower case
    ("the National Day holiday on October 1" is no such sentence)."""
    first = max(0, start - _SENTENCE_WINDOW)
    opening = max((m.end() for m in _SENTENCE_END_RE.finditer(text, first, start)), default=first)
    closing = _SENTENCE_END_RE.search(text, end, end + _SENTENCE_WINDOW)
    stop = closing.start() if closing else end + _SENTENCE_WINDOW
    return _day_word_re().search(text, opening, stop) is not None


@cache
def _day_word_re() -> re.Pattern[str]:
    """A word of ``periods.toml`` [day] as a word of its own, on the text as written."""
    return re.compile(rf"(?<!\w)(?:{alternation(period_words().day)})(?!\w)")


# "6.76 trillion yuan in the first quarter, 7.41 trillion yuan in the second and 8.11 trillion
# yuan in the third": an ordinal with no noun, after a quarter or half in the same sentence
_ELLIPTICAL_RE = re.compile(  # no look-behind first: the engine skips to "i" and "f"
    r"(?:in|for)\s+the\s+(?P<ord>[a-z0-9]+)(?=\s*(?:[,;]|\.(?:\s|\Z)|and\s|respectively))"
)
_ELLIPTICAL_WINDOW = 200
_PERIODS_OF_PARTS = {"quarter": 3, "half": 6}


def _elliptical(text: str, low: str, found: list[Period], stop: int) -> list[Period]:
    """ "in the second", "in the third" after "in the first quarter": that quarter (half) of
    the same year, read in the rest of the sentence after each quarter or half."""
    elliptical = []
    ordinals = period_words().ordinals
    for part in found:
        if part.kind not in _PERIODS_OF_PARTS or part.start is None:
            continue
        end = _SENTENCE_END_RE.search(text, part.end_pos, part.end_pos + _ELLIPTICAL_WINDOW)
        limit = min(stop, end.end() if end else part.end_pos + _ELLIPTICAL_WINDOW)
        months = _PERIODS_OF_PARTS[part.kind]
        for m in _ELLIPTICAL_RE.finditer(low, part.end_pos, limit):
            n = ordinals.get(m["ord"], 0)
            if not _starts_word(low, m.start()) or not 2 <= n <= 12 // months:
                continue
            first, last = _months(months * (n - 1) + 1, months * n, part.start.year)
            label = " ".join(text[m.start() : m.end()].split())
            elliptical.append(Period(m.start(), m.end(), label, part.kind, first, last))
    return elliptical


def _consecutive(text: str, low: str, start: int, stop: int) -> list[Period]:
    """ "for five consecutive years": found by its keyword, the count read backwards."""
    found = []
    for m in _CONSECUTIVE_RE.finditer(low, start, stop):
        before = _COUNT_BEFORE_RE.search(low, max(start, m.start() - 30), m.start())
        years = _count(before.group(1)) if before else 0
        if years > 0 and before is not None:
            label = " ".join(text[before.start() : m.end()].split())
            found.append(
                Period(before.start(), m.end(), label, "consecutive", None, None, years=years)
            )
    return found


# "down from 20 hours in 2024", "to $90.07 billion from $90.45 billion in September",
# "compared with 5.5 percent in the third quarter": the earlier amount's (or rate's) period
_FROM_AMOUNT_RE = re.compile(
    r"(?<![\w-])(?:from|compared\s+(?:with|to)|versus|against)\s+(?:an?\s+)?[$€¥]?\d[\d.,]*(?:\s*%)?"
    r"(?:[\s-]+[a-z.$]+){0,3}\s+\Z"
)


def _after_earlier_amount(low: str, pos: int) -> bool:
    """Whether the period phrase at ``pos`` dates the earlier amount of a before/after pair."""
    begin = max(0, pos - _COMPARISON_WINDOW)
    window = low[begin:pos]
    return (
        "from" in window or "compared" in window or "versus" in window or "against" in window
    ) and (_FROM_AMOUNT_RE.search(low, begin, pos) is not None)


# "up 12.4 percent from the second quarter", "5% from last year": a rate's base; not a span
# ("rose 5.4 percent from January to November" dates the rate)
_SINGLE_KINDS = frozenset({"year", "half", "quarter", "month"})
_RATE_FROM_RE = re.compile(r"\d\s*(?:%|percent|per\s+cent|pct)\s+from\s+(?:the\s+)?\Z")
_RATE_FROM_WINDOW = 24


def _after_a_rate(low: str, pos: int) -> bool:
    """Whether the period phrase at ``pos`` is the base of the rate before it ("12.4 percent
    from the second quarter")."""
    begin = max(0, pos - _RATE_FROM_WINDOW)
    return low.find("from", begin, pos) >= 0 and _RATE_FROM_RE.search(low, begin, pos) is not None


def consecutive_years(years: int, inherited: Period | None) -> tuple[date, date] | None:
    """ "for N consecutive years": the N years up to the end of the inherited period.

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
