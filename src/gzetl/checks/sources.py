"""Agreement between two statements of the same figure (usually two publications)."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from gzetl.checks.base import ID_LIST_CAP, by_statement, cell, fact_ids, failing, number, period
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


_STATED = ("value", "lo", "hi", "change_basis", "change_pct", "c_lo", "c_hi")
# what the two checks read of a statement besides its cell and stated value
_ABOUT = ("fact_id", "doc_id", "statement_id", "source", "text", "bound", "note")


def _statements(facts: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Comparable levels and change-only facts with their change interval and document rank."""
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
    columns = [*CELL_KEY, *_ABOUT, "value", "lo", "hi", "change_basis", "change_pct"]
    return (
        pl.concat([levels.select(columns), changes.select(columns)])
        .filter(~is_each_year())
        .with_columns(*change_interval("c_"))
        .join(docs, on="doc_id", how="left")
    )


def _apart() -> pl.Expr:
    """Two statements (columns and ``b_*`` columns) whose values or changes cannot agree."""
    values_apart = (pl.col("lo") > pl.col("b_hi")) | (pl.col("b_lo") > pl.col("hi"))
    changes_apart = (pl.col("change_basis") == pl.col("b_basis")) & (
        (pl.col("c_lo") > pl.col("b_c_hi")) | (pl.col("b_c_lo") > pl.col("c_hi"))
    )
    return values_apart.fill_null(False) | changes_apart.fill_null(False)


def _b_side(frame: pl.DataFrame, **extra: str) -> pl.DataFrame:
    """The columns of a second statement, named ``b_*`` as ``_apart`` expects."""
    return frame.select(
        *CELL_KEY, b="value", b_lo="lo", b_hi="hi", b_basis="change_basis", b_c="change_pct",
        b_c_lo="c_lo", b_c_hi="c_hi", **extra,
    )  # fmt: skip


def _groups(rows: pl.DataFrame) -> pl.DataFrame:
    """Distinct statements ``g`` of each cell: their facts (``members``), fact ids and sources
    for messages (the first ten, and their counts), the first document, the number of
    documents and the best rank.
    """
    ranked = rows.with_columns(_r=pl.col("rank").fill_null(10**9))
    by_rank = pl.col("source").sort_by("_r", "source")
    grouped = ranked.group_by([*CELL_KEY, *_STATED]).agg(
        members=pl.col("fact_id"),
        first_id=pl.col("fact_id").min(),
        ids=pl.col("fact_id").sort().head(ID_LIST_CAP),
        n_ids=pl.len(),
        doc=pl.col("doc_id").min(),
        n_docs=pl.col("doc_id").n_unique(),
        sources=by_rank.unique(maintain_order=True).head(ID_LIST_CAP),
        n_sources=pl.col("source").n_unique(),
        best=pl.col("_r").min(),
        latest=by_rank.first(),
    )
    return grouped.with_row_index("g")


def _disagreements(groups: pl.DataFrame) -> pl.DataFrame:
    """Pairs of distinct statements of one cell whose values (or changes of one basis) cannot
    agree: columns of the first statement, ``b_*`` of the second, and ``a_latest``. One row
    per pair of distinct statements, not per pair of restatements.
    """
    other = _b_side(
        groups, b_g="g", b_first_id="first_id", b_ids="ids", b_n_ids="n_ids", b_doc="doc",
        b_n_docs="n_docs", b_sources="sources", b_n_sources="n_sources", b_best="best",
        b_latest="latest",
    )  # fmt: skip
    joined = (
        groups.drop("members")
        .join(other, on=list(CELL_KEY), nulls_equal=True)
        .filter(pl.col("first_id") < pl.col("b_first_id"))
    )
    return joined.filter(_apart()).with_columns(a_latest=pl.col("best") <= pl.col("b_best"))


