"""Every injected fault is caught by the check meant for it; the clean corpus raises nothing."""

from __future__ import annotations

import polars as pl
import pytest
from fault_corpus import BEGIN, DOC, END, FAULTS, Fault, facts, fired, rates_table, run


def test_clean_corpus_passes_every_check() -> None:
    result = run(facts())
    assert fired(result) == {}
    assert result.quarantine.height == 0
    assert result.facts.height == 25
    assert result.facts.get_column("flags").list.len().sum() == 0


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault_is_caught_by_its_check(fault: Fault) -> None:
    found = fired(run(fault.edit.apply(facts())))
    assert fault.meant_for in found
    assert found == fault.expected


ERROR_FAULTS = [f for f in FAULTS if f.meant_for in {"growth_scale", "percent_range",
                "period_order", "value_positive", "part_exceeds_whole"}]  # fmt: skip


@pytest.mark.parametrize("fault", ERROR_FAULTS, ids=[f.name for f in ERROR_FAULTS])
def test_error_fault_quarantines_the_faulty_fact(fault: Fault) -> None:
    result = run(fault.edit.apply(facts()))
    quarantined = result.quarantine.filter(pl.col("check") == fault.meant_for)
    assert fault.edit.target in quarantined.get_column("fact_id").to_list()
    assert fault.edit.target not in result.facts.get_column("fact_id").to_list()


def test_scale_slip_in_one_total_quarantines_only_that_total() -> None:
    fault = next(f for f in FAULTS if "a 2025 total" in f.name)
    result = run(fault.edit.apply(facts()))
    # it contradicts three parts and its conversion: blamed alone across both checks
    assert result.quarantine.select("fact_id", "check").rows() == [
        ("f23-D", "currency_conversion"),
        ("f23-D", "part_exceeds_whole"),
    ]
    exceeds = result.quarantine.filter(check="part_exceeds_whole")
    messages = exceeds.get_column("message").item().split("; ")
    assert len(messages) == 3  # exports, imports and trade with ASEAN each exceed it
    assert messages[0] == (
        "part exceeds whole: Guangzhou City export_value (CNY) 2025-01-01..2025-12-31 is "
        "7.205e11 (7.205e11..7.205e11) (fact f02-A) but the whole import_export_value is "
        "1.2e9 (1.15e9..1.25e9) (fact f23-D)"
    )


def test_warning_fault_publishes_the_fact_with_a_flag() -> None:
    fault = next(f for f in FAULTS if f.meant_for == "cross_source_agreement")
    result = run(fault.edit.apply(facts()))
    flagged = result.facts.filter(pl.col("flags").list.len() > 0)
    assert flagged.select("fact_id", "flags").to_dicts() == [
        {"fact_id": "f08-A", "flags": ["cross_source_agreement"]},
        {"fact_id": "f24-D", "flags": ["cross_source_agreement"]},
    ]


def test_docs_validation_rates_are_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    block = text.split(BEGIN)[1].split(END)[0].strip()
    assert block == rates_table(), "run: .venv/bin/python tests/faults/fault_corpus.py"
