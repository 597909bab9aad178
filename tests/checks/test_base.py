from __future__ import annotations

import polars as pl

from gzetl.checks.base import blame, contradictions, failing, number, percent


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


def test_contradictions_name_the_other_fact() -> None:
    pairs = pl.DataFrame({"a": ["v"], "b": ["u"], "message": ["m"]})
    assert contradictions(pairs).rows() == [("u", "m", "v"), ("v", "m", "u")]


def test_blame_picks_the_fact_in_most_contradictions() -> None:
    pairs = pl.DataFrame(
        {"a": ["exports", "imports"], "b": ["total", "total"], "message": ["1", "2"]}
    )
    assert blame(contradictions(pairs)).rows() == [
        ("total", "1", "exports"),
        ("total", "2", "imports"),
    ]


def test_blame_keeps_both_on_a_tie_and_rows_without_a_pair() -> None:
    found = pl.concat(
        [
            contradictions(pl.DataFrame({"a": ["v"], "b": ["u"], "message": ["m"]})),
            pl.DataFrame({"fact_id": ["w"], "message": ["row"], "other_id": [None]}),
        ]
    )
    assert blame(found).rows() == [("u", "m", "v"), ("v", "m", "u"), ("w", "row", None)]


def test_blame_breaks_a_tie_by_corroboration() -> None:
    found = contradictions(pl.DataFrame({"a": ["v"], "b": ["u"], "message": ["m"]}))
    support = pl.DataFrame(
        {"fact_id": ["v"], "support": [1]}, schema_overrides={"support": pl.UInt32}
    )
    assert blame(found, support).rows() == [("u", "m", "v")]
