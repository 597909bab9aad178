from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from fact_rows import DOCUMENTS, build, ids, year
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gzetl.checks.growth import derive, derived_vs_reported, growth_consistency, growth_scale

EXPORTS_2025 = {"metric": "export_value", "value": 720.52e9, "raw_value": "720.52",
                "change_pct": 6.1, "change_basis": "yoy"}  # fmt: skip
EXPORTS_2024 = {"metric": "export_value", "value": 679.1e9, "raw_value": "679.1", **year(2024)}


def test_derive_prior_value_vs_named_year() -> None:
    # 193.61 billion after +170% vs 2020 -> about 71.7 billion in 2020
    frame = build({"metric": "cbec_export_value", "value": 193.61e9, "raw_value": "193.61",
                   "change_pct": 170.0, "change_basis": "vs_2020",
                   "note": "times: read as +N*100%"})  # fmt: skip
    derived = derive(frame)
    assert derived.select("derived_id", "period_start", "period_end", "method").row(0) == (
        "f1~prior",
        date(2020, 1, 1),
        date(2020, 12, 31),
        "vs_2020",
    )
    value, low, high = derived.select("value", "value_low", "value_high").row(0)
    assert value == pytest.approx(71.707e9, rel=1e-4)
    assert (low, high) == pytest.approx((193.605e9 / 2.75, 193.615e9 / 2.65))


def test_derive_keeps_month_ends_across_leap_years() -> None:
    frame = build({"value": 10.0, "raw_value": "10", "change_pct": 5.0, "change_basis": "yoy",
                   "period_start": date(2025, 1, 1), "period_end": date(2025, 2, 28)})  # fmt: skip
    assert derive(frame).select("period_start", "period_end").row(0) == (
        date(2024, 1, 1),
        date(2024, 2, 29),
    )


def test_derive_points_for_a_share() -> None:
    frame = build(
        {
            "unit": "percent",
            "share_of": "import_export_value",
            "partner": "ASEAN",
            "value": 16.5,
            "raw_value": "16.5",
            "change_pct": 1.2,
            "change_basis": "pp",
        }
    )
    assert derive(frame).select("value", "method").row(0) == (pytest.approx(15.3), "pp")


def test_derive_skips_changes_it_cannot_place() -> None:
    frame = build(
        {"value": 1.0, "change_pct": 3.0, "change_basis": None},
        {"value": None, "change_pct": 3.0, "change_basis": "yoy"},
        {"value": 1.0, "change_pct": 3.0, "change_basis": "yoy", "note": "each year"},
    )
    assert derive(frame).height == 0


def test_consistent_growth_passes() -> None:
    frame = build(EXPORTS_2025, EXPORTS_2024)
    assert growth_consistency(frame, DOCUMENTS, {}).height == 0
    assert growth_scale(frame, DOCUMENTS, {}).height == 0


def test_changed_growth_rate_is_reported_on_the_stating_fact() -> None:
    frame = build({**EXPORTS_2025, "change_pct": 9.1}, EXPORTS_2024)
    found = growth_consistency(frame, DOCUMENTS, {})
    assert found.rows() == [(
        "f1",
        "growth inconsistent: Guangzhou City export_value (CNY) 2025-01-01..2025-12-31: "
        "7.205e11 (fact f1) against 6.791e11 for 2024-01-01..2024-12-31 (fact f2) implies "
        "+6.1% (+6.1%..+6.1%), stated +9.1% (+9.0%..+9.2%) yoy",
    )]  # fmt: skip


def test_the_reported_prior_is_flagged_against_the_derived_value() -> None:
    frame = build({**EXPORTS_2025, "change_pct": 9.1}, EXPORTS_2024)
    assert derived_vs_reported(frame, DOCUMENTS, {}).rows() == [(
        "f2",
        "reported value off the derived one: Guangzhou City export_value (CNY) "
        "2024-01-01..2024-12-31: reported 6.791e11 (fact f2), derived 6.604e11 "
        "(6.601e11..6.607e11) from fact f1 (7.205e11 for 2025-01-01..2025-12-31, +9.1% yoy)",
    )]  # fmt: skip


def test_scale_slip_is_an_error_not_an_inconsistency() -> None:
    frame = build(EXPORTS_2025, {**EXPORTS_2024, "value": 679.1e12})
    assert growth_consistency(frame, DOCUMENTS, {}).height == 0
    assert ids(growth_scale(frame, DOCUMENTS, {})) == ["f1", "f2"]


def test_bounds_widen_the_tolerance() -> None:
    # "over 18.6 million ... up about 19%" against 15.6 million a year earlier
    frame = build(
        {"metric": "inbound_outbound_persons", "unit": "person", "value": 18.6e6,
         "raw_value": "18.6", "bound": "gt", "change_pct": 19.0, "change_basis": "yoy",
         "note": "change approx"},
        {"metric": "inbound_outbound_persons", "unit": "person", "value": 15.6e6,
         "raw_value": "15.6", **year(2024)},
    )  # fmt: skip
    assert growth_consistency(frame, DOCUMENTS, {}).height == 0


def test_derive_quarter_on_quarter_and_month_on_month() -> None:
    q1 = {"period_start": date(2025, 1, 1), "period_end": date(2025, 3, 31)}
    march = {"period_start": date(2025, 3, 1), "period_end": date(2025, 3, 31)}
    frame = build(
        {"value": 10.0, "raw_value": "10", "change_pct": 5.0, "change_basis": "qoq", **q1},
        {"value": 10.0, "raw_value": "10", "change_pct": 5.0, "change_basis": "mom", **march},
    )
    assert derive(frame).select("method", "period_start", "period_end").rows() == [
        ("qoq", date(2024, 10, 1), date(2024, 12, 31)),
        ("mom", date(2025, 2, 1), date(2025, 2, 28)),
    ]


# Property: figures correctly rounded from a true prior value and growth never raise an alarm,
# and the same figures with the prior read 1000x too large always raise growth_scale.
SCALES = st.sampled_from([1.0, 1e4, 1e6, 1e8, 1e9, 1e12])


def written(true: float, scale: float, decimals: int) -> tuple[float, str]:
    raw = f"{true / scale:.{decimals}f}"
    return float(raw) * scale, raw


@settings(max_examples=60, deadline=None)
@given(
    prior=st.floats(1e3, 1e13),
    growth=st.floats(-60.0, 300.0),
    v_scale=SCALES,
    u_scale=SCALES,
    v_decimals=st.integers(0, 3),
    u_decimals=st.integers(0, 3),
    c_decimals=st.integers(0, 2),
)
def test_correct_rounding_never_raises_an_alarm(
    *,
    prior: float,
    growth: float,
    v_scale: float,
    u_scale: float,
    v_decimals: int,
    u_decimals: int,
    c_decimals: int,
) -> None:
    v, v_raw = written(prior * (1 + growth / 100), v_scale, v_decimals)
    u, u_raw = written(prior, u_scale, u_decimals)
    assume(v > 0 and u > 0)
    change = round(growth, c_decimals)
    frame = build(
        {"value": v, "raw_value": v_raw, "change_pct": change, "change_basis": "yoy"},
        {"value": u, "raw_value": u_raw, **year(2024)},
    )
    assert growth_consistency(frame, DOCUMENTS, {}).height == 0
    assert growth_scale(frame, DOCUMENTS, {}).height == 0
    slipped = frame.with_columns(
        value=pl.when(pl.col("fact_id") == "f2").then(pl.col("value") * 1000).otherwise("value")
    )
    assert ids(growth_scale(slipped, DOCUMENTS, {})) == ["f1", "f2"]
