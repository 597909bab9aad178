"""Agreement between two statements of the same figure (usually two publications)."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from gzetl.checks.base import cell, failing, number, period
from gzetl.checks.frames import CELL_KEY, comparable, is_each_year, sane
from gzetl.checks.rows import ACTIVE_STATUSES
from gzetl.checks.tolerance import change_interval


def latest_first(documents: pl.DataFrame) -> pl.DataFrame:
    """``doc_id, published, source, rank``: rank 1 is the latest publication.

    Latest by ``published`` (unknown dates count as oldest), then by ``source``. A doc_id
    listed twice (a duplicate file) keeps its row with status ok or warning.
    """
    if "status" not in documents.columns:
        documents = documents.with_columns(status=pl.lit("ok"))
    ranked = documents.sort(
        pl.col("status").cast(pl.String).is_in(ACTIVE_STATUSES),
        "published",
        "source",
        descending=True,
        nulls_last=True,
    )
    docs = ranked.unique("doc_id", keep="first", maintain_order=True)
    return docs.select("doc_id", "published", "source").with_row_index("rank", offset=1)


def _disagreements(facts: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Pairs of statements of one cell whose values (or changes of one basis) cannot agree.

    Columns of the first fact, ``b_*`` of the second, ``same_doc`` and ``a_latest``.
    """
    docs = latest_first(documents).select("doc_id", "rank")
    levels = comparable(facts)
    # change-only facts take part through their change ("exports grew 8.7%")
    changes = facts.filter(
        *sane(),
        pl.col("value").is_null(),
        pl.col("change_pct").is_not_null(),
        *(pl.col(c).is_not_null() for c in ("subject", "metric", "period_start", "period_end")),
        pl.col("period_end") >= pl.col("period_start"),
    ).with_columns(lo=pl.lit(None, pl.Float64), hi=pl.lit(None, pl.Float64))
    rows = (
        pl.concat([levels, changes])
        .filter(~is_each_year())
        .with_columns(*change_interval("c_"))
        .join(docs, on="doc_id", how="left")
    )
    other = rows.select(
        *CELL_KEY,
        b_id="fact_id", b_doc="doc_id", b_statement="statement_id", b="value", b_lo="lo",
        b_hi="hi", b_basis="change_basis", b_c="change_pct", b_c_lo="c_lo", b_c_hi="c_hi",
        b_rank="rank", b_source="source", b_text="text",
    )  # fmt: skip
    joined = rows.join(other, on=list(CELL_KEY), nulls_equal=True).filter(
        pl.col("fact_id") < pl.col("b_id"), pl.col("statement_id") != pl.col("b_statement")
    )
    values_apart = (pl.col("lo") > pl.col("b_hi")) | (pl.col("b_lo") > pl.col("hi"))
    changes_apart = (pl.col("change_basis") == pl.col("b_basis")) & (
        (pl.col("c_lo") > pl.col("b_c_hi")) | (pl.col("b_c_lo") > pl.col("c_hi"))
    )
    return joined.filter(
        values_apart.fill_null(False) | changes_apart.fill_null(False)
    ).with_columns(
        same_doc=pl.col("doc_id") == pl.col("b_doc"),
        a_latest=pl.col("rank").fill_null(10**9) <= pl.col("b_rank").fill_null(10**9),
    )


def _both(bad: pl.DataFrame) -> pl.DataFrame:
    return failing(
        pl.concat([bad.select("fact_id", "message"), bad.select(fact_id="b_id", message="message")])
    )


def cross_source_agreement(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """Two documents' statements of one cell agree within precision, else both are flagged.

    Warning: the usual cause is a revision; the message names the latest publication.
    """
    bad = _disagreements(facts, documents).filter(~pl.col("same_doc"))
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
            pl.when(pl.col("a_latest")).then(pl.col("source")).otherwise(pl.col("b_source")),
        )
    )
    return _both(bad)


def cell_ambiguous(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """One document states one cell twice with values that cannot agree (warning on both).

    Usually two different things the cell key does not tell apart ("202 measures" for the
    Bay Area, "102 measures" for Nansha): a product or partner the extraction missed.
    """
    bad = _disagreements(facts, documents).filter(pl.col("same_doc"))
    bad = bad.with_columns(
        message=pl.concat_str(
            pl.lit("one cell stated twice in "),
            pl.col("source"),
            pl.lit(": "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(": '"),
            pl.col("text"),
            pl.lit("' (fact "),
            pl.col("fact_id"),
            pl.lit(") vs '"),
            pl.col("b_text"),
            pl.lit("' (fact "),
            pl.col("b_id"),
            pl.lit("); a product or partner may be missing"),
        )
    )
    return _both(bad)


def corroboration(facts: pl.DataFrame) -> pl.DataFrame:
    """``fact_id, support``: other documents that confirm the fact's cell within precision,
    minus those that contradict it.

    Used to break a tie between two contradicting facts (base.blame).
    """
    rows = comparable(facts).filter(~is_each_year())
    rows = rows.select(*CELL_KEY, "fact_id", "doc_id", "lo", "hi")
    other = rows.select(*CELL_KEY, b_doc="doc_id", b_lo="lo", b_hi="hi")
    joined = rows.join(other, on=list(CELL_KEY), nulls_equal=True).filter(
        pl.col("doc_id") != pl.col("b_doc")
    )
    agrees = (pl.col("lo") <= pl.col("b_hi")) & (pl.col("b_lo") <= pl.col("hi"))
    return joined.group_by("fact_id").agg(
        support=pl.col("b_doc").filter(agrees).n_unique().cast(pl.Int64)
        - pl.col("b_doc").filter(~agrees).n_unique().cast(pl.Int64)
    )
