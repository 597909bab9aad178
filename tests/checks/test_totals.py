from __future__ import annotations

from datetime import date

from fact_rows import DOCUMENTS, build, ids, year

from gzetl.checks.totals import multi_year_totals

FIVE_YEARS = {"period_start": date(2021, 1, 1), "period_end": date(2025, 12, 31)}
ANNUAL = [
    {"value": float(raw) * 1e12, "raw_value": raw, **year(y)}
    for y, raw in zip(range(2021, 2026), ("1.08", "1.09", "1.10", "1.14", "1.2"), strict=True)
]


def test_cumulative_equal_to_the_sum_passes() -> None:
    frame = build({"value": 5.61e12, "raw_value": "5.61", **FIVE_YEARS}, *ANNUAL)
    assert multi_year_totals(frame, DOCUMENTS, {}).height == 0


def test_cumulative_off_the_sum_flags_it_and_the_years() -> None:
    frame = build({"value": 5.91e12, "raw_value": "5.91", **FIVE_YEARS}, *ANNUAL)
    found = multi_year_totals(frame, DOCUMENTS, {})
    assert ids(found) == ["f1", "f2", "f3", "f4", "f5", "f6"]
    assert found.get_column("message")[0] == (
        "multi-year total does not match: Guangzhou City import_export_value (CNY) "
        "2021-01-01..2025-12-31 states 5.91e12 (5.905e12..5.915e12) but its 5 annual values "
        "sum to 5.61e12 (5.54e12..5.68e12) (facts f2, f3, f4, f5, f6)"
    )


def test_cumulative_with_a_year_missing_is_not_checked() -> None:
    frame = build({"value": 9.3e12, "raw_value": "9.3", **FIVE_YEARS}, *ANNUAL[:4])
    assert multi_year_totals(frame, DOCUMENTS, {}).height == 0


def test_each_year_figure_holds_every_year() -> None:
    each = {"value": 1e12, "raw_value": "one", "bound": "gt", "note": "each year", **FIVE_YEARS}
    assert multi_year_totals(build(each, *ANNUAL), DOCUMENTS, {}).height == 0
    broken = [*ANNUAL[:1], {**ANNUAL[1], "value": 0.99e12, "raw_value": "0.99"}, *ANNUAL[2:]]
    found = multi_year_totals(build(each, *broken), DOCUMENTS, {})
    assert found.rows() == [
        (fact_id, "a figure for each year does not hold: Guangzhou City import_export_value "
         "(CNY) 2021-01-01..2025-12-31 states gt 1.0e12 every year (fact f1) but 2022 is "
         "9.9e11 (fact f3)")
        for fact_id in ("f1", "f3")
    ]  # fmt: skip
