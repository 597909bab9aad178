"""Tests of gzetl.extraction.context: the period and basis each figure gets in its document."""

from __future__ import annotations

from datetime import date

from gzetl.extraction import extract_document


def _periods(text: str, published: date) -> list[tuple[str, date | None, date | None]]:
    facts = extract_document(text, doc_id="d", source="d.txt", published=published)
    return facts.select("text", "period_start", "period_end").rows()


def test_a_month_opening_a_sentence_dates_it() -> None:
    text = (
        "In the fourth quarter of 2025, the port handled 7.05 million TEUs. "
        "December alone saw 2.41 million TEUs."
    )
    assert _periods(text, date(2026, 1, 20)) == [
        ("7.05 million TEUs", date(2025, 10, 1), date(2025, 12, 31)),
        ("2.41 million TEUs", date(2025, 12, 1), date(2025, 12, 31)),
    ]


def test_a_month_after_a_possessive_dates_a_headline() -> None:
    text = "Shenzhen's October exports climb 6.2%\n\nThe city's imports were flat."
    assert _periods(text, date(2026, 11, 9))[0] == ("6.2%", date(2026, 10, 1), date(2026, 10, 31))


def test_the_quarter_of_last_year() -> None:
    text = "In the third quarter of last year, Nansha Port handled 5.3 million TEUs."
    assert _periods(text, date(2026, 2, 3)) == [
        ("5.3 million TEUs", date(2025, 7, 1), date(2025, 9, 30)),
    ]


def test_since_a_year_is_a_span_unless_it_dates_a_record() -> None:
    text = (
        "Guangzhou Customs reviewed 2025.\n\n"
        "Since 2022, the district has inspected over 4,000 batches of imported food. "
        "In 2025, its exports of ships grew 17.5%, the fastest since 2019."
    )
    assert _periods(text, date(2026, 1, 12)) == [
        ("over 4,000 batches", date(2022, 1, 1), date(2025, 12, 31)),
        ("17.5%", date(2025, 1, 1), date(2025, 12, 31)),
    ]


def test_a_plan_in_apposition_to_a_year_does_not_date_the_figure() -> None:
    text = (
        "In 2025, the final year of the 14th Five-Year Plan, Huangpu Port handled "
        "102 million tonnes of cargo."
    )
    assert _periods(text, date(2026, 1, 9)) == [
        ("102 million tonnes", date(2025, 1, 1), date(2025, 12, 31)),
    ]


def test_consecutive_years_after_the_figure_date_a_rank() -> None:
    text = (
        "In 2024, the port handled 27.5 million TEUs, an increase of 4.5%, ranking third in "
        "the world for two consecutive years; its cargo throughput was 1.1 billion tonnes, "
        "ranking first for 11 consecutive years. For seven consecutive years, the customs "
        "has run a campaign, introducing 35 measures."
    )
    year = (date(2024, 1, 1), date(2024, 12, 31))
    assert _periods(text, date(2025, 1, 20)) == [
        ("27.5 million TEUs", *year),
        ("1.1 billion tonnes", *year),
        ("35 measures", date(2018, 1, 1), date(2024, 12, 31)),
    ]


def test_a_period_right_after_a_figure_dates_it() -> None:
    text = (
        "By quarter, trade was 6.76 trillion yuan in the first quarter, 7.41 trillion yuan in "
        "the second and 8.11 trillion yuan in the third. In 2027, the port handled 26.4 million "
        "TEUs, of which 3.08 million TEUs were handled in September."
    )
    assert _periods(text, date(2027, 10, 12)) == [
        ("6.76 trillion yuan", date(2027, 1, 1), date(2027, 3, 31)),
        ("7.41 trillion yuan", date(2027, 4, 1), date(2027, 6, 30)),
        ("8.11 trillion yuan", date(2027, 7, 1), date(2027, 9, 30)),
        ("26.4 million TEUs", date(2027, 1, 1), date(2027, 12, 31)),
        ("3.08 million TEUs", date(2027, 9, 1), date(2027, 9, 30)),
    ]


def test_the_period_of_an_earlier_rate_is_a_base() -> None:
    # "picking up from a 2.6% gain in September": September dates no later sentence
    text = (
        "Exports rose 4.4% in October from a year earlier, picking up from a 2.6% gain in "
        "September. Imports fell 0.9%."
    )
    rows = _periods(text, date(2026, 11, 8))
    assert rows[-1] == ("0.9%", date(2026, 10, 1), date(2026, 10, 31))


def test_a_basis_opening_the_sentence() -> None:
    text = (
        "In 2025, the port handled 690 million tonnes of cargo. Compared with 2020, its "
        "cargo throughput is up 9.8%. Month on month, December cargo dropped 2.1%."
    )
    facts = extract_document(text, doc_id="d", source="d.txt", published=date(2026, 1, 20))
    assert facts.select("text", "change_basis").rows()[-2:] == [
        ("9.8%", "vs_2020"),
        ("2.1%", "mom"),
    ]