def cross_source_agreement(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """Two documents' statements of one cell agree within precision, else both are flagged.

    Warning: the usual cause is a revision; the message names the latest publication.
    Every fact of two disagreeing statements is flagged unless both come from one and the
    same document (that is cell_ambiguous's). So a fact that restates a value also stated
    elsewhere is flagged even when the disagreeing statement is in its own document only.
    """
    rows = _statements(facts, documents)
    groups = _groups(rows)
    bad = _disagreements(groups)
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
            fact_ids(pl.col("sources"), word=False, n=pl.col("n_sources")),
            pl.lit(" ("),
            fact_ids(pl.col("ids"), n=pl.col("n_ids")),
            pl.lit(") vs "),
            number(pl.col("b")),
            pl.lit(" change "),
            pl.col("b_c").cast(pl.String).fill_null("-"),
            pl.lit(" in "),
            fact_ids(pl.col("b_sources"), word=False, n=pl.col("b_n_sources")),
            pl.lit(" ("),
            fact_ids(pl.col("b_ids"), n=pl.col("b_n_ids")),
            pl.lit("); latest publication: "),
            pl.when(pl.col("a_latest")).then(pl.col("latest")).otherwise(pl.col("b_latest")),
        )
    )
    # a disagreement within one document alone is cell_ambiguous's
    across = ~(
        (pl.col("n_docs") == 1) & (pl.col("b_n_docs") == 1) & (pl.col("doc") == pl.col("b_doc"))
    )
    bad = bad.filter(across)
    findings = pl.concat([bad.select("g", "message"), bad.select(g="b_g", message="message")])
    return by_statement(findings, groups.select("g", ids="members"))


def cell_ambiguous(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """One document states one cell twice with values that cannot agree (warning on both).

    Usually two different things the cell key does not tell apart ("202 measures" for the
    Bay Area, "102 measures" for Nansha): a product or partner the extraction missed.
    """
    rows = _statements(facts, documents)
    # only cells a document states more than once can be ambiguous
    rows = rows.filter(pl.len().over(*CELL_KEY, "doc_id") > 1)
    other = _b_side(
        rows, doc_id="doc_id", b_id="fact_id", b_statement="statement_id", b_text="text"
    )
    # pairs within one document: few per cell, however often other documents restate it
    joined = rows.join(other, on=[*CELL_KEY, "doc_id"], nulls_equal=True).filter(
        pl.col("fact_id") < pl.col("b_id"), pl.col("statement_id") != pl.col("b_statement")
    )
    bad = joined.filter(_apart()).with_columns(
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
    return failing(
        pl.concat([bad.select("fact_id", "message"), bad.select(fact_id="b_id", message="message")])
    )


def corroboration(facts: pl.DataFrame) -> pl.DataFrame:
    """``fact_id, support``: other documents that confirm the fact's cell within precision,
    minus those that contradict it.

    Used to break a tie between two contradicting facts (base.blame).
    """
    rows = comparable(facts).filter(~is_each_year())
    # a cell (_c), a distinct interval in it (_g) and a document (_d) as integers
    rows = rows.select(
        "fact_id", "doc_id", "lo", "hi",
        _c=pl.struct(*CELL_KEY).rank("dense"),
        _g=pl.struct(*CELL_KEY, "lo", "hi").rank("dense"),
        _d=pl.col("doc_id").rank("dense"),
    )  # fmt: skip
    stated = rows.select("_c", "_g", "_d", "lo", "hi").unique(["_g", "_d"])
    groups = stated.unique("_g").drop("_d")
    other = stated.select("_c", b_doc="_d", b_lo="lo", b_hi="hi")
    agrees = (pl.col("lo") <= pl.col("b_hi")) & (pl.col("b_lo") <= pl.col("hi"))
    # per distinct interval: each document of the cell, confirming or contradicting it
    verdicts = (
        groups.join(other, on="_c")
        .group_by("_g", "b_doc")
        .agg(_ok=agrees.any(), _bad=(~agrees).any())
    )
    totals = verdicts.group_by("_g").agg(_n_ok=pl.col("_ok").sum(), _n_bad=pl.col("_bad").sum())
    own = verdicts.select("_g", _d="b_doc", _own_ok="_ok", _own_bad="_bad")
    per_fact = rows.select("fact_id", "_d", "_g").join(totals, on="_g")
    per_fact = per_fact.join(own, on=["_g", "_d"], how="left")
    # the fact's own document does not count
    ok = pl.col("_n_ok").cast(pl.Int64) - pl.col("_own_ok").fill_null(False).cast(pl.Int64)
    bad = pl.col("_n_bad").cast(pl.Int64) - pl.col("_own_bad").fill_null(False).cast(pl.Int64)
    return per_fact.filter(ok + bad > 0).select("fact_id", support=ok - bad)
