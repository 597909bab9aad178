"""A short summary of the published tables, as the CLI prints it after a run."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from gzetl.warehouse import Warehouse


@dataclass(frozen=True)
class Summary:
    """Counts read back from the published tables of one warehouse."""

    documents: int
    rejected: tuple[tuple[str, str], ...]
    deleted: int
    facts: int
    quarantined: int
    checks_passed: int
    checks_failed: tuple[str, ...]


def _count(df: pl.DataFrame | None) -> int:
    return 0 if df is None else df.height


def summarise(warehouse: Warehouse) -> Summary:
    """The summary of ``warehouse``; check outcomes are those of the latest run."""
    docs = warehouse.read_table("documents")
    if docs is None:
        docs = pl.DataFrame(schema={"source": pl.String, "status": pl.String, "problem": pl.String})
    rejected = docs.filter(pl.col("status") == "rejected").select("source", "problem")
    results = warehouse.read_table("check_results")
    latest = (
        pl.DataFrame(schema={"check": pl.String, "passed": pl.Boolean, "severity": pl.String})
        if results is None or results.is_empty()
        else results.filter(pl.col("checked_at") == pl.col("checked_at").max())
    )
    failed = latest.filter(~pl.col("passed"))
    return Summary(
        documents=docs.filter(pl.col("status") != "deleted").height,
        rejected=tuple((r[0], r[1] or "") for r in rejected.iter_rows()),
        deleted=docs.filter(pl.col("status") == "deleted").height,
        facts=_count(warehouse.read_table("facts")),
        quarantined=_count(warehouse.read_table("quarantine")),
        checks_passed=latest.height - failed.height,
        checks_failed=tuple(
            f"{c} ({s})" for c, s in failed.select("check", "severity").iter_rows()
        ),
    )


def format_summary(summary: Summary, location: str) -> str:
    """The lines the CLI prints."""
    lines = [
        f"warehouse: {location}",
        f"documents read: {summary.documents} ({len(summary.rejected)} rejected, "
        f"{summary.deleted} deleted)",
    ]
    lines += [f"  rejected {problem}" for _, problem in summary.rejected]
    lines += [
        f"facts published: {summary.facts}",
        f"rows quarantined: {summary.quarantined}",
        f"checks: {summary.checks_passed} passed, {len(summary.checks_failed)} failed",
    ]
    lines += [f"  failed {name}" for name in summary.checks_failed]
    return "\n".join(lines)
