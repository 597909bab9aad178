"""Multi-year figures against the annual values of the same series.

A cumulative figure ("a cumulative 9.3 trillion yuan during the 14th Five-Year Plan") must
equal the sum of its annual values when all of them are known; a figure stated for each year
("exceeded one trillion yuan for five consecutive years", note "each year") must hold for every
annual value.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from gzetl.checks.base import cell, distinct, fact_ids, failing, interval, number, period
from gzetl.checks.frames import PERIOD, SERIES_KEY, comparable, is_each_year, memo

_START, _END = pl.col("period_start"), pl.col("period_end")
_WHOLE_YEARS = (_START.dt.ordinal_day() == 1) & (_END.dt.month() == 12) & (_END.dt.day() == 31)


_STATED = ("value", "lo", "hi", "bound")


def _annual(facts: pl.DataFrame) -> pl.DataFrame:
    """Distinct statements for one calendar year each: ``year, a_ids, a, a_lo, a_hi``."""
    return memo("annual", facts, _distinct_annual)


def _distinct_annual(facts: pl.DataFrame) -> pl.DataFrame:
    annual = comparable(facts).filter(
        ~is_each_year(), _WHOLE_YEARS, _START.dt.year() == _END.dt.year()
    )
    return distinct(
        annual.with_columns(year=_START.dt.year()), [*SERIES_KEY, "year", "value", "lo", "hi"]
    ).select(*SERIES_KEY, "year", a_ids="ids", a="value", a_lo="lo", a_hi="hi")


def _spanning(facts: pl.DataFrame) -> pl.DataFrame:
    """Distinct multi-year statements of each series and period, their fact ids in ``ids``."""
    spans = comparable(facts).filter(_WHOLE_YEARS, _END.dt.year() > _START.dt.year())
    return distinct(
        spans.with_columns(_each=is_each_year()), [*SERIES_KEY, *PERIOD, *_STATED, "_each"]
    )


def _cumulative(facts: pl.DataFrame) -> pl.DataFrame:
    spans = _spanning(facts).filter(~pl.col("_each")).with_row_index("_span")
    years = _END.dt.year() - _START.dt.year() + 1
    # several statements of one year (two sources): allow the widest reading of that year
    by_year = (
        _annual(facts)
        .explode("a_ids")
        .group_by(*SERIES_KEY, "year")
        .agg(
            a=pl.col("a").mean(),
            a_lo=pl.min("a_lo"),
            a_hi=pl.max("a_hi"),
            a_ids=pl.col("a_ids").sort(),
        )
    )
    joined = spans.with_columns(n_years=years).join(by_year, on=list(SERIES_KEY), nulls_equal=True)
    within = joined.filter(pl.col("year").is_between(_START.dt.year(), _END.dt.year()))
    sums = within.group_by("_span").agg(
        pl.first("n_years"), n_known=pl.len(), total=pl.sum("a"), total_lo=pl.sum("a_lo"),
        total_hi=pl.sum("a_hi"),
        a_ids=pl.col("a_ids").list.explode(keep_nulls=False, empty_as_null=False).sort(),
    )  # fmt: skip
    complete = sums.filter(pl.col("n_known") == pl.col("n_years"))
    bad = spans.join(complete, on="_span").filter(
        (pl.col("total_lo") > pl.col("hi")) | (pl.col("total_hi") < pl.col("lo"))
    )
    return bad.with_columns(
        message=pl.concat_str(
            pl.lit("multi-year total does not match: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(" states "),
            interval("value", "lo", "hi"),
            pl.lit(" but its "),
            pl.col("n_years").cast(pl.String),
            pl.lit(" annual values sum to "),
            interval("total", "total_lo", "total_hi"),
            pl.lit(" (facts "),
            fact_ids(pl.col("a_ids"), word=False),
            pl.lit(")"),
        ),
        ids=pl.concat_list(pl.col("ids"), pl.col("a_ids")),
    )


def _each_year(facts: pl.DataFrame) -> pl.DataFrame:
    spans = _spanning(facts).filter(pl.col("_each"))
    joined = spans.join(_annual(facts), on=list(SERIES_KEY), nulls_equal=True).filter(
        pl.col("year").is_between(_START.dt.year(), _END.dt.year()),
        (pl.col("a_hi") < pl.col("lo")) | (pl.col("a_lo") > pl.col("hi")),
    )
    return joined.with_columns(
        message=pl.concat_str(
            pl.lit("a figure for each year does not hold: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(" states "),
            pl.col("bound"),
            pl.lit(" "),
            number(pl.col("value")),
            pl.lit(" every year ("),
            fact_ids(pl.col("ids")),
            pl.lit(") but "),
            pl.col("year").cast(pl.String),
            pl.lit(" is "),
            number(pl.col("a")),
            pl.lit(" ("),
            fact_ids(pl.col("a_ids")),
            pl.lit(")"),
        ),
        ids=pl.concat_list(pl.col("ids"), pl.col("a_ids")),
    )


def multi_year_totals(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """Cumulative figures = sum of annual values; "each year" figures hold every year (warning)."""
    bad = pl.concat(
        [frame.select("ids", "message") for frame in (_cumulative(facts), _each_year(facts))]
    )
    return failing(bad.explode("ids").select(fact_id="ids", message="message"))
