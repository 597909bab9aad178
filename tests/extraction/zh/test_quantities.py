"""Tests of gzetl.extraction.zh.quantities: Chinese number + scale + unit + qualifier -> Mention."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from gzetl.extraction.numbers import lowered
from gzetl.extraction.zh.quantities import lookahead, parse_zh_number, scan, zh_patterns

CORPUS = Path(__file__).parents[2] / "corpus"

# (id, text, [(span text, value in canonical unit, value_high, unit, bound, baseline)])
LEVELS = [
    ("wan-yi-yuan", "进出口总值1.2万亿元", [("1.2万亿元", 1.2e12, None, "CNY", "eq", None)]),
    ("thousands-separator", "出口2,860亿元", [("2,860亿元", 2.86e11, None, "CNY", "eq", None)]),
    ("wan-teu", "集装箱吞吐量2800万标箱", [("2800万标箱", 2.8e7, None, "TEU", "eq", None)]),
    ("duo-wan", "集装箱吞吐量2800多万标箱", [("2800多万标箱", 2.8e7, None, "TEU", "gt", None)]),
    ("wan-ton", "货物吞吐量3.5万吨", [("3.5万吨", 35000, None, "t", "eq", None)]),
    ("kilogram", "冰鲜水产850千克", [("850千克", 0.85, None, "t", "eq", None)]),
    ("usd", "进出口5.8万亿美元", [("5.8万亿美元", 5.8e12, None, "USD", "eq", None)]),
    ("hkd", "金额300亿港元", [("300亿港元", 3e10, None, "HKD", "eq", None)]),
    ("eur", "金额12亿欧元", [("12亿欧元", 1.2e9, None, "EUR", "eq", None)]),
    ("rmb-before", "人民币1.2万亿元", [("人民币1.2万亿元", 1.2e12, None, "CNY", "eq", None)]),
    ("yuan-rmb", "1.2万亿元人民币", [("1.2万亿元人民币", 1.2e12, None, "CNY", "eq", None)]),
    ("person-times", "出入境人员2030万人次", [("2030万人次", 2.03e7, None, "person", "eq", None)]),
    ("flights", "航班13.2万架次", [("13.2万架次", 132000, None, "flight", "eq", None)]),
    ("vehicles", "汽车出口近600万辆", [("近600万辆", 6e6, None, "vehicle", "approx", None)]),
    ("trains", "开行班列1200列", [("1200列", 1200, None, "train", "eq", None)]),
    ("trips", "开行中欧班列300趟", [("300趟", 300, None, "trip", "eq", None)]),
    ("enterprises", "外贸企业50余家", [("50余家", 50, None, "enterprise", "gt", None)]),
    ("batches", "进口水果8600批", [("8600批", 8600, None, "batch", "eq", None)]),
    ("measures", "推出15项措施", [("15项", 15, None, "measure", "eq", None)]),
    ("measures-tiao", "推出12条措施", [("12条措施", 12, None, "measure", "eq", None)]),
    ("minutes", "缩短至8分钟", [("8分钟", 8 / 60, None, "h", "eq", None)]),
    ("hours", "压缩至30小时以内", [("30小时以内", 30, None, "h", "le", None)]),
    ("days-range", "办理时间3至5天", [("3至5天", 72, 120, "h", "range", None)]),
    ("days-dash", "办理时间3-5天", [("3-5天", 72, 120, "h", "range", None)]),
    ("weeks", "缩短约2周", [("约2周", 336, None, "h", "approx", None)]),
    ("months", "超过3个月", [("超过3个月", 2190, None, "h", "gt", None)]),
    ("chinese-numerals", "两万吨", [("两万吨", 20000, None, "t", "eq", None)]),
    (
        "chinese-numerals-hundreds",
        "一百多家企业",
        [("一百多家", 100, None, "enterprise", "gt", None)],
    ),
    ("over", "超过8000亿元", [("超过8000亿元", 8e11, None, "CNY", "gt", None)]),
    ("yu", "逾8000亿元", [("逾8000亿元", 8e11, None, "CNY", "gt", None)]),
    ("breaks", "突破1万亿元", [("突破1万亿元", 1e12, None, "CNY", "gt", None)]),
    ("above", "1万亿元以上", [("1万亿元以上", 1e12, None, "CNY", "gt", None)]),
    ("at-least", "至少500家", [("至少500家", 500, None, "enterprise", "ge", None)]),
    ("close-to", "接近1万亿元", [("接近1万亿元", 1e12, None, "CNY", "approx", None)]),
    ("nearly", "将近1万亿元", [("将近1万亿元", 1e12, None, "CNY", "approx", None)]),
    ("about", "约1万亿元", [("约1万亿元", 1e12, None, "CNY", "approx", None)]),
    ("around", "1万亿元左右", [("1万亿元左右", 1e12, None, "CNY", "approx", None)]),
    ("under", "不到50万人次", [("不到50万人次", 5e5, None, "person", "lt", None)]),
    ("at-most", "最多3天", [("最多3天", 72, None, "h", "le", None)]),
    ("below", "2小时以下", [("2小时以下", 2, None, "h", "lt", None)]),
    (
        "before-after",
        "整体通关时间从72小时压缩至6小时以内",
        [("6小时以内", 6, None, "h", "le", 72)],
    ),
    (
        "conversion",
        "1.2万亿元（约合1700亿美元）",
        [
            ("1.2万亿元", 1.2e12, None, "CNY", "eq", None),
            ("约合1700亿美元", 1.7e11, None, "USD", "approx", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LEVELS], ids=[c[0] for c in LEVELS])
def test_levels(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [
        (
            m.text,
            float(m.value) if m.value is not None else None,
            float(m.value_high) if m.value_high is not None else None,
            m.unit,
            m.bound,
            float(m.baseline) if m.baseline is not None else None,
        )
        for m in scan(text)
    ]
    assert got == [tuple(e) for e in expected]


# (id, text, [(span text, kind, number, direction, basis, base_year, ratio, head)])
RATES = [
    ("yoy", "同比增长5.2%", [("5.2%", "percent", 5.2, 1, "yoy", None, False, "direction")]),
    ("down", "下降3.1%", [("3.1%", "percent", 3.1, -1, None, None, False, "direction")]),
    ("decrease", "减少了3.1%", [("3.1%", "percent", 3.1, -1, None, None, False, "direction")]),
    ("rate-noun", "增幅达8.7%", [("8.7%", "percent", 8.7, 1, None, None, False, "direction")]),
    ("mom", "环比下降2.1%", [("2.1%", "percent", 2.1, -1, "prev", None, False, "direction")]),
    ("last-year", "比上年增长5%", [("5%", "percent", 5.0, 1, "yoy", None, False, "direction")]),
    (
        "base-year",
        "较2020年增长12%",
        [("12%", "percent", 12.0, 1, None, "2020", False, "direction")],
    ),
    (
        "base-year-clause",
        "与2020年相比，增长了1.7倍",
        [("1.7倍", "times", 1.7, 1, None, "2020", False, "direction")],
    ),
    (
        "adverb",
        "环比大幅增长48.7%",
        [("48.7%", "percent", 48.7, 1, "prev", None, False, "direction")],
    ),
    (
        "base-year-sentence",
        "与2019年相比，进出口、出口分别增长23.9%",
        [("23.9%", "percent", 23.9, 1, None, "2019", False, "direction")],
    ),
    ("risen-to", "占比提升至60%", [("60%", "percent", 60.0, 0, None, None, False, "share")]),
    ("narrowed", "收窄6%", [("6%", "percent", 6.0, -1, None, None, False, "direction")]),
    ("times", "增长1.7倍", [("1.7倍", "times", 1.7, 1, None, None, False, "direction")]),
    ("ratio", "是2020年的3倍", [("3倍", "times", 3.0, 0, None, "2020", True, "")]),
    ("pp", "提高1.7个百分点", [("1.7个百分点", "pp", 1.7, 1, None, None, False, "direction")]),
    (
        "share",
        "占全市进出口总值的59.4%",
        [("59.4%", "percent", 59.4, 0, None, None, False, "share")],
    ),
    ("share-noun", "占比达59.4%", [("59.4%", "percent", 59.4, 0, None, None, False, "share")]),
    ("tenths", "占七成以上", [("七成以上", "percent", 70.0, 0, None, None, False, "share")]),
    ("about-a-third", "约占总值的三成", [("三成", "percent", 30.0, 0, None, None, False, "share")]),
    ("third", "占三分之一", [("三分之一", "percent", 33.33, 0, None, None, False, "share")]),
    (
        "slash-fraction",
        "占全国的1/5左右",
        [("1/5左右", "percent", 20.0, 0, None, None, False, "share")],
    ),
    ("over-half", "过半", [("过半", "percent", 50.0, 0, None, None, False, "")]),
    ("halved", "减少一半", [("一半", "percent", 50.0, -1, None, None, False, "direction")]),
    (
        "doubled",
        "比2020年翻了一番",
        [("翻了一番", "multiple", None, 1, None, "2020", False, "direction")],
    ),
    (
        "respectively",
        "分别增长5.6%、8.6%和38.8%",
        [
            ("5.6%", "percent", 5.6, 1, None, None, False, "direction"),
            ("8.6%", "percent", 8.6, 0, None, None, False, ""),
            ("38.8%", "percent", 38.8, 0, None, None, False, ""),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in RATES], ids=[c[0] for c in RATES])
def test_rates(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [
        (
            m.text,
            m.kind,
            float(m.value) if m.value is not None else None,
            m.direction,
            m.basis,
            m.base_year,
            m.ratio,
            m.head,
        )
        for m in scan(text)
    ]
    assert got == [tuple(e) for e in expected]


NOT_QUANTITIES = [
    ("ordinal", "第五批改革措施"),
    ("rank", "排名第一"),
    ("streak", "连续6个月保持增长"),
    ("top-n", "位列全国前10名"),
    ("anniversary", "开通一周年"),
    ("terminal", "2号航站楼"),
    ("date", "12月31日"),
    ("year", "2025年"),
    ("single-window", "“单一窗口”"),
    ("belt-and-road", "“一带一路”"),
    ("rcep", "RCEP生效"),
    ("one-batch", "推出一批便利措施"),
    ("general-trade", "一般贸易"),
    ("half-alone", "一半"),
    ("visa-free", "144小时过境免签"),
    ("no-unit", "航线155条"),
    ("ship-class", "20万吨级以上大型船舶"),
    ("berth-class", "2万标箱级集装箱船"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_QUANTITIES], ids=[c[0] for c in NOT_QUANTITIES])
def test_not_quantities(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(
    ("written", "value"),
    [("2,800", "2800"), ("1.2", "1.2"), ("十", "10"), ("十五", "15"), ("二十五", "25"),
     ("两千", "2000"), ("三百零五", "305"), ("一千二百", "1200"), ("二〇二五", "2025")],
)  # fmt: skip
def test_parse_zh_number(written: str, value: str) -> None:
    assert parse_zh_number(written) == Decimal(value)


def test_parse_zh_number_rejects_other_text() -> None:
    assert parse_zh_number("广州") is None


def test_a_threshold_passed_is_marked() -> None:
    (m,) = scan("首次突破6万亿美元关口")
    assert (m.text, float(m.value or 0), m.unit, m.bound, m.head) == (
        "突破6万亿美元",
        6e12,
        "USD",
        "gt",
        "threshold",
    )


def test_lookahead_names_the_digits_and_every_first_character() -> None:
    assert lookahead("一二", ["超过", "近", "近一半"], ["翻一番"]) == r"(?=[\d一二翻超近])"


def test_candidate_leaves_unmatched_optional_groups_unset() -> None:
    """The optional parts are written (?:X|), not (?:X)? (no REPEAT): an absent one is None,
    as before, and the groups stand in the order _Groups reads them."""
    m = zh_patterns().candidate.match("3至5多万吨以上，")
    assert m is not None
    assert {k: v for k, v in m.groupdict().items() if v is not None} == {
        "n1": "3", "sep": "至", "n2": "5", "more1": "多", "scale": "万", "unit": "吨",
        "after": "以上",
    }  # fmt: skip
    m = zh_patterns().candidate.match("1.2%")
    assert m is not None
    assert (m.group(), m["scale"], m["more2"], m["after"], m["unit"]) == (
        "1.2%",
        None,
        None,
        None,
        "%",
    )
    assert list(zh_patterns().candidate.groupindex) == [
        "frac", "den", "nom", "slash", "snom", "sden", "half", "mult", "n1", "sep", "n2",
        "more1", "scale", "more2", "pp", "times", "cur", "unit", "after",
    ]  # fmt: skip


def _windows() -> list[str]:
    """The 40 characters before every number of the Chinese dev articles, and every tail
    of each: the words the suffix patterns read (11,000-odd strings)."""
    windows = set()
    for path in sorted(CORPUS.glob("zh-*.txt")):
        low = lowered(path.read_text(encoding="utf-8"))
        for m in zh_patterns().candidate.finditer(low):
            window = low[max(0, m.start() - 40) : m.start()]
            windows.update(window[i:] for i in range(len(window)))
    return sorted(windows)


def _span(m: re.Match[str] | None, filtered: bool) -> tuple[int, int] | None:
    """The span of a match; None for no match, and for an empty one of a filtered pattern
    (``Suffix.search`` may answer None for those)."""
    if m is None or (filtered and not m.group()):
        return None
    return m.span()


def test_suffix_patterns_find_what_a_full_search_finds() -> None:
    p = zh_patterns()
    windows = _windows()
    found = []
    for suffix in (p.qual, p.connective, p.direction, p.ratio, p.share, p.basis):
        matched = 0
        for window in windows:
            full = _span(suffix.pattern.search(window), suffix.filtered)
            assert _span(suffix.search(window, 0, len(window)), suffix.filtered) == full, window
            matched += full is not None and full[0] < full[1]
        found.append(matched)
    assert all(found), found  # every pattern met words it reads
