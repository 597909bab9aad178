"""Tests of gzetl.extraction.metrics: aliases and the metric of a fact."""

from __future__ import annotations

import pytest

from gzetl.extraction.metrics import MetricIndex, find_aliases, fits, hints

CHOICES = [
    (
        "nearest-fitting",
        "The import and export freight volume exceeded 1.53 million tons.",
        "1.53",
        "t",
        "level",
        "freight_volume",
    ),
    (
        "alias-inside-span",
        "There were 122000 inbound and outbound flights.",
        "122000",
        "flight",
        "level",
        "flights",
    ),
    (
        "rate-level",
        "It reached a recognition rate of over 95%.",
        "95",
        "percent",
        "level",
        "recognition_rate",
    ),
    (
        "change-any-metric",
        "It improved logistics efficiency by about 50%.",
        "50",
        None,
        "change",
        "logistics_efficiency",
    ),
    (
        "hint-alias",
        "Private firms imported and exported 702.3 billion yuan.",
        "702.3",
        "CNY",
        "level",
        "import_export_value",
    ),
    (
        "industries-are-gdp",
        "The primary, secondary and tertiary industries grew by 3.1%, 0.9% and 2.8% respectively.",
        "3.1",
        "percent",
        "change",
        "gdp",
    ),
    (
        "industrial-enterprises",
        "The value added of industrial enterprises above designated size increased by 1.8%.",
        "1.8",
        "percent",
        "change",
        "industrial_value_added",
    ),
    (
        "trade-balance",
        "The trade balance was $99.2 billion.",
        "99.2",
        "USD",
        "level",
        "trade_surplus",
    ),
    (
        "overseas-sales",
        "Overseas sales rose 5% to $3.5 trillion.",
        "3.5",
        "USD",
        "level",
        "export_value",
    ),
    (
        "import-and-export",
        "The district's general trade import and export reached 845.3 billion yuan.",
        "845.3",
        "CNY",
        "level",
        "import_export_value",
    ),
]


@pytest.mark.parametrize(
    ("text", "number", "unit", "role", "expected"),
    [c[1:] for c in CHOICES],
    ids=[c[0] for c in CHOICES],
)
def test_choose(text: str, number: str, unit: str | None, role: str, expected: str) -> None:
    index = MetricIndex(find_aliases(text))
    start = text.index(number)
    alias = index.choose((start, start + len(number)), (0, len(text)), (0, len(text)), unit, role)
    assert alias is not None
    assert alias.metric == expected


def test_specialised_metric_named_earlier_in_the_sentence_wins() -> None:
    text = "The cross-border e-commerce exports grew, with an export value of 193.61 billion yuan."
    index = MetricIndex(find_aliases(text))
    assert index.specialised("export_value", 0, len(text)) == "cbec_export_value"


def test_trips_of_freight_trains_are_train_trips() -> None:
    text = "Dongguan's China-Europe freight trains ran 486 trips."
    index = MetricIndex(find_aliases(text))
    assert index.specialised("trips", 0, len(text)) == "freight_train_trips"


def test_unit_defaults() -> None:
    assert (
        hints().default("TEU", None),
        hints().default("t", "airport"),
        hints().default("t", "port"),
        hints().default("t", "customs"),
    ) == ("container_throughput", "freight_volume", "cargo_throughput", None)  # customs: none


def test_fits() -> None:
    assert (
        fits("container_throughput", "TEU", "level"),
        fits("container_throughput", "t", "level"),
    ) == (True, False)
