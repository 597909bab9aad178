"""The gzetl assets: documents -> candidate_facts -> validated tables; gzetl does the work."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import dagster as dg
import polars as pl
from pydantic import Field

import gzetl
from gzetl import checks, incremental
from gzetl.extraction import extract_documents
from gzetl.validation import validate
from gzetl.warehouse import Warehouse
from pipelines.resources import GzetlSettings

GROUP = "gzetl"
VALIDATED = ("facts", "quarantine", "derived", "series", "check_results")
READABLE_CHECK = "all_sources_readable"
SEVERITY = {"error": dg.AssetCheckSeverity.ERROR, "warning": dg.AssetCheckSeverity.WARN}
SAMPLE_ROWS = 5


def markdown_table(df: pl.DataFrame, limit: int = 20) -> str:
    """A small frame as a markdown table (metadata shown in the Dagster UI)."""
    if df.is_empty():
        return "(none)"
    cells = [
        [str(v).replace("|", "\\|").replace("\n", " ") for v in r] for r in df.head(limit).rows()
    ]
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * df.width]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    if df.height > limit:
        lines.append(f"\n… and {df.height - limit} more")
    return "\n".join(lines)


def _rejected(documents: pl.DataFrame) -> pl.DataFrame:
    return documents.filter(pl.col("status").is_in(["rejected", "warning"])).select(
        "source", "status", "problem"
    )


@dg.asset(
    group_name=GROUP,
    check_specs=[
        dg.AssetCheckSpec(
            READABLE_CHECK, asset="documents", description="Every raw source file can be read."
        )
    ],
)
def documents(
    context: dg.AssetExecutionContext, settings: GzetlSettings
) -> Iterator[dg.Output[incremental.Scan] | dg.AssetCheckResult]:
    """Every raw file as a document, compared with the previous run (new, changed, deleted)."""
    warehouse = Warehouse(settings.warehouse_url)
    scan = incremental.scan(settings.raw_url, warehouse.read_table("documents"))
    path = warehouse.write_table("documents", scan.documents)
    docs = scan.documents
    counts = {
        f"n_{status}": docs.filter(pl.col("status") == status).height
        for status in ("ok", "warning", "rejected", "duplicate", "deleted")
    }
    changes = {
        f"n_{change}": docs.filter(pl.col("change") == change).height
        for change in ("new", "changed", "deleted")
    }
    bad = _rejected(docs)
    yield dg.Output(
        scan,
        metadata={
            "row_count": docs.height,
            **counts,
            **changes,
            "rejected_sources": dg.MetadataValue.md(markdown_table(bad)),
            "path": dg.MetadataValue.path(path),
        },
    )
    unreadable = docs.filter(pl.col("status") == "rejected")
    yield dg.AssetCheckResult(
        asset_key="documents",
        check_name=READABLE_CHECK,
        passed=unreadable.is_empty(),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "failing_count": unreadable.height,
            "sample": dg.MetadataValue.md(markdown_table(_rejected(unreadable), SAMPLE_ROWS)),
        },
    )


class ReprocessConfig(dg.Config):
    """Launchpad options: re-extract everything, or only some sources (paths under raw)."""

    force: bool = Field(default=False, description="Re-extract every document.")
    sources: list[str] = Field(
        default_factory=list, description="Re-extract only these sources (relative paths)."
    )


@dg.asset(group_name=GROUP, code_version=gzetl.EXTRACTOR_VERSION)
def candidate_facts(
    context: dg.AssetExecutionContext,
    config: ReprocessConfig,
    settings: GzetlSettings,
    documents: incremental.Scan,
) -> dg.Output[pl.DataFrame]:
    """Facts extracted from the documents; unchanged documents come from the extraction cache."""
    cache = incremental.Cache(Warehouse(settings.warehouse_url))
    done = incremental.run_extraction(
        documents.documents,
        documents.texts,
        cache,
        extract_documents,
        gzetl.EXTRACTOR_VERSION,
        force=config.force,
        sources=config.sources,
    )
    context.log.info(f"extracted {len(done.extracted)} document(s), {len(done.cached)} cached")
    return dg.Output(
        done.facts,
        metadata={
            "row_count": done.facts.height,
            "documents_extracted": len(done.extracted),
            "documents_cached": len(done.cached),
            "extractor_version": gzetl.EXTRACTOR_VERSION,
        },
    )


def _check_result(row: dict[str, object]) -> dg.AssetCheckResult:
    sample = pl.DataFrame(
        json.loads(str(row["sample"])), schema={"fact_id": pl.String, "message": pl.String}
    )
    return dg.AssetCheckResult(
        asset_key="facts",
        check_name=str(row["check"]),
        passed=bool(row["passed"]),
        severity=SEVERITY[str(row["severity"])],
        description=str(row["message"]),
        metadata={
            "failing_count": int(str(row["failing_count"])),
            "sample": dg.MetadataValue.md(markdown_table(sample, SAMPLE_ROWS)),
        },
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, group_name=GROUP, deps=["documents", "candidate_facts"], skippable=False)
        for name in VALIDATED
    ],
    check_specs=[
        dg.AssetCheckSpec(c.name, asset="facts", description=c.description) for c in checks.CHECKS
    ],
    ins={"documents": dg.AssetIn(), "candidate_facts": dg.AssetIn()},
)
def validated_tables(
    context: dg.AssetExecutionContext,
    settings: GzetlSettings,
    documents: incremental.Scan,
    candidate_facts: pl.DataFrame,
) -> Iterator[dg.MaterializeResult[None] | dg.AssetCheckResult]:
    """Validate the candidate facts, then publish each table; nothing is written if it fails."""
    scan = documents
    result = validate(
        candidate_facts,
        scan.documents,
        scan.texts,
        run_id=context.run.run_id,
        checked_at=datetime.now(UTC),
    )
    warehouse = Warehouse(settings.warehouse_url)
    frames: dict[str, pl.DataFrame] = {name: getattr(result, name) for name in VALIDATED}
    history = warehouse.appended("check_results", frames["check_results"])
    paths = warehouse.write_tables({**frames, "check_results": history})
    for name, frame in frames.items():
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={"row_count": frame.height, "path": dg.MetadataValue.path(paths[name])},
        )
    for row in result.check_results.iter_rows(named=True):
        yield _check_result(row)
