from __future__ import annotations

from datetime import date

from fact_rows import build

from gzetl.checks.frames import comparable, is_each_year


def test_comparable_leaves_out_broken_and_incomplete_rows() -> None:
    frame = build(
        {"value": 1.0, "raw_value": "1"},
        {"value": -1.0},
        {"value": 1.0, "unit": "percent", "share_of": "import_export_value", "value_high": None},
        {"value": 101.0, "unit": "percent"},
        {"value": 1.0, "period_start": date(2026, 1, 1)},
        {"value": 1.0, "subject": None},
        {"value": None, "change_pct": 3.0},
    )
    kept = comparable(frame)
    assert kept.get_column("fact_id").to_list() == ["f1", "f3"]
    assert kept.select("lo", "hi").row(0) == (0.5, 1.5)


def test_is_each_year_reads_the_note() -> None:
    frame = build({"note": "each year"}, {"note": None}, {"note": "times: read as +N*100%"})
    assert frame.select(is_each_year()).to_series().to_list() == [True, False, False]
