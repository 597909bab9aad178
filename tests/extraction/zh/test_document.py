"""A Chinese release through the public API (gzetl.extraction -> assemble -> zh): the same
facts, by the same conventions, as its English translation would give."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from gzetl.extraction import extract_document
from gzetl.schemas.facts import Facts, polars_schema

RELEASE = """前11个月广州市外贸稳中有进

据广州海关统计，今年前11个月，广州市进出口总值1.2万亿元（约合1700亿美元），同比增长5.2%。其中，出口7600亿元，增长8.7%；进口4400亿元，下降1.3%。
民营企业进出口6500亿元，增长12.1%，占全市进出口总值的54.2%，比重提高3.1个百分点。
同期，该市对东盟、欧盟和美国分别进出口1800亿元、1500亿元和1200亿元，分别增长5.6%、8.6%和38.8%。
11月份，广州市进出口1150亿元，环比增长3.2%。预计全年进出口将突破1.3万亿元。
"""

COLUMNS = [
    "text",
    "value",
    "unit",
    "bound",
    "period_label",
    "subject",
    "metric",
    "partner",
    "share_of",
    "change_pct",
    "change_basis",
]


@pytest.fixture(scope="module")
def facts() -> pl.DataFrame:
    return extract_document(RELEASE, doc_id="zh", source="zh.txt", published=date(2025, 12, 18))


def test_columns_and_dtypes_are_the_facts_contract(facts: pl.DataFrame) -> None:
    assert facts.schema == polars_schema()
    Facts.validate(facts)


def test_every_fact_of_the_release(facts: pl.DataFrame) -> None:
    ytd = "今年前11个月"
    gz = "Guangzhou City"
    ie = "import_export_value"
    assert facts.select(COLUMNS).rows() == [
        ("1.2万亿元", 1.2e12, "CNY", "eq", ytd, gz, ie, None, None, 5.2, "yoy"),
        ("约合1700亿美元", 1.7e11, "USD", "approx", ytd, gz, ie, None, None, None, None),
        ("7600亿元", 7.6e11, "CNY", "eq", ytd, gz, "export_value", None, None, 8.7, "yoy"),
        ("4400亿元", 4.4e11, "CNY", "eq", ytd, gz, "import_value", None, None, -1.3, "yoy"),
        ("6500亿元", 6.5e11, "CNY", "eq", ytd, "private enterprises", ie, None, None, 12.1, "yoy"),
        ("54.2%", 54.2, "percent", "eq", ytd, "private enterprises", ie, None, ie, 3.1, "pp"),
        ("1800亿元", 1.8e11, "CNY", "eq", ytd, gz, ie, "ASEAN", None, 5.6, "yoy"),
        ("1500亿元", 1.5e11, "CNY", "eq", ytd, gz, ie, "European Union", None, 8.6, "yoy"),
        ("1200亿元", 1.2e11, "CNY", "eq", ytd, gz, ie, "United States", None, 38.8, "yoy"),
        ("1150亿元", 1.15e11, "CNY", "eq", "11月份", gz, ie, None, None, 3.2, "mom"),
    ]


def test_a_conversion_and_a_respectively_list_are_one_statement_each(facts: pl.DataFrame) -> None:
    statements = facts.group_by("statement_id", maintain_order=True).agg(pl.col("text"))
    assert [t for t in statements["text"].to_list() if len(t) > 1] == [
        ["1.2万亿元", "约合1700亿美元"],
        ["1800亿元", "1500亿元", "1200亿元"],
    ]


def test_spans_are_character_offsets_of_the_text(facts: pl.DataFrame) -> None:
    for start, end, text in facts.select("span_start", "span_end", "text").rows():
        assert RELEASE[start:end] == text


def test_a_quarterly_release_reads_qoq_for_the_previous_period() -> None:
    facts = extract_document(
        "2025年三季度，南沙港区集装箱吞吐量510万标箱，环比增长4.3%。",
        doc_id="q",
        source="q",
        published=None,
    )
    assert facts.select(
        "value", "period_label", "subject", "change_pct", "change_basis"
    ).rows() == [(5.1e6, "2025年三季度", "Nansha Port", 4.3, "qoq")]


def test_periods_of_a_respectively_list() -> None:
    facts = extract_document(
        "2025年一季度、二季度，广州市分别进出口2800亿元和3100亿元。",
        doc_id="p",
        source="p",
        published=None,
    )
    assert facts["period_label"].to_list() == ["2025年一季度", "二季度"]


def test_a_rate_noun_after_the_rate() -> None:
    facts = extract_document(
        "2025年，广州市进出口实现5.2%的增长。", doc_id="g", source="g", published=None
    )
    assert facts.select("value", "change_pct").rows() == [(None, 5.2)]


def test_the_rate_after_a_threshold_belongs_to_the_amount_before_it() -> None:
    text = "2021年，我国进出口总值6.05万亿美元，首次突破6万亿美元关口，增长30%。"
    facts = extract_document(text, doc_id="t", source="t", published=None)
    assert facts.select("text", "bound", "change_pct").rows() == [
        ("6.05万亿美元", "eq", 30.0),
        ("突破6万亿美元", "gt", None),
    ]


def test_an_average_rate_joins_no_level() -> None:
    text = "“十四五”时期，全市累计进出口4.2万亿元，年均增长5.7%；2025年进出口9000亿元，增长3.1%。"
    facts = extract_document(text, doc_id="a", source="a", published=date(2026, 1, 20))
    assert facts.select("text", "value", "change_pct").rows() == [
        ("4.2万亿元", 4.2e12, None),
        ("5.7%", None, 5.7),
        ("9000亿元", 9e11, 3.1),
    ]


def test_the_indicators_of_a_statistics_communique() -> None:
    text = (
        "2023年，全市实现地区生产总值3520.6亿元，同比增长5.1%。规模以上工业增加值1210.4亿元，"
        "增长6.3%。固定资产投资下降2.4%。社会消费品零售总额1450.2亿元，增长7.7%。"
        "实际使用外资12.5亿美元。居民消费价格同比上涨1.2%。"
    )
    facts = extract_document(text, doc_id="s", source="s", published=date(2024, 3, 20))
    assert facts.select("text", "metric").rows() == [
        ("3520.6亿元", "gdp"),
        ("1210.4亿元", "industrial_value_added"),
        ("2.4%", "fixed_asset_investment"),
        ("1450.2亿元", "retail_sales"),
        ("12.5亿美元", "foreign_investment"),
        ("1.2%", "consumer_prices"),
    ]


def test_a_change_then_the_level_it_reached() -> None:
    text = "一季度，深圳港集装箱吞吐量同比增长超一成，达到720万标箱。"
    facts = extract_document(text, doc_id="c", source="c", published=date(2025, 4, 20))
    assert facts.select("text", "value", "change_pct", "change_basis", "note").rows() == [
        ("720万标箱", 7.2e6, 10.0, "yoy", "change gt")
    ]


def test_a_conversion_after_a_comma() -> None:
    text = "1-2月，东莞市进出口1500亿元，折合210亿美元，同比下降了近两成。"
    facts = extract_document(text, doc_id="c", source="c", published=date(2025, 3, 20))
    assert facts.select("text", "unit", "period_label", "change_pct", "note").rows() == [
        ("1500亿元", "CNY", "1-2月", -20.0, "change approx"),
        ("210亿美元", "USD", "1-2月", None, None),
    ]
    assert facts["statement_id"].n_unique() == 1


def test_a_scale_word_alone_is_one_of_it() -> None:
    facts = extract_document(
        "2023年，我国出口“新三样”产品首次突破万亿元大关。", doc_id="s", source="s", published=None
    )
    assert facts.select("text", "value", "bound", "unit", "raw_value", "raw_unit").rows() == [
        ("突破万亿元", 1e12, "gt", "CNY", "万亿", "元")
    ]


def test_a_threshold_passed_with_no_number_leaves_the_rate_to_the_amount() -> None:
    text = "全年进出口突破万亿元大关，达到1.05万亿元，同比增长5%。"
    facts = extract_document(text, doc_id="s", source="s", published=None)
    assert facts.select("text", "value", "change_pct").rows() == [
        ("突破万亿元", 1e12, None),
        ("1.05万亿元", 1.05e12, 5.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "万亿元级产业集群加快成长。",  # no qualifier, no threshold mark
        "出口迈上万亿元台阶。",  # no qualifier: a step, not a bound
        "进出口突破万亿元规模。",  # no threshold mark
    ],
)
def test_a_scale_word_alone_elsewhere_is_no_fact(text: str) -> None:
    assert extract_document(text, doc_id="s", source="s", published=None).height == 0


@pytest.mark.parametrize(
    "text",
    [
        "一季度，黄埔海关为企业减让关税约3.8亿元。",
        "In the first quarter, Huangpu Customs helped enterprises enjoy tariff reductions of "
        "about 380 million yuan.",
    ],
)
def test_tariff_savings_are_their_own_metric(text: str) -> None:
    facts = extract_document(text, doc_id="t", source="t", published=None)
    assert facts.select("value", "metric").rows() == [(3.8e8, "tariff_savings")]


def test_a_month_alone_is_an_aside_later_paragraphs_do_not_inherit() -> None:
    text = "1—11月，全省进出口8.35万亿元。11月当月，进出口8158.2亿元。\n对香港出口1.25万亿元。"
    facts = extract_document(text, doc_id="a", source="a", published=date(2024, 12, 20))
    assert facts["period_label"].to_list() == ["1—11月", "11月当月", "1—11月"]
