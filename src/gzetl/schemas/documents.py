"""The ``documents`` table: one row per raw source file, the manifest of every run."""

from __future__ import annotations

from typing import Annotated

import pandera.polars as pa
import polars as pl

from gzetl.sources import STATUSES

CHANGES = ("new", "changed", "unchanged", "deleted")


class Documents(pa.DataFrameModel):
    """Every ``.txt`` / ``.md`` file of the raw location, readable or not, and deleted ones.

    Facts are published only for ``ok`` and ``warning`` documents; ``problem`` says why a
    document was rejected (or warned about) and names the file.
    """

    source: str = pa.Field(
        unique=True, description="Path of the file relative to the raw location."
    )
    doc_id: str = pa.Field(description="First 16 hex digits of the sha256 of the file's bytes.")
    status: str = pa.Field(
        isin=list(STATUSES),
        description="ok; warning (bad sidecar, text used); rejected (unreadable); "
        "duplicate (same bytes as another source); deleted.",
    )
    problem: str | None = pa.Field(
        nullable=True, description="What was wrong, naming the file; null when ok."
    )
    change: str = pa.Field(
        isin=list(CHANGES),
        description="Since the previous run: new, changed (same path, new content), "
        "unchanged, deleted.",
    )
    title: str | None = pa.Field(
        nullable=True, description="Sidecar title, else the first line of the text."
    )
    publisher: str | None = pa.Field(nullable=True, description="Sidecar publisher.")
    published: pl.Date | None = pa.Field(
        nullable=True,
        description="Publication date (first day of its precision); inferred from the text "
        "when the sidecar has none.",
    )
    published_precision: str | None = pa.Field(
        nullable=True, isin=["year", "month", "day"], description="year, month or day."
    )
    published_inferred: bool = pa.Field(
        description="True when published was inferred from the text "
        "(src/gzetl/data/publication.toml)."
    )
    url: str | None = pa.Field(nullable=True, description="Sidecar url of the original release.")
    language: str | None = pa.Field(nullable=True, description="Sidecar language code.")
    extra: str = pa.Field(description="JSON object of the sidecar keys gzetl does not know.")
    size: int = pa.Field(ge=0, description="Size of the file in bytes.")
    n_chars: int | None = pa.Field(
        nullable=True,
        ge=0,
        description="Length of the decoded text; null when rejected or deleted.",
    )
    seen_at: Annotated[pl.Datetime, "us", "UTC"] = pa.Field(
        description="When the run read the file (UTC)."
    )

    class Config:
        strict = True
        coerce = True
