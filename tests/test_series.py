"""build_series: one row per cell, the best value, sources counted, agreement marked."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from gzetl.schemas.facts import polars_schema
from gzetl.series import build_series, mark_latest

DOCUMENTS = pl.DataFrame(
    {
        "doc_id": ["old", "new", "undated"],
        "source": ["2025-01-a.txt", "2026-01-b.txt", "c.txt"],
        "published": [date(2025, 1, 20), date(2026, 1, 20), None],
        "status": ["ok", "ok", "ok"],
    }
)


def published(*rows: dict[str, Any]) -> pl.DataFrame:
    base: dict[str, Any] = {
        "source": "x", "span_start": 0, "span_end": 1, "text": "x", "sentence": "x",
        "bound": "eq", "extractor_version": "t", "subject": "Guangzhou City",
        "metric": "import_export_value", "unit": "CNY", "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31),
    }  # fmt: skip
    full = [{"statement_id": r["fact_id"], **base, **r} for r in rows]
    frame = pl.DataFrame(full, schema=polars_schema())
    flags = [r.get("flags", []) for r in rows]
    return frame.with_columns(flags=pl.Series(flags, dtype=pl.List(pl.String)))


def test_latest_publication_is_best() -> None:
    frame = published(
        {"fact_id": "a", "doc_id": "old", "value": 1.19e12},
        {"fact_id": "b", "doc_id": "new", "value": 1.2e12},
        {"fact_id": "c", "doc_id": "undated", "value": 1.18e12},
    )
    row = build_series(frame, DOCUMENTS).row(0, named=True)
    assert row == {
        "subject": "Guangzhou City", "metric": "import_export_value", "partner": None,
        "product": None, "share_of": None, "unit": "CNY", "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31), "value": 1.2e12, "value_high": None, "bound": "eq",
        "n_sources": 3, "agree": True, "fact_ids": ["a", "b", "c"], "best_fact_id": "b",
        "latest_published": date(2026, 1, 20),
    }  # fmt: skip


def test_a_flagged_fact_yields_to_an_unflagged_one() -> None:
    frame = published(
        {"fact_id": "a", "doc_id": "old", "value": 1.2e12},
        {"fact_id": "b", "doc_id": "new", "value": 1.3e12, "flags": ["growth_consistency"]},
    )
    assert build_series(frame, DOCUMENTS).get_column("best_fact_id").to_list() == ["a"]


def test_disagreeing_sources_keep_the_latest_and_do_not_agree() -> None:
    flag = ["cross_source_agreement"]
    frame = published(
        {"fact_id": "a", "doc_id": "old", "value": 1.1e12, "flags": flag},
        {"fact_id": "b", "doc_id": "new", "value": 1.4e12, "flags": flag},
    )
    assert build_series(frame, DOCUMENTS).select("best_fact_id", "agree", "n_sources").row(0) == (
        "b", False, 2,
    )  # fmt: skip


def test_change_only_and_each_year_facts_are_not_series_values() -> None:
    frame = published(
        {"fact_id": "a", "doc_id": "new", "value": None, "change_pct": 5.0},
        {"fact_id": "b", "doc_id": "new", "value": 1e12, "bound": "gt", "note": "each year",
         "period_start": date(2021, 1, 1)},
        {"fact_id": "c", "doc_id": "new", "value": 1.2e12, "partner": "ASEAN"},
    )  # fmt: skip
    assert build_series(frame, DOCUMENTS).get_column("best_fact_id").to_list() == ["c"]


def test_revisions_are_kept_and_the_latest_publication_is_marked() -> None:
    frame = published(
        {"fact_id": "a", "doc_id": "old", "value": 1.19e12},
        {"fact_id": "b", "doc_id": "new", "value": 1.2e12},
        {"fact_id": "c", "doc_id": "undated", "value": 1.18e12},
        {"fact_id": "d", "doc_id": "old", "value": 9.3e12, "period_start": date(2021, 1, 1)},
    )
    marked = mark_latest(frame, DOCUMENTS).sort("fact_id")
    assert marked.select("fact_id", "latest").rows() == [
        ("a", False), ("b", True), ("c", False), ("d", True),
    ]  # fmt: skip
