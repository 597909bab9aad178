"""Building blocks of every check: the check function type, failing rows, message fragments."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import polars as pl

Finder = Callable[[pl.DataFrame, pl.DataFrame, Mapping[str, str]], pl.DataFrame]
"""A check function: (facts, documents, texts) -> failing rows ``fact_id, message``."""


def failing(frame: pl.DataFrame) -> pl.DataFrame:
    """The ``fact_id, message`` frame a check returns: one row per fact and finding, sorted.

    A check of contradicting pairs adds ``other_id``, the other fact of the pair.
    """
    columns = [pl.col("fact_id").cast(pl.String), pl.col("message").cast(pl.String)]
    if "other_id" in frame.columns:
        columns.append(pl.col("other_id").cast(pl.String))
    return frame.select(columns).unique().sort("fact_id", "message", nulls_last=True)


def number(expr: pl.Expr) -> pl.Expr:
    """A value for a message: ``1.936e11`` from a million up, else about four digits."""
    magnitude = (expr.abs().log10() + 1e-9).floor()
    mantissa = (expr / pl.lit(10.0).pow(magnitude)).round(3).cast(pl.String)
    exponent = magnitude.cast(pl.Int64, strict=False).cast(pl.String)
    scientific = pl.concat_str(mantissa, pl.lit("e"), exponent)
    return (
        pl.when(~expr.is_finite())
        .then(expr.cast(pl.String))
        .when(expr.abs() >= 1e6)
        .then(scientific)
        .when(expr.abs() >= 100)
        .then(expr.round(1).cast(pl.String))
        .otherwise(expr.round(4).cast(pl.String))
        .fill_null("?")
    )


def percent(expr: pl.Expr) -> pl.Expr:
    """A change for a message: signed, one decimal ("+5.2%")."""
    text = expr.round(1).cast(pl.String)
    return pl.when(expr >= 0).then(pl.concat_str(pl.lit("+"), text)).otherwise(text) + "%"


def period(start: str = "period_start", end: str = "period_end") -> pl.Expr:
    """A period for a message: ``2025-01-01..2025-12-31``."""
    return pl.concat_str(
        pl.col(start).cast(pl.String), pl.lit(".."), pl.col(end).cast(pl.String)
    ).fill_null("?")


def cell(suffix: str = "") -> pl.Expr:
    """The cell of a fact for a message: ``Guangzhou City import_export_value (CNY)``."""
    parts = [
        pl.col(f"subject{suffix}").fill_null("?"),
        pl.lit(" "),
        pl.col(f"metric{suffix}").fill_null("?"),
    ]
    for dim in ("partner", "product"):
        parts += [
            pl.when(pl.col(f"{dim}{suffix}").is_not_null())
            .then(pl.concat_str(pl.lit(f" {dim}="), pl.col(f"{dim}{suffix}")))
            .otherwise(pl.lit(""))
        ]
    parts += [pl.lit(" ("), pl.col(f"unit{suffix}").fill_null("?"), pl.lit(")")]
    return pl.concat_str(parts)


def contradictions(pairs: pl.DataFrame) -> pl.DataFrame:
    """Failing rows for contradicting pairs ``a, b, message``: both members, each naming the
    other in ``other_id``, so that ``blame`` can pick the likelier culprit."""
    return failing(
        pl.concat(
            [
                pairs.select(fact_id="a", message="message", other_id="b"),
                pairs.select(fact_id="b", message="message", other_id="a"),
            ]
        )
    )


def blame(found: pl.DataFrame, support: pl.DataFrame | None = None) -> pl.DataFrame:
    """Of each contradicting pair (rows with ``other_id``), keep the likelier culprit.

    A fact that contradicts more facts than its partner does is blamed alone (a total read
    1000x too small is exceeded by every part; a growth that contradicts two prior values).
    On a tie, the fact with less support from other documents is blamed (``support``:
    fact_id, support = confirming minus contradicting documents); when that ties too, both
    are kept, since nothing tells which one is wrong.
    Rows without ``other_id`` are kept as they are.
    """
    if "other_id" not in found.columns:
        return found
    pairs = found.filter(pl.col("other_id").is_not_null()).select("fact_id", "other_id").unique()
    counts = pairs.group_by("fact_id").agg(_n=pl.len())
    if support is None:
        support = pl.DataFrame(schema={"fact_id": pl.String, "support": pl.Int64})
    scores = counts.join(support.select("fact_id", _s="support"), on="fact_id", how="left")
    scores = scores.with_columns(pl.col("_s").fill_null(0).cast(pl.Int64))
    scored = found.join(scores, on="fact_id", how="left").join(
        scores.select(other_id="fact_id", _n_other="_n", _s_other="_s"), on="other_id", how="left"
    )
    more = pl.col("_n") > pl.col("_n_other")
    tie_less_supported = (pl.col("_n") == pl.col("_n_other")) & (pl.col("_s") <= pl.col("_s_other"))
    keep = pl.col("other_id").is_null() | more | tie_less_supported
    return scored.filter(keep).drop("_n", "_n_other", "_s", "_s_other")
