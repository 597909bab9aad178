"""gzetl.incremental: manifest comparison, the extraction cache, the raw-folder watch."""

from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest

from gzetl.errors import SourceError
from gzetl.extraction import extract_documents
from gzetl.incremental import Cache, compare, listing_of, plan, run_extraction, scan, watch
from gzetl.sources import RawFile
from gzetl.warehouse import Warehouse

NOW = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
TEXTS = {
    "gz.txt": "In 2025, the total import and export value of Guangzhou City reached "
    "1.2 trillion yuan, up 5.2% year-on-year.\n",
    "ns.txt": "In 2025, Nansha Port completed a container throughput of 20.1 million TEUs, "
    "up 4.3% year-on-year.\n",
    "by.txt": "In the first half of 2025, Baiyun Airport handled 1.1 million tons of cargo.\n",
}


class Recorder:
    """The real extractor, remembering which documents it was given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, docs: Iterable[tuple[str, str, str, date | None]]) -> pl.DataFrame:
        batch = list(docs)
        self.seen += [source for _, _, source, _ in batch]
        return extract_documents(batch)


def put(folder: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def rows(documents: pl.DataFrame) -> list[tuple[str, str, str]]:
    return documents.select("source", "status", "change").rows()


def test_compare_new_changed_unchanged_deleted(tmp_path: Path) -> None:
    put(tmp_path, TEXTS)
    first = scan(str(tmp_path), None, now=NOW).documents
    assert rows(first) == [
        ("by.txt", "ok", "new"),
        ("gz.txt", "ok", "new"),
        ("ns.txt", "ok", "new"),
    ]
    (tmp_path / "ns.txt").unlink()
    (tmp_path / "gz.txt").write_text(TEXTS["gz.txt"] + "Exports rose.\n", encoding="utf-8")
    put(tmp_path, {"sz.txt": "Shenzhen exports rose 3%.\n"})
    second = scan(str(tmp_path), first, now=NOW).documents
    assert rows(second) == [
        ("by.txt", "ok", "unchanged"),
        ("gz.txt", "ok", "changed"),
        ("ns.txt", "deleted", "deleted"),
        ("sz.txt", "ok", "new"),
    ]
    assert second.filter(pl.col("source") == "ns.txt")["problem"].to_list() == [
        "ns.txt: removed from the raw location"
    ]
    third = scan(str(tmp_path), second, now=NOW).documents
    assert rows(third)[2] == ("ns.txt", "deleted", "unchanged")
    put(tmp_path, {"ns.txt": TEXTS["ns.txt"]})
    assert rows(scan(str(tmp_path), third, now=NOW).documents)[2] == ("ns.txt", "ok", "new")


def test_compare_without_previous_marks_all_new(tmp_path: Path) -> None:
    put(tmp_path, TEXTS)
    current = scan(str(tmp_path), None).documents
    assert compare(current.head(0), current)["change"].to_list() == ["new", "new", "new"]


def test_plan_force_sources_and_version(tmp_path: Path) -> None:
    put(tmp_path, TEXTS)
    docs = scan(str(tmp_path), None).documents
    ids = dict(zip(docs["source"], docs["doc_id"], strict=True))
    keys = pl.DataFrame({"doc_id": [ids["gz.txt"], ids["ns.txt"]], "extractor_version": ["1", "0"]})
    assert set(plan(docs, keys, "1").extract) == {ids["by.txt"], ids["ns.txt"]}
    assert plan(docs, keys, "1").cached == (ids["gz.txt"],)
    assert set(plan(docs, keys, "1", force=True).extract) == set(ids.values())
    assert set(plan(docs, keys, "1", sources=["gz.txt"]).extract) == set(ids.values())
    assert set(plan(docs, keys, "2").extract) == set(ids.values())


def test_plan_rejects_unknown_sources(tmp_path: Path) -> None:
    put(tmp_path, TEXTS)
    docs = scan(str(tmp_path), None).documents
    keys = pl.DataFrame(schema={"doc_id": pl.String, "extractor_version": pl.String})
    with pytest.raises(SourceError) as caught:
        plan(docs, keys, "1", sources=["gz.txt", "raw/ns.txt", "zz.txt"])
    assert str(caught.value) == (
        "raw/ns.txt, zz.txt: asked to reprocess, but not a readable document of the raw "
        "location (give paths relative to it, as in documents.source)"
    )


def test_second_run_extracts_only_the_new_file(tmp_path: Path) -> None:
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    put(raw, {"gz.txt": TEXTS["gz.txt"], "ns.txt": TEXTS["ns.txt"]})
    cache = Cache(Warehouse(str(wh)))
    first_scan = scan(str(raw), None)
    extractor = Recorder()
    first = run_extraction(first_scan.documents, first_scan.texts, cache, extractor, "v1")
    assert extractor.seen == ["gz.txt", "ns.txt"]
    put(raw, {"by.txt": TEXTS["by.txt"]})
    second_scan = scan(str(raw), first_scan.documents)
    extractor = Recorder()
    second = run_extraction(second_scan.documents, second_scan.texts, cache, extractor, "v1")
    assert extractor.seen == ["by.txt"]
    assert second.facts.filter(pl.col("source") != "by.txt").equals(first.facts)
    assert sorted(second.facts["source"].unique()) == ["by.txt", "gz.txt", "ns.txt"]
    assert cache.keys().height == 3


def test_renamed_file_keeps_cached_facts_under_its_new_path(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    put(raw, {"gz.txt": TEXTS["gz.txt"]})
    cache = Cache(Warehouse(str(tmp_path / "wh")))
    before = scan(str(raw), None)
    first = run_extraction(before.documents, before.texts, cache, Recorder(), "v1")
    (raw / "gz.txt").rename(raw / "guangzhou-2025.txt")
    after = scan(str(raw), before.documents)
    extractor = Recorder()
    second = run_extraction(after.documents, after.texts, cache, extractor, "v1")
    assert extractor.seen == []
    assert second.facts["source"].unique().to_list() == ["guangzhou-2025.txt"]
    assert second.facts["fact_id"].to_list() == first.facts["fact_id"].to_list()


def test_deleted_file_leaves_facts_and_cache(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    put(raw, {"gz.txt": TEXTS["gz.txt"], "ns.txt": TEXTS["ns.txt"]})
    cache = Cache(Warehouse(str(tmp_path / "wh")))
    before = scan(str(raw), None)
    run_extraction(before.documents, before.texts, cache, Recorder(), "v1")
    (raw / "ns.txt").unlink()
    after = scan(str(raw), before.documents)
    done = run_extraction(after.documents, after.texts, cache, Recorder(), "v1")
    assert done.facts["source"].unique().to_list() == ["gz.txt"]
    assert cache.facts()["source"].unique().to_list() == ["gz.txt"]


def test_version_bump_reextracts_everything(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    put(raw, TEXTS)
    cache = Cache(Warehouse(str(tmp_path / "wh")))
    docs = scan(str(raw), None)
    run_extraction(docs.documents, docs.texts, cache, Recorder(), "v1")
    extractor = Recorder()
    run_extraction(docs.documents, docs.texts, cache, extractor, "v2")
    assert sorted(extractor.seen) == ["by.txt", "gz.txt", "ns.txt"]
    assert cache.keys()["extractor_version"].unique().to_list() == ["v2"]


def test_watch_new_changed_deleted() -> None:
    run = listing_of([RawFile("a.txt", 10, 100.0), RawFile("b.txt", 20, 100.0)])
    now = listing_of([RawFile("a.txt", 11, 150.0), RawFile("c.txt", 5, 150.0)])
    seen = watch(now, now, run, now=200.0)
    assert (seen.busy, seen.new, seen.changed, seen.deleted) == (
        (),
        ("c.txt",),
        ("a.txt",),
        ("b.txt",),
    )
    assert seen.has_changes


def test_watch_busy_when_growing_or_too_fresh() -> None:
    tick = {"a.txt": (10, 100.0), "b.txt": (20, 100.0)}
    now = {"a.txt": (30, 100.5), "b.txt": (20, 100.0), "c.txt": (5, 199.0)}
    assert watch(now, tick, {}, now=200.0).busy == ("a.txt", "c.txt")
    assert watch(now, now, {}, now=202.0).busy == ()
