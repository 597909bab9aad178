"""The ``facts`` table: one row per quantitative statement found in a document."""

from __future__ import annotations

from typing import Annotated

import pandera.polars as pa
import polars as pl

BOUNDS = ("eq", "gt", "ge", "lt", "le", "approx", "range")
# yoy, qoq, mom, pp (percentage points of a share), or vs_YYYY for a change against a named year.
CHANGE_BASIS_PATTERN = r"^(yoy|qoq|mom|pp|vs_\d{4})$"


class Facts(pa.DataFrameModel):
    """One quantitative statement of one document, normalised and traceable to its span.

    ``text == document_text[span_start:span_end]`` holds for every row.
    """

    fact_id: str = pa.Field(
        unique=True, description="Stable id: hash of doc_id, span and extractor_version."
    )
    doc_id: str = pa.Field(description="Content hash of the source document (see documents).")
    source: str = pa.Field(description="Path of the source file relative to the raw folder.")
    span_start: int = pa.Field(
        ge=0, description="Character offset where the quantity phrase starts."
    )
    span_end: int = pa.Field(ge=0, description="Character offset just past the quantity phrase.")
    text: str = pa.Field(
        description="The quantity phrase exactly as written: document_text[span_start:span_end]."
    )
    sentence: str = pa.Field(description="The sentence that contains the phrase.")
    statement_id: str = pa.Field(
        description="Facts stated together (a currency conversion, a 'respectively' list) share it."
    )
    subject: str | None = pa.Field(
        nullable=True,
        description="Who or what the figure is about, canonical name ('Guangzhou City').",
    )
    metric: str | None = pa.Field(
        nullable=True, description="Key of the metric catalogue (src/gzetl/data/metrics.toml)."
    )
    partner: str | None = pa.Field(
        nullable=True, description="Trading partner dimension when stated ('ASEAN')."
    )
    product: str | None = pa.Field(
        nullable=True, description="Product or trade-mode dimension when stated."
    )
    share_of: str | None = pa.Field(
        nullable=True,
        description="For a share: the metric of the whole it is a share of; unit is then percent.",
    )
    period_start: pl.Date | None = pa.Field(
        nullable=True, description="First day of the period the value covers (inclusive)."
    )
    period_end: pl.Date | None = pa.Field(
        nullable=True, description="Last day of the period the value covers (inclusive)."
    )
    period_label: str | None = pa.Field(
        nullable=True,
        description="The period as written ('in 2025', 'during the 14th Five-Year Plan period').",
    )
    value: float | None = pa.Field(
        nullable=True, description="Value in the canonical unit; null when only a change is stated."
    )
    value_high: float | None = pa.Field(
        nullable=True, description="Upper end when bound is 'range'."
    )
    unit: str | None = pa.Field(
        nullable=True,
        description=(
            "Canonical unit: ISO 4217 for money (CNY, USD), t, TEU, percent, h,"
            " or a singular counted noun."
        ),
    )
    bound: str = pa.Field(
        isin=list(BOUNDS),
        description="eq, gt (over), ge (at least), lt, le (within), approx (nearly, about), range.",
    )
    baseline_value: float | None = pa.Field(
        nullable=True,
        description=(
            "The earlier value of a before/after pair ('from 72 hours to within 6 hours': 72)."
        ),
    )
    change_pct: float | None = pa.Field(
        nullable=True,
        description=(
            "Change in percent (8.3 for +8.3%; 170 for 'increased 1.7 times');"
            " points when change_basis is pp."
        ),
    )
    change_basis: str | None = pa.Field(
        nullable=True,
        str_matches=CHANGE_BASIS_PATTERN,
        description=(
            "yoy, qoq, mom, pp, or vs_YYYY for a change against a named year"
            " ('compared to 2020': vs_2020)."
        ),
    )
    raw_value: str | None = pa.Field(
        nullable=True, description="The number as written ('1.2', 'one', '122000')."
    )
    raw_unit: str | None = pa.Field(
        nullable=True, description="The scale and unit as written ('trillion yuan')."
    )
    note: str | None = pa.Field(
        nullable=True,
        description="Recorded ambiguity or convention applied ('times: read as +N*100%').",
    )
    extractor_version: str = pa.Field(description="gzetl.EXTRACTOR_VERSION that produced the row.")

    class Config:
        strict = True
        coerce = True


def polars_schema() -> pl.Schema:
    """The polars schema of the facts table, in column order."""
    return pl.Schema({name: col.dtype.type for name, col in Facts.to_schema().columns.items()})


def _rule_holds(data: pa.PolarsData, name: str) -> pl.LazyFrame:
    """Whether each row satisfies the row rule ``name`` of gzetl.checks.rows."""
    from gzetl.checks.rows import ROW_RULES  # noqa: PLC0415 (checks import this module)

    return data.lazyframe.select(ROW_RULES[name]().ok.fill_null(True))


class PublishedFacts(Facts):
    """The published ``facts`` table: candidate facts that passed every error-severity check.

    Same columns as the extractor's facts plus ``flags`` and ``latest``. The row rules of
    gzetl.checks.rows are enforced here too; cross-fact checks are in gzetl.checks (see
    docs/validation.md).
    """

    flags: Annotated[pl.List, pl.String] = pa.Field(
        description="Names of the warning checks the fact failed (empty when none)."
    )
    latest: bool = pa.Field(
        description=(
            "Whether the fact comes from the latest publication (documents.published, then"
            " source) stating its subject, metric, partner, product, period and unit;"
            " earlier publications' figures (revisions) are kept with false."
        )
    )

    @pa.dataframe_check(name="value_positive")
    def value_positive(cls, data: pa.PolarsData) -> pl.LazyFrame:  # noqa: N805
        """value > 0 and value_high >= value where present."""
        return _rule_holds(data, "value_positive")

    @pa.dataframe_check(name="percent_range")
    def percent_range(cls, data: pa.PolarsData) -> pl.LazyFrame:  # noqa: N805
        """A value in percent lies in [0, 100]."""
        return _rule_holds(data, "percent_range")

    @pa.dataframe_check(name="change_above_minus_100")
    def change_above_minus_100(cls, data: pa.PolarsData) -> pl.LazyFrame:  # noqa: N805
        """change_pct > -100 unless it is in points (pp)."""
        return _rule_holds(data, "change_above_minus_100")

    @pa.dataframe_check(name="period_order")
    def period_order(cls, data: pa.PolarsData) -> pl.LazyFrame:  # noqa: N805
        """period_start <= period_end."""
        return _rule_holds(data, "period_order")
