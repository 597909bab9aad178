"""The ``series`` table: one best value per subject, metric, partner, product, period, unit."""

from __future__ import annotations

from typing import Annotated

import pandera.polars as pa
import polars as pl

from gzetl.checks.frames import CELL_KEY
from gzetl.schemas.facts import BOUNDS


class Series(pa.DataFrameModel):
    """The consolidated dataset most users chart: every published level, one row per cell.

    The best value is that of the latest publication (documents.published, then source),
    preferring facts without warning flags. Figures stated "each year" of a multi-year span and
    change-only facts are not series values; they stay in ``facts``.
    """

    subject: str = pa.Field(description="Canonical subject.")
    metric: str = pa.Field(description="Key of the metric catalogue.")
    partner: str | None = pa.Field(
        nullable=True, description="Trading partner, null for all partners."
    )
    product: str | None = pa.Field(
        nullable=True, description="Product or trade mode, null for all."
    )
    share_of: str | None = pa.Field(
        nullable=True, description="For a share: the metric of the whole."
    )
    unit: str = pa.Field(description="Canonical unit.")
    period_start: pl.Date = pa.Field(description="First day of the period (inclusive).")
    period_end: pl.Date = pa.Field(description="Last day of the period (inclusive).")
    value: float = pa.Field(gt=0, description="Best value: the best fact's value.")
    value_high: float | None = pa.Field(
        nullable=True, description="Upper end when the best fact's bound is 'range'."
    )
    bound: str = pa.Field(
        isin=list(BOUNDS), description="Bound of the best fact (gt: the value is a lower bound)."
    )
    n_sources: int = pa.Field(
        ge=1, description="Number of documents that state a value for the cell."
    )
    agree: bool = pa.Field(
        description="False when two statements of the cell disagree (check cross_source_agreement)."
    )
    fact_ids: Annotated[pl.List, pl.String] = pa.Field(
        description="Every published fact of the cell, sorted."
    )
    best_fact_id: str = pa.Field(unique=True, description="The fact the value comes from.")
    latest_published: pl.Date | None = pa.Field(
        nullable=True, description="Latest publication date among the cell's documents."
    )

    class Config:
        strict = True
        coerce = True
        unique = list(CELL_KEY)  # noqa: RUF012 (pandera reads a list)
