"""Tests of the public API (gzetl.extraction) and of gzetl.extraction.assemble / context."""

# ruff: noqa: E501  (the release below keeps one paragraph per line, as the genre does)

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from gzetl import EXTRACTOR_VERSION
from gzetl.extraction import extract_document, extract_documents
from gzetl.schemas.facts import Facts, polars_schema

ARTICLE = Path(__file__).parents[2] / "raw" / "2026-01-guangzhou-customs-14th-five-year-plan.txt"

RELEASE = """Guangdong's Foreign Trade Rises in the First Half

Guangzhou, July 18 -- In the first half of the year, Guangdong's imports and exports reached 4.5 trillion yuan (about 620 billion U.S. dollars), up 6.1% year-on-year. Exports were 2.9 trillion yuan and imports 1.6 trillion yuan, up 7.4% and 3.9%, respectively.

Private enterprises remained the main force. Their imports and exports came to 2.6 trillion yuan, accounting for 57.8% of the total, up 1.2 percentage points.

Trade with ASEAN grew by 9.1% to 700 billion yuan. In June alone, exports rose 4.4% month-on-month.
"""


@pytest.fixture(scope="module")
def release() -> pl.DataFrame:
    return extract_document(
        RELEASE, doc_id="rel", source="corpus/rel.txt", published=date(2025, 7, 18)
    )


def test_columns_and_dtypes_are_the_facts_contract(release: pl.DataFrame) -> None:
    assert release.schema == polars_schema()
    Facts.validate(release)


def test_every_text_is_its_span(release: pl.DataFrame) -> None:
    for start, end, text in release.select("span_start", "span_end", "text").iter_rows():
        assert RELEASE[start:end] == text


def test_rows(release: pl.DataFrame) -> None:
    rows = release.select(
        "text",
        "subject",
        "metric",
        "partner",
        "period_start",
        "period_end",
        "value",
        "unit",
        "bound",
        "change_pct",
        "change_basis",
    ).rows()
    h1 = (date(2025, 1, 1), date(2025, 6, 30))
    assert rows == [
        (
            "4.5 trillion yuan",
            "Guangdong Province",
            "import_export_value",
            None,
            *h1,
            4.5e12,
            "CNY",
            "eq",
            6.1,
            "yoy",
        ),
        (
            "about 620 billion U.S. dollars",
            "Guangdong Province",
            "import_export_value",
            None,
            *h1,
            6.2e11,
            "USD",
            "approx",
            None,
            None,
        ),
        (
            "2.9 trillion yuan",
            "Guangdong Province",
            "export_value",
            None,
            *h1,
            2.9e12,
            "CNY",
            "eq",
            7.4,
            "yoy",
        ),
        (
            "1.6 trillion yuan",
            "Guangdong Province",
            "import_value",
            None,
            *h1,
            1.6e12,
            "CNY",
            "eq",
            3.9,
            "yoy",
        ),
        (
            "2.6 trillion yuan",
            "private enterprises",
            "import_export_value",
            None,
            *h1,
            2.6e12,
            "CNY",
            "eq",
            None,
            None,
        ),
        (
            "57.8%",
            "private enterprises",
            "import_export_value",
            None,
            *h1,
            57.8,
            "percent",
            "eq",
            1.2,
            "pp",
        ),
        (
            "700 billion yuan",
            "Guangdong Province",
            "import_export_value",
            "ASEAN",
            *h1,
            7e11,
            "CNY",
            "eq",
            9.1,
            "yoy",
        ),
        (
            "4.4%",
            "Guangdong Province",
            "export_value",
            None,
            date(2025, 6, 1),
            date(2025, 6, 30),
            None,
            None,
            "eq",
            4.4,
            "mom",
        ),
    ]


def test_statements_group_conversions_and_lists(release: pl.DataFrame) -> None:
    ids = release["statement_id"].to_list()
    facts = release["fact_id"].to_list()
    assert ids[1] == ids[0] == facts[0]
    assert ids[3] == ids[2] == facts[2]
    assert ids[4:] == facts[4:]


