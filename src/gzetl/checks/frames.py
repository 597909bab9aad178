"""Which facts the cross-fact checks compare, and the keys they compare them by."""

from __future__ import annotations

import polars as pl

from gzetl.checks.rows import ROW_RULES
from gzetl.checks.tolerance import value_interval

# A fact's series: what is measured, about whom, in which unit. Add the period for a cell.
SERIES_KEY = ("subject", "metric", "partner", "product", "share_of", "unit")
PERIOD = ("period_start", "period_end")
CELL_KEY = (*SERIES_KEY, *PERIOD)
EACH_YEAR = "each year"


def sane() -> list[pl.Expr]:
    """The row rules as filters: rows that break none of them."""
    return [rule().ok.fill_null(True) for rule in ROW_RULES.values()]


def comparable(facts: pl.DataFrame) -> pl.DataFrame:
    """Facts that can be compared with others: a sane level, a full cell key, an interval.

    Rows that fail the row checks (a non-positive value, an unordered period) are left out,
    so one broken row does not raise alarms about its neighbours.
    """
    return facts.filter(
        *sane(),
        pl.col("value") > 0,
        pl.col("subject").is_not_null(),
        pl.col("metric").is_not_null(),
        pl.col("unit").is_not_null(),
        pl.col("period_start").is_not_null(),
        pl.col("period_end") >= pl.col("period_start"),
        pl.col("bound").is_not_null(),
    ).with_columns(*value_interval())


def is_each_year() -> pl.Expr:
    """A figure stated for every year of its period ("for five consecutive years")."""
    return pl.col("note").fill_null("").str.contains(EACH_YEAR)
