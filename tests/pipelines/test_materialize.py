"""The whole gzetl_job in-process into a temporary warehouse, read back with polars."""

import shutil
from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl
import pytest
from pipelines.definitions import defs
from pipelines.resources import GzetlSettings

from gzetl.checks import CHECKS

pytestmark = pytest.mark.xdist_group("dagster")

REAL = (
    Path(__file__).resolve().parents[2]
    / "raw"
    / "2026-01-guangzhou-customs-14th-five-year-plan.txt"
)
HUANGPU = (
    "Huangpu Customs reports steady growth\n\n"
    "In 2025, the total import and export value of Dongguan City reached 1.45 trillion yuan, "
    "an increase of 6.8% over the previous year. Exports were 930 billion yuan.\n"
)
SHEKOU = (
    "Shekou port keeps busy\n\n"
    "In the first half of 2025, Shenzhen Port handled a container throughput of 15.3 million "
    "TEUs, up 7.1% year-on-year.\n"
)


def run(raw: Path, warehouse: Path, **config: Any) -> dg.ExecuteInProcessResult:
    settings = GzetlSettings(raw_url=str(raw), warehouse_url=str(warehouse))
    return defs.resolve_job_def("gzetl_job").execute_in_process(
        run_config={"ops": {"candidate_facts": {"config": config}}} if config else None,
        instance=dg.DagsterInstance.ephemeral(),
        resources={"settings": settings},
    )


def table(warehouse: Path, name: str) -> pl.DataFrame:
    return pl.read_parquet(warehouse / f"{name}.parquet")


def extraction(result: dg.ExecuteInProcessResult) -> tuple[int, int]:
    (event,) = result.asset_materializations_for_node("candidate_facts")
    meta = event.metadata
    return meta["documents_extracted"].value, meta["documents_cached"].value  # type: ignore[return-value]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REAL, raw / REAL.name)
    (raw / "dongguan-2025.txt").write_text(HUANGPU, encoding="utf-8")
    return raw, tmp_path / "warehouse"


def test_whole_graph_publishes_traceable_facts(folders: tuple[Path, Path]) -> None:
    raw, wh = folders
    result = run(raw, wh)
    assert result.success
    facts = table(wh, "facts")
    texts = {p.name: p.read_text(encoding="utf-8") for p in raw.iterdir()}
    assert set(facts["source"]) == set(texts)
    for source, start, end, text in facts.select("source", "span_start", "span_end", "text").rows():
        assert texts[source][start:end] == text
    dongguan = facts.filter(pl.col("text") == "1.45 trillion yuan")
    assert dongguan.select("subject", "metric", "value", "change_pct").rows() == [
        ("Dongguan City", "import_export_value", 1.45e12, 6.8)
    ]
    docs = table(wh, "documents")
    assert docs.select("source", "status", "change").sort("source").rows() == [
        (REAL.name, "ok", "new"),
        ("dongguan-2025.txt", "ok", "new"),
    ]
    results = table(wh, "check_results")
    assert results["check"].to_list() == [c.name for c in CHECKS]
    assert results["run_id"].unique().to_list() == [result.run_id]
    for name in ("quarantine", "derived", "series"):
        assert (wh / f"{name}.parquet").is_file()
    checks = result.get_asset_check_evaluations()
    assert len(checks) == len(CHECKS) + 1
    assert {e.check_name: e.passed for e in checks}["all_sources_readable"] is True


def test_second_run_extracts_only_the_new_file(folders: tuple[Path, Path]) -> None:
    raw, wh = folders
    assert extraction(run(raw, wh)) == (2, 0)
    (raw / "shenzhen-h1.txt").write_text(SHEKOU, encoding="utf-8")
    second = run(raw, wh)
    assert extraction(second) == (1, 2)
    docs = table(wh, "documents").sort("source")
    assert docs.select("source", "change").rows() == [
        (REAL.name, "unchanged"),
        ("dongguan-2025.txt", "unchanged"),
        ("shenzhen-h1.txt", "new"),
    ]
    assert "shenzhen-h1.txt" in set(table(wh, "facts")["source"])
    assert table(wh, "check_results")["run_id"].n_unique() == 2


