from __future__ import annotations

from datetime import date

import polars as pl
from fact_rows import DOCUMENTS, build, ids

from gzetl.checks.sources import (
    cell_ambiguous,
    corroboration,
    cross_source_agreement,
    latest_first,
)

TOTAL = {"value": 1.2e12, "raw_value": "1.2"}


def test_latest_first_by_published_then_source() -> None:
    documents = pl.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "source": ["x.txt", "y.txt", "z.txt", "w.txt"],
        "published": [date(2026, 1, 20), date(2026, 1, 20), None, date(2025, 1, 1)],
    })  # fmt: skip
    assert latest_first(documents).get_column("doc_id").to_list() == ["b", "a", "d", "c"]


def test_agreeing_sources_pass() -> None:
    # "1.2 trillion" is 1.15..1.25 trillion: a more precise 1.204 trillion agrees
    frame = build(
        {**TOTAL, "doc_id": "d1"}, {"value": 1.204e12, "raw_value": "1.204", "doc_id": "d2"}
    )
    assert cross_source_agreement(frame, DOCUMENTS, {}).height == 0


def test_rounded_neighbours_agree() -> None:
    # 1.2 and 1.3 trillion can both be roundings of 1.25 trillion
    frame = build(TOTAL, {"value": 1.3e12, "raw_value": "1.3", "doc_id": "d2"})
    assert cross_source_agreement(frame, DOCUMENTS, {}).height == 0


def test_disagreeing_sources_flag_both_and_name_the_latest() -> None:
    frame = build(
        {**TOTAL, "doc_id": "d1", "source": "2025-01-a.txt"},
        {"value": 1.4e12, "raw_value": "1.4", "doc_id": "d2", "source": "2026-01-b.txt"},
    )
    found = cross_source_agreement(frame, DOCUMENTS, {})
    assert ids(found) == ["f1", "f2"]
    assert found.get_column("message")[0] == (
        "sources disagree: Guangzhou City import_export_value (CNY) 2025-01-01..2025-12-31: "
        "1.2e12 change - in 2025-01-a.txt (fact f1) vs 1.4e12 change - in 2026-01-b.txt "
        "(fact f2); latest publication: 2026-01-b.txt"
    )


def test_changes_of_the_same_basis_are_compared() -> None:
    frame = build(
        {**TOTAL, "change_pct": 5.3, "change_basis": "yoy"},
        {**TOTAL, "change_pct": 6.3, "change_basis": "yoy", "doc_id": "d2"},
    )
    assert ids(cross_source_agreement(frame, DOCUMENTS, {})) == ["f1", "f2"]


def test_one_statement_is_not_compared_with_itself() -> None:
    # a currency conversion: two facts of one statement (different units anyway)
    frame = build({**TOTAL, "statement_id": "s"}, {**TOTAL, "value": 2e12, "statement_id": "s"})
    assert cross_source_agreement(frame, DOCUMENTS, {}).height == 0


def test_change_only_facts_are_compared() -> None:
    frame = build(
        {"value": None, "change_pct": 8.7, "change_basis": "yoy", "doc_id": "d1"},
        {"value": None, "change_pct": 3.1, "change_basis": "yoy", "doc_id": "d2"},
    )
    assert ids(cross_source_agreement(frame, DOCUMENTS, {})) == ["f1", "f2"]


def test_one_document_disagreeing_with_itself_is_an_ambiguous_cell() -> None:
    # "202 measures" for the Bay Area and "102 measures" for Nansha, no product told apart
    measures = {"subject": "Guangzhou Customs", "metric": "measures", "unit": "measure"}
    frame = build(
        {**measures, "value": 202.0, "raw_value": "202", "text": "202 measures"},
        {**measures, "value": 102.0, "raw_value": "102", "text": "102 measures"},
    )
    assert cross_source_agreement(frame, DOCUMENTS, {}).height == 0
    assert cell_ambiguous(frame, DOCUMENTS, {}).rows() == [
        (fact_id, "one cell stated twice in 2026-01-b.txt: Guangzhou Customs measures (measure) "
         "2025-01-01..2025-12-31: '202 measures' (fact f1) vs '102 measures' (fact f2); a "
         "product or partner may be missing")
        for fact_id in ("f1", "f2")
    ]  # fmt: skip


def test_latest_first_keeps_the_active_row_of_a_duplicated_doc_id() -> None:
    documents = pl.DataFrame({
        "doc_id": ["a", "a"],
        "source": ["z-copy.txt", "a.txt"],
        "published": [date(2026, 1, 20), date(2026, 1, 20)],
        "status": ["duplicate", "ok"],
    })  # fmt: skip
    assert latest_first(documents).rows() == [(1, "a", date(2026, 1, 20), "a.txt")]


def test_corroboration_counts_agreeing_minus_contradicting_documents() -> None:
    frame = build(
        {**TOTAL, "doc_id": "d1"},
        {**TOTAL, "doc_id": "d2"},
        {**TOTAL, "doc_id": "d2", "value": 1.9e12, "raw_value": "1.9"},
        {**TOTAL, "doc_id": "d1", "value": 1.9e12, "raw_value": "1.9"},
    )
    # f1: d2 both confirms (f2) and contradicts (f3); f3 contradicted by d1 (f1), confirmed (f4)
    assert corroboration(frame).sort("fact_id").rows() == [
        ("f1", 0), ("f2", 0), ("f3", 0), ("f4", 0),
    ]  # fmt: skip
    lonely = build({**TOTAL, "doc_id": "d1"}, {**TOTAL, "doc_id": "d2", "value": 1.9e12})
    assert corroboration(lonely).sort("fact_id").rows() == [("f1", -1), ("f2", -1)]
