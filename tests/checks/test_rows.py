from __future__ import annotations

from datetime import date

import polars as pl
from fact_rows import DOCUMENTS, build, ids

from gzetl.checks import rows

TEXTS = {"d1": "Exports were 720.52 billion yuan, up 6.1%."}


def run(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    return rows.rule_finder(name)(frame, DOCUMENTS, TEXTS)


def test_required_fields_names_the_null_columns() -> None:
    found = run("required_fields", build({}, {"text": None, "sentence": None}))
    assert found.rows() == [("f2", "fact f2: text, sentence must not be null")]


def test_bound_valid() -> None:
    frame = build({"bound": "over"}, {"change_basis": "annual"}, {"change_basis": "vs_2020"})
    assert ids(run("bound_valid", frame)) == ["f1", "f2"]


def test_value_positive() -> None:
    frame = build({"value": 0.0}, {"value": -5.0}, {"value": 5.0}, {"value": None},
                  {"value": 3.0, "value_high": 2.0, "bound": "range"})  # fmt: skip
    found = run("value_positive", frame)
    assert ids(found) == ["f1", "f2", "f5"]
    assert found.get_column("message")[1] == (
        "fact f2: value -5.0 must be > 0 and value_high ? must not be below it"
    )


def test_percent_range_applies_to_percent_only() -> None:
    frame = build(
        {"unit": "percent", "value": 116.5, "text": "116.5%"},
        {"unit": "percent", "value": 100.0},
        {"unit": "CNY", "value": 116.5},
    )
    assert run("percent_range", frame).rows() == [
        ("f1", "fact f1: a percentage must lie in [0, 100], found 116.5 in '116.5%'")
    ]


def test_change_above_minus_100_except_points() -> None:
    frame = build(
        {"change_pct": -100.0, "change_basis": "yoy"},
        {"change_pct": -99.9, "change_basis": "yoy"},
        {"change_pct": -120.0, "change_basis": "pp"},
    )
    assert ids(run("change_above_minus_100", frame)) == ["f1"]


def test_period_order() -> None:
    frame = build({"period_start": date(2025, 12, 31), "period_end": date(2025, 1, 1),
                   "period_label": "in 2025"})  # fmt: skip
    assert run("period_order", frame).rows() == [
        ("f1", "fact f1: period ends 2025-01-01 before it starts 2025-12-31 ('in 2025')")
    ]


def test_fact_id_unique() -> None:
    frame = build({}, {}, {}).with_columns(fact_id=pl.Series(["a", "a", "b"]))
    assert rows.fact_id_unique(frame, DOCUMENTS, TEXTS).rows() == [("a", "fact a: appears 2 times")]


def test_unit_in_catalogue() -> None:
    frame = build(
        {"unit": "CNY"},
        {"unit": "TEU"},
        {"unit": "percent", "share_of": "import_export_value"},
        {"unit": "CNY", "share_of": "import_export_value"},
        {"metric": "no_such_metric"},
        {"metric": None, "unit": "TEU"},  # no metric: nothing to check against
    )
    found = rows.unit_in_catalogue(frame, DOCUMENTS, TEXTS)
    assert found.rows() == [
        ("f2", "fact f2: unit TEU is not a unit of metric import_export_value "
               "(allowed: CNY, USD, HKD, EUR)"),
        ("f4", "fact f4: unit CNY is not a unit of metric import_export_value as a share of "
               "import_export_value (allowed: percent)"),
        ("f5", "fact f5: unit CNY is not a unit of metric no_such_metric "
               "(allowed: metric or share_of not in metrics.toml)"),
    ]  # fmt: skip


def test_span_matches_text() -> None:
    frame = build(
        {"span_start": 13, "span_end": 32, "text": "720.52 billion yuan"},
        {"span_start": 12, "span_end": 31, "text": "720.52 billion yuan"},
        {"doc_id": "d9"},
    )
    assert rows.span_matches_text(frame, DOCUMENTS, TEXTS).rows() == [
        ("f2", "fact f2: 2026-01-b.txt[12:31] holds ' 720.52 billion yua', "
               "expected '720.52 billion yuan'"),
        ("f3", "fact f3: no text for document d9"),
    ]  # fmt: skip


def test_document_known() -> None:
    documents = DOCUMENTS.with_columns(status=pl.Series(["ok", "deleted"]))
    frame = build({"doc_id": "d1"}, {"doc_id": "d2"}, {"doc_id": "d3"})
    assert rows.document_known(frame, documents, TEXTS).rows() == [
        ("f2", "fact f2: document d2 has status deleted"),
        ("f3", "fact f3: document d3 is not in documents"),
    ]


def test_document_known_accepts_a_doc_id_shared_with_a_duplicate() -> None:
    documents = pl.DataFrame({
        "doc_id": ["d1", "d1", "d2"],
        "source": ["a.txt", "a-copy.txt", "b.txt"],
        "published": [None, None, None],
        "status": ["duplicate", "warning", "rejected"],
    })  # fmt: skip
    frame = build({"doc_id": "d1"}, {"doc_id": "d2"})
    assert rows.document_known(frame, documents, TEXTS).rows() == [
        ("f2", "fact f2: document d2 has status rejected")
    ]
