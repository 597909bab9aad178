"""Building blocks of every check: the check function type, failing rows, message fragments."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import polars as pl

Finder = Callable[[pl.DataFrame, pl.DataFrame, Mapping[str, str]], pl.DataFrame]
"""A check function: (facts, documents, texts) -> failing rows ``fact_id, message``."""


def failing(frame: pl.DataFrame) -> pl.DataFrame:
    """The ``fact_id, message`` frame a check returns: one row per fact and finding, sorted."""
    return (
        frame.select(pl.col("fact_id").cast(pl.String), pl.col("message").cast(pl.String))
        .unique()
        .sort("fact_id", "message")
    )


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


def blame(pairs: pl.DataFrame) -> pl.DataFrame:
    """Failing rows for contradicting pairs ``a, b, message``: the likelier culprit of each.

    A fact that contradicts several others is blamed alone (a total read 1000x too small
    exceeds by every part); when both members contradict equally often, both are reported,
    since the pair alone cannot tell which one is wrong.
    """
    members = pl.concat([pairs.select(fact_id="a"), pairs.select(fact_id="b")])
    counts = members.group_by("fact_id").len()
    scored = pairs.join(counts.rename({"fact_id": "a", "len": "n_a"}), on="a").join(
        counts.rename({"fact_id": "b", "len": "n_b"}), on="b"
    )
    return failing(
        pl.concat(
            [
                scored.filter(pl.col("n_a") >= pl.col("n_b")).select(
                    fact_id="a", message="message"
                ),
                scored.filter(pl.col("n_b") >= pl.col("n_a")).select(
                    fact_id="b", message="message"
                ),
            ]
        )
    )
