"""A small clean corpus of facts, written by hand, and the faults injected into it.

Five short releases in ``texts/`` (genre-like, numbers consistent with each other) and the
facts a correct extractor would produce from them, with spans located in the texts. The
corpus needs no extractor, so it tests the checks alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from gzetl.schemas.facts import polars_schema
from gzetl.validation import Validated, validate

TEXTS = Path(__file__).parent / "texts"
DOCS = {  # key: (file, published)
    "A": ("2026-01-guangzhou-foreign-trade-2025.txt", date(2026, 1, 20)),
    "B": ("2025-01-guangzhou-foreign-trade-2024.txt", date(2025, 1, 17)),
    "E": ("2024-01-guangzhou-foreign-trade-2023.txt", date(2024, 1, 15)),
    "C": ("2022-01-guangzhou-foreign-trade-2021.txt", date(2022, 1, 19)),
    "D": ("2026-01-wire-guangzhou-trade-2025.txt", date(2026, 1, 21)),
}
GZ, AIRPORT, PORT, DISTRICT = (
    "Guangzhou City",
    "Guangzhou Baiyun Airport port",
    "Guangzhou Port",
    "Guangzhou Customs District",
)
TRADE, EXPORTS, IMPORTS = "import_export_value", "export_value", "import_value"


def year(y: int) -> dict[str, Any]:
    return {
        "period_start": date(y, 1, 1),
        "period_end": date(y, 12, 31),
        "period_label": f"in {y}",
    }


FIVE_YEARS = {
    "period_start": date(2021, 1, 1),
    "period_end": date(2025, 12, 31),
    "period_label": "during the 14th Five Year Plan period",
}
CNY = {"unit": "CNY", "raw_unit": "trillion yuan"}
BN = {"unit": "CNY", "raw_unit": "billion yuan"}

# (doc, anchor = the span text, fields); the anchor occurs once in its document.
ROWS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("A", "1.2 trillion yuan", {"subject": GZ, "metric": TRADE, **year(2025), "value": 1.2e12,
        **CNY, "raw_value": "1.2", "change_pct": 5.3, "change_basis": "yoy"}),
    ("A", "720.52 billion yuan", {"subject": GZ, "metric": EXPORTS, **year(2025),
        "value": 720.52e9, **BN, "raw_value": "720.52", "change_pct": 6.1, "change_basis": "yoy"}),
    ("A", "479.48 billion yuan", {"subject": GZ, "metric": IMPORTS, **year(2025),
        "value": 479.48e9, **BN, "raw_value": "479.48", "change_pct": 4.0, "change_basis": "yoy"}),
    ("A", "198.6 billion yuan", {"subject": GZ, "metric": TRADE, "partner": "ASEAN",
        **year(2025), "value": 198.6e9, **BN, "raw_value": "198.6"}),
    ("A", "16.5%", {"subject": GZ, "metric": TRADE, "partner": "ASEAN", "share_of": TRADE,
        **year(2025), "value": 16.5, "unit": "percent", "raw_value": "16.5", "raw_unit": "%"}),
    ("A", "5.61 trillion yuan", {"subject": GZ, "metric": TRADE, **FIVE_YEARS, "value": 5.61e12,
        **CNY, "raw_value": "5.61"}),
    ("A", "exceeded one trillion yuan", {"subject": GZ, "metric": TRADE, **FIVE_YEARS,
        "value": 1e12, **CNY, "bound": "gt", "raw_value": "one", "note": "each year"}),
    ("A", "1.53 million tons", {"subject": AIRPORT, "metric": "freight_volume", **year(2025),
        "value": 1.53e6, "unit": "t", "raw_value": "1.53", "raw_unit": "million tons",
        "change_pct": 8.3, "change_basis": "yoy"}),
    ("A", "over 18.6 million", {"subject": AIRPORT, "metric": "inbound_outbound_persons",
        **year(2025), "value": 18.6e6, "unit": "person", "bound": "gt", "raw_value": "18.6",
        "raw_unit": "million", "change_pct": 19.0, "change_basis": "yoy", "note": "change approx"}),
    ("A", "exceeded 28 million TEUs", {"subject": PORT, "metric": "container_throughput",
        **year(2025), "value": 28e6, "unit": "TEU", "bound": "gt", "raw_value": "28",
        "raw_unit": "million TEUs"}),
    ("A", "over 50%", {"subject": PORT, "metric": "container_throughput",
        "product": "foreign trade", "share_of": "container_throughput", **year(2025),
        "value": 50.0, "unit": "percent", "bound": "gt", "raw_value": "50", "raw_unit": "%"}),
    ("A", "193.61 billion yuan", {"subject": DISTRICT, "metric": "cbec_export_value",
        **year(2025), "value": 193.61e9, **BN, "raw_value": "193.61", "change_pct": 170.0,
        "change_basis": "vs_2020", "note": "times: read as +N*100%"}),
    ("B", "1.14 trillion yuan", {"subject": GZ, "metric": TRADE, **year(2024), "value": 1.14e12,
        **CNY, "raw_value": "1.14", "change_pct": 3.6, "change_basis": "yoy"}),
    ("B", "679.1 billion yuan", {"subject": GZ, "metric": EXPORTS, **year(2024),
        "value": 679.1e9, **BN, "raw_value": "679.1"}),
    ("B", "460.9 billion yuan", {"subject": GZ, "metric": IMPORTS, **year(2024),
        "value": 460.9e9, **BN, "raw_value": "460.9"}),
    ("B", "1.41 million tons", {"subject": AIRPORT, "metric": "freight_volume", **year(2024),
        "value": 1.41e6, "unit": "t", "raw_value": "1.41", "raw_unit": "million tons"}),
    ("B", "15.6 million", {"subject": AIRPORT, "metric": "inbound_outbound_persons",
        **year(2024), "value": 15.6e6, "unit": "person", "raw_value": "15.6",
        "raw_unit": "million"}),
    ("E", "1.10 trillion yuan", {"subject": GZ, "metric": TRADE, **year(2023), "value": 1.10e12,
        **CNY, "raw_value": "1.10", "change_pct": 0.9, "change_basis": "yoy"}),
    ("E", "1.09 trillion yuan", {"subject": GZ, "metric": TRADE, **year(2022), "value": 1.09e12,
        **CNY, "raw_value": "1.09"}),
    ("C", "1.08 trillion yuan", {"subject": GZ, "metric": TRADE, **year(2021), "value": 1.08e12,
        **CNY, "raw_value": "1.08"}),
    ("C", "633.2 billion yuan", {"subject": GZ, "metric": EXPORTS, **year(2021),
        "value": 633.2e9, **BN, "raw_value": "633.2"}),
    ("C", "446.8 billion yuan", {"subject": GZ, "metric": IMPORTS, **year(2021),
        "value": 446.8e9, **BN, "raw_value": "446.8"}),
    ("D", "1.2 trillion yuan", {"subject": GZ, "metric": TRADE, **year(2025), "value": 1.2e12,
        **CNY, "raw_value": "1.2"}),
    ("D", "1.53 million tons", {"subject": AIRPORT, "metric": "freight_volume", **year(2025),
        "value": 1.53e6, "unit": "t", "raw_value": "1.53", "raw_unit": "million tons"}),
    ("D", "about 168.9 billion U.S. dollars", {"subject": GZ, "metric": TRADE, **year(2025),
        "value": 168.9e9, "unit": "USD", "bound": "approx", "raw_value": "168.9",
        "raw_unit": "billion U.S. dollars", "statement_id": "s23"}),
)  # fmt: skip


def texts() -> dict[str, str]:
    """doc_id -> text of the five releases."""
    return {
        f"doc-{key}": (TEXTS / name).read_text(encoding="utf-8") for key, (name, _) in DOCS.items()
    }


def documents() -> pl.DataFrame:
    """The documents table of the corpus (doc_id, source, published, status)."""
    return pl.DataFrame(
        {
            "doc_id": [f"doc-{key}" for key in DOCS],
            "source": [name for name, _ in DOCS.values()],
            "published": [published for _, published in DOCS.values()],
            "status": ["ok"] * len(DOCS),
        }
    )


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(i for i in (text.find(". ", end), text.find("\n", end), len(text)) if i >= 0)
    return text[left:right].strip()


def facts() -> pl.DataFrame:
    """The clean facts, in the facts schema, one per row of ROWS."""
    corpus = texts()
    rows = []
    for number, (key, anchor, fields) in enumerate(ROWS, start=1):
        text = corpus[f"doc-{key}"]
        assert text.count(anchor) == 1, f"anchor {anchor!r} not unique in doc {key}"
        start = text.index(anchor)
        rows.append(
            {
                "fact_id": f"f{number:02d}-{key}",
                "doc_id": f"doc-{key}",
                "source": DOCS[key][0],
                "span_start": start,
                "span_end": start + len(anchor),
                "text": anchor,
                "sentence": _sentence(text, start, start + len(anchor)),
                "statement_id": f"s{number:02d}",
                "bound": "eq",
                "extractor_version": "test",
                **fields,
            }
        )
    return pl.DataFrame(rows, schema=polars_schema())


# ---- faults -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """A change to one fact: ``target`` is its fact_id after the change."""

    target: str
    apply: Callable[[pl.DataFrame], pl.DataFrame]


def _edit(fact_id: str, **values: Any) -> Edit:
    def apply(frame: pl.DataFrame) -> pl.DataFrame:
        target = pl.col("fact_id") == fact_id
        return frame.with_columns(
            pl.when(target).then(pl.lit(v, dtype=frame.schema[c])).otherwise(pl.col(c)).alias(c)
            for c, v in values.items()
        )

    return Edit(fact_id, apply)


def _swap_period(fact_id: str) -> Edit:
    def apply(frame: pl.DataFrame) -> pl.DataFrame:
        target = pl.col("fact_id") == fact_id
        return frame.with_columns(
            period_start=pl.when(target).then("period_end").otherwise("period_start"),
            period_end=pl.when(target).then("period_start").otherwise("period_end"),
        )

    return Edit(fact_id, apply)


def _repeat_id(fact_id: str, as_id: str) -> Edit:
    def apply(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.with_columns(
            fact_id=pl.when(pl.col("fact_id") == fact_id).then(pl.lit(as_id)).otherwise("fact_id")
        )

    return Edit(as_id, apply)


@dataclass(frozen=True)
class Fault:
    """One injected fault: the edit, the check meant to catch it, and every expected catch."""

    name: str
    edit: Edit
    meant_for: str
    expected: dict[str, int]  # check -> failing_count, for every check that fails


FAULTS: tuple[Fault, ...] = (
    Fault("growth rate changed (6.1% -> 9.1%)", _edit("f02-A", change_pct=9.1),
          "growth_consistency",
          {"growth_consistency": 1, "derived_vs_reported": 1}),
    Fault("scale word swapped (billion for million: 1.41 million t x1000)",
          _edit("f16-B", value=1.41e9), "growth_scale", {"growth_scale": 1}),
    Fault("scale word swapped (trillion for billion: 2024 exports 679.1 billion x1000)",
          _edit("f14-B", value=679.1e12), "growth_scale",
          {"growth_scale": 1, "part_exceeds_whole": 1, "parts_whole": 3}),
    Fault("scale word swapped (billion for trillion: a 2025 total 1.2 trillion /1000)",
          _edit("f23-D", value=1.2e9), "part_exceeds_whole",
          {"part_exceeds_whole": 1, "currency_conversion": 1, "parts_whole": 3,
           "share_of_whole": 3, "cross_source_agreement": 2, "multi_year_totals": 2}),
    Fault("scale word swapped in a conversion (US$168.9 billion -> million)",
          _edit("f25-D", value=168.9e6), "currency_conversion", {"currency_conversion": 1}),
    Fault("share over 100% (16.5% -> 116.5%)", _edit("f05-A", value=116.5), "percent_range",
          {"percent_range": 1}),
    Fault("exports + imports != total (imports 446.8 -> 496.8 billion)",
          _edit("f22-C", value=496.8e9, raw_value="496.8"), "parts_whole", {"parts_whole": 3}),
    Fault("one fact reported twice with different values (1.53 -> 1.68 million t)",
          _edit("f24-D", value=1.68e6, raw_value="1.68"), "cross_source_agreement",
          {"cross_source_agreement": 2}),
    Fault("period ends before it starts", _swap_period("f17-B"), "period_order",
          {"period_order": 1}),
    Fault("negative value", _edit("f14-B", value=-679.1e9), "value_positive",
          {"value_positive": 1}),
    Fault("fall of more than 100%", _edit("f03-A", change_pct=-140.0), "change_above_minus_100",
          {"change_above_minus_100": 1}),
    Fault("unit not of the metric (TEU for money)", _edit("f04-A", unit="TEU"),
          "unit_in_catalogue", {"unit_in_catalogue": 1}),
    Fault("span moved by one character", _edit("f10-A", span_start=1), "span_matches_text",
          {"span_matches_text": 1}),
    Fault("part exceeds whole (ASEAN trade 198.6 billion -> 1.986 trillion)",
          _edit("f04-A", value=1.986e12), "part_exceeds_whole",
          {"part_exceeds_whole": 1, "share_of_whole": 4}),
    Fault("share times whole != part (16.5% -> 26.5%)", _edit("f05-A", value=26.5),
          "share_of_whole", {"share_of_whole": 4}),
    Fault("cumulative total != sum of years (5.61 -> 5.91 trillion)",
          _edit("f06-A", value=5.91e12, raw_value="5.91"), "multi_year_totals",
          {"multi_year_totals": 7}),
    Fault("each-year figure broken (2022: 1.09 -> 0.99 trillion)",
          _edit("f19-E", value=0.99e12, raw_value="0.99"), "multi_year_totals",
          {"multi_year_totals": 8, "growth_consistency": 1, "derived_vs_reported": 1}),
    Fault("fact_id repeated", _repeat_id("f21-C", "f20-C"), "fact_id_unique",
          {"fact_id_unique": 1}),
    Fault("fact of an unknown document", _edit("f23-D", doc_id="doc-X"), "document_known",
          {"document_known": 1, "span_matches_text": 1}),
)  # fmt: skip


# ---- measurement --------------------------------------------------------------------------

RUN = {"run_id": "faults", "checked_at": datetime(2026, 1, 31, tzinfo=UTC)}
DOC = Path(__file__).parents[2] / "docs" / "validation.md"
BEGIN, END = "<!-- rates:begin -->", "<!-- rates:end -->"


def run(frame: pl.DataFrame) -> Validated:
    """Validate ``frame`` against the corpus documents and texts."""
    return validate(frame, documents(), texts(), **RUN)  # type: ignore[arg-type]


def fired(result: Validated) -> dict[str, int]:
    """check -> failing_count for every check that failed."""
    failed = result.check_results.filter(~pl.col("passed"))
    return dict(failed.select("check", "failing_count").iter_rows())  # type: ignore[arg-type]


def rates_table() -> str:
    """The measured figures as the markdown block of docs/validation.md."""
    clean = facts()
    clean_result = run(clean)
    false_alarms = (
        clean_result.quarantine.height
        + clean_result.facts.filter(pl.col("flags").list.len() > 0).height
    )
    lines = [
        "| fault | meant for | caught by it | all checks that fired (failing facts) |",
        "|---|---|---|---|",
    ]
    detected = innocent = quarantined = 0
    for fault in FAULTS:
        result = run(fault.edit.apply(clean))
        found = fired(result)
        caught = fault.meant_for in found
        detected += caught
        ids = set(result.quarantine.get_column("fact_id").to_list())
        quarantined += len(ids)
        innocent += len(ids - {fault.edit.target})
        listed = ", ".join(f"{name} ({count})" for name, count in found.items())
        lines.append(
            f"| {fault.name} | {fault.meant_for} | {'yes' if caught else 'NO'} | {listed} |"
        )
    n = len(FAULTS)
    lines += [
        "",
        f"- Detection rate: {detected}/{n} faults caught by the check meant for them "
        f"({100 * detected / n:.0f}%).",
        f"- False-alarm rate on the clean corpus: {false_alarms}/{clean.height} facts failed "
        f"any check ({100 * false_alarms / clean.height:.0f}%).",
        f"- Collateral: {innocent} of the {quarantined} facts quarantined across all faults "
        "were correct facts (a tie nothing resolves quarantines both facts of a pair).",
    ]
    return "\n".join(lines)


def write_rates() -> None:
    """Rewrite the rates block of docs/validation.md."""
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN)
    _, tail = rest.split(END)
    DOC.write_text(f"{head}{BEGIN}\n{rates_table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    write_rates()
