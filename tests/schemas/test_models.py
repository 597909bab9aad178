"""The pandera models of the published tables reject what they promise to reject."""

from __future__ import annotations

from datetime import date, datetime

import pandera.polars as pa
import polars as pl
import pytest

from gzetl.schemas.check_results import CheckResults
from gzetl.schemas.derived import Derived
from gzetl.schemas.facts import PublishedFacts, polars_schema
from gzetl.schemas.quarantine import Quarantine
from gzetl.schemas.series import Series


def failed_checks(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> list[str]:
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        model.validate(frame, lazy=True)
    names = caught.value.failure_cases.get_column("check").to_list()
    return sorted({name.split("(")[0] for name in names})  # "isin(['error'])" -> "isin"


def published_fact(**fields: object) -> pl.DataFrame:
    row = {
        "fact_id": "f1", "doc_id": "d", "source": "s", "span_start": 0, "span_end": 5,
        "text": "16.5%", "sentence": "x", "statement_id": "s1", "bound": "eq",
        "extractor_version": "t", "unit": "percent", "value": 16.5,
        "period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31), **fields,
    }  # fmt: skip
    frame = pl.DataFrame([row], schema=polars_schema())
    return frame.with_columns(flags=pl.Series([[]], dtype=pl.List(pl.String)), latest=True)


def test_published_facts_accepts_a_good_row() -> None:
    assert PublishedFacts.validate(published_fact()).height == 1


def test_published_facts_enforces_the_row_rules() -> None:
    frame = published_fact(value=116.5, change_pct=-120.0, change_basis="yoy",
                           period_start=date(2026, 1, 1))  # fmt: skip
    assert failed_checks(PublishedFacts, frame) == [
        "change_above_minus_100", "percent_range", "period_order",
    ]  # fmt: skip


def test_published_facts_flags_are_never_null() -> None:
    frame = published_fact().with_columns(flags=pl.lit(None, pl.List(pl.String)))
    assert failed_checks(PublishedFacts, frame) == ["not_nullable"]


def test_quarantine_keeps_broken_rows_but_only_errors() -> None:
    frame = published_fact(bound="over").drop("flags", "latest").with_columns(
        fact_id=pl.lit(None, pl.String), check=pl.lit("bound_valid"), severity=pl.lit("error"),
        message=pl.lit("m"),
    )  # fmt: skip
    assert Quarantine.validate(frame).height == 1
    assert failed_checks(Quarantine, frame.with_columns(severity=pl.lit("warning"))) == ["isin"]


def test_derived_orders_low_value_high() -> None:
    row = {
        "derived_id": "f1~prior", "subject": "s", "metric": "m", "partner": None,
        "product": None, "share_of": None, "unit": "CNY", "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31), "value": 10.0, "value_low": 11.0, "value_high": 12.0,
        "method": "yoy", "from_fact_id": "f1", "doc_id": "d",
    }  # fmt: skip
    assert failed_checks(Derived, pl.DataFrame([row])) == ["low_le_value_le_high"]
    assert failed_checks(Derived, pl.DataFrame([{**row, "method": "annual"}])) == [
        "low_le_value_le_high", "str_matches",
    ]  # fmt: skip


def test_series_has_one_row_per_cell() -> None:
    row = {
        "subject": "s", "metric": "m", "partner": None, "product": None, "share_of": None,
        "unit": "CNY", "period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31),
        "value": 1.0, "value_high": None, "bound": "eq", "n_sources": 1, "agree": True,
        "fact_ids": ["a"], "best_fact_id": "a", "latest_published": None,
    }  # fmt: skip
    frame = pl.DataFrame([row, {**row, "best_fact_id": "b"}])
    assert failed_checks(Series, frame) == ["multiple_fields_uniqueness"]


def test_check_results_counts_are_not_negative() -> None:
    row = {
        "run_id": "r", "checked_at": datetime(2026, 1, 1), "check": "c", "table": "facts",
        "severity": "error", "passed": True, "failing_count": -1, "message": "m", "sample": "[]",
    }  # fmt: skip
    assert failed_checks(CheckResults, pl.DataFrame([row])) == ["greater_than_or_equal_to"]
