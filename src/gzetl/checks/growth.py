"""Growth consistency: a value and its stated change against the reported prior value.

A fact V for a period with change c (yoy: the same span one year earlier; vs_YYYY: the same
span in year YYYY; qoq / mom: three months / one month earlier; pp: points of a share, one
year earlier) implies the prior value
V / (1 + c/100) (V - c for points). ``derive`` writes that implied value, with the interval the
written precision allows, to the ``derived`` table; the checks compare it with a reported fact
U of the same cell and prior period from any document.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from gzetl.checks.base import (
    cell,
    distinct,
    fact_ids,
    failing,
    group_contradictions,
    interval,
    number,
    percent,
    period,
)
from gzetl.checks.frames import CELL_KEY, SERIES_KEY, comparable, is_each_year, memo
from gzetl.checks.tolerance import SCALE_FACTOR, change_interval

# How far back the prior period of a change lies, in months; vs_YYYY is computed per fact.
_BACK_MONTHS = {"yoy": -12, "pp": -12, "qoq": -3, "mom": -1}
_BASIS_YEAR = pl.col("change_basis").str.extract(r"^vs_(\d{4})$").cast(pl.Int32)
DERIVED_COLUMNS = (
    "derived_id", *SERIES_KEY, "period_start", "period_end", "value", "value_low",
    "value_high", "method", "from_fact_id", "doc_id",
)  # fmt: skip


def _shift(column: str, months: pl.Expr) -> pl.Expr:
    """The date ``months`` months away; a month end stays a month end (Feb 28 -> Feb 29)."""
    date = pl.col(column)
    shifted = date.dt.offset_by(pl.concat_str(months.cast(pl.String), pl.lit("mo")))
    return pl.when(date == date.dt.month_end()).then(shifted.dt.month_end()).otherwise(shifted)


def derivations(facts: pl.DataFrame) -> pl.DataFrame:
    """Every derivable prior value with the deriving fact's value and change intervals.

    Columns: the derived columns plus ``v, v_lo, v_hi, c, c_lo, c_hi`` of the deriving fact.
    Computed once per frame (frames.memo).
    """
    return memo("derivations", facts, _derivations)


def _derivations(facts: pl.DataFrame) -> pl.DataFrame:
    sources = comparable(facts).filter(
        pl.col("change_pct").is_not_null(),
        (pl.col("change_pct") > -100) | (pl.col("change_basis") == "pp"),
        pl.col("change_basis").is_in(list(_BACK_MONTHS)) | _BASIS_YEAR.is_not_null(),
        ~is_each_year(),
        # one span within a year, so that "the same span a year earlier" is defined
        pl.col("period_end") < pl.col("period_start").dt.offset_by("1y"),
    )
    months = (
        pl.when(_BASIS_YEAR.is_not_null())
        .then((_BASIS_YEAR - pl.col("period_start").dt.year()) * 12)
        .otherwise(pl.col("change_basis").replace_strict(_BACK_MONTHS, default=None))
    )
    points = pl.col("change_basis") == "pp"
    ratio = 1 + pl.col("c") / 100
    return (
        sources.with_columns(*change_interval("c_"), _months=months)
        .filter(pl.col("_months") < 0)
        .select(
            pl.concat_str(pl.col("fact_id"), pl.lit("~prior")).alias("derived_id"),
            *SERIES_KEY,
            v_period=period(),
            period_start=_shift("period_start", pl.col("_months")),
            period_end=_shift("period_end", pl.col("_months")),
            v=pl.col("value"),
            v_lo=pl.col("lo"),
            v_hi=pl.col("hi"),
            c=pl.col("change_pct"),
            c_lo=pl.col("c_lo"),
            c_hi=pl.col("c_hi"),
            method=pl.when(points).then(pl.lit("pp")).otherwise(pl.col("change_basis")),
            from_fact_id=pl.col("fact_id"),
            doc_id=pl.col("doc_id"),
        )
        .with_columns(
            value=pl.when(pl.col("method") == "pp")
            .then(pl.col("v") - pl.col("c"))
            .otherwise(pl.col("v") / ratio),
            value_low=pl.when(pl.col("method") == "pp")
            .then(pl.col("v_lo") - pl.col("c_hi"))
            .otherwise(pl.col("v_lo") / (1 + pl.col("c_hi") / 100)),
            value_high=pl.when(pl.col("method") == "pp")
            .then(pl.col("v_hi") - pl.col("c_lo"))
            .otherwise(pl.col("v_hi") / (1 + pl.col("c_lo") / 100)),
        )
    )


def derive(facts: pl.DataFrame) -> pl.DataFrame:
    """The ``derived`` table: prior values implied by a value and its change, with provenance.

    193.61 billion after +170% vs 2020 gives about 71.7 billion for 2020.
    """
    return derivations(facts).select(DERIVED_COLUMNS)


_V_STATED = (
    "v_period", "v", "v_lo", "v_hi", "c", "c_lo", "c_hi", "method", "value", "value_low",
    "value_high",
)  # fmt: skip


def pairs(facts: pl.DataFrame) -> pl.DataFrame:
    """Each distinct derivation joined with each distinct reported value U of its cell and period.

    Restatements collapse first: derivations with the same cell, value and change to one row
    with their deriving facts in ``from_ids``, reported facts with the same cell and interval
    to one row with their ids in ``u_ids``; so the join is over distinct statements.
    Adds ``u, u_lo, u_hi``, the implied change ``implied`` (V/U - 1, or V - U in
    points) with its interval ``implied_lo..implied_hi``, and the verdicts ``agrees``
    (intervals overlap) and ``scale_slip`` (off by more than SCALE_FACTOR). Computed once
    per frame (frames.memo): three checks read it.
    """
    return memo("growth_pairs", facts, _pairs)


def _pairs(facts: pl.DataFrame) -> pl.DataFrame:
    reported = distinct(
        comparable(facts).filter(~is_each_year()), [*CELL_KEY, "value", "lo", "hi"], "u_ids"
    ).select(*CELL_KEY, "u_ids", u="value", u_lo="lo", u_hi="hi")
    derived = distinct(
        derivations(facts).rename({"from_fact_id": "fact_id"}),
        [*CELL_KEY, *_V_STATED],
        "from_ids",
    )
    joined = derived.join(reported, on=list(CELL_KEY), nulls_equal=True)
    points = pl.col("method") == "pp"
    return joined.with_columns(
        implied=pl.when(points)
        .then(pl.col("v") - pl.col("u"))
        .otherwise((pl.col("v") / pl.col("u") - 1) * 100),
        implied_lo=pl.when(points)
        .then(pl.col("v_lo") - pl.col("u_hi"))
        .otherwise((pl.col("v_lo") / pl.col("u_hi") - 1) * 100),
        implied_hi=pl.when(points)
        .then(pl.col("v_hi") - pl.col("u_lo"))
        .otherwise((pl.col("v_hi") / pl.col("u_lo") - 1) * 100),
        agrees=(pl.col("value_low") <= pl.col("u_hi")) & (pl.col("u_lo") <= pl.col("value_high")),
        scale_slip=~points
        & (
            (pl.col("value_low") / pl.col("u_hi") >= SCALE_FACTOR)
            | (pl.col("u_lo") / pl.col("value_high") >= SCALE_FACTOR)
        ),
    )


def _message(head: str) -> pl.Expr:
    return pl.concat_str(
        pl.lit(head), cell(), pl.lit(" "), pl.col("v_period"), pl.lit(": "), number(pl.col("v")),
        pl.lit(" ("), fact_ids(pl.col("from_ids")), pl.lit(") against "), number(pl.col("u")),
        pl.lit(" for "), period(), pl.lit(" ("), fact_ids(pl.col("u_ids")), pl.lit(") implies "),
        percent(pl.col("implied")), pl.lit(" ("), percent(pl.col("implied_lo")), pl.lit(".."),
        percent(pl.col("implied_hi")), pl.lit("), stated "), percent(pl.col("c")), pl.lit(" ("),
        percent(pl.col("c_lo")), pl.lit(".."), percent(pl.col("c_hi")), pl.lit(") "),
        pl.col("method"),
    )  # fmt: skip


def growth_consistency(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """The stated change of V agrees with V and the reported prior value U (warning on V)."""
    found = pairs(facts).filter(~pl.col("agrees") & ~pl.col("scale_slip"))
    found = found.with_columns(message=_message("growth inconsistent: "))
    return failing(found.explode("from_ids").with_columns(fact_id="from_ids"))


def derived_vs_reported(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """A reported value agrees with the value derived for its period (warning on U).

    The same comparison as growth_consistency seen from the reported fact: U is flagged
    because a later figure and its change imply another value for it.
    """
    found = pairs(facts).filter(~pl.col("agrees") & ~pl.col("scale_slip"))
    found = found.with_columns(
        message=pl.concat_str(
            pl.lit("reported value off the derived one: "),
            cell(),
            pl.lit(" "),
            period(),
            pl.lit(": reported "),
            number(pl.col("u")),
            pl.lit(" ("),
            fact_ids(pl.col("u_ids")),
            pl.lit("), derived "),
            interval("value", "value_low", "value_high"),
            pl.lit(" from "),
            fact_ids(pl.col("from_ids")),
            pl.lit(" ("),
            number(pl.col("v")),
            pl.lit(" for "),
            pl.col("v_period"),
            pl.lit(", "),
            percent(pl.col("c")),
            pl.lit(" "),
            pl.col("method"),
            pl.lit(")"),
        )
    )
    return failing(found.explode("u_ids").with_columns(fact_id="u_ids"))


def growth_scale(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """V, its change and U disagree by a scale factor: one of the two carries a scale slip.

    Every fact of both statements is reported, naming the other statement's facts in
    ``other_ids``; ``run`` and ``run_all`` blame the likelier one.
    """
    found = pairs(facts).filter(pl.col("scale_slip"))
    found = found.with_columns(message=_message("scale slip (x5 or more): "))
    return group_contradictions(found.select(a_ids="from_ids", b_ids="u_ids", message="message"))