def test_fact_ids_are_stable_and_unique(release: pl.DataFrame) -> None:
    again = extract_document(
        RELEASE, doc_id="rel", source="corpus/rel.txt", published=date(2025, 7, 18)
    )
    assert again["fact_id"].to_list() == release["fact_id"].to_list()
    assert release["fact_id"].n_unique() == release.height
    assert set(release["fact_id"].str.len_chars()) == {16}
    assert set(release["extractor_version"]) == {EXTRACTOR_VERSION}


def test_many_documents_make_one_frame() -> None:
    frame = extract_documents(
        [
            (RELEASE, "a", "a.txt", date(2025, 7, 18)),
            ("No figures here.", "b", "b.txt", None),
            (RELEASE, "c", "c.txt", None),
        ]
    )
    assert frame.group_by("doc_id").len().sort("doc_id").rows() == [("a", 8), ("c", 8)]
    # without a publication date "the first half of the year" and "In June" cannot be dated
    assert frame.filter(pl.col("doc_id") == "c")["period_start"].null_count() == 8


def test_empty_input_gives_an_empty_frame_of_the_contract() -> None:
    frame = extract_documents([])
    assert (frame.height, frame.schema) == (0, polars_schema())


def test_the_article_gives_25_facts_and_none_from_negatives() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    facts = extract_document(text, doc_id="gz", source=ARTICLE.name, published=date(2026, 1, 15))
    assert facts.height == 25
    for phrase in (
        "14th Five Year Plan",
        "One Port Pass",
        "fifth batch",
        "Fourth Plenary",
        "thousand mile",
    ):
        start = text.index(phrase)
        assert (
            facts.filter(
                (pl.col("span_start") < start + len(phrase)) & (pl.col("span_end") > start)
            ).height
            == 0
        )


def test_products_and_shares() -> None:
    text = (
        "Exports of mechanical and electrical products grew by 8.7%, accounting for 60.1% of "
        "total exports. Exports of Guangzhou reached 5 billion yuan, with foreign trade "
        "containers accounting for over 50%."
    )
    facts = extract_document(text, doc_id="p", source="p.txt", published=None)
    assert facts.select("text", "metric", "product", "share_of").rows() == [
        ("8.7%", "export_value", "mechanical and electrical products", None),
        ("60.1%", "export_value", "mechanical and electrical products", "export_value"),
        ("5 billion yuan", "export_value", None, None),
        ("over 50%", "container_throughput", "foreign trade", "container_throughput"),
    ]


def test_a_change_base_does_not_date_the_next_figure() -> None:
    text = (
        "Guangdong's trade in the first half\n\n"
        "In the first half of 2023, exports of Guangdong Province were 3.77 trillion yuan, an "
        "increase of 14.1% over the same period last year, and imports were 1.93 trillion yuan, "
        "a decrease of 2.3%. The decline was narrower than in the first five months."
    )
    facts = extract_document(text, doc_id="d", source="d.txt", published=date(2023, 7, 20))
    assert facts.select("text", "period_start", "period_end").rows() == [
        ("3.77 trillion yuan", date(2023, 1, 1), date(2023, 6, 30)),
        ("1.93 trillion yuan", date(2023, 1, 1), date(2023, 6, 30)),
    ]


def test_a_basis_stated_after_the_period_of_a_month() -> None:
    # a month has no default basis: "from a year earlier" further on in the clause states it
    text = (
        "Shenzhen's exports slid 4 percent in November from a year earlier. "
        "Imports rose 3 percent in November."
    )
    facts = extract_document(text, doc_id="w", source="w.txt", published=date(2025, 12, 9))
    assert facts.select("text", "subject", "metric", "change_pct", "change_basis").rows() == [
        ("4 percent", "Shenzhen City", "export_value", -4.0, "yoy"),
        ("3 percent", "Shenzhen City", "import_value", 3.0, None),
    ]


def test_released_within_is_clearance_time() -> None:
    text = "In 2025, containers arriving at Foshan City were released within 30 minutes."
    facts = extract_document(text, doc_id="r", source="r.txt", published=date(2026, 1, 5))
    assert facts.select("text", "metric", "value", "unit", "bound").rows() == [
        ("within 30 minutes", "clearance_time", 0.5, "h", "le"),
    ]


