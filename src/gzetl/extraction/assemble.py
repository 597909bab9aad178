"""Mentions -> fact rows: subject, metric, period and change resolved in document context."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from gzetl import EXTRACTOR_VERSION
from gzetl.catalogue import metrics
from gzetl.extraction.growth import Change, change_of, role_of
from gzetl.extraction.metrics import MetricIndex, find_aliases
from gzetl.extraction.names import find_names
from gzetl.extraction.quantities import Mention, scan
from gzetl.extraction.sentences import Sentence, SentenceIndex
from gzetl.extraction.subjects import SubjectIndex, find_subjects
from gzetl.periods import Period, consecutive_years, default_basis, find_periods

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
EACH_YEAR = "each year"
_CONVERSION_RE = re.compile(
    r"\s*[(（]\s*(?:equivalent\s+to|or|i\.e\.,?|approximately|about)?\s*", re.IGNORECASE
)
_CHANGE_THEN_LEVEL_RE = re.compile(r"\s*,?\s*to\s+", re.IGNORECASE)
_RESPECTIVELY_RE = re.compile(r",?\s*respectively", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*", re.IGNORECASE)
_ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
MONEY_KIND = "money"
TRADE_MODE = "import_export_value"  # "foreign trade containers": a trade mode, not a metric


@dataclass(slots=True)
class Draft:
    """A fact being assembled from one mention."""

    mention: Mention
    sentence: Sentence
    clause: tuple[int, int]
    role: str
    change: Change | None = None
    statement: int = -1
    converted: bool = False
    subject: str | None = None
    metric: str | None = None
    share_of: str | None = None
    partner: str | None = None
    product: str | None = None
    period: tuple[date | None, date | None, str | None, str | None] = (None, None, None, None)
    notes: list[str] = field(default_factory=list)


def _fact_id(doc_id: str, start: int, end: int, unit: str | None) -> str:
    key = f"{doc_id}|{start}|{end}|{EXTRACTOR_VERSION}|{unit or ''}"
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


class PeriodContext:
    """The periods of one document and the inheritance rules of docs/conventions.md."""

    def __init__(self, periods: list[Period], sentences: list[Sentence]) -> None:
        self.periods = periods
        self._pos = [p.pos for p in periods]
        self.sentences = sentences
        title = sentences[0] if sentences and sentences[0].heading else None
        self.title_plan = (
            next((p for p in self.between(title.start, title.end) if p.kind == "years"), None)
            if title
            else None
        )

    def between(self, start: int, end: int) -> list[Period]:
        """Periods starting inside ``[start, end)``."""
        return self.periods[bisect_left(self._pos, start) : bisect_left(self._pos, end)]

    def inherited(
        self, sentence: Sentence, paragraph_start: int, section_start: int
    ) -> Period | None:
        """The paragraph's latest period before the sentence, else the section's plan period."""
        earlier = [
            p for p in self.between(paragraph_start, sentence.start) if p.kind != "consecutive"
        ]
        if earlier:
            return earlier[-1]
        plans = [
            p for p in self.between(section_start, sentence.start) if p.kind == "years" and p.start
        ]
        if plans:
            return plans[-1]
        return self.title_plan

    def resolve(
        self,
        fact: tuple[int, int],
        clause: tuple[int, int],
        sentence: Sentence,
        inherited: Period | None,
    ) -> tuple[Period | None, Period | None]:
        """(the period of the fact, the "N consecutive years" phrase that qualifies it)."""
        in_sentence = self.between(sentence.start, sentence.end)
        before = [p for p in in_sentence if p.end_pos <= fact[0]]
        after = [p for p in in_sentence if p.pos >= fact[1] and p.end_pos <= clause[1]]
        own = [p for p in (*before[-1:], *after[:1]) if p.kind == "consecutive"]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is not None and chosen.kind == "consecutive":
            before_plain = [p for p in before if p.kind != "consecutive"]
            chosen = before_plain[-1] if before_plain else None
        if chosen is None or (chosen.start is None and chosen.kind != "undated"):
            chosen = inherited
        return chosen, (own[0] if own else None)


def _paragraph_starts(sentences: list[Sentence]) -> tuple[dict[int, int], dict[int, int]]:
    paragraphs: dict[int, int] = {}
    sections: dict[int, int] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, s.start)
        sections.setdefault(s.section, s.start)
    return paragraphs, sections


def _drafts(text: str, mentions: list[Mention], index: SentenceIndex) -> list[Draft]:
    drafts: list[Draft] = []
    for m in mentions:
        sentence = index.sentences[index.at(m.start)]
        clause = index.clause(sentence, m.start, m.end)
        role = role_of(m, text, clause[0])
        draft = Draft(m, sentence, clause, role)
        if role == "change":
            draft.change = change_of(m, text, clause[0])
        drafts.append(draft)
    return drafts


def _attach_changes(text: str, drafts: list[Draft]) -> list[Draft]:
    """A change joins the level it follows in its sentence (or precedes: "grew 5% to ...")."""
    kept: list[Draft] = []
    for i, draft in enumerate(drafts):
        if draft.role != "change":
            kept.append(draft)
            continue
        nxt = drafts[i + 1] if i + 1 < len(drafts) else None
        if (
            nxt is not None
            and nxt.role == "level"
            and nxt.change is None
            and _CHANGE_THEN_LEVEL_RE.fullmatch(text, draft.mention.end, nxt.mention.start)
        ):
            nxt.change = draft.change
            continue
        target = next(
            (
                d
                for d in reversed(kept)
                if d.sentence.start == draft.sentence.start
                and d.role in {"level", "rate"}
                and not d.converted
            ),
            None,
        )
        if (
            target is not None
            and target.change is None
            and target.mention.end <= draft.mention.start
        ):
            target.change = draft.change
            continue
        kept.append(draft)
    return kept


def _conversions(text: str, drafts: list[Draft]) -> None:
    """ "8.3 trillion yuan (about 1.17 trillion U.S. dollars)": the second shares the statement."""
    for first, second in zip(drafts, drafts[1:], strict=False):
        if (
            first.role == second.role == "level"
            and first.mention.unit != second.mention.unit
            and _CONVERSION_RE.fullmatch(text, first.mention.end, second.mention.start)
        ):
            second.converted = True


def _statements(text: str, drafts: list[Draft]) -> None:
    """Number the statements: conversions join their amount, respectively-lists join up."""
    for i, draft in enumerate(drafts):
        draft.statement = drafts[i - 1].statement if draft.converted and i else i
    start = 0
    while start < len(drafts):
        end = start
        while (
            end + 1 < len(drafts)
            and drafts[end + 1].role == drafts[start].role
            and _LIST_GAP_RE.fullmatch(text, drafts[end].mention.end, drafts[end + 1].mention.start)
        ):
            end += 1
        if end > start and _RESPECTIVELY_RE.match(text, drafts[end].mention.end):
            for d in drafts[start : end + 1]:
                d.statement = drafts[start].statement
            _respectively(text, drafts[start : end + 1])
        start = end + 1


def _respectively(text: str, items: list[Draft]) -> None:
    """Give each item of a "respectively" list the subject or metric of its list entry."""
    first = items[0]
    head = text[first.sentence.start : first.mention.head_start]
    entries = [e for e in _ITEM_SPLIT_RE.split(head.strip()) if e]
    entries = entries[-len(items) :]
    if len(entries) != len(items):
        return
    named = [find_subjects(e) for e in entries]
    if all(named):
        for d, n in zip(items, named, strict=True):
            d.subject = n[-1].name
        return
    aliases = [find_aliases(e) for e in entries]
    if all(aliases):
        for d, a in zip(items, aliases, strict=True):
            d.metric = a[-1].metric


def _product(text: str, aliases: MetricIndex, metric_start: int) -> str | None:
    """A trade-mode word written just before the metric ("foreign trade containers")."""
    before = aliases.between(max(0, metric_start - 40), metric_start)
    if before and text[before[-1].end : metric_start].isspace() and before[-1].metric == TRADE_MODE:
        return " ".join(text[before[-1].start : before[-1].end].split()).lower()
    return None


def _resolve_context(  # noqa: PLR0912
    text: str, drafts: list[Draft], index: SentenceIndex, published: date | None
) -> None:
    names = find_names(text)
    subjects = SubjectIndex(names.subjects)
    partners = SubjectIndex(names.partners)
    aliases = MetricIndex(names.aliases)
    periods = PeriodContext(find_periods(text, published), index.sentences)
    paragraphs, sections = _paragraph_starts(index.sentences)
    level_subject: dict[int, str | None] = {}
    for draft in drafts:
        m, s = draft.mention, draft.sentence
        span = (m.head_start if draft.role == "change" else m.start, m.end)
        sentence_span = (s.start, s.end)
        unit = m.unit if draft.role in {"level", "rate"} else None
        if draft.subject is None:
            if draft.role in {"change", "share"} and s.start in level_subject:
                draft.subject = level_subject[s.start]
            else:
                draft.subject = subjects.choose(span, draft.clause, sentence_span, unit)
        if draft.role == "level":
            level_subject.setdefault(s.start, draft.subject)
        if draft.metric is None:
            alias = aliases.choose(span, draft.clause, sentence_span, unit, draft.role)
            if alias is not None:
                draft.metric = alias.metric
                draft.product = _product(text, aliases, alias.start)
            elif draft.role == "change":
                draft.metric = "growth_rate"
        if draft.role == "share":
            whole = aliases.after(m.end, draft.clause[1])
            draft.share_of = whole.metric if whole else draft.metric
        if draft.metric and metrics()[draft.metric].kind == MONEY_KIND:
            found = partners.between(*draft.clause)
            draft.partner = found[0].name if found else None
        inherited = periods.inherited(s, paragraphs[s.paragraph], sections[s.section])
        chosen, consecutive = periods.resolve(span, draft.clause, s, inherited)
        if consecutive is not None and (chosen is None or chosen is inherited):
            years = consecutive_years(consecutive.years, inherited)
            if years is not None:
                draft.period = (years[0], years[1], consecutive.label, "years")
                draft.notes.append(EACH_YEAR)
                continue
        if chosen is not None:
            draft.period = (chosen.start, chosen.end, chosen.label, chosen.kind)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _row(
    text: str, draft: Draft, doc_id: str, source: str, statement_ids: dict[int, str]
) -> dict[str, Any]:
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
    statement_ids.setdefault(draft.statement, fact_id)
    basis = None
    if change is not None:
        basis = change.basis or default_basis(draft.period[3])
    return {
        "fact_id": fact_id,
        "doc_id": doc_id,
        "source": source,
        "span_start": m.start,
        "span_end": m.end,
        "text": m.text,
        "sentence": text[draft.sentence.start : draft.sentence.end],
        "statement_id": statement_ids[draft.statement],
        "subject": draft.subject,
        "metric": draft.metric,
        "partner": draft.partner,
        "product": draft.product,
        "share_of": draft.share_of,
        "period_start": draft.period[0],
        "period_end": draft.period[1],
        "period_label": draft.period[2],
        "value": None if is_change_only else _float(m.value),
        "value_high": _float(m.value_high),
        "unit": unit,
        "bound": bound,
        "baseline_value": _float(m.baseline) if m.kind != "multiple" else None,
        "change_pct": _float(change.pct) if change is not None else None,
        "change_basis": basis,
        "raw_value": m.raw_value,
        "raw_unit": m.raw_unit or None,
        "note": "; ".join(notes) or None,
        "extractor_version": EXTRACTOR_VERSION,
    }


def document_rows(
    text: str, doc_id: str, source: str, published: date | None
) -> list[dict[str, Any]]:
    """The fact rows of one document, in text order."""
    mentions = scan(text)
    if not mentions:
        return []
    index = SentenceIndex(text)
    drafts = _drafts(text, mentions, index)
    _conversions(text, drafts)
    drafts = _attach_changes(text, drafts)
    for d in drafts:
        if d.converted:
            d.change = None
    _statements(text, drafts)
    _resolve_context(text, drafts, index, published)
    statement_ids: dict[int, str] = {}
    return [_row(text, d, doc_id, source, statement_ids) for d in drafts]
