"""The ``check_results`` table: one row per registered check per validation run."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl


class CheckResults(pa.DataFrameModel):
    """The outcome of every registered check in one run, passed or not.

    Dagster shows the same results as asset checks; this table keeps their history.
    """

    run_id: str = pa.Field(
        description="Id of the validation run (the Dagster run id in the pipeline)."
    )
    checked_at: pl.Datetime = pa.Field(description="When the run validated the facts (UTC).")
    check: str = pa.Field(description="Name of the check (gzetl.checks.CHECKS).")
    table: str = pa.Field(description="Table the check applies to ('facts').")
    severity: str = pa.Field(
        isin=["error", "warning"],
        description="error: failing facts are quarantined; warning: published with a flag.",
    )
    passed: bool = pa.Field(description="True when no fact failed the check.")
    failing_count: int = pa.Field(
        ge=0, description="Number of distinct facts that failed the check."
    )
    message: str = pa.Field(description="Summary: the count and the first failure's message.")
    sample: str = pa.Field(
        description="JSON list of up to 5 failing rows, each {fact_id, message}."
    )

    class Config:
        strict = True
        coerce = True
