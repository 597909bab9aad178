from __future__ import annotations

import polars as pl

from gzetl.checks.base import blame, failing, number, percent


def test_number_is_four_significant_digits() -> None:
    frame = pl.DataFrame({"x": [193.61e9, 71.7037e9, 5.2, 9878.0, None, float("inf")]})
    assert frame.select(number(pl.col("x"))).to_series().to_list() == [
        "1.936e11", "7.17e10", "5.2", "9878.0", "?", "inf",
    ]  # fmt: skip


def test_percent_is_signed() -> None:
    frame = pl.DataFrame({"x": [5.26, -3.14]})
    assert frame.select(percent(pl.col("x"))).to_series().to_list() == ["+5.3%", "-3.1%"]


def test_failing_dedups_and_sorts() -> None:
    frame = pl.DataFrame({"fact_id": ["b", "a", "b"], "message": ["m", "m", "m"], "x": [1, 2, 3]})
    assert failing(frame).rows() == [("a", "m"), ("b", "m")]


def test_blame_picks_the_fact_in_most_contradictions() -> None:
    pairs = pl.DataFrame(
        {"a": ["exports", "imports"], "b": ["total", "total"], "message": ["1", "2"]}
    )
    assert blame(pairs).rows() == [("total", "1"), ("total", "2")]


def test_blame_reports_both_on_a_tie() -> None:
    pairs = pl.DataFrame({"a": ["v"], "b": ["u"], "message": ["m"]})
    assert blame(pairs).rows() == [("u", "m"), ("v", "m")]
