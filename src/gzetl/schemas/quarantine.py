"""The ``quarantine`` table: facts that failed an error-severity check, with the reason."""

from __future__ import annotations

import pandera.polars as pa

from gzetl.schemas.facts import Facts


class Quarantine(Facts):
    """One row per fact and failed error check: the fact's columns as extracted, plus why.

    A fact that fails two checks appears twice. Nothing is dropped silently: a candidate fact
    is either in ``facts`` or here. The fact columns are relaxed (nullable, unchecked) so that
    a row broken in any way can still be kept for review.
    """

    fact_id: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True,
        description="fact_id of the candidate fact (may repeat: one row per failed check).",
    )
    doc_id: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="Content hash of the source document, as extracted."
    )
    source: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True,
        description="Path of the source file relative to the raw folder, as extracted.",
    )
    span_start: int | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="Character offset where the phrase starts, as extracted."
    )
    span_end: int | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="Character offset just past the phrase, as extracted."
    )
    text: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="The quantity phrase as extracted."
    )
    sentence: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="The sentence that contains the phrase."
    )
    statement_id: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="Statement the fact belongs to."
    )
    bound: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="Bound as extracted (may be invalid: see check bound_valid)."
    )
    change_basis: str | None = pa.Field(
        nullable=True, description="Change basis as extracted (may be invalid)."
    )
    extractor_version: str | None = pa.Field(  # type: ignore[assignment]
        nullable=True, description="gzetl.EXTRACTOR_VERSION that produced the row."
    )
    check: str = pa.Field(description="Name of the failed check (gzetl.checks.CHECKS).")
    severity: str = pa.Field(
        isin=["error"], description="Always 'error': warnings publish the fact with a flag instead."
    )
    message: str = pa.Field(
        description="What was expected and what was found, naming every fact involved."
    )

    class Config:
        strict = True
        coerce = True
