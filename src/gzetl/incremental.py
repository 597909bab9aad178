"""What changed since the last run, and the extraction cache that makes each run incremental.

The manifest is the previous ``documents`` table: a source is ``new``, ``changed`` (same path,
other content), ``unchanged`` or ``deleted``. The extraction cache (``_state/extractions``:
facts; ``_state/extracted``: one row per extracted doc_id and extractor version, also for
documents without facts) is keyed by ``doc_id`` and ``extractor_version``: only documents
missing from it are extracted, so a run after one new article extracts that article alone,
a renamed file is not extracted again, and a version bump re-extracts everything.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import polars as pl

from gzetl.schemas.facts import polars_schema
from gzetl.sources import DOCUMENTS_SCHEMA
from gzetl.warehouse import Warehouse

CACHE_FACTS = "_state/extractions"
CACHE_KEYS = "_state/extracted"
ACTIVE = ("ok", "warning")
KEYS_SCHEMA = pl.Schema(
    {
        "doc_id": pl.String(),
        "extractor_version": pl.String(),
        "n_facts": pl.Int64(),
        "extracted_at": pl.Datetime("us", "UTC"),
    }
)

Extractor = Callable[[Iterable[tuple[str, str, str, date | None]]], pl.DataFrame]


def compare(previous: pl.DataFrame | None, current: pl.DataFrame) -> pl.DataFrame:
    """``current`` with ``change`` filled, plus a ``deleted`` row for each vanished source.

    A source deleted in an earlier run stays in the table as ``deleted`` (change ``unchanged``).
    """
    if previous is None or previous.is_empty():
        return current.with_columns(change=pl.lit("new"))
    before = previous.select("source", old_id="doc_id", old_status="status")
    marked = (
        current.drop("change")
        .join(before, on="source", how="left")
        .with_columns(
            change=pl.when(pl.col("old_id").is_null() | (pl.col("old_status") == "deleted"))
            .then(pl.lit("new"))
            .when(pl.col("old_id") != pl.col("doc_id"))
            .then(pl.lit("changed"))
            .otherwise(pl.lit("unchanged"))
        )
        .drop("old_id", "old_status")
    )
    gone = previous.join(current.select("source"), on="source", how="anti").with_columns(
        change=pl.when(pl.col("status") == "deleted")
        .then(pl.lit("unchanged"))
        .otherwise(pl.lit("deleted")),
        status=pl.lit("deleted"),
        problem=pl.when(pl.col("status") == "deleted")
        .then(pl.col("problem"))
        .otherwise(pl.concat_str(pl.col("source"), pl.lit(": removed from the raw location"))),
    )
    return (
        pl.concat([marked.select(DOCUMENTS_SCHEMA.names()), gone.select(DOCUMENTS_SCHEMA.names())])
        .cast(DOCUMENTS_SCHEMA)
        .sort("source")
    )


def active(documents: pl.DataFrame) -> pl.DataFrame:
    """The documents whose facts are published: readable, not duplicates, not deleted."""
    return documents.filter(pl.col("status").is_in(ACTIVE))


@dataclass(frozen=True)
class Plan:
    """Which active documents to extract now and which come from the cache."""

    extract: tuple[str, ...]
    cached: tuple[str, ...]


def plan(
    documents: pl.DataFrame,
    keys: pl.DataFrame,
    version: str,
    *,
    force: bool = False,
    sources: Collection[str] = (),
) -> Plan:
    """Extract documents missing from the cache for ``version``, all if ``force``, and the
    documents of ``sources`` (paths relative to the raw location) in any case."""
    docs = active(documents)
    known = set(keys.filter(pl.col("extractor_version") == version).get_column("doc_id"))
    wanted = set(docs.filter(pl.col("source").is_in(list(sources))).get_column("doc_id"))
    ids = docs.get_column("doc_id").unique(maintain_order=True).to_list()
    extract = [i for i in ids if force or i in wanted or i not in known]
    return Plan(tuple(extract), tuple(i for i in ids if i not in set(extract)))


@dataclass(frozen=True)
class Cache:
    """The extraction cache in a warehouse's ``_state`` folder."""

    warehouse: Warehouse

    def facts(self) -> pl.DataFrame:
        found = self.warehouse.read_table(CACHE_FACTS)
        return pl.DataFrame(schema=polars_schema()) if found is None else found

    def keys(self) -> pl.DataFrame:
        found = self.warehouse.read_table(CACHE_KEYS)
        return pl.DataFrame(schema=KEYS_SCHEMA) if found is None else found

    def save(self, facts: pl.DataFrame, keys: pl.DataFrame) -> None:
        self.warehouse.write_table(CACHE_FACTS, facts)
        self.warehouse.write_table(CACHE_KEYS, keys)


@dataclass(frozen=True)
class Extraction:
    """The candidate facts of one run and what it took to make them."""

    facts: pl.DataFrame
    extracted: tuple[str, ...]
    cached: tuple[str, ...]


def with_current_sources(facts: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Facts whose ``source`` is the document's current path (a renamed file keeps its facts)."""
    paths = active(documents).group_by("doc_id").agg(_path=pl.col("source").min())
    return (
        facts.join(paths, on="doc_id", how="inner")
        .with_columns(source=pl.col("_path"))
        .select(facts.columns)
    )


def run_extraction(
    documents: pl.DataFrame,
    texts: dict[str, str],
    cache: Cache,
    extractor: Extractor,
    version: str,
    *,
    force: bool = False,
    sources: Collection[str] = (),
    now: datetime | None = None,
) -> Extraction:
    """Candidate facts of every active document, extracting only what ``plan`` asks for.

    ``texts`` maps doc_id to text. The cache is rewritten with the current version's entries
    of active documents (stale versions and vanished documents leave it).
    """
    keys = cache.keys()
    todo = plan(documents, keys, version, force=force, sources=sources)
    firsts = active(documents).unique("doc_id", keep="first", maintain_order=True)
    pub = dict(zip(firsts["doc_id"], firsts["published"], strict=True))
    src = dict(zip(firsts["doc_id"], firsts["source"], strict=True))
    fresh = extractor((texts[i], i, src[i], pub[i]) for i in todo.extract)
    fresh = fresh.select(polars_schema().names()).cast(polars_schema())
    kept_ids = list(todo.cached)
    old = cache.facts()
    kept = old.filter(
        pl.col("doc_id").is_in(kept_ids) & (pl.col("extractor_version") == version)
    ).cast(polars_schema())
    facts = with_current_sources(pl.concat([kept, fresh]), documents)
    counts = fresh.group_by("doc_id").len()
    stamp = now or datetime.now(UTC)
    new_keys = (
        pl.DataFrame({"doc_id": list(todo.extract)}, schema={"doc_id": pl.String})
        .join(counts, on="doc_id", how="left")
        .select(
            "doc_id",
            extractor_version=pl.lit(version),
            n_facts=pl.col("len").fill_null(0).cast(pl.Int64),
            extracted_at=pl.lit(stamp).cast(pl.Datetime("us", "UTC")),
        )
    )
    old_keys = keys.filter(
        pl.col("doc_id").is_in(kept_ids) & (pl.col("extractor_version") == version)
    )
    cache.save(facts, pl.concat([old_keys.cast(KEYS_SCHEMA), new_keys]).sort("doc_id"))
    return Extraction(facts.sort("source", "span_start"), todo.extract, todo.cached)
