"""Agreement between two statements of the same figure (usually two publications)."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from gzetl.checks.base import cell, failing, number, period
from gzetl.checks.frames import CELL_KEY, comparable, is_each_year
from gzetl.checks.tolerance import change_interval


def latest_first(documents: pl.DataFrame) -> pl.DataFrame:
    """``doc_id, published, source, rank``: rank 1 is the latest publication.

    Latest by ``published`` (unknown dates count as oldest), then by ``source``.
    """
    docs = documents.select("doc_id", "published", "source").unique("doc_id")
    return docs.sort(["published", "source"], descending=True, nulls_last=True).with_row_index(
        "rank", offset=1
    )


def cross_source_agreement(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """Two statements of one cell agree within precision, else both are flagged (warning).

    The usual cause is a revision; the message names the latest publication.
    """
    docs = latest_first(documents).select("doc_id", "rank", doc_source="source")
    rows = (
        comparable(facts)
        .filter(~is_each_year())
        .with_columns(*change_interval("c_"))
        .join(docs, on="doc_id", how="left")
    )
    other = rows.select(
        *CELL_KEY,
        b_id="fact_id", b_statement="statement_id", b="value", b_lo="lo", b_hi="hi",
        b_basis="change_basis", b_c="change_pct", b_c_lo="c_lo", b_c_hi="c_hi",
        b_rank="rank", b_source="source",
    )  # fmt: skip
    joined = rows.join(other, on=list(CELL_KEY), nulls_equal=True).filter(
        pl.col("fact_id") < pl.col("b_id"), pl.col("statement_id") != pl.col("b_statement")
    )
    values_apart = (pl.col("lo") > pl.col("b_hi")) | (pl.col("b_lo") > pl.col("hi"))
    changes_apart = (pl.col("change_basis") == pl.col("b_basis")) & (
        (pl.col("c_lo") > pl.col("b_c_hi")) | (pl.col("b_c_lo") > pl.col("c_hi"))
    )
    bad = joined.filter(values_apart | changes_apart.fill_null(False))
    a_latest = pl.col("rank").fill_null(10**9) <= pl.col("b_rank").fill_null(10**9)
    bad = bad.with_columns(
        message=pl.concat_str(
            pl.lit("sources disagree: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(": "),
            number(pl.col("value")),
            pl.lit(" change "),
            pl.col("change_pct").cast(pl.String).fill_null("-"),
            pl.lit(" in "),
            pl.col("source"),
            pl.lit(" (fact "),
            pl.col("fact_id"),
            pl.lit(") vs "),
            number(pl.col("b")),
            pl.lit(" change "),
            pl.col("b_c").cast(pl.String).fill_null("-"),
            pl.lit(" in "),
            pl.col("b_source"),
            pl.lit(" (fact "),
            pl.col("b_id"),
            pl.lit("); latest publication: "),
            pl.when(a_latest).then(pl.col("source")).otherwise(pl.col("b_source")),
        )
    )
    return failing(
        pl.concat([bad.select("fact_id", "message"), bad.select(fact_id="b_id", message="message")])
    )
