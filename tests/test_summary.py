"""gzetl.summary: counts read back from published tables."""

from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from gzetl.summary import Summary, format_summary, summarise
from gzetl.warehouse import Warehouse


def test_summary_of_a_warehouse(tmp_path: Path) -> None:
    wh = Warehouse(str(tmp_path))
    wh.write_table(
        "documents",
        pl.DataFrame(
            {
                "source": ["a.txt", "b.txt", "c.txt", "d.txt"],
                "status": ["ok", "rejected", "deleted", "warning"],
                "problem": [None, "b.txt: empty file", "c.txt: removed", "d.meta.json: bad"],
            }
        ),
    )
    wh.write_table("facts", pl.DataFrame({"fact_id": ["f1", "f2", "f3"]}))
    wh.write_table("quarantine", pl.DataFrame({"fact_id": ["f4"]}))
    early, late = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)
    wh.write_table(
        "check_results",
        pl.DataFrame(
            {
                "checked_at": [early, early, late, late, late],
                "check": ["a", "b", "a", "b", "c"],
                "severity": ["error", "warning", "error", "warning", "warning"],
                "passed": [False, False, True, False, True],
            }
        ),
    )
    summary = summarise(wh)
    assert summary == Summary(
        documents=3,
        rejected=(("b.txt", "b.txt: empty file"),),
        deleted=1,
        facts=3,
        quarantined=1,
        checks_passed=2,
        checks_failed=("b (warning)",),
    )
    assert format_summary(summary, "wh").splitlines() == [
        "warehouse: wh",
        "documents read: 3 (1 rejected, 1 deleted)",
        "  rejected b.txt: empty file",
        "facts published: 3",
        "rows quarantined: 1",
        "checks: 2 passed, 1 failed",
        "  failed b (warning)",
    ]


def test_summary_of_an_empty_warehouse(tmp_path: Path) -> None:
    assert summarise(Warehouse(str(tmp_path))) == Summary(0, (), 0, 0, 0, 0, ())
