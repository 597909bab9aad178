"""Tests of gzetl.extraction.links: conversions, changes and respectively-lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gzetl.extraction.links import link
from gzetl.extraction.quantities import scan
from gzetl.extraction.sentences import SentenceIndex


def drafts_of(text: str) -> list[tuple[str, str, Decimal | None, int, bool]]:
    return [
        (d.mention.text, d.role, d.change.pct if d.change else None, d.statement, d.converted)
        for d in link(text, scan(text), SentenceIndex(text))
    ]


def test_conversion_shares_the_statement_and_not_the_change() -> None:
    text = "Trade reached 45.47 trillion yuan in 2025 (about 6.35 trillion U.S. dollars), up 3.8%."
    assert drafts_of(text) == [
        ("45.47 trillion yuan", "level", Decimal("3.8"), 0, False),
        ("about 6.35 trillion U.S. dollars", "level", None, 0, True),
    ]


def test_respectively_rates_go_to_their_levels() -> None:
    text = (
        "Exports were 541.3 billion yuan and imports 195.5 billion yuan, "
        "up 7.4% and 1.9%, respectively."
    )
    assert drafts_of(text) == [
        ("541.3 billion yuan", "level", Decimal("7.4"), 0, False),
        ("195.5 billion yuan", "level", Decimal("1.9"), 0, False),
    ]


def test_respectively_rates_each_with_its_own_growth_word() -> None:
    text = (
        "Trade with the EU, the US and Japan was 96.4 billion yuan, 71.2 billion yuan and "
        "40.8 billion yuan respectively, up 6.2%, down 3.5% and up 11.9% respectively."
    )
    assert drafts_of(text) == [
        ("96.4 billion yuan", "level", Decimal("6.2"), 0, False),
        ("71.2 billion yuan", "level", Decimal("-3.5"), 0, False),
        ("40.8 billion yuan", "level", Decimal("11.9"), 0, False),
    ]


def test_a_basis_after_respectively_is_every_items() -> None:
    text = (
        "In March the port handled 3.52 million passengers and 34,900 flights, "
        "up 41.6 percent and 22.3 percent respectively from a year earlier."
    )
    drafts = link(text, scan(text), SentenceIndex(text))
    assert [(d.mention.text, d.change.pct, d.change.basis) for d in drafts if d.change] == [
        ("3.52 million passengers", Decimal("41.6"), "yoy"),
        ("34,900 flights", Decimal("22.3"), "yoy"),
    ]


def test_respectively_changes_share_one_statement() -> None:
    text = (
        "Exports of appliances, furniture and ceramics grew by 10.2%, 6.8% and 3.5%, respectively."
    )
    assert drafts_of(text) == [
        ("10.2%", "change", Decimal("10.2"), 0, False),
        ("6.8%", "change", Decimal("6.8"), 0, False),
        ("3.5%", "change", Decimal("3.5"), 0, False),
    ]


def test_change_before_its_level() -> None:
    text = "Imports of farm products fell by 4.8% to 31.6 billion yuan."
    assert drafts_of(text) == [("31.6 billion yuan", "level", Decimal("-4.8"), 0, False)]


def test_a_rate_after_a_share_in_a_relative_clause_goes_to_the_level_it_reached() -> None:
    text = (
        "Exports of electrical products, which made up 65.9 percent of the total, "
        "rose 1.7 percent to 161.4 billion dollars."
    )
    assert drafts_of(text) == [
        ("65.9 percent", "share", None, 0, False),
        ("161.4 billion dollars", "level", Decimal("1.7"), 1, False),
    ]


def test_second_rate_is_its_own_change_only_fact() -> None:
    text = "Trade reached 12.05 trillion yuan, up 4.9% year-on-year and 3.2% quarter-on-quarter."
    assert drafts_of(text) == [
        ("12.05 trillion yuan", "level", Decimal("4.9"), 0, False),
        ("3.2%", "change", Decimal("3.2"), 1, False),
    ]


def test_a_rate_after_a_semicolon_does_not_join_a_level_before_it() -> None:
    text = (
        "Exports were 598.7 billion yuan, 69.4% of the total; among them, exports of "
        "electric vehicles rose by 31.6%."
    )
    assert drafts_of(text) == [
        ("598.7 billion yuan", "level", None, 0, False),
        ("69.4%", "rate", None, 1, False),
        ("31.6%", "change", Decimal("31.6"), 2, False),
    ]


def test_points_faster_than_another_rate_are_no_change_of_the_share_before() -> None:
    text = (
        "Trade with the EU was 14.5 percent of the total. Trade with Africa expanded "
        "13.3 percent, 3.4 percentage points faster than the overall growth."
    )
    assert drafts_of(text) == [
        ("14.5 percent", "rate", None, 0, False),
        ("13.3 percent", "change", Decimal("13.3"), 1, False),
        ("3.4 percentage points", "change", Decimal("3.4"), 2, False),
    ]


def test_an_average_growth_rate_is_a_change() -> None:
    text = "Trade rose 16.0% from 2019, and the two-year average growth rate was 7.7%."
    assert [(m, role, pct) for m, role, pct, *_ in drafts_of(text)] == [
        ("16.0%", "change", Decimal("16.0")),
        ("7.7%", "change", Decimal("7.7")),
    ]


def test_points_change_goes_to_the_share_before() -> None:
    text = (
        "Private firms accounted for 57.3% of the total. Their share rose by 3.4 percentage points."
    )
    assert drafts_of(text) == [("57.3%", "share", Decimal("3.4"), 0, False)]


def test_multiple_reaches_forward_to_its_level() -> None:
    text = "Volume in 2020 was three times the level of 2016, reaching 183,000 TEUs."
    assert drafts_of(text) == [("183,000 TEUs", "level", Decimal("200"), 0, False)]


def test_points_change_before_its_share() -> None:
    text = "Private firms' share of total trade rose 1.6 percentage points to 57.2 percent."
    assert drafts_of(text) == [("57.2 percent", "share", Decimal("1.6"), 0, False)]


def test_change_with_its_own_subject_goes_to_the_level_after() -> None:
    text = "Exports totalled $312.3 billion, while imports fell 3.9% to $214.7 billion."
    assert drafts_of(text) == [
        ("$312.3 billion", "level", None, 0, False),
        ("$214.7 billion", "level", Decimal("-3.9"), 1, False),
    ]


def test_change_then_level_after_at() -> None:
    text = "Exports were up 5.4% year on year at $3.24 trillion, while imports slipped 1.7%."
    assert drafts_of(text) == [
        ("$3.24 trillion", "level", Decimal("5.4"), 0, False),
        ("1.7%", "change", Decimal("-1.7"), 1, False),
    ]


FORECASTS = [
    (
        "Exports rose 5.9 percent in November, beating a 4.6 percent rise forecast in a poll.",
        ["5.9 percent"],
    ),
    ("Economists polled by news agencies had forecast exports to grow 3.8 percent.", []),
    ("Exports are expected to exceed 1.2 trillion yuan in 2026.", []),
    ("Imports fell 2.1 percent against 1.5 percent expected.", ["2.1 percent"]),
    ("Imports rose 3 percent, faster than expected.", ["3 percent"]),
    (
        "The airport handled an estimated 1.2 million passengers.",
        ["an estimated 1.2 million passengers"],
    ),
    ("Exports are seen rising about 3% next year.", []),
    ("Beijing is likely to keep a growth target of around 5% for 2026.", []),
    ("The company has set a target of more than 600 million tonnes of cargo.", []),
    ("Analysts expect the surplus to widen to nearly $1 trillion.", []),
    ("The province aims to lift exports 4% next year; a 5% growth target was set.", []),
    ("Analysts expect that, as demand recovers, exports will grow 5% in 2026.", []),
    (
        "Exports rose 5.9% in November, beating forecasts, and imports fell 3.9%.",
        ["5.9%", "3.9%"],
    ),
    (
        "Analysts said the outlook was weak, though exports grew 5.9% in November.",
        ["5.9%"],
    ),
    ("Analysts said exports could grow about 4% this year.", []),
    ("A container could leave the port within 1 hour of berthing.", ["within 1 hour"]),
    (
        "Exports fell 8.3 percent, sharper than the 1.5 percent dip that analysts had expected.",
        ["8.3 percent"],
    ),
    ("Imports rose 4 percent, which was expected.", ["4 percent"]),
    ("The city has set a goal of about 6 percent growth in foreign trade.", []),
]


@pytest.mark.parametrize(("text", "kept"), FORECASTS, ids=[t[:30] for t, _ in FORECASTS])
def test_a_forecast_is_no_fact(text: str, kept: list[str]) -> None:
    assert [mention for mention, *_ in drafts_of(text)] == kept


RECORDS = [
    ("Imports hit 12.4 million bpd, the highest in 14 months.", ["12.4 million bpd"]),
    ("Exports fell 4%, the weakest pace in more than three years.", ["4%"]),
    ("Sales rose for the first time in 18 months.", []),
    ("Arrivals reached 2.1 million passengers, the most in 11 months.", ["2.1 million passengers"]),
    ("Building the terminal took 14 months in all.", ["14 months"]),
]


@pytest.mark.parametrize(("text", "kept"), RECORDS, ids=[t[:30] for t, _ in RECORDS])
def test_a_duration_that_dates_a_record_is_no_fact(text: str, kept: list[str]) -> None:
    assert [mention for mention, *_ in drafts_of(text)] == kept


POINTING_BACK = [
    (
        "Flights rose 4.9 percent to 80,340 flights over the three months.",
        ["80,340 flights"],
    ),
    ("Reefers made up 12% of boxes during the eight months.", ["12%"]),
    ("Clearance took 14 months in all.", ["14 months"]),
]


@pytest.mark.parametrize(("text", "kept"), POINTING_BACK, ids=[t[:30] for t, _ in POINTING_BACK])
def test_the_months_of_a_period_named_before_are_no_duration(text: str, kept: list[str]) -> None:
    assert [mention for mention, *_ in drafts_of(text)] == kept


@pytest.mark.xfail(
    strict=True,
    reason="a plan in a present-tense 'when' clause after a forecast word is read as a fact",
)
def test_a_plan_in_a_when_clause_after_a_forecast_is_no_fact() -> None:
    text = "The airport expects 1.3 million passengers in October, when airlines launch 11 routes."
    assert [mention for mention, *_ in drafts_of(text)] == []


def test_change_then_level_across_a_year_and_a_record_word() -> None:
    text = "Exports rose 6.2 percent in 2025 to a record $2.95 trillion."
    assert drafts_of(text) == [("$2.95 trillion", "level", Decimal("6.2"), 0, False)]


EARLIER_RATES = [
    "Exports grew 3.3 percent, down from 4.7 percent in May.",
    "Exports grew 3.3 percent, picking up from a 1.2 percent rise in May.",
    "Exports grew 3.3 percent, compared with 4.7 percent in May.",
    "Exports grew 3.3 percent, compared with a 0.6 percent fall the previous month.",
    "Exports grew 3.3 percent, against a 4.1 percent gain in May.",
]


@pytest.mark.parametrize("text", EARLIER_RATES, ids=[t[27:50] for t in EARLIER_RATES])
def test_an_earlier_rate_is_a_base_not_a_fact(text: str) -> None:
    assert drafts_of(text) == [("3.3 percent", "change", Decimal("3.3"), 0, False)]


def test_a_rate_from_to_is_one_fact() -> None:
    text = "Their share rose from 41.5% to 44.0%."
    assert [d[0] for d in drafts_of(text)] == ["44.0%"]


def test_a_change_whose_clause_names_what_changed_keeps_to_itself() -> None:
    text = "Exports totalled $41.2 billion, while imports fell 2.6%."
    assert drafts_of(text) == [
        ("$41.2 billion", "level", None, 0, False),
        ("2.6%", "change", Decimal("-2.6"), 1, False),
    ]


def test_a_change_in_the_clause_of_its_level_still_joins_it() -> None:
    text = "Trade was 8 billion yuan in 2025 and grew 6.1%."
    assert drafts_of(text) == [("8 billion yuan", "level", Decimal("6.1"), 0, False)]


def test_a_rate_change_does_not_join_a_share() -> None:
    text = "Textiles, which accounted for 31.2% of exports, rose 7.7%."
    assert drafts_of(text) == [
        ("31.2%", "share", None, 0, False),
        ("7.7%", "change", Decimal("7.7"), 1, False),
    ]


def test_an_elliptical_rate_takes_the_verb_of_its_sentence() -> None:
    text = "Exports of ships grew by 11.5%, and exports of robots by 42.3%."
    assert drafts_of(text) == [
        ("11.5%", "change", Decimal("11.5"), 0, False),
        ("42.3%", "change", Decimal("42.3"), 1, False),
    ]


AVERAGE = [
    (
        "after-a-total",
        "Over the five years, trade exceeded 6.1 trillion yuan, with an average annual growth "
        "of 4.7%.",
        [("exceeded 6.1 trillion yuan", "level", None), ("4.7%", "change", Decimal("4.7"))],
    ),
    (
        "before-a-level",
        "GDP grew at an average annual rate of 5.2 percent to 3.21 trillion yuan.",
        [("5.2 percent", "change", Decimal("5.2")), ("3.21 trillion yuan", "level", None)],
    ),
]


@pytest.mark.parametrize(("text", "drafts"), [c[1:] for c in AVERAGE], ids=[c[0] for c in AVERAGE])
def test_an_average_rate_joins_no_level(
    text: str, drafts: list[tuple[str, str, Decimal | None]]
) -> None:
    assert [d[:3] for d in drafts_of(text)] == drafts


def test_a_cumulative_rate_still_joins_its_level() -> None:
    text = "Trade reached 1.2 trillion yuan in 2025, a cumulative increase of 45% over 2020."
    assert drafts_of(text)[0][:3] == ("1.2 trillion yuan", "level", Decimal("45"))
