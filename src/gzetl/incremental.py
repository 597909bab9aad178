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

import pandera.polars as pa
import polars as pl

from gzetl.errors import PublishError, SourceError
from gzetl.schemas.documents import Documents
from gzetl.schemas.facts import polars_schema
from gzetl.sources import DOCUMENTS_SCHEMA, RawFile, documents_frame, load_documents
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
    unknown = sorted(set(sources) - set(docs.get_column("source")))
    if unknown:
        raise SourceError(
            ", ".join(unknown),
            "asked to reprocess, but not a readable document of the raw location "
            "(give paths relative to it, as in documents.source)",
        )
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
    # The cache only ever holds one version's facts: keys decide what is current.
    kept = old.filter(pl.col("doc_id").is_in(kept_ids)).cast(polars_schema())
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


# --- watching the raw location ---------------------------------------------------------------

QUIET_SECONDS = 2.0

Listing = dict[str, tuple[int, float]]
"""path -> (size, mtime) of the documents and sidecars of the raw location."""


def listing_of(files: Iterable[RawFile]) -> Listing:
    """The listing of ``files`` (gzetl.sources.list_files)."""
    return {f.path: (f.size, f.mtime) for f in files}


@dataclass(frozen=True)
class Watch:
    """What one look at the raw location found, against the last tick and the last run."""

    busy: tuple[str, ...]
    new: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed or self.deleted)


def watch(
    current: Listing,
    last_tick: Listing,
    last_run: Listing,
    now: float,
    quiet: float = QUIET_SECONDS,
) -> Watch:
    """Compare ``current`` with the last run's listing; ``busy`` files are still being written.

    A file is busy when its size or mtime changed since the last tick or its mtime is less
    than ``quiet`` seconds old: the caller waits for the next tick before running.
    """
    busy = tuple(
        path
        for path, (size, mtime) in current.items()
        if now - mtime < quiet or (path in last_tick and last_tick[path] != (size, mtime))
    )
    return Watch(
        busy=busy,
        new=tuple(p for p in current if p not in last_run),
        changed=tuple(p for p in current if p in last_run and last_run[p] != current[p]),
        deleted=tuple(p for p in last_run if p not in current),
    )


# --- one scan of the raw location ------------------------------------------------------------


@dataclass(frozen=True)
class Scan:
    """The documents table of this run and the texts of its active documents by doc_id."""

    documents: pl.DataFrame
    texts: dict[str, str]


def scan(raw_url: str, previous: pl.DataFrame | None, *, now: datetime | None = None) -> Scan:
    """Read every document under ``raw_url`` and compare with the previous documents table."""
    loaded = load_documents(raw_url)
    texts = {d.doc_id: d.text for d in loaded if d.status in ACTIVE and d.text is not None}
    table = compare(previous, documents_frame(loaded, seen_at=now))
    try:
        checked = Documents.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise PublishError("documents", f"violates its contract:\n{exc.failure_cases}") from exc
    return Scan(checked, texts)
