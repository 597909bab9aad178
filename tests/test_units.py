"""Tests of gzetl.units: unit phrases and currencies -> canonical unit and factor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gzetl.units import canonical_value, currencies, referents, unit_of, units

CASES = [
    ("teus", "3", "1e6", "TEUs", "3E+6", "TEU"),
    ("twenty-foot", "1", "1", "twenty-foot equivalent units", "1", "TEU"),
    ("metric-tons", "2", "1e3", "metric tons", "2E+3", "t"),
    ("kilograms", "850", "1e3", "kilograms", "850.000", "t"),
    ("days", "3", "1", "days", "72", "h"),
    ("weeks", "3", "1", "weeks", "504", "h"),
    ("months", "1", "1", "months", "730", "h"),
    ("yuan", "1.2", "1e12", "yuan", "1.2E+12", "CNY"),
    ("rmb", "6.48", "1e12", "RMB", "6.48E+12", "CNY"),
    ("us-dollars", "1.17", "1e12", "U.S. dollars", "1.17E+12", "USD"),
    ("hk-dollars", "5", "1", "HK dollars", "5", "HKD"),
    ("euros", "19.1", "1e9", "euros", "1.91E+10", "EUR"),
    ("person-times", "1.2", "1e6", "person-times", "1.2E+6", "person"),
    ("percent", "5.2", "1", "%", "5.2", "percent"),
]


@pytest.mark.parametrize(
    ("number", "scale", "phrase", "value", "unit"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_canonical_value(number: str, scale: str, phrase: str, value: str, unit: str) -> None:
    assert canonical_value(Decimal(number), Decimal(scale), phrase) == (Decimal(value), unit)


def test_unknown_unit_keeps_the_number() -> None:
    assert canonical_value(Decimal("2"), Decimal("1e3"), "widgets") == (Decimal("2E+3"), None)
    assert unit_of("widgets") is None


def test_months_carry_their_note() -> None:
    assert unit_of("months").note == "months read as 730 h"  # type: ignore[union-attr]


def test_counted_nouns_are_marked() -> None:
    counted = sorted(p for p, u in units().items() if u.counted)
    assert {"flights", "measures", "trips", "enterprises", "batches", "ports"} <= set(counted)
    assert not units()["tons"].counted


def test_currency_symbols_before_an_amount() -> None:
    assert (currencies().before["$"], currencies().before["hk$"], currencies().before["rmb"]) == (
        "USD",
        "HKD",
        "CNY",
    )


def test_generic_units_and_their_referents() -> None:
    generic = sorted(p for p, u in units().items() if u.generic)
    assert generic == ["pieces", "sets", "units"]
    assert (units()["ships"].unit, units()["containers"].unit, units()["pct"].unit) == (
        "vessel",
        "container",
        "percent",
    )
    assert (referents()["car"], referents()["vessels"]) == ("vehicle", "vessel")
