"""Build small facts frames for the check tests: ``build(dict(...), dict(...))``."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from gzetl.schemas.facts import polars_schema

DOCUMENTS = pl.DataFrame(
    {
        "doc_id": ["d1", "d2"],
        "source": ["2025-01-a.txt", "2026-01-b.txt"],
        "published": [date(2025, 1, 20), date(2026, 1, 20)],
        "status": ["ok", "ok"],
    }
)


def year(y: int) -> dict[str, Any]:
    """The period fields of calendar year ``y``."""
    return {"period_start": date(y, 1, 1), "period_end": date(y, 12, 31)}


def build(*rows: dict[str, Any]) -> pl.DataFrame:
    """Facts with sensible defaults: Guangzhou City trade in CNY for 2025, fact ids f1, f2..."""
    defaults: dict[str, Any] = {
        "doc_id": "d1",
        "source": "2026-01-b.txt",
        "span_start": 0,
        "span_end": 3,
        "text": "abc",
        "sentence": "abc.",
        "bound": "eq",
        "extractor_version": "test",
        "subject": "Guangzhou City",
        "metric": "import_export_value",
        "unit": "CNY",
        **year(2025),
    }
    full = [
        {"fact_id": f"f{i}", "statement_id": f"s{i}", **defaults, **row}
        for i, row in enumerate(rows, start=1)
    ]
    return pl.DataFrame(full, schema=polars_schema())


def ids(found: pl.DataFrame) -> list[str]:
    """The failing fact ids of a check's result, in order."""
    return found.get_column("fact_id").to_list()
