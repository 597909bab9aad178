"""Mentions -> fact rows: link them into statements, resolve their context, write the rows."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from gzetl import EXTRACTOR_VERSION
from gzetl.extraction.context import Context
from gzetl.extraction.links import Draft, link
from gzetl.extraction.quantities import Mention, scan
from gzetl.extraction.sentences import SentenceIndex
from gzetl.extraction.zh import is_chinese, settle_previous
from gzetl.extraction.zh import names as zh_names
from gzetl.extraction.zh import periods as zh_periods
from gzetl.extraction.zh import quantities as zh_quantities
from gzetl.extraction.zh.sentences import sentence_index

COLUMNS = (
    "fact_id",
    "doc_id",
    "source",
    "span_start",
    "span_end",
    "text",
    "sentence",
    "statement_id",
    "subject",
    "metric",
    "partner",
    "product",
    "share_of",
    "period_start",
    "period_end",
    "period_label",
    "value",
    "value_high",
    "unit",
    "bound",
    "baseline_value",
    "change_pct",
    "change_basis",
    "raw_value",
    "raw_unit",
    "note",
    "extractor_version",
)


# Copied per fact: building a hash object by name looks the algorithm up each time.
_SHA1 = hashlib.sha1(usedforsecurity=False)


def _fact_id(doc_id: str, start: int, end: int, unit: str | None) -> str:
    key = f"{doc_id}|{start}|{end}|{EXTRACTOR_VERSION}|{unit or ''}"
    digest = _SHA1.copy()
    digest.update(key.encode("utf-8"))
    return digest.hexdigest()[:16]


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _row(
    text: str, draft: Draft, doc_id: str, source: str, statement_ids: dict[int, str]
) -> tuple[Any, ...]:
    """One fact row, values in the order of ``COLUMNS``."""
    m = draft.mention
    change = draft.change
    is_change_only = draft.role == "change"
    notes = list(draft.notes)
    if m.note:
        notes.append(m.note)
    unit = None if is_change_only else ("percent" if draft.role == "share" else m.unit)
    bound = m.bound
    if change is not None:
        if change.note:
            notes.append(change.note)
        if is_change_only:
            bound = change.bound
        elif change.bound != "eq":
            notes.append(f"change {change.bound}")
    fact_id = _fact_id(doc_id, m.start, m.end, unit)
    sentence, period = draft.sentence, draft.period
    return (
        fact_id,  # fact_id
        doc_id,  # doc_id
        source,  # source
        m.start,  # span_start
        m.end,  # span_end
        m.text,  # text
        text[sentence.start : sentence.end],  # sentence
        statement_ids.setdefault(draft.statement, fact_id),  # statement_id
        draft.subject,  # subject
        draft.metric,  # metric
        draft.partner,  # partner
        draft.product,  # product
        draft.share_of,  # share_of
        period[0],  # period_start
        period[1],  # period_end
        period[2],  # period_label
        None if is_change_only else _float(m.value),  # value
        None if m.number_high is None else _float(m.value_high),  # value_high
        unit,  # unit
        bound,  # bound
        _float(m.baseline) if m.kind != "multiple" else None,  # baseline_value
        None if change is None else float(change.pct),  # change_pct
        None if change is None else change.basis,  # change_basis
        m.raw_value,  # raw_value
        m.raw_unit or None,  # raw_unit
        "; ".join(notes) or None,  # note
        EXTRACTOR_VERSION,  # extractor_version
    )


def document_rows(
    text: str, doc_id: str, source: str, published: date | None
) -> list[tuple[Any, ...]]:
    """The fact rows of one document in text order, each a tuple in the order of ``COLUMNS``."""
    if is_chinese(text):
        return _chinese_rows(text, doc_id, source, published)
    mentions = scan(text)
    if not mentions:
        return []
    index = SentenceIndex(text)
    context = Context(text, index, published)
    return _rows(text, mentions, index, context, doc_id, source, zh=False)


def _chinese_rows(
    text: str, doc_id: str, source: str, published: date | None
) -> list[tuple[Any, ...]]:
    """``document_rows`` of a Chinese text: its own mentions, sentences, names and periods."""
    mentions = zh_quantities.scan(text)
    if not mentions:
        return []
    index = sentence_index(text)
    found = (zh_names.find_names(text), zh_periods.find_periods(text, published))
    context = Context(text, index, published, found)
    return _rows(text, mentions, index, context, doc_id, source, zh=True)


def _rows(  # noqa: PLR0917 (the parts of one document, in the order they are built)
    text: str,
    mentions: list[Mention],
    index: SentenceIndex,
    context: Context,
    doc_id: str,
    source: str,
    *,
    zh: bool,
) -> list[tuple[Any, ...]]:
    """Mentions outside period phrases -> drafts linked into statements -> resolved -> rows."""
    mentions = [m for m in mentions if not context.overlaps_period(m.start, m.end)]
    drafts = link(text, mentions, index, zh=zh)
    context.resolve(drafts)
    if zh:
        settle_previous(drafts)
    statement_ids: dict[int, str] = {}
    return [_row(text, d, doc_id, source, statement_ids) for d in drafts]
