"""Tests of gzetl.periods: period phrases + publication date -> inclusive dates."""

from __future__ import annotations

from datetime import date

import pytest

from gzetl.periods import Period, consecutive_years, default_basis, find_periods

JAN_2026 = date(2026, 1, 15)
JUL_2025 = date(2025, 7, 18)

# (id, text, published, label, start, end, kind)
CASES = [
    (
        "in-year",
        "In 2025, trade grew",
        JAN_2026,
        "In 2025",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "year",
    ),
    (
        "by-year",
        "By 2025, it will reach",
        JAN_2026,
        "By 2025",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "year",
    ),
    (
        "end-of-year",
        "by the end of 2024",
        JAN_2026,
        "by the end of 2024",
        date(2024, 1, 1),
        date(2024, 12, 31),
        "year",
    ),
    ("last-year", "last year", JAN_2026, "last year", date(2025, 1, 1), date(2025, 12, 31), "year"),
    (
        "first-half-in-july",
        "In the first half, exports rose",
        JUL_2025,
        "first half",
        date(2025, 1, 1),
        date(2025, 6, 30),
        "half",
    ),
    (
        "first-half-in-january",
        "the first half",
        JAN_2026,
        "first half",
        date(2025, 1, 1),
        date(2025, 6, 30),
        "half",
    ),
    (
        "first-half-of-year",
        "the first half of 2024",
        JAN_2026,
        "first half of 2024",
        date(2024, 1, 1),
        date(2024, 6, 30),
        "half",
    ),
    ("q1", "in Q1", date(2025, 4, 14), "Q1", date(2025, 1, 1), date(2025, 3, 31), "quarter"),
    (
        "fourth-quarter",
        "the fourth quarter",
        JAN_2026,
        "fourth quarter",
        date(2025, 10, 1),
        date(2025, 12, 31),
        "quarter",
    ),
    (
        "quarter-of-this-year",
        "the first quarter of this year",
        date(2025, 4, 21),
        "first quarter of this year",
        date(2025, 1, 1),
        date(2025, 3, 31),
        "quarter",
    ),
    (
        "jan-to-nov",
        "From January to November 2024",
        date(2024, 12, 20),
        "January to November 2024",
        date(2024, 1, 1),
        date(2024, 11, 30),
        "ytd",
    ),
    (
        "jan-and-feb",
        "In January and February",
        date(2026, 3, 12),
        "January and February",
        date(2026, 1, 1),
        date(2026, 2, 28),
        "ytd",
    ),
    (
        "first-11-months",
        "in the first 11 months",
        date(2025, 12, 8),
        "first 11 months",
        date(2025, 1, 1),
        date(2025, 11, 30),
        "ytd",
    ),
    (
        "late-month",
        "delays in late August were long",
        date(2025, 9, 10),
        "in late August",
        date(2025, 8, 1),
        date(2025, 8, 31),
        "month",
    ),
    (
        "mid-year",
        "in mid-2025, the port",
        date(2026, 1, 10),
        "in mid-2025",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "year",
    ),
    (
        "by-end-month",
        "by end-November, stocks",
        date(2025, 12, 10),
        "by end-November",
        date(2025, 11, 1),
        date(2025, 11, 30),
        "month",
    ),
    (
        "since-the-beginning-of-this-year",
        "Since the beginning of this year, the customs",
        date(2027, 10, 15),
        "Since the beginning of this year",
        date(2027, 1, 1),
        date(2027, 9, 30),
        "ytd",
    ),
    (
        "first-three-quarters",
        "the first three quarters",
        date(2025, 10, 20),
        "first three quarters",
        date(2025, 1, 1),
        date(2025, 9, 30),
        "ytd",
    ),
    (
        "in-december",
        "In December, exports rose",
        JAN_2026,
        "In December",
        date(2025, 12, 1),
        date(2025, 12, 31),
        "month",
    ),
    (
        "year-to-date",
        "year to date",
        JUL_2025,
        "year to date",
        date(2025, 1, 1),
        date(2025, 6, 30),
        "ytd",
    ),
    (
        "last-month-across-the-new-year",
        "Exports rose 8 percent last month",
        JAN_2026,
        "last month",
        date(2025, 12, 1),
        date(2025, 12, 31),
        "month",
    ),
    (
        "since-the-start-of-the-year",
        "Since the start of the year, it has inspected 1,260 batches",
        JUL_2025,
        "Since the start of the year",
        date(2025, 1, 1),
        date(2025, 6, 30),
        "ytd",
    ),
    (
        "plan",
        "during the 14th Five Year Plan period",
        JAN_2026,
        "14th Five Year Plan period",
        date(2021, 1, 1),
        date(2025, 12, 31),
        "years",
    ),
    (
        "plan-words",
        "the Thirteenth Five-Year Plan",
        JAN_2026,
        "Thirteenth Five-Year Plan",
        date(2016, 1, 1),
        date(2020, 12, 31),
        "years",
    ),
    (
        "past-years",
        "Over the past five years",
        JAN_2026,
        "the past five years",
        date(2021, 1, 1),
        date(2025, 12, 31),
        "years",
    ),
    (
        "past-months-ytd",
        "Crude oil imports rose in the past 11 months",
        date(2025, 12, 8),
        "the past 11 months",
        date(2025, 1, 1),
        date(2025, 11, 30),
        "ytd",
    ),
    (
        "past-months-rolling",
        "Freight rates fell over the past 12 months",
        date(2025, 12, 8),
        "the past 12 months",
        date(2024, 12, 1),
        date(2025, 11, 30),
        "months",
    ),
    (
        "year-through-month",
        "In the year through November, exports rose",
        date(2025, 12, 8),
        "year through November",
        date(2025, 1, 1),
        date(2025, 11, 30),
        "ytd",
    ),
    (
        "year-to-end-month",
        "Imports for the year to end-October were flat",
        date(2025, 12, 8),
        "year to end-October",
        date(2025, 1, 1),
        date(2025, 10, 31),
        "ytd",
    ),
    (
        "month-possessive",
        "June's trade grew 5.2 percent",
        date(2026, 7, 14),
        "June",
        date(2026, 6, 1),
        date(2026, 6, 30),
        "month",
    ),
    (
        "quarter-of-last-year",
        "In the fourth quarter of last year, trade with RCEP members rose",
        JAN_2026,
        "fourth quarter of last year",
        date(2025, 10, 1),
        date(2025, 12, 31),
        "quarter",
    ),
    (
        "half-last-year",
        "Exports in the first half last year were flat",
        date(2026, 9, 2),
        "first half last year",
        date(2025, 1, 1),
        date(2025, 6, 30),
        "half",
    ),
    (
        "month-last-year",
        "Imports in December last year fell",
        date(2026, 3, 5),
        "December last year",
        date(2025, 12, 1),
        date(2025, 12, 31),
        "month",
    ),
    (
        "since-year",
        "Since 2021, the district has cleared more than 6 million TEUs",
        JAN_2026,
        "Since 2021",
        date(2021, 1, 1),
        date(2025, 12, 31),
        "years",
    ),
    (
        "month-opens-sentence",
        "Trade rose. December alone saw 2.41 million TEUs",
        JAN_2026,
        "December",
        date(2025, 12, 1),
        date(2025, 12, 31),
        "month",
    ),
    (
        "month-after-possessive",
        "China's November exports rise 5.1%",
        date(2026, 12, 8),
        "November",
        date(2026, 11, 1),
        date(2026, 11, 30),
        "month",
    ),
    (
        "full-year-in-january",
        "For the full year, exports grew 5.9 percent",
        JAN_2026,
        "the full year",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "year",
    ),
    (
        "year-span",
        "From 2021 to 2025, trade grew by a third",
        JAN_2026,
        "2021 to 2025",
        date(2021, 1, 1),
        date(2025, 12, 31),
        "years",
    ),
    (
        "between-years",
        "Between 2021 and 2025, the port opened 40 routes",
        JAN_2026,
        "2021 and 2025",
        date(2021, 1, 1),
        date(2025, 12, 31),
        "years",
    ),
    (
        "past-decade",
        "Over the past decade, the port opened 80 routes",
        JAN_2026,
        "the past decade",
        date(2016, 1, 1),
        date(2025, 12, 31),
        "years",
    ),
    (
        "at-the-end-of-year",
        "At the end of 2025, the zone had 1,200 enterprises",
        JAN_2026,
        "At the end of 2025",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "year",
    ),
    (
        "month-of",
        "In the month of May, airport flights rose",
        JUL_2025,
        "In the month of May",
        date(2025, 5, 1),
        date(2025, 5, 31),
        "month",
    ),
    (
        "hyphenated-half",
        "First-half exports rose 5 percent",
        JUL_2025,
        "First-half",
        date(2025, 1, 1),
        date(2025, 6, 30),
        "half",
    ),
    (
        "hyphenated-quarter",
        "Third-quarter trade grew",
        date(2025, 10, 20),
        "Third-quarter",
        date(2025, 7, 1),
        date(2025, 9, 30),
        "quarter",
    ),
    (
        "month-this-year",
        "In June this year, exports rose",
        JUL_2025,
        "In June this year",
        date(2025, 6, 1),
        date(2025, 6, 30),
        "month",
    ),
    (
        "quarter-this-year",
        "In the second quarter this year, imports fell",
        JUL_2025,
        "second quarter this year",
        date(2025, 4, 1),
        date(2025, 6, 30),
        "quarter",
    ),
    (
        "month-range-period",
        "Trade in the January-November period grew",
        date(2025, 12, 8),
        "January-November",
        date(2025, 1, 1),
        date(2025, 11, 30),
        "ytd",
    ),
    (  # session 4: months up to a month, a quarter when they end one
        "three-months-to-quarter-end",
        "Trade in the three months to June rose",
        date(2025, 7, 14),
        "the three months to June",
        date(2025, 4, 1),
        date(2025, 6, 30),
        "quarter",
    ),
    (
        "three-months-to-month",
        "Exports in the three months to May rose",
        date(2025, 6, 9),
        "the three months to May",
        date(2025, 3, 1),
        date(2025, 5, 31),
        "months",
    ),
    (
        "last-quarter",
        "Exports rose 4% last quarter",
        date(2025, 7, 14),
        "last quarter",
        date(2025, 4, 1),
        date(2025, 6, 30),
        "quarter",
    ),
    (
        "last-quarter-in-january",
        "Exports rose 4% last quarter",
        date(2026, 1, 14),
        "last quarter",
        date(2025, 10, 1),
        date(2025, 12, 31),
        "quarter",
    ),
    (
        "part-of-a-month",
        "In the first ten days of March this year, trade rose",
        date(2025, 3, 14),
        "first ten days of March this year",
        None,
        None,
        "undated",
    ),
    (  # the year of the latest figures is the publication year after March
        "since-year-late-in-the-year",
        "Since 2021, exports have grown",
        date(2026, 11, 9),
        "Since 2021",
        date(2021, 1, 1),
        date(2026, 12, 31),
        "years",
    ),
    (
        "busiest-day",
        "On the busiest single day, August 16, the airport handled 168,500 passengers",
        date(2026, 1, 6),
        "August 16",
        date(2025, 8, 16),
        date(2025, 8, 16),
        "day",
    ),
    (  # a day of the publication month, before publication: this year's
        "daily-record-this-month",
        "The port set a daily record of 92,000 TEUs on Nov. 3rd",
        date(2026, 11, 9),
        "Nov. 3rd",
        date(2026, 11, 3),
        date(2026, 11, 3),
        "day",
    ),
    (
        "busiest-day-with-year",
        "The busiest day was October 3, 2019, when 14,200 passengers passed through",
        date(2020, 1, 9),
        "October 3, 2019",
        date(2019, 10, 3),
        date(2019, 10, 3),
        "day",
    ),
    (
        "month-before-a-trade-noun",
        "In yuan terms, July exports fell 8.9 percent",
        date(2015, 8, 8),
        "July",
        date(2015, 7, 1),
        date(2015, 7, 31),
        "month",
    ),
    (
        "two-weeks",
        "Trade in the first two weeks of May was stable",
        date(2025, 5, 20),
        "first two weeks of May",
        None,
        None,
        "undated",
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "label", "start", "end", "kind"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_find_periods(  # noqa: PLR0917 (one parameter per column of the table)
    text: str, published: date, label: str, start: date, end: date, kind: str
) -> None:
    [period] = find_periods(text, published)
    assert (period.label, period.start, period.end, period.kind) == (label, start, end, kind)


NOT_PERIODS = [
    ("base-year", "an increase of 1.7 times compared to 2020"),
    ("bare-year", "2025 was a good year"),
    ("may-verb", "exports may grow"),
    ("now-connective", "Now, our goods can be cleared"),
    ("date-opens-sentence", "November 7, the customs said"),
    ("last-year-of-plan", "the last year of the decade"),
    ("hyphenated-word", "a long-2025 plan"),
    ("month-as-adjective", "the late August storm"),
    ("same-quarter", "up from 4.8 million TEUs in the same quarter"),
    ("same-half", "compared with the same half"),
    ("date-without-a-day-word", "On March 1, the new rules took effect"),
    ("holiday-name", "before the National Day holiday on October 1"),
    ("no-such-day", "the busiest day, February 30"),
    ("modal-may-before-a-noun", "exports may trade lower"),
]


def test_a_span_after_a_rate_and_from_dates_it() -> None:
    [period] = find_periods("Exports rose 5.4 percent from January to November", JAN_2026)
    assert (period.label, period.kind) == ("January to November", "ytd")


@pytest.mark.parametrize("text", [c[1] for c in NOT_PERIODS], ids=[c[0] for c in NOT_PERIODS])
def test_not_periods(text: str) -> None:
    assert find_periods(text, JAN_2026) == []


def test_reporting_period_points_back_to_the_document() -> None:
    [period] = find_periods(
        "During the reporting period, the port handled 9 million TEUs", JAN_2026
    )
    assert (period.label, period.kind) == ("During the reporting period", "document")


def test_undated_and_document_phrases() -> None:
    found = [
        (p.label, p.kind)
        for p in find_periods("At present it is now 15; in the period it rose", JAN_2026)
    ]
    # "now" is no period (session 4): it is usually quoted speech inside a dated section
    assert found == [("At present", "undated"), ("in the period", "document")]


@pytest.mark.parametrize(
    "text",
    [
        "up 14.1% over the same period last year",
        "2.1% higher than in 2022",
        "narrower than in the first 10 months",
        "compared with the first quarter of 2024",
        "than the previous year",
        "cut to 14 hours, down from 20 hours in 2024",
        "a surplus of $97.6 billion, up from $70.1 billion in October",
        "grew 5.1 percent, picking up from a 2.9 percent rise in October",
        "the fastest growth since 2021",
        "for the first time since June",
        "the first trade surplus since 2019",
        "Compared with 2020, the last year of the 13th Five-Year Plan, cargo rose",
        "up 12.4 percent from the second quarter",
        "exports grew 7.9% from the previous year",
    ],
)
def test_the_base_of_a_change_is_marked_base(text: str) -> None:
    assert [p.kind for p in find_periods(text, JAN_2026)] == ["base"]


def test_relative_phrase_without_publication_date_is_unresolved() -> None:
    [period] = find_periods("in the first half", None)
    assert (period.start, period.end) == (None, None)


def test_consecutive_years() -> None:
    [period] = find_periods("for five consecutive years", JAN_2026)
    assert (period.kind, period.years) == ("consecutive", 5)
    base = Period(0, 0, "in 2025", "year", date(2025, 1, 1), date(2025, 12, 31))
    assert consecutive_years(5, base) == (date(2021, 1, 1), date(2025, 12, 31))
    assert consecutive_years(5, None) is None


def test_default_basis() -> None:
    assert [
        default_basis(k) for k in ("year", "quarter", "half", "ytd", "month", "years", None)
    ] == ["yoy", "yoy", "yoy", "yoy", None, None, None]


def test_an_ordinal_without_a_noun_after_a_quarter_is_the_next_quarter() -> None:
    text = (
        "Trade was 6.76 trillion yuan in the first quarter, 7.41 trillion yuan in the second "
        "and 8.11 trillion yuan in the third. It came second in the third."
    )
    found = [(p.label, p.kind, p.start, p.end) for p in find_periods(text, date(2018, 10, 12))]
    assert found == [
        ("first quarter", "quarter", date(2018, 1, 1), date(2018, 3, 31)),
        ("in the second", "quarter", date(2018, 4, 1), date(2018, 6, 30)),
        ("in the third", "quarter", date(2018, 7, 1), date(2018, 9, 30)),
    ]
