"""Fact extraction: raw text -> quantity mentions -> fact rows of the ``facts`` table.

``extract_document`` reads one document; ``extract_documents`` is the fast path for many.
Both return a polars frame with exactly the columns and dtypes of
``gzetl.schemas.facts.polars_schema()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import polars as pl

from gzetl.schemas.facts import polars_schema

__all__ = ["extract_document", "extract_documents"]


def _frame(columns: dict[str, list[Any]]) -> pl.DataFrame:
    """One Series per column, cast to its dtype: a third faster than the same frame built from
    the dict with ``schema=`` (bench/bench_extract.py)."""
    schema = polars_schema()
    return pl.DataFrame(
        [
            pl.Series(name, values, dtype=schema[name], strict=False)
            for name, values in columns.items()
        ]
    )


def extract_document(
    text: str, *, doc_id: str, source: str, published: date | None
) -> pl.DataFrame:
    """All facts of one document; columns and dtypes are ``gzetl.schemas.facts.polars_schema()``."""
    return extract_documents([(text, doc_id, source, published)])


def extract_documents(docs: Iterable[tuple[str, str, str, date | None]]) -> pl.DataFrame:
    """(text, doc_id, source, published) tuples -> one frame; the fast path for many documents."""
    # Imported here: gzetl.periods uses gzetl.extraction.numbers, and assemble uses periods.
    from gzetl.extraction.assemble import COLUMNS, document_rows  # noqa: PLC0415

    rows: list[tuple[Any, ...]] = []
    for text, doc_id, source, published in docs:
        rows.extend(document_rows(text, doc_id, source, published))
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in COLUMNS]
    return _frame({name: list(values) for name, values in zip(COLUMNS, columns, strict=True)})
