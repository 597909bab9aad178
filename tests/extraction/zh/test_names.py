"""Tests of gzetl.extraction.zh.names: subjects, anaphora, partners and metrics in Chinese."""

from __future__ import annotations

import pytest

from gzetl.extraction.zh.names import find_names


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("广州市进出口", [("Guangzhou City", False)]),
        ("据广州海关统计，广州市", [("Guangzhou Customs", True), ("Guangzhou City", False)]),
        ("广州海关发布数据", [("Guangzhou Customs", True)]),
        ("广州海关监管", [("Guangzhou Customs", False)]),
        ("广州关区", [("Guangzhou Customs District", False)]),
        ("黄埔海关", [("Huangpu Customs", False)]),
        ("南沙港区", [("Nansha Port", False)]),
        ("白云机场口岸", [("Guangzhou Baiyun Airport port", False)]),
        ("全国", [("China", False)]),
        ("广东省，全省", [("Guangdong Province", False), ("Guangdong Province", False)]),
        ("东莞市，该市", [("Dongguan City", False), ("Dongguan City", False)]),
        ("广州关区，本关区", [("Guangzhou Customs District", False)] * 2),
        ("民营企业", [("private enterprises", False)]),
        ("从深圳", [("Shenzhen City", True)]),
        ("在白云机场口岸", [("Guangzhou Baiyun Airport port", False)]),
        ("据广州边检站统计", [("Guangzhou City", True)]),
        ("占全市", []),  # an anaphor with nothing to refer to is dropped
        ("广州港集团表示", [("Guangzhou Port", True)]),
        (
            "黄埔关区，拉动关区外贸",
            [("Huangpu Customs District", False), ("Huangpu Customs District", True)],
        ),
    ],
)
def test_subjects(text: str, subjects: list[tuple[str, bool]]) -> None:
    assert [(n.name, n.weak) for n in find_names(text).subjects] == subjects


def test_partners() -> None:
    names = find_names("对东盟、欧盟、美国和共建“一带一路”国家")
    assert [p.name for p in names.partners] == [
        "ASEAN",
        "European Union",
        "United States",
        "Belt and Road countries",
    ]


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        ("进出口总值", ["import_export_value"]),
        ("出口和进口", ["export_value", "import_value"]),
        ("跨境电商出口", ["cbec_export_value"]),
        ("集装箱吞吐量和货物吞吐量", ["container_throughput", "cargo_throughput"]),
        ("出入境人员", ["inbound_outbound_persons"]),
        ("进出境航班", ["flights"]),
        ("整体通关时间", ["clearance_time"]),
        ("措施", ["measures"]),
        ("进出口差额", ["trade_surplus"]),
    ],
)
def test_metric_aliases(text: str, metrics: list[str]) -> None:
    assert [a.metric for a in find_names(text).aliases] == metrics
