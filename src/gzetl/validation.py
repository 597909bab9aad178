"""Validate candidate facts into the published tables: facts, quarantine, derived, series.

``validate`` runs every registered check (gzetl.checks.CHECKS) on the candidate facts. A fact
that fails an error-severity check goes to ``quarantine`` with the check and message; a fact
that fails only warnings is published with the check names in ``flags``. Each output frame is
validated by its pandera model before it is returned. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandera.polars as pa
import polars as pl

from gzetl import checks
from gzetl.checks.growth import derive
from gzetl.errors import PublishError
from gzetl.schemas.check_results import CheckResults
from gzetl.schemas.derived import Derived
from gzetl.schemas.facts import PublishedFacts, polars_schema
from gzetl.schemas.quarantine import Quarantine
from gzetl.schemas.series import Series
from gzetl.series import build_series, mark_latest

DOCUMENT_COLUMNS = ("doc_id", "source", "published", "status")
_ROW = "_row"


@dataclass(frozen=True)
class Validated:
    """The tables one validation run publishes."""

    facts: pl.DataFrame
    quarantine: pl.DataFrame
    derived: pl.DataFrame
    series: pl.DataFrame
    check_results: pl.DataFrame


def conform(candidates: pl.DataFrame) -> pl.DataFrame:
    """The candidates with the facts schema's columns, in order, cast to its types.

    Raises PublishError naming the missing or uncastable columns: that is a broken
    extractor, not a bad row, so nothing can be published.
    """
    schema = polars_schema()
    missing = [name for name in schema if name not in candidates.columns]
    if missing:
        raise PublishError("facts", f"candidate facts lack columns {missing}")
    try:
        return candidates.select(pl.col(name).cast(dtype) for name, dtype in schema.items())
    except pl.exceptions.PolarsError as exc:
        raise PublishError(
            "facts", f"candidate facts do not cast to the facts schema: {exc}"
        ) from exc


def _quarantined(numbered: pl.DataFrame, failures: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """``_row, check, severity, message`` for every (row, error check) failure.

    One row per row and check: several findings of one check are joined with "; ". A
    repeated fact_id keeps its first row; only the repeats are quarantined as such.
    """
    errors = pl.concat(
        [frame for name, frame in failures.items() if checks.by_name(name).severity == "error"]
    )
    ids = numbered.select(_ROW, "fact_id", _first=pl.col("fact_id").is_first_distinct())
    hit = ids.join(errors, on="fact_id", nulls_equal=True)
    kept = hit.filter((pl.col("check") != "fact_id_unique") | ~pl.col("_first"))
    return kept.group_by(_ROW, "check", "severity", maintain_order=True).agg(
        pl.col("message").sort().str.join("; ")
    )


def _flags(failures: dict[str, pl.DataFrame]) -> pl.DataFrame:
    warnings = [
        frame for name, frame in failures.items() if checks.by_name(name).severity == "warning"
    ]
    found = pl.concat(warnings).select("fact_id", "check").unique()
    return found.group_by("fact_id").agg(flags=pl.col("check").sort())


def _checked(model: type[pa.DataFrameModel], frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """``frame`` validated by ``model``; a violation is a bug in gzetl, named by table."""
    try:
        return model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise PublishError(table, f"violates its contract:\n{exc.failure_cases}") from exc


def validate(
    candidates: pl.DataFrame,
    documents: pl.DataFrame,
    texts: Mapping[str, str],
    *,
    run_id: str,
    checked_at: datetime,
) -> Validated:
    """Run every check and split the candidate facts into published and quarantined tables.

    ``documents`` needs ``doc_id, source, published, status``; ``texts`` maps doc_id to the
    document text and must cover every candidate's document (span_matches_text quarantines
    a fact whose text is missing). Raises PublishError when a frame lacks columns.
    """
    absent = [c for c in DOCUMENT_COLUMNS if c not in documents.columns]
    if absent:
        raise PublishError("documents", f"documents lack columns {absent}")
    frame = conform(candidates)
    failures = checks.run_all(frame, documents, texts)
    numbered = frame.with_row_index(_ROW)
    bad = _quarantined(numbered, failures)
    quarantine = numbered.join(bad, on=_ROW).sort(_ROW, "check").drop(_ROW)
    published = (
        numbered.join(bad.select(_ROW).unique(), on=_ROW, how="anti")
        .sort(_ROW)
        .drop(_ROW)
        .join(_flags(failures), on="fact_id", how="left", nulls_equal=True)
        .with_columns(pl.col("flags").fill_null(pl.lit([], dtype=pl.List(pl.String))))
        .pipe(mark_latest, documents)
    )
    return Validated(
        facts=_checked(PublishedFacts, published, "facts"),
        quarantine=_checked(Quarantine, quarantine, "quarantine"),
        derived=_checked(Derived, derive(published), "derived"),
        series=_checked(Series, build_series(published, documents), "series"),
        check_results=_checked(
            CheckResults,
            checks.results(failures, run_id=run_id, checked_at=checked_at),
            "check_results",
        ),
    )