def test_force_and_sources_config(folders: tuple[Path, Path]) -> None:
    raw, wh = folders
    run(raw, wh)
    assert extraction(run(raw, wh)) == (0, 2)
    assert extraction(run(raw, wh, force=True)) == (2, 0)
    assert extraction(run(raw, wh, sources=["dongguan-2025.txt"])) == (1, 1)


def test_deleting_a_file_removes_its_facts(folders: tuple[Path, Path]) -> None:
    raw, wh = folders
    run(raw, wh)
    assert "dongguan-2025.txt" in set(table(wh, "facts")["source"])
    (raw / "dongguan-2025.txt").unlink()
    assert run(raw, wh).success
    assert set(table(wh, "facts")["source"]) == {REAL.name}
    assert set(table(wh, "series").explode("fact_ids")["fact_ids"]) <= set(
        table(wh, "facts")["fact_id"]
    )
    docs = table(wh, "documents").filter(pl.col("source") == "dongguan-2025.txt")
    assert docs.select("status", "change", "problem").rows() == [
        ("deleted", "deleted", "dongguan-2025.txt: removed from the raw location")
    ]


def test_bad_inputs_are_reported_and_the_rest_published(folders: tuple[Path, Path]) -> None:
    raw, wh = folders
    (raw / "empty.txt").write_bytes(b"")
    (raw / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01")
    (raw / "gbk.txt").write_bytes("进出口总值".encode("gbk"))
    (raw / "dongguan-2025.meta.json").write_text('{"published": "last year"}', encoding="utf-8")
    result = run(raw, wh)
    assert result.success
    docs = table(wh, "documents").sort("source")
    assert docs.select("source", "status", "problem").rows() == [
        (REAL.name, "ok", None),
        (
            "dongguan-2025.txt",
            "warning",
            "dongguan-2025.meta.json: bad 'published' date 'last year': "
            "expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ("empty.txt", "rejected", "empty.txt: empty file: expected the text of a press release"),
        (
            "gbk.txt",
            "rejected",
            "gbk.txt: not UTF-8: byte 0xbd at offset 0 cannot be decoded (save the file as UTF-8)",
        ),
        (
            "scan.txt",
            "rejected",
            "scan.txt: binary file (NUL byte at offset 8): expected UTF-8 text",
        ),
    ]
    assert set(table(wh, "facts")["source"]) == {REAL.name, "dongguan-2025.txt"}
    (check,) = [
        e for e in result.get_asset_check_evaluations() if e.check_name == "all_sources_readable"
    ]
    assert (check.passed, check.metadata["failing_count"].value) == (False, 3)
    (event,) = result.asset_materializations_for_node("documents")
    assert "| gbk.txt | rejected |" in event.metadata["rejected_sources"].value  # type: ignore[operator]


def test_renamed_file_keeps_its_facts_without_extraction(folders: tuple[Path, Path]) -> None:
    raw, wh = folders
    run(raw, wh)
    before = table(wh, "facts").filter(pl.col("source") == "dongguan-2025.txt")
    (raw / "dongguan-2025.txt").rename(raw / "huangpu-customs-2025.txt")
    result = run(raw, wh)
    assert extraction(result) == (0, 2)
    after = table(wh, "facts").filter(pl.col("source") == "huangpu-customs-2025.txt")
    assert after["fact_id"].to_list() == before["fact_id"].to_list()
    assert table(wh, "quarantine").filter(pl.col("check") == "document_known").is_empty()
    docs = table(wh, "documents").sort("source").select("source", "status", "change")
    assert docs.rows() == [
        (REAL.name, "ok", "unchanged"),
        ("dongguan-2025.txt", "deleted", "deleted"),
        ("huangpu-customs-2025.txt", "ok", "new"),
    ]