def test_in_the_month_is_the_latest_month_opening_a_sentence() -> None:
    text = (
        "China's exports rose 5.4 percent to 24.46 trillion yuan in the first 11 months. "
        "In November alone, exports slid 2.1 percent, after a strong gain in October. "
        "The trade surplus narrowed to 712.4 billion yuan in the month."
    )
    facts = extract_document(text, doc_id="m", source="m.txt", published=date(2025, 12, 8))
    assert facts.select("text", "period_start", "period_end").rows() == [
        ("24.46 trillion yuan", date(2025, 1, 1), date(2025, 11, 30)),
        ("2.1 percent", date(2025, 11, 1), date(2025, 11, 30)),
        ("712.4 billion yuan", date(2025, 11, 1), date(2025, 11, 30)),
    ]


def test_a_share_keeps_the_metric_of_a_count_level() -> None:
    text = (
        "In 2025, Nansha Port's exports of new energy vehicles jumped 72.1 percent to 118,000 "
        "units, accounting for 48.6 percent of the total."
    )
    facts = extract_document(text, doc_id="s", source="s.txt", published=date(2026, 1, 5))
    assert facts.select("text", "metric", "unit", "change_pct").rows() == [
        ("118,000 units", "vehicles", "vehicle", 72.1),
        ("48.6 percent", "vehicles", "percent", None),
    ]


def test_a_paragraph_with_no_period_inherits_the_last_dated_figure() -> None:
    # the running period is that of the last dated figure before the paragraph, not the
    # document's first period; a period named in passing ("eased in the second quarter")
    # dates no figure and is not inherited
    text = (
        "Guangzhou's foreign trade rose 5.8 percent to 286.4 billion yuan in the third quarter "
        "of 2025, as demand eased in the second quarter.\n\n"
        "Baiyun International Airport handled 647,000 tonnes of cargo in the first nine "
        "months.\n\n"
        "The number of the city's foreign trade enterprises topped 21,000."
    )
    facts = extract_document(text, doc_id="p", source="p.txt", published=date(2025, 10, 24))
    assert facts.select("text", "period_start", "period_end").rows() == [
        ("286.4 billion yuan", date(2025, 7, 1), date(2025, 9, 30)),
        ("647,000 tonnes", date(2025, 1, 1), date(2025, 9, 30)),
        ("topped 21,000", date(2025, 1, 1), date(2025, 9, 30)),
    ]


def test_shipments_to_a_partner_are_exports() -> None:
    text = (
        "In November, China's exports to the U.S. fell 28.6 percent year-on-year, while "
        "shipments to the European Union grew 14.8 percent from a year earlier."
    )
    facts = extract_document(text, doc_id="x", source="x.txt", published=date(2025, 12, 8))
    assert facts.select("text", "metric", "change_pct", "change_basis").rows() == [
        ("28.6 percent", "export_value", -28.6, "yoy"),
        ("14.8 percent", "export_value", 14.8, "yoy"),
    ]


def test_the_worlds_second_largest_economy_is_china() -> None:
    text = (
        "The world's second-largest economy saw its imports fall 2 percent to 2 trillion yuan "
        "in 2024, and its trade with Russia fell 7 percent to 6 billion yuan."
    )
    facts = extract_document(text, doc_id="c", source="c.txt", published=date(2025, 1, 8))
    assert facts.select("text", "subject", "partner", "metric", "change_pct").rows() == [
        ("2 trillion yuan", "China", None, "import_value", -2.0),
        ("6 billion yuan", "China", "Russia", "import_export_value", -7.0),
    ]


def test_a_level_after_to_takes_the_metric_before_its_verb() -> None:
    text = (
        "For the whole of 2025, exports grew 5.5% in dollar terms to $3.77 trillion and "
        "imports edged down 0.3% to $2.58 trillion."
    )
    facts = extract_document(text, doc_id="t", source="t.txt", published=date(2026, 1, 14))
    assert facts.select("text", "metric", "change_pct").rows() == [
        ("$3.77 trillion", "export_value", 5.5),
        ("$2.58 trillion", "import_value", -0.3),
    ]