def test_a_rate_from_the_month_before_is_month_on_month() -> None:
    text = (
        "Huangpu Port handled 812,000 TEUs in May, up 4.1% from a year earlier and 3.5% from April."
    )
    facts = extract_document(text, doc_id="d", source="d.txt", published=date(2026, 6, 6))
    assert facts.select("text", "value", "change_pct", "change_basis").rows() == [
        ("812,000 TEUs", 812000.0, 4.1, "yoy"),
        ("3.5%", None, 3.5, "mom"),
    ]


def test_the_same_months_point_back_to_the_first_months() -> None:
    text = (
        "In the first seven months, Nansha Port handled 12.1 million TEUs. Its cargo "
        "throughput over the same seven months reached 231 million tonnes."
    )
    assert _periods(text, date(2026, 8, 6)) == [
        ("12.1 million TEUs", date(2026, 1, 1), date(2026, 7, 31)),
        ("231 million tonnes", date(2026, 1, 1), date(2026, 7, 31)),
    ]


def _partners(text: str) -> list[tuple[str, str | None]]:
    facts = extract_document(text, doc_id="d", source="d.txt", published=date(2025, 3, 1))
    return facts.select("text", "partner").rows()


def test_a_respectively_list_gives_each_item_its_partner() -> None:
    text = "Exports to Japan, South Korea and India rose 3.1%, 5.5% and 12.0%, respectively."
    assert _partners(text) == [("3.1%", "Japan"), ("5.5%", "South Korea"), ("12.0%", "India")]


def test_a_phrase_the_items_share_may_stand_before_respectively() -> None:
    text = (
        "Trade with Vietnam, Malaysia and Thailand made up 28.4%, 19.6% and 15.2% of the "
        "province's trade with ASEAN, respectively."
    )
    assert _partners(text) == [("28.4%", "Vietnam"), ("19.6%", "Malaysia"), ("15.2%", "Thailand")]


def _subjects(text: str) -> list[tuple[str, str | None]]:
    facts = extract_document(text, doc_id="d", source="d.txt", published=date(2026, 3, 20))
    return facts.select("text", "subject").rows()


def test_a_section_heading_returns_to_the_place_the_title_names() -> None:
    text = (
        "Statistical Communique of Foshan on the 2025 Economic and Social Development\n\n"
        "I. Overview\n\n"
        "In 2025, the port of Guangzhou handled 1.2 million TEUs of Foshan's cargo.\n\n"
        "II. Foreign Trade\n\n"
        "Exports were 520.1 billion yuan, up 4.4%."
    )
    assert _subjects(text) == [
        ("1.2 million TEUs", "Guangzhou Port"),
        ("520.1 billion yuan", "Foshan City"),
    ]


def test_a_title_naming_only_an_agency_leaves_a_section_without_subject() -> None:
    text = (
        "Huangpu Customs Reviews Its Reform Year\n\n"
        "Nansha Port handled 1.2 million TEUs in 2025.\n\n"
        "New Paths\n\n"
        "Car exports were worth 3 billion yuan."
    )
    assert _subjects(text) == [("1.2 million TEUs", "Nansha Port"), ("3 billion yuan", None)]


def test_a_relative_clause_is_about_the_name_before_it() -> None:
    text = (
        "In 2025, bonded goods were held in the Nansha Pilot Free Trade Zone, where imports and "
        "exports reached 31.2 billion yuan. Shenzhen's exports rose, and Nansha Port, which "
        "handled 19.8 million TEUs, grew too."
    )
    assert _subjects(text) == [
        ("31.2 billion yuan", "Nansha Pilot Free Trade Zone"),
        ("19.8 million TEUs", "Nansha Port"),
    ]


def test_a_clearance_time_belongs_to_the_place_not_the_agency() -> None:
    text = (
        "Guangzhou Customs cut the import clearance time at Nansha Port to 12.5 hours. "
        "It also launched 18 measures."
    )
    facts = extract_document(text, doc_id="c", source="c", published=date(2025, 1, 10))
    assert facts.select("text", "subject").rows() == [
        ("12.5 hours", "Nansha Port"),
        ("18 measures", "Guangzhou Customs"),
    ]


def test_a_count_of_all_enterprises_is_the_places() -> None:
    text = (
        "In 2025, Guangdong's trade reached 9.1 trillion yuan and its private enterprises "
        "imported and exported 5.3 trillion yuan. "
        "The number of enterprises with import and export records reached 106,000. The "
        "province's private enterprises, which numbered more than 95,000, grew fastest."
    )
    facts = extract_document(text, doc_id="d", source="d.txt", published=date(2026, 1, 20))
    assert facts.select("text", "subject").rows() == [
        ("9.1 trillion yuan", "Guangdong Province"),
        ("5.3 trillion yuan", "private enterprises"),
        ("106,000", "Guangdong Province"),
        ("more than 95,000", "private enterprises"),
    ]
