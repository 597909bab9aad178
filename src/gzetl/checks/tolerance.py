"""How precisely a fact states its value and its change, as an interval of possible truths.

A written number is exact to half a unit of its last written digit ("43.85 trillion" is
43.845..43.855 trillion; "5%" is 4.5..5.5%). An integer's trailing zeros are read as not
significant ("122000" is 121500..122500). The interval is then widened by the bound: "over
28 million" runs from exactly 28 million with no upper end, "nearly 700 million" is 5% wider
on each side, "within 6 hours" starts at zero. The consistency checks compare these
intervals, so a figure is only called inconsistent when no reading of the written precision
could make it agree.
"""

from __future__ import annotations

import math

import polars as pl

# Relative widening for an approximate figure ("nearly", "about", "around").
APPROX_RELATIVE = 0.05
# A ratio beyond this factor between implied and stated figures is a scale slip
# (billion for million, 10,000-based scales mis-multiplied), not a revision.
SCALE_FACTOR = 5.0

_UNBOUNDED_ABOVE = ("gt", "ge")
_UNBOUNDED_BELOW = ("lt", "le")
_CHANGE_QUALIFIER = r"change (gt|ge|lt|le|approx)"


def half_unit(raw: pl.Expr, value: pl.Expr) -> pl.Expr:
    """Half a unit of the last significant written digit of ``raw``, in the unit of ``value``.

    The scale is ``value / number(raw)``: "1.2" with value 1.2e12 has scale 1e12, so the
    half unit is 0.05e12. A number written in words ("one") counts one significant digit.
    """
    digits = raw.str.replace_all(",", "").str.strip_chars()
    numeric = digits.str.extract(r"^(\d+(?:\.\d+)?)$").cast(pl.Float64, strict=False)
    decimals = digits.str.extract(r"^\d*\.(\d+)$").str.len_chars().cast(pl.Float64)
    trailing_zeros = digits.str.extract(r"^\d*[1-9](0*)$").str.len_chars().cast(pl.Float64)
    exponent = (
        pl.when(decimals.is_not_null())
        .then(-decimals)
        .when(trailing_zeros.is_not_null())
        .then(trailing_zeros)
        .otherwise(pl.lit(0.0))
    )
    written = pl.lit(10.0).pow(exponent) * 0.5 * value.abs() / numeric
    leading_digit = pl.lit(10.0).pow((value.abs().log10() + 1e-9).floor()) * 0.5
    return pl.when(numeric > 0).then(written).otherwise(leading_digit)


def value_interval(prefix: str = "") -> tuple[pl.Expr, pl.Expr]:
    """Lowest and highest value a fact's ``value``, ``raw_value`` and ``bound`` allow.

    The two expressions are named ``{prefix}lo`` and ``{prefix}hi``.
    """
    value, high, bound = pl.col("value"), pl.col("value_high"), pl.col("bound")
    slack = half_unit(pl.col("raw_value"), value).fill_null(0.0)
    approx = value.abs() * APPROX_RELATIVE
    lo = (
        pl.when(bound.is_in(_UNBOUNDED_BELOW))
        .then(pl.lit(0.0))
        .when(bound.is_in(_UNBOUNDED_ABOVE))
        .then(value)
        .when(bound == "approx")
        .then(value - slack - approx)
        .otherwise(value - slack)
    )
    hi = (
        pl.when(bound.is_in(_UNBOUNDED_ABOVE))
        .then(pl.lit(math.inf))
        .when(bound.is_in(_UNBOUNDED_BELOW))
        .then(value)
        .when(bound == "approx")
        .then(value + slack + approx)
        .when((bound == "range") & high.is_not_null())
        .then(high + slack)
        .otherwise(value + slack)
    )
    return lo.alias(f"{prefix}lo"), hi.alias(f"{prefix}hi")


def change_decimals(change: pl.Expr) -> pl.Expr:
    """Number of decimals (0..4) needed to write ``change`` as stated."""
    needed = [
        pl.when((change * 10**k - (change * 10**k).round(0)).abs() < 1e-6).then(pl.lit(k))
        for k in range(5)
    ]
    return pl.min_horizontal(*needed).fill_null(4).cast(pl.Float64)


def change_interval(prefix: str = "c") -> tuple[pl.Expr, pl.Expr]:
    """Lowest and highest change in percent that ``change_pct`` allows, named ``{prefix}lo/hi``.

    "5.2%" allows 5.15..5.25; "1.7 times" (170, note mentions times) allows 165..175. The
    qualifier is the bound for a change-only fact, else the one recorded in ``note``
    ("change approx").
    """
    change = pl.col("change_pct")
    times = pl.col("note").fill_null("").str.contains("times")
    by_times = pl.lit(10.0).pow(-change_decimals(change / 100)) * 50.0
    by_points = pl.lit(10.0).pow(-change_decimals(change)) * 0.5
    slack = pl.when(times).then(by_times).otherwise(by_points)
    qualifier = (
        pl.when(pl.col("value").is_null())
        .then(pl.col("bound"))
        .otherwise(pl.col("note").fill_null("").str.extract(_CHANGE_QUALIFIER))
        .fill_null("eq")
    )
    approx = change.abs() * APPROX_RELATIVE
    lo = (
        pl.when(qualifier.is_in(_UNBOUNDED_BELOW))
        .then(pl.lit(-100.0))
        .when(qualifier.is_in(_UNBOUNDED_ABOVE))
        .then(change)
        .when(qualifier == "approx")
        .then(change - slack - approx)
        .otherwise(change - slack)
    )
    hi = (
        pl.when(qualifier.is_in(_UNBOUNDED_ABOVE))
        .then(pl.lit(math.inf))
        .when(qualifier.is_in(_UNBOUNDED_BELOW))
        .then(change)
        .when(qualifier == "approx")
        .then(change + slack + approx)
        .otherwise(change + slack)
    )
    return lo.alias(f"{prefix}lo"), hi.alias(f"{prefix}hi")
