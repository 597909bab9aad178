"""validate(): the split into facts and quarantine, flags, derived, series, check_results."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from gzetl.errors import PublishError
from gzetl.schemas.facts import polars_schema
from gzetl.validation import Validated, validate

TEXT = (
    "In 2025, the total import and export volume of Guangzhou City reached 1.2 trillion yuan, "
    "up 5.3%. Exports were 720.52 billion yuan. In 2024 the total was 1.14 trillion yuan."
)
DOCUMENTS = pl.DataFrame(
    {"doc_id": ["d1"], "source": ["a.txt"], "published": [date(2026, 1, 20)], "status": ["ok"]}
)
RUN: dict[str, Any] = {"run_id": "run-1", "checked_at": datetime(2026, 1, 31, 8, tzinfo=UTC)}


def fact(fact_id: str, phrase: str, text: str = TEXT, **fields: Any) -> dict[str, Any]:
    start = text.index(phrase)
    return {
        "fact_id": fact_id, "doc_id": "d1", "source": "a.txt", "span_start": start,
        "span_end": start + len(phrase), "text": phrase, "sentence": phrase,
        "statement_id": fact_id, "bound": "eq", "extractor_version": "test",
        "subject": "Guangzhou City", "metric": "import_export_value", "unit": "CNY",
        "period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31), **fields,
    }  # fmt: skip


TOTAL = fact("total", "1.2 trillion yuan", value=1.2e12, raw_value="1.2", change_pct=5.3,
             change_basis="yoy")  # fmt: skip
EXPORTS = fact("exports", "720.52 billion yuan", metric="export_value", value=720.52e9,
               raw_value="720.52")  # fmt: skip
PRIOR = fact("prior", "1.14 trillion yuan", value=1.14e12, raw_value="1.14",
             period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))  # fmt: skip


def run(*rows: dict[str, Any], documents: pl.DataFrame = DOCUMENTS) -> Validated:
    frame = pl.DataFrame(list(rows), schema=polars_schema())
    return validate(frame, documents, {"d1": TEXT}, **RUN)


def test_clean_facts_are_published_with_empty_flags() -> None:
    result = run(TOTAL, EXPORTS, PRIOR)
    assert result.facts.get_column("fact_id").to_list() == ["total", "exports", "prior"]
    assert result.facts.get_column("flags").to_list() == [[], [], []]
    assert result.quarantine.height == 0
    assert result.check_results.get_column("passed").all()


def test_error_moves_the_fact_to_quarantine_with_check_and_message() -> None:
    result = run(TOTAL, {**EXPORTS, "value": -720.52e9}, PRIOR)
    assert result.facts.get_column("fact_id").to_list() == ["total", "prior"]
    assert result.quarantine.select("fact_id", "check", "severity", "message").rows() == [
        ("exports", "value_positive", "error",
         "fact exports: value -7.205e11 must be > 0 and value_high ? must not be below it"),
    ]  # fmt: skip
    assert result.quarantine.columns[:-3] == result.facts.columns[:-2]  # facts: flags, latest


def test_warning_publishes_the_fact_with_the_check_in_flags() -> None:
    result = run({**TOTAL, "change_pct": 15.3}, EXPORTS, PRIOR)
    assert result.quarantine.height == 0
    flags = dict(result.facts.select("fact_id", "flags").iter_rows())
    assert flags == {
        "total": ["growth_consistency"],
        "exports": [],
        "prior": ["derived_vs_reported"],
    }
    row = result.check_results.filter(check="growth_consistency").row(0, named=True)
    assert (row["passed"], row["failing_count"], row["severity"]) == (False, 1, "warning")


def test_a_repeated_fact_id_keeps_its_first_row() -> None:
    result = run(TOTAL, {**EXPORTS, "fact_id": "total"})
    assert result.facts.get_column("text").to_list() == ["1.2 trillion yuan"]
    assert result.quarantine.select("text", "check").rows() == [
        ("720.52 billion yuan", "fact_id_unique")
    ]


def test_a_fact_failing_two_checks_is_quarantined_once_per_check() -> None:
    broken = {**EXPORTS, "value": -1.0, "span_start": 0}
    result = run(TOTAL, broken)
    assert result.quarantine.get_column("check").to_list() == [
        "span_matches_text", "value_positive",
    ]  # fmt: skip


def test_derived_and_series_come_from_published_facts() -> None:
    result = run(TOTAL, EXPORTS, PRIOR)
    assert result.derived.select("derived_id", "from_fact_id", "period_start").rows() == [
        ("total~prior", "total", date(2024, 1, 1))
    ]
    assert result.series.height == 3


def test_check_results_carry_the_run() -> None:
    results = run(TOTAL).check_results
    assert results.height == 20
    assert results.select("run_id", "checked_at").unique().rows() == [
        ("run-1", datetime(2026, 1, 31, 8, tzinfo=UTC).replace(tzinfo=None))
    ]


def test_missing_fact_columns_raise_a_publish_error() -> None:
    frame = pl.DataFrame([TOTAL], schema=polars_schema()).drop("sentence", "note")
    with pytest.raises(PublishError, match=r"candidate facts lack columns \['sentence', 'note'\]"):
        validate(frame, DOCUMENTS, {"d1": TEXT}, **RUN)


def test_missing_document_columns_raise_a_publish_error() -> None:
    with pytest.raises(PublishError, match=r"documents lack columns \['status'\]"):
        run(TOTAL, documents=DOCUMENTS.drop("status"))


def test_no_candidates_give_empty_tables() -> None:
    result = run()
    assert (result.facts.height, result.quarantine.height, result.series.height) == (0, 0, 0)
    assert result.check_results.height == 20


RAW = Path(__file__).parents[1] / "raw" / "2026-01-guangzhou-customs-14th-five-year-plan.txt"
GZ_CD = "Guangzhou Customs District"
AIRPORT = "Guangzhou Baiyun Airport port"


def test_facts_of_the_real_article_pass_every_check() -> None:
    """Facts of raw/ as the conventions read them, built by hand: no check fires."""
    text = RAW.read_text(encoding="utf-8")
    five = {"period_start": date(2021, 1, 1), "period_end": date(2025, 12, 31)}

    def at(fact_id: str, phrase: str, **fields: Any) -> dict[str, Any]:
        return fact(fact_id, phrase, text, doc_id="raw", **fields)

    rows = [
        at("cumulative", "9.3 trillion yuan", subject=GZ_CD, value=9.3e12, raw_value="9.3", **five),
        at("each_year", "exceeded one trillion yuan", value=1e12, raw_value="one", bound="gt",
           note="each year", **five),
        at("gz_2025", "1.2 trillion yuan", value=1.2e12, raw_value="1.2"),
        at("persons", "over 18.6 million", subject=AIRPORT, metric="inbound_outbound_persons",
           unit="person", value=18.6e6, raw_value="18.6", bound="gt", change_pct=19.0,
           change_basis="yoy", note="change approx"),
        at("flights", "122000", subject=AIRPORT, metric="flights", unit="flight",
           value=122000.0, raw_value="122000", change_pct=13.0, change_basis="yoy",
           note="change approx"),
        at("freight", "exceeded 1.53 million tons", subject=AIRPORT, metric="freight_volume",
           unit="t", value=1.53e6, raw_value="1.53", bound="gt", change_pct=8.3,
           change_basis="yoy"),
        at("cbec", "193.61 billion yuan", subject=GZ_CD, metric="cbec_export_value",
           value=193.61e9, raw_value="193.61", change_pct=170.0, change_basis="vs_2020",
           note="times: read as +N*100%"),
        at("containers", "over 50%", subject="Guangzhou Port", metric="container_throughput",
           product="foreign trade", share_of="container_throughput", unit="percent",
           value=50.0, raw_value="50", bound="gt"),
    ]  # fmt: skip
    documents = pl.DataFrame(
        {"doc_id": ["raw"], "source": [RAW.name], "published": [None], "status": ["ok"]},
        schema_overrides={"published": pl.Date},
    )
    frame = pl.DataFrame(rows, schema=polars_schema())
    result = validate(frame, documents, {"raw": text}, **RUN)
    assert result.check_results.filter(~pl.col("passed")).height == 0
    assert result.facts.height == 8
    assert result.derived.get_column("from_fact_id").to_list() == [
        "persons", "flights", "freight", "cbec",
    ]  # fmt: skip
    cbec = result.derived.filter(from_fact_id="cbec").row(0, named=True)
    assert (cbec["period_start"], round(cbec["value"] / 1e9, 2)) == (date(2020, 1, 1), 71.71)
