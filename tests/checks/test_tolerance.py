from __future__ import annotations

import math

import polars as pl
import pytest

from gzetl.checks.tolerance import change_interval, half_unit, value_interval


def interval(**fields: object) -> tuple[float, float]:
    row = {"value": None, "value_high": None, "raw_value": None, "bound": "eq", **fields}
    frame = pl.DataFrame([row], schema={"value": pl.Float64, "value_high": pl.Float64,
                                        "raw_value": pl.String, "bound": pl.String})  # fmt: skip
    lo, hi = frame.select(*value_interval()).row(0)
    return lo, hi


def change(**fields: object) -> tuple[float, float]:
    row = {"value": 1.0, "change_pct": None, "note": None, "bound": "eq", **fields}
    frame = pl.DataFrame([row], schema={"value": pl.Float64, "change_pct": pl.Float64,
                                        "note": pl.String, "bound": pl.String})  # fmt: skip
    lo, hi = frame.select(*change_interval()).row(0)
    return lo, hi


@pytest.mark.parametrize(
    ("raw", "value", "expected"),
    [
        ("43.85", 43.85e12, 0.005e12),  # the brief's example: +-0.005 trillion
        ("1.2", 1.2e12, 0.05e12),
        ("122000", 122000.0, 500.0),  # trailing zeros are not significant
        ("202", 202.0, 0.5),
        ("1,530", 1530.0, 5.0),
        ("one", 1e12, 0.5e12),  # a word: one significant digit
    ],
)
def test_half_unit_of_last_written_digit(raw: str, value: float, expected: float) -> None:
    frame = pl.DataFrame({"raw": [raw], "value": [value]})
    got = frame.select(half_unit(pl.col("raw"), pl.col("value"))).item()
    assert got == pytest.approx(expected)


def test_eq_is_plus_minus_half_unit() -> None:
    assert interval(value=193.61e9, raw_value="193.61") == pytest.approx((193.605e9, 193.615e9))


def test_gt_runs_from_the_value_to_infinity() -> None:
    assert interval(value=28e6, raw_value="28", bound="gt") == (28e6, math.inf)


def test_le_runs_from_zero_to_the_value() -> None:
    assert interval(value=6.0, raw_value="6", bound="le") == (0.0, 6.0)


def test_approx_widens_by_five_percent() -> None:
    # "nearly 700 million tons": +-50 million (trailing zeros) +-35 million (5%)
    assert interval(value=700e6, raw_value="700", bound="approx") == pytest.approx((615e6, 785e6))


def test_range_runs_to_value_high() -> None:
    assert interval(value=72.0, value_high=120.0, raw_value="3", bound="range") == pytest.approx(
        (60.0, 132.0)  # "3 to 5 days": half a day either side
    )


def test_change_of_one_decimal() -> None:
    assert change(change_pct=5.2) == pytest.approx((5.15, 5.25))


def test_change_in_whole_percent() -> None:
    assert change(change_pct=5.0) == pytest.approx((4.5, 5.5))


def test_change_in_times_has_the_precision_of_the_multiple() -> None:
    assert change(change_pct=170.0, note="times: read as +N*100%") == pytest.approx((165.0, 175.0))


def test_change_qualifier_from_note() -> None:
    # "a year-on-year increase of about 13%": +-0.5 and +-5% of 13
    assert change(change_pct=13.0, note="change approx") == pytest.approx((11.85, 14.15))


def test_change_only_fact_takes_its_bound() -> None:
    assert change(value=None, change_pct=20.0, bound="gt") == (20.0, math.inf)
