from __future__ import annotations

import pytest
from fact_rows import DOCUMENTS, build, ids

from gzetl.checks.conversion import currency_conversion, rate_bands

YUAN = {"value": 1.2e12, "raw_value": "1.2", "statement_id": "s", "text": "1.2 trillion yuan"}
DOLLARS = {"value": 168.9e9, "raw_value": "168.9", "unit": "USD", "statement_id": "s",
           "text": "US$168.9 billion"}  # fmt: skip


def test_bands_load_from_the_data_file() -> None:
    assert (rate_bands()["USD"].cny_low, rate_bands()["USD"].cny_high) == (6.0, 8.3)


def test_a_plausible_conversion_passes() -> None:
    assert currency_conversion(build(YUAN, DOLLARS), DOCUMENTS, {}).height == 0


def test_a_scale_slip_in_the_conversion_is_caught() -> None:
    found = currency_conversion(build(YUAN, {**DOLLARS, "value": 168.9e6}), DOCUMENTS, {})
    assert ids(found) == ["f1", "f2"]
    assert found.get_column("message")[0] == (
        "conversion off: '1.2 trillion yuan' (1.2e12 CNY, fact f1) and 'US$168.9 billion' "
        "(1.689e8 USD, fact f2) imply 7104.8 CNY per USD, plausible 6.0..8.3"
    )


@pytest.mark.parametrize("field", ["statement_id", "metric"])
def test_only_one_statement_of_one_metric_is_compared(field: str) -> None:
    other = {"statement_id": "t", "metric": "export_value"}[field]
    frame = build(YUAN, {**DOLLARS, "value": 168.9e6, field: other})
    assert currency_conversion(frame, DOCUMENTS, {}).height == 0
