"""gzetl.warehouse: atomic table writes; a failing write keeps the last good table."""

from pathlib import Path

import polars as pl
import pytest

from gzetl.errors import PublishError
from gzetl.warehouse import Warehouse, read_table, write_table

GOOD = pl.DataFrame({"metric": ["export_value"], "value": [1.2e12]})


def test_write_then_read(tmp_path: Path) -> None:
    path = write_table(str(tmp_path), "facts", GOOD)
    assert path == str(tmp_path / "facts.parquet")
    back = read_table(str(tmp_path), "facts")
    assert back is not None
    assert back.equals(GOOD)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.parquet"]


def test_read_absent_table_is_none(tmp_path: Path) -> None:
    assert Warehouse(str(tmp_path / "nowhere")).read_table("facts") is None


def test_state_tables_live_in_a_subfolder(tmp_path: Path) -> None:
    Warehouse(str(tmp_path)).write_table("_state/extractions", GOOD)
    assert (tmp_path / "_state" / "extractions.parquet").is_file()


def test_relative_location_is_resolved_against_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Warehouse("warehouse").write_table("facts", GOOD)
    assert (tmp_path / "warehouse" / "facts.parquet").is_file()


def test_unserialisable_frame_keeps_the_old_table(tmp_path: Path) -> None:
    wh = Warehouse(str(tmp_path))
    wh.write_table("facts", GOOD)
    bad = pl.DataFrame({"value": [object()]}, schema={"value": pl.Object})
    with pytest.raises(PublishError) as caught:
        wh.write_table("facts", bad)
    assert str(caught.value).startswith(
        "table 'facts' not published: cannot serialise to Parquet: "
    )
    assert wh.read_table("facts") is not None
    assert wh.read_table("facts").equals(GOOD)  # type: ignore[union-attr]


def test_failed_rename_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "facts.parquet").mkdir()  # a directory where the table should go
    (tmp_path / "facts.parquet" / "keep").write_text("x")
    with pytest.raises(PublishError) as caught:
        Warehouse(str(tmp_path)).write_table("facts", GOOD)
    assert str(caught.value).startswith(f"table 'facts' not published: cannot write {tmp_path}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.parquet"]
    assert (tmp_path / "facts.parquet" / "keep").read_text() == "x"


def test_append_keeps_history(tmp_path: Path) -> None:
    wh = Warehouse(str(tmp_path))
    wh.append_table("check_results", pl.DataFrame({"run_id": ["r1"], "passed": [True]}))
    wh.append_table("check_results", pl.DataFrame({"run_id": ["r2"], "passed": [False]}))
    history = wh.read_table("check_results")
    assert history is not None
    assert history.rows() == [("r1", True), ("r2", False)]


def test_write_tables_serialises_all_before_writing_any(tmp_path: Path) -> None:
    wh = Warehouse(str(tmp_path))
    wh.write_tables({"facts": GOOD, "series": GOOD})
    newer = GOOD.with_columns(value=pl.lit(1.3e12))
    bad = pl.DataFrame({"value": [object()]}, schema={"value": pl.Object})
    with pytest.raises(PublishError) as caught:
        wh.write_tables({"facts": newer, "series": bad})
    assert str(caught.value).startswith("table 'series' not published: cannot serialise")
    assert wh.read_table("facts").equals(GOOD)  # type: ignore[union-attr]
    paths = wh.write_tables({"facts": newer, "series": newer})
    assert paths == {
        "facts": str(tmp_path / "facts.parquet"),
        "series": str(tmp_path / "series.parquet"),
    }
    assert wh.read_table("series").equals(newer)  # type: ignore[union-attr]