def test_a_level_to_from_an_earlier_amount_is_one_fact_dated_by_its_sentence() -> None:
    text = (
        "Port results\n\n"
        "In 2025, the port handled 33.4 million TEUs. Sea-rail volumes rose to 280,000 TEUs "
        "from 226,000 TEUs in 2024, and the surplus narrowed to $90.07 billion from $90.45 "
        "billion in September. Ship waiting time was cut to 22.5 hours, from 24 hours a year "
        "earlier."
    )
    facts = extract_document(text, doc_id="p", source="p.txt", published=date(2026, 3, 20))
    assert facts.select("text", "value", "period_start").rows() == [
        ("33.4 million TEUs", 33.4e6, date(2025, 1, 1)),
        ("280,000 TEUs", 280000.0, date(2025, 1, 1)),
        ("$90.07 billion", 90.07e9, date(2025, 1, 1)),
        ("22.5 hours", 22.5, date(2025, 1, 1)),
    ]


def test_a_restatement_in_another_unit_is_a_conversion() -> None:
    text = (
        "China imported 416 million tonnes of crude oil in the first nine months, or about "
        "11.1 million barrels per day, down 1.2 percent."
    )
    facts = extract_document(text, doc_id="o", source="o.txt", published=date(2026, 10, 14))
    rows = facts.select("text", "unit", "metric", "change_pct", "statement_id").rows()
    assert [row[:4] for row in rows] == [
        ("416 million tonnes", "t", None, -1.2),
        ("about 11.1 million barrels per day", "bbl/d", "commodity_quantity", None),
    ]
    assert rows[0][4] == rows[1][4]


def test_the_number_of_names_the_counted_noun() -> None:
    text = (
        "In the first half of 2026, the number of inbound and outbound crossings at the "
        "city's land ports was 121 million, up 12.8%."
    )
    facts = extract_document(text, doc_id="n", source="n.txt", published=date(2026, 7, 24))
    assert facts.select("text", "unit", "metric").rows() == [
        ("121 million", "person", "inbound_outbound_persons")
    ]


def test_a_period_marked_alone_is_not_the_running_period() -> None:
    text = (
        "Trade report\n\n"
        "In the first 10 months of 2026, Guangdong's trade totaled 7.56 trillion yuan, up 4.8%. "
        "In October alone, the province's trade reached 801.2 billion yuan, up 9.6%.\n\n"
        "Trade with ASEAN was 1.21 trillion yuan, up 10.4%."
    )
    facts = extract_document(text, doc_id="a", source="a.txt", published=date(2026, 11, 18))
    assert facts.select("text", "period_start", "period_end", "change_basis").rows() == [
        ("7.56 trillion yuan", date(2026, 1, 1), date(2026, 10, 31), "yoy"),
        ("801.2 billion yuan", date(2026, 10, 1), date(2026, 10, 31), None),
        ("1.21 trillion yuan", date(2026, 1, 1), date(2026, 10, 31), "yoy"),
    ]


def test_a_sentence_after_in_the_quarter_inherits_that_quarter() -> None:
    text = (
        "Port data\n\n"
        "In the first three quarters of 2026, the Port of Guangzhou handled 472.8 million tonnes "
        "of cargo. In the third quarter alone, container throughput was 6.91 million TEUs.\n\n"
        "The group opened 9 new container routes in the quarter, bringing the total to 187. It "
        "moved 1.12 million commercial vehicles."
    )
    facts = extract_document(text, doc_id="q", source="q.txt", published=date(2026, 10, 20))
    assert facts.select("text", "unit", "metric", "period_start").rows() == [
        ("472.8 million tonnes", "t", "cargo_throughput", date(2026, 1, 1)),
        ("6.91 million TEUs", "TEU", "container_throughput", date(2026, 7, 1)),
        ("9 new container routes", "route", "routes", date(2026, 7, 1)),
        ("187", "route", "routes", date(2026, 7, 1)),
        ("1.12 million commercial vehicles", "vehicle", "vehicles", date(2026, 7, 1)),
    ]


