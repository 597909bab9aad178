"""Which facts the cross-fact checks compare, and the keys they compare them by."""

from __future__ import annotations

import weakref
from collections.abc import Callable

import polars as pl

from gzetl.checks.rows import ROW_RULES
from gzetl.checks.tolerance import value_interval

# A fact's series: what is measured, about whom, in which unit. Add the period for a cell.
SERIES_KEY = ("subject", "metric", "partner", "product", "share_of", "unit")
PERIOD = ("period_start", "period_end")
CELL_KEY = (*SERIES_KEY, *PERIOD)
EACH_YEAR = "each year"

_MEMO: dict[tuple[str, int], pl.DataFrame] = {}


def memo(
    name: str, facts: pl.DataFrame, compute: Callable[[pl.DataFrame], pl.DataFrame]
) -> pl.DataFrame:
    """``compute(facts)``, computed once per facts frame while that frame lives.

    Several checks start from the same derived frame (the comparable facts, the growth
    pairs); ``run_all`` passes one facts frame to all of them, so each is built once. The
    entry is dropped when ``facts`` is garbage-collected. Frames are treated as immutable:
    a frame changed in place after a check ran would get a stale answer.
    """
    key = (name, id(facts))
    found = _MEMO.get(key)
    if found is None:
        found = compute(facts)
        _MEMO[key] = found
        weakref.finalize(facts, _MEMO.pop, key, None)
    return found


def sane() -> list[pl.Expr]:
    """The row rules as filters: rows that break none of them."""
    return [rule().ok.fill_null(True) for rule in ROW_RULES.values()]


def comparable(facts: pl.DataFrame) -> pl.DataFrame:
    """Facts that can be compared with others: a sane level, a full cell key, an interval.

    Rows that fail the row checks (a non-positive value, an unordered period) are left out,
    so one broken row does not raise alarms about its neighbours. Computed once per frame
    (``memo``), without the columns no cross-fact check reads (UNREAD).
    """
    return memo("comparable", facts, _comparable)


# Columns no cross-fact check reads: left out of ``comparable`` so that the copy it makes
# (and keeps while run_all runs) is about half the size of the facts.
UNREAD = ("sentence", "span_start", "span_end", "period_label", "raw_unit", "extractor_version")


def _comparable(facts: pl.DataFrame) -> pl.DataFrame:
    return (
        facts.lazy()
        .filter(
            *sane(),
            pl.col("value") > 0,
            pl.col("subject").is_not_null(),
            pl.col("metric").is_not_null(),
            pl.col("unit").is_not_null(),
            pl.col("period_start").is_not_null(),
            pl.col("period_end") >= pl.col("period_start"),
            pl.col("bound").is_not_null(),
        )
        .drop(UNREAD, strict=False)
        .with_columns(*value_interval())
        .collect()
    )


def is_each_year() -> pl.Expr:
    """A figure stated for every year of its period ("for five consecutive years")."""
    return pl.col("note").fill_null("").str.contains(EACH_YEAR)
