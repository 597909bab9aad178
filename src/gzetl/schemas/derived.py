"""The ``derived`` table: prior values implied by a stated value and its change."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

DERIVATION_METHOD = r"^(yoy|qoq|mom|pp|vs_\d{4})$"


class Derived(pa.DataFrameModel):
    """A value no document states but one implies: V with change c gives V / (1 + c/100).

    "193.61 billion yuan, an increase of 1.7 times compared to 2020" implies about 71.7
    billion yuan in 2020 (value_low..value_high from the written precision). A later source
    that reports the prior value is checked against it (check growth_consistency).
    """

    derived_id: str = pa.Field(unique=True, description="from_fact_id + '~prior'.")
    subject: str = pa.Field(description="Subject of the deriving fact.")
    metric: str = pa.Field(description="Metric of the deriving fact.")
    partner: str | None = pa.Field(nullable=True, description="Partner of the deriving fact.")
    product: str | None = pa.Field(nullable=True, description="Product of the deriving fact.")
    share_of: str | None = pa.Field(
        nullable=True, description="Whole metric when the deriving fact is a share (method pp)."
    )
    unit: str = pa.Field(description="Canonical unit, the deriving fact's.")
    period_start: pl.Date = pa.Field(
        description="First day of the prior period (yoy: one year earlier; vs_YYYY: in year YYYY)."
    )
    period_end: pl.Date = pa.Field(
        description="Last day of the prior period; a month end stays a month end."
    )
    value: float = pa.Field(
        gt=0,
        description="Implied prior value: value / (1 + change_pct/100); value - change_pct for pp.",
    )
    value_low: float = pa.Field(
        description="Lowest prior value the written precision and bounds of value and change allow."
    )
    value_high: float = pa.Field(
        description="Highest prior value they allow (inf when a bound is open, e.g. 'over 20%')."
    )
    method: str = pa.Field(
        str_matches=DERIVATION_METHOD,
        description="The change basis used: yoy, qoq, mom, pp, or vs_YYYY.",
    )
    from_fact_id: str = pa.Field(description="The published fact the value is derived from.")
    doc_id: str = pa.Field(description="Document of that fact.")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(name="low_le_value_le_high")
    def ordered(self, data: pa.PolarsData) -> pl.LazyFrame:
        """value_low <= value <= value_high."""
        value = pl.col("value")
        return data.lazyframe.select(
            (pl.col("value_low") <= value) & (value <= pl.col("value_high"))
        )
