"""The registry in gzetl/checks/__init__.py: names, severities, running and summarising."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from fact_rows import DOCUMENTS, build

from gzetl import checks


def test_names_are_unique_snake_case() -> None:
    names = [c.name for c in checks.CHECKS]
    assert len(names) == len(set(names)) == 20
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)


def test_severities_as_documented() -> None:
    warnings = [c.name for c in checks.CHECKS if c.severity == "warning"]
    assert warnings == [
        "growth_consistency", "derived_vs_reported", "parts_whole", "share_of_whole",
        "cross_source_agreement", "cell_ambiguous", "multi_year_totals",
    ]  # fmt: skip


def test_every_check_has_a_description_and_is_on_facts() -> None:
    assert all(c.description and c.table == "facts" for c in checks.CHECKS)


def test_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError, match="severity 'fatal'"):
        checks.Check("x", "facts", "fatal", "x", checks.by_name("period_order").find)


def test_by_name_names_the_registered_checks() -> None:
    with pytest.raises(KeyError, match="no check named 'nope'"):
        checks.by_name("nope")


def test_results_has_one_row_per_check_with_a_sample() -> None:
    frame = build({"value": -1.0}, {"value": -2.0})
    failures = {c.name: checks.run(c, frame, DOCUMENTS, {}) for c in checks.CHECKS}
    results = checks.results(failures, run_id="r1", checked_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert results.height == 20
    row = results.filter(check="value_positive").row(0, named=True)
    assert row["passed"] is False
    assert row["failing_count"] == 2
    assert row["message"] == (
        "value_positive (error): 2 fact(s) failed; first: fact f1: value -1.0 must be > 0 "
        "and value_high ? must not be below it"
    )
    assert [r["fact_id"] for r in json.loads(row["sample"])] == ["f1", "f2"]
    assert results.filter(check="period_order").row(0, named=True)["message"] == (
        "period_order: passed"
    )


def test_run_all_blames_across_error_checks() -> None:
    # a total read 1000x too small: exceeded by exports, and off its US$ conversion
    frame = build(
        {"value": 1.2e9, "raw_value": "1.2", "statement_id": "s"},
        {"value": 168.9e9, "raw_value": "168.9", "unit": "USD", "statement_id": "s"},
        {"metric": "export_value", "value": 720.52e9, "raw_value": "720.52"},
    )
    alone = checks.run(checks.by_name("currency_conversion"), frame, DOCUMENTS, {})
    assert alone.get_column("fact_id").to_list() == ["f1", "f2"]  # a tie within one check
    together = checks.run_all(frame, DOCUMENTS, {})
    assert together["currency_conversion"].get_column("fact_id").to_list() == ["f1"]
    assert together["part_exceeds_whole"].get_column("fact_id").to_list() == ["f1"]