def test_airport_traffic_words() -> None:
    text = (
        "In July 2026, passenger throughput for the month was 6.08 million, and the airport "
        "recorded 36,900 takeoffs and landings. Clearance time averaged 1.5 hours, compared "
        "with 2 hours a year earlier. Crude imports rose 8.7% in July from a year earlier to "
        "53.4 million tonnes."
    )
    facts = extract_document(text, doc_id="t", source="t.txt", published=date(2026, 8, 12))
    assert facts.select("text", "unit", "change_pct", "change_basis").rows() == [
        ("6.08 million", "person", None, None),
        ("36,900 takeoffs and landings", "flight", None, None),
        ("1.5 hours", "h", None, None),
        ("53.4 million tonnes", "t", 8.7, "yoy"),
    ]


def test_a_quarter_inside_the_release_period_is_not_the_running_period() -> None:
    text = (
        "Half-year trade\n\n"
        "China's goods trade in the first half of 2026 was 21.86 trillion yuan, up 3.1%.\n\n"
        "In the second quarter, trade came to 11.26 trillion yuan, up 4.2%.\n\n"
        "Private enterprises traded 12.64 trillion yuan, up 7.3%."
    )
    facts = extract_document(text, doc_id="h", source="h.txt", published=date(2026, 7, 14))
    assert facts.select("text", "period_start", "period_end").rows() == [
        ("21.86 trillion yuan", date(2026, 1, 1), date(2026, 6, 30)),
        ("11.26 trillion yuan", date(2026, 4, 1), date(2026, 6, 30)),
        ("12.64 trillion yuan", date(2026, 1, 1), date(2026, 6, 30)),
    ]


def test_shipments_of_goods_are_exports() -> None:
    text = "Shipments of electronic components surged 28% in April."
    facts = extract_document(text, doc_id="s", source="s.txt", published=date(2026, 5, 20))
    assert facts.select("text", "metric", "change_pct").rows() == [("28%", "export_value", 28.0)]


PLACES = [
    (
        "Zhejiang's exports rose 6.1% to 3.12 trillion yuan in 2025, while Ningbo-Zhoushan "
        "Port handled 39.3 million TEUs.",
        [
            ("3.12 trillion yuan", "Zhejiang Province", None),
            ("39.3 million TEUs", "Ningbo-Zhoushan Port", None),
        ],
    ),
    (
        "In 2025, Jiangmen's trade with Vietnam reached 21.6 billion yuan.",
        [("21.6 billion yuan", "Jiangmen City", "Vietnam")],
    ),
    (  # bare "Beijing" in a wire is the government, not the city
        "Beijing pledged to widen market access. Beijing Municipality's imports rose 2% to "
        "2.9 trillion yuan in 2025, and its exports to Germany were $12 billion.",
        [("2.9 trillion yuan", "Beijing City", None), ("$12 billion", "Beijing City", "Germany")],
    ),
    (
        "2025年，宁波舟山港完成集装箱吞吐量3930万标箱；上海海关监管进出口货值超过10万亿元。",
        [("3930万标箱", "Ningbo-Zhoushan Port", None), ("超过10万亿元", "Shanghai Customs", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=[t[:25] for t, _ in PLACES])
def test_places_and_partners_beyond_the_pearl_river_delta(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    facts = extract_document(text, doc_id="p", source="p.txt", published=date(2026, 1, 20))
    assert facts.select("text", "subject", "partner").rows() == expected


def test_import_and_export_names_the_total_and_sailings_are_trips() -> None:
    text = (
        "In 2025, the customs district's general trade import and export reached 845.3 billion "
        "yuan. A typhoon delayed about 40 sailings."
    )
    facts = extract_document(text, doc_id="t", source="t.txt", published=date(2026, 1, 20))
    assert facts.select("text", "metric", "unit").rows() == [
        ("845.3 billion yuan", "import_export_value", "CNY"),
        ("about 40 sailings", "trips", "trip"),
    ]
