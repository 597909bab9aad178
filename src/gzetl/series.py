"""Consolidate published facts into ``series``: one best value per cell."""

from __future__ import annotations

import polars as pl

from gzetl.checks.frames import CELL_KEY, is_each_year
from gzetl.checks.sources import latest_first

DISAGREEMENT_CHECKS = ("cross_source_agreement", "cell_ambiguous")
SERIES_COLUMNS = (
    *CELL_KEY, "value", "value_high", "bound", "n_sources", "agree", "fact_ids", "best_fact_id",
    "latest_published",
)  # fmt: skip


def mark_latest(facts: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Add ``latest``: whether the fact comes from the latest publication stating its cell.

    Revisions are kept: an earlier publication's figure stays in ``facts`` with ``latest``
    false. Latest is by documents.published, then source (``latest_first``).
    """
    ranks = latest_first(documents).select("doc_id", "rank")
    return (
        facts.join(ranks, on="doc_id", how="left")
        .with_columns(
            latest=(pl.col("rank") == pl.col("rank").min().over(CELL_KEY)).fill_null(True)
        )
        .drop("rank")
    )


def build_series(facts: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """One row per subject, metric, partner, product, share_of, unit and period.

    ``facts`` are published facts (with ``flags``). The best fact is the unflagged one of the
    latest publication (documents.published, then source); when every fact is flagged, the
    latest one. Change-only facts and "each year" figures are left out.
    """
    docs = latest_first(documents).select("doc_id", "rank", "published")
    levels = facts.filter(
        pl.col("value").is_not_null(),
        pl.col("subject").is_not_null(),
        pl.col("metric").is_not_null(),
        pl.col("unit").is_not_null(),
        pl.col("period_start").is_not_null(),
        pl.col("period_end").is_not_null(),
        ~is_each_year(),
    ).join(docs, on="doc_id", how="left")
    ranked = levels.sort(
        pl.col("flags").list.len() > 0, pl.col("rank"), pl.col("fact_id"), nulls_last=True
    )
    return (
        ranked.group_by(list(CELL_KEY), maintain_order=True)
        .agg(
            pl.first("value"),
            pl.first("value_high"),
            pl.first("bound"),
            n_sources=pl.col("doc_id").n_unique(),
            agree=~pl.col("flags")
            .list.set_intersection(DISAGREEMENT_CHECKS)
            .list.len()
            .gt(0)
            .any(),
            fact_ids=pl.col("fact_id").sort(),
            best_fact_id=pl.first("fact_id"),
            latest_published=pl.max("published"),
        )
        .sort(list(CELL_KEY), nulls_last=True)
        .select(SERIES_COLUMNS)
    )
