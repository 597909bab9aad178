"""Tests of gzetl.extraction.zh.periods: Chinese period phrases -> Period."""

from __future__ import annotations

from datetime import date

import pytest

from gzetl.extraction.zh.lexicon import zh_words
from gzetl.extraction.zh.periods import find_periods

PUBLISHED = date(2025, 12, 18)

# (id, text, [(label, kind, start, end)])
CASES = [
    ("year", "2025年，", [("2025年", "year", "2025-01-01", "2025-12-31")]),
    ("last-year", "去年，", [("去年", "year", "2024-01-01", "2024-12-31")]),
    ("previous-year", "上年", [("上年", "year", "2024-01-01", "2024-12-31")]),
    ("this-year", "今年前11个月", [("今年前11个月", "ytd", "2025-01-01", "2025-11-30")]),
    ("first-half", "上半年，", [("上半年", "half", "2025-01-01", "2025-06-30")]),
    ("first-quarter", "一季度", [("一季度", "quarter", "2025-01-01", "2025-03-31")]),
    ("ordinal-quarter", "第一季度", [("第一季度", "quarter", "2025-01-01", "2025-03-31")]),
    ("fourth-quarter", "2024年四季度", [("2024年四季度", "quarter", "2024-10-01", "2024-12-31")]),
    ("first-n-months", "前11个月", [("前11个月", "ytd", "2025-01-01", "2025-11-30")]),
    ("first-three-quarters", "前三季度", [("前三季度", "ytd", "2025-01-01", "2025-09-30")]),
    ("month-range", "1-11月", [("1-11月", "ytd", "2025-01-01", "2025-11-30")]),
    ("month-range-zhi", "1至11月", [("1至11月", "ytd", "2025-01-01", "2025-11-30")]),
    ("month", "12月份，", [("12月份", "month", "2024-12-01", "2024-12-31")]),
    ("month-of-year", "2025年11月", [("2025年11月", "month", "2025-11-01", "2025-11-30")]),
    ("whole-year", "全年", [("全年", "year", "2024-01-01", "2024-12-31")]),
    ("plan-14", "“十四五”时期", [("“十四五”时期", "years", "2021-01-01", "2025-12-31")]),
    ("plan-13", "十三五期间", [("十三五期间", "years", "2016-01-01", "2020-12-31")]),
    ("plan-12", "“十二五”时期", [("“十二五”时期", "years", "2011-01-01", "2015-12-31")]),
    ("plan-15", "“十五五”时期", [("“十五五”时期", "years", "2026-01-01", "2030-12-31")]),
    ("past-years", "近5年来", [("近5年来", "years", "2020-01-01", "2024-12-31")]),
    ("years-since", "五年来", [("五年来", "years", "2020-01-01", "2024-12-31")]),
    ("year-to-date", "今年以来", [("今年以来", "ytd", "2025-01-01", "2025-11-30")]),
    ("at-present", "目前", [("目前", "undated", None, None)]),
    ("base-last-year", "比上年增长", [("上年", "base", "2024-01-01", "2024-12-31")]),
    ("base-same-period", "较去年同期", [("去年", "base", "2024-01-01", "2024-12-31")]),
    ("base-year", "较2020年增长", [("2020年", "base", "2020-01-01", "2020-12-31")]),
    ("ratio-year", "是2020年的3倍", [("2020年", "base", "2020-01-01", "2020-12-31")]),
    ("date-is-no-month", "12月31日", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_periods(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [
        (p.label, p.kind, p.start and p.start.isoformat(), p.end and p.end.isoformat())
        for p in find_periods(text, PUBLISHED)
    ]
    assert got == [tuple(e) for e in expected]


def test_consecutive_years_are_resolved_later() -> None:
    (p,) = find_periods("连续5年位居全国首位", PUBLISHED)
    assert (p.label, p.kind, p.years, p.start) == ("连续5年", "consecutive", 5, None)


def test_relative_periods_without_a_publication_date_have_no_dates() -> None:
    assert [(p.kind, p.start) for p in find_periods("去年", None)] == [("year", None)]


def test_a_part_of_a_year_listed_after_a_dated_one_takes_its_year() -> None:
    got = [(p.label, p.start) for p in find_periods("2024年一季度、二季度", PUBLISHED)]
    assert got == [("2024年一季度", date(2024, 1, 1)), ("二季度", date(2024, 4, 1))]


def _table_phrases() -> list[str]:
    zw = zh_words()
    alone = [f"11月{word}" for word in zw.alone]  # "当月" stands after a period only
    return [*zw.relative, *zw.ytd, *alone, *zw.plans, *zw.undated]


@pytest.mark.parametrize("phrase", _table_phrases())
def test_every_period_word_of_the_tables_is_found_between_breaks(phrase: str) -> None:
    """find_periods reads only the clauses that hold an anchor character: a period word of
    zh.toml with none would be lost."""
    found = find_periods(f"据统计，{phrase}，全市出口增长。", date(2025, 7, 1))
    assert any(phrase in p.label for p in found)
