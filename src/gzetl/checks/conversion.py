"""Currency conversions: two amounts of one statement in two currencies match a plausible rate.

The releases give a conversion in brackets ("1.2 trillion yuan (about US$168.9 billion)"),
which the extractor turns into two facts sharing a ``statement_id``. A scale slip in either
puts their ratio far outside any exchange rate, which an interval comparison catches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import polars as pl

from gzetl.catalogue import load_data
from gzetl.checks.base import contradictions, number
from gzetl.checks.frames import PERIOD, comparable
from gzetl.errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class RateBand:
    """How many yuan one unit of ``currency`` has plausibly bought."""

    currency: str
    cny_low: float
    cny_high: float


@cache
def rate_bands() -> dict[str, RateBand]:
    """The bands of exchange_rates.toml keyed by currency code."""
    table = load_data("exchange_rates.toml").get("rate", {})
    bands = {
        code: RateBand(code, float(entry["cny_low"]), float(entry["cny_high"]))
        for code, entry in table.items()
    }
    for band in bands.values():
        if not 0 < band.cny_low <= band.cny_high:
            raise KnowledgeError(
                "exchange_rates.toml", f"[rate.{band.currency}] needs 0 < cny_low <= cny_high"
            )
    return bands


def _bands() -> pl.DataFrame:
    bands = rate_bands().values()
    return pl.DataFrame(
        {
            "unit": [b.currency for b in bands],
            "cny_low": [b.cny_low for b in bands],
            "cny_high": [b.cny_high for b in bands],
        },
        schema={"unit": pl.String, "cny_low": pl.Float64, "cny_high": pl.Float64},
    )


def currency_conversion(
    facts: pl.DataFrame, documents: pl.DataFrame, texts: Mapping[str, str]
) -> pl.DataFrame:
    """An amount and its conversion in one statement agree at a plausible exchange rate.

    In yuan, value_a x rate_a = value_b x rate_b, so value_a / value_b must fall within
    [rate_b low / rate_a high, rate_b high / rate_a low]. Error: a mismatch is a scale slip.
    """
    money = comparable(facts).join(_bands(), on="unit")
    keys = ["statement_id", "subject", "metric", "partner", "product", *PERIOD]
    other = money.select(
        *keys, b_id="fact_id", b_unit="unit", b="value", b_lo="lo", b_hi="hi",
        b_text="text", b_cny_low="cny_low", b_cny_high="cny_high",
    )  # fmt: skip
    pairs = money.join(other, on=keys, nulls_equal=True).filter(pl.col("unit") < pl.col("b_unit"))
    allowed_lo = pl.col("b_cny_low") / pl.col("cny_high")
    allowed_hi = pl.col("b_cny_high") / pl.col("cny_low")
    bad = pairs.filter(
        (pl.col("lo") / pl.col("b_hi") > allowed_hi) | (pl.col("hi") / pl.col("b_lo") < allowed_lo)
    )
    bad = bad.with_columns(
        message=pl.concat_str(
            pl.lit("conversion off: '"),
            pl.col("text"),
            pl.lit("' ("),
            number(pl.col("value")),
            pl.lit(" "),
            pl.col("unit"),
            pl.lit(", fact "),
            pl.col("fact_id"),
            pl.lit(") and '"),
            pl.col("b_text"),
            pl.lit("' ("),
            number(pl.col("b")),
            pl.lit(" "),
            pl.col("b_unit"),
            pl.lit(", fact "),
            pl.col("b_id"),
            pl.lit(") imply "),
            number(pl.col("value") / pl.col("b")),
            pl.lit(" "),
            pl.col("unit"),
            pl.lit(" per "),
            pl.col("b_unit"),
            pl.lit(", plausible "),
            number(allowed_lo),
            pl.lit(".."),
            number(allowed_hi),
        )
    )
    return contradictions(bad.select(a="fact_id", b="b_id", message="message"))
