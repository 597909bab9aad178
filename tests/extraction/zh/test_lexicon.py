"""Tests of gzetl.extraction.zh.lexicon and of the language decision of gzetl.extraction.zh."""

from __future__ import annotations

from gzetl.extraction.zh import forecast_starts, is_chinese
from gzetl.extraction.zh.lexicon import zh_words


def test_tables_are_loaded_and_checked() -> None:
    zw = zh_words()
    assert (zw.bound_before["逾"], zw.bound_after["多"], zw.bound_after["以内"]) == (
        "gt",
        "gt",
        "le",
    )
    assert (zw.direction["减少"], zw.basis["环比"], zw.multiple["翻两番"]) == (-1, "prev", 300)
    assert (zw.units["人次"].unit, str(zw.units["个月"].factor), zw.units["个月"].note) == (
        "person",
        "730",
        "months read as 730 h",
    )
    assert zw.plans == {
        "十一五": 2006,
        "十二五": 2011,
        "十三五": 2016,
        "十四五": 2021,
        "十五五": 2026,
    }


def test_language_is_decided_by_the_share_of_cjk_characters() -> None:
    assert is_chinese("2025年，广州市进出口总值1.2万亿元，同比增长5.2%。")
    assert not is_chinese("In 2025, Guangzhou's trade reached 1.2 trillion yuan (1.2万亿元).")
    assert not is_chinese("Exports rose 5% to 1.2 trillion yuan.")
    assert is_chinese("RCEP生效以来，广州海关为企业签发原产地证书1.2万份，货值300亿元。")


def test_forecast_words_are_found_where_they_stand_and_start_inside_no_other() -> None:
    assert forecast_starts("预计全年进出口将突破1.3万亿元，力争增长，目标是5%") == [0, 17, 22]
    words = zh_words().forecast
    assert not any(w[0] in other[1:] for w in words for other in words)
