"""Resolve each draft's subject, metric, partner and period in its document context.

Period (docs/conventions.md): the period phrase nearest before the figure in its sentence,
else the first one after it; a sentence with none inherits the latest period of its
paragraph, else the document's main period (the period of its first figure). Subject: see
``SubjectIndex.choose``; a sentence naming none inherits what the previous sentence was about,
and a heading returns to the place the title names (none if it names none).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Final

from gzetl.catalogue import subjects
from gzetl.extraction.growth import Change
from gzetl.extraction.lexicon import growth_words, implied_unit
from gzetl.extraction.links import SEMICOLONS, Draft, holds_any
from gzetl.extraction.metrics import MetricIndex, fits, hints, money_metrics
from gzetl.extraction.names import Names, find_names
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.sentences import Sentence, SentenceIndex, bisect_left
from gzetl.extraction.subjects import AGENCY_KINDS, AGENCY_UNITS, GROUP_KIND, SubjectIndex
from gzetl.extraction.zh.lexicon import zh_words
from gzetl.periods import Period, consecutive_years, default_basis, find_periods

EACH_YEAR: Final = "each year"
TRADE_MODE: Final = (
    "import_export_value"  # "foreign trade containers": a trade mode, not the metric
)
ENTERPRISE: Final = "enterprise"  # the unit of a count of enterprises
_DIGIT_RE: Final = re.compile(r"\d")
_ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_BASE_YEAR_RE: Final = re.compile(
    r"(?:compared\s+(?:to|with)|than(?:\s+in)?)\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE
)
_SAME_PERIOD_RE = re.compile(
    r"same\s+(?:month|period|quarter)\s+(?:of\s+)?(?:last|the\s+previous)\s+year"
)
_ZH_ITEM_SPLIT_RE: Final = re.compile(r"[、，,和及与]")  # a class: the engine skips to one
_ZH_RESPECTIVELY: Final = "分别"
_NAMED_KINDS: Final = ("month", "quarter")  # "in the month" refers back to the latest month named
_OPENING_RE = re.compile(r"\s*(?:(?:in|during|for)\s+)?(?:the\s+)?", re.IGNORECASE)
_ALONE_RE: Final = re.compile(r",?\s+alone(?![\w-])", re.IGNORECASE)  # "In October alone, ..."
_PRODUCT_PEEK: Final = 8  # characters after an alias looked at before _product_regex is tried
INHERITED_KINDS: Final = frozenset({"year", "quarter", "half", "ytd", "month", "months", "years"})
PeriodValue = tuple[date | None, date | None, str | None, str | None]


class Context:
    """The names and periods of one document, and the state carried from sentence to sentence."""

    def __init__(
        self,
        text: str,
        index: SentenceIndex,
        published: date | None,
        found: tuple[Names, list[Period]] | None = None,
    ) -> None:
        """``found``: the names and periods of a text in another language (``zh``), read by
        that language's patterns; None: read them as English."""
        self.text = text
        self.index = index
        self.zh = found is not None
        names, periods = found or (find_names(text), find_periods(text, published))
        self.subjects = SubjectIndex(names.subjects)
        self.partners = SubjectIndex(names.partners)
        self.aliases = MetricIndex(names.aliases)
        self.periods = periods
        self._period_pos = [p.pos for p in self.periods]
        self._period_ends = [p.end_pos for p in self.periods]
        # "In October alone": a part of the period the release is about, never the running one
        self._asides = {(p.start, p.end) for p in self.periods if _alone(text, p.end_pos)}
        self.main: PeriodValue | None = None
        self.running: PeriodValue | None = None  # the period of the last dated figure
        self._paragraph_running: PeriodValue | None = None  # ... when the paragraph began
        self.current: str | None = None
        self.current_place: str | None = None  # the last subject that is not a group
        self._title_place = _title_place(index, self.subjects)
        self._paragraph = -1
        self._next_sentence = 0
        self._openings: dict[int, str | None] = {}  # sentence start -> its opening basis
        self._products: dict[int, str | None] = {}  # alias end -> the goods named after it
        self._low = lowered(text)  # the scanners made it: memoised
        # Looked up for every figure: held here rather than asked of the catalogue each time.
        self._groups = _group_names()
        self._money = money_metrics()
        self._hints = hints()
        self._catalogue = subjects()
        self._zh_words = zh_words()

    def periods_between(self, start: int, end: int) -> list[Period]:
        """Periods starting inside ``[start, end)``."""
        i, j = bisect_left(self._period_pos, start), bisect_left(self._period_pos, end)
        return self.periods[i:j]

    def overlaps_period(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a period phrase ("the first 11 months")."""
        first = bisect_left(self._period_pos, max(0, start - 60))
        last = bisect_left(self._period_pos, end, first)
        ends = self._period_ends
        for i in range(first, last):  # noqa: SIM110 (any() allocates a generator; per number)
            if ends[i] > start:
                return True
        return False

    # --- subjects -------------------------------------------------------------------------

    def _advance(self, upto: Sentence) -> None:
        """Carry the subject over the sentences before ``upto`` that state no figure."""
        sentences = self.index.sentences
        first_subject = self.subjects.sentence_subject
        i = self._next_sentence
        while i < len(sentences) and sentences[i].start < upto.start:
            s = sentences[i]
            if s.heading:  # a new section: about the place the title names, if it names one
                self.current = self.current_place = self._title_place
            else:
                self._new_paragraph(s)
                named = first_subject(s.start, s.end)
                if named is not None:
                    self._set_current(named.name)
            i += 1
        self._next_sentence = i
        self._new_paragraph(upto)

    def _new_paragraph(self, s: Sentence) -> None:
        """A group named as subject ("Private enterprises ...") does not outlive its paragraph."""
        if s.paragraph != self._paragraph:
            self._paragraph = s.paragraph
            self._paragraph_running = self.running
            if self.current is not None and self.current in self._groups:
                self.current = self.current_place

    def _set_current(self, name: str) -> None:
        self.current = name
        if name not in self._groups:
            self.current_place = name

    # --- periods --------------------------------------------------------------------------

    def _inherited(self, sentence: Sentence, paragraph_start: int) -> PeriodValue | None:
        for p in reversed(self.periods_between(paragraph_start, sentence.start)):
            if p.kind in INHERITED_KINDS and p.start is not None:
                return _value(p)
            if p.kind == "document":  # "... in the quarter. It moved ...": that quarter
                named = self._latest_named(p)
                if named is not None:
                    return named
        if self.main is not None and self.main[3] == "years":  # a review of a Five-Year Plan
            return self.main
        return self._paragraph_running or self.main

    def period_of(self, draft: Draft, paragraph_start: int) -> tuple[PeriodValue | None, bool]:
        """(the period of a draft, whether "N consecutive years" applied: note "each year")."""
        m, s = draft.mention, draft.sentence
        start = m.head_start if draft.role == "change" else m.start
        in_sentence = self.periods_between(s.start, s.end)
        chosen = _nearest_period(in_sentence, start, m.end)
        if not self.zh and chosen is not None and chosen.end_pos <= m.start:
            chosen = self._right_after(in_sentence, m.end, draft.clause[1]) or chosen
        if chosen is not None and self._dates_another_clause(chosen, draft.clause):
            chosen = None  # "，连续5年位居前列", ", ranking third for two consecutive years"
        if self.zh and chosen is None and self._cumulative(draft.clause[0], m.start):
            span = self._span_of(paragraph_start, s.start)
            if span is not None:  # "累计监管6500万人次" in a review of a plan period
                return span, False
        if chosen is not None and chosen.kind == "consecutive":
            plain = [
                p
                for p in in_sentence
                if p.end_pos <= start and p.kind not in {"base", "consecutive"}
            ]
            base = _value(plain[-1]) if plain else self._inherited(s, paragraph_start)
            return _consecutive(chosen, base)
        if chosen is not None and chosen.kind == "document":  # "in the period", "in the month"
            named = self._latest_named(chosen)
            return named or self.main or self._inherited(s, paragraph_start), False
        if chosen is not None and chosen.kind == "undated":
            return (None, None, chosen.label, "undated"), False
        if chosen is None or chosen.start is None:
            return self._inherited(s, paragraph_start), False
        return _value(chosen), False

    def _right_after(self, periods: list[Period], end: int, clause_end: int) -> Period | None:
        """English: the period phrase after a figure in its own clause, no other number
        between ("7.41 trillion yuan in the second", "of which 3.08 million TEUs were handled
        in September"): it dates the figure, not the one before it, which dates another."""
        for p in periods:
            if end <= p.pos < clause_end and p.kind in INHERITED_KINDS:
                return None if _DIGIT_RE.search(self.text, end, p.pos) else p
        return None

    def _dates_another_clause(self, period: Period, clause: tuple[int, int]) -> bool:
        """Whether a period phrase outside a figure's clause dates something else: in Chinese
        any phrase after it ("，连续5年位居前列" dates a rank); in English "N consecutive years"
        after it, or before a semicolon before it ("..., ranking third in the world for two
        consecutive years; the cargo throughput was 1.12 billion tons")."""
        if self.zh:
            return period.pos >= clause[1]
        return period.kind == "consecutive" and (
            period.pos >= clause[1]
            or (
                period.end_pos <= clause[0]
                and holds_any(self.text, period.end_pos, clause[0], SEMICOLONS)
            )
        )

    def _cumulative(self, start: int, end: int) -> bool:
        """zh: whether a word of ``[periods.cumulative]`` ("累计") stands in ``[start, end)``."""
        for word in self._zh_words.cumulative:  # noqa: SIM110 (no slice, no generator)
            if self.text.find(word, start, end) >= 0:
                return True
        return False

    def _span_of(self, paragraph_start: int, end: int) -> PeriodValue | None:
        """The latest multi-year period of the paragraph before ``end``, else the document's."""
        for p in reversed(self.periods_between(paragraph_start, end)):
            if p.kind == "years" and p.start is not None:
                return _value(p)
        return self.main if self.main is not None and self.main[3] == "years" else None

    def _latest_named(self, phrase: Period) -> PeriodValue | None:
        """ "in the month", "the quarter's": the latest month (quarter) that opens a sentence
        before it ("In September alone, ..."), not one named in passing ("... in August")."""
        words = phrase.label.lower()
        kind = next((k for k in _NAMED_KINDS if k in words), None)
        if kind is None:
            return None
        sentences = self.index.sentences
        for p in reversed(self.periods_between(0, phrase.pos)):
            opens = _OPENING_RE.fullmatch(self.text, sentences[self.index.at(p.pos)].start, p.pos)
            if p.kind == kind and p.start is not None and opens:
                return _value(p)
        return None

    # --- metrics --------------------------------------------------------------------------

    def metric_of(self, draft: Draft, level_metric: str | None, subject: str | None) -> str | None:
        """The metric of a draft: nearest fitting alias, refined, else a default for the unit."""
        m, s = draft.mention, draft.sentence
        span = (m.head_start if draft.role == "change" else m.start, m.end)
        # zh names the whole between 占 and the share ("占全市进出口总值的59.4%"): the part
        # is named before the head
        own = []
        if draft.role == "share":
            own = self.aliases.between(draft.clause[0], m.head_start if self.zh else m.start)
        if own:  # "foreign trade containers accounting for 50%"
            draft.product = self._product(own[-1].start)
            return own[-1].metric
        if draft.role == "share" and level_metric is not None:  # "118,000 units, accounting for"
            return level_metric
        unit = m.unit if draft.role in {"level", "rate"} else None
        alias = self.aliases.choose(span, draft.clause, (s.start, s.end), unit, draft.role)
        if draft.role == "level" and m.head == "to":  # "exports grew 5% to $3.7 trillion and
            before = self.aliases.nearest_before(draft.clause[0], m.start, unit, draft.role)
            alias = before or alias  # imports ...": what grew, not the next alias
        if draft.role in {"change", "share"}:  # a rate of trade in cars is of trade, not of cars
            alias = (
                self.aliases.choose_trade(span, draft.clause)
                or self.aliases.choose(span, draft.clause, draft.clause, unit, draft.role)
                or self.aliases.choose_trade(span, (s.start, span[0]))
                or alias
            )
        if alias is not None:
            draft.product = self._product(alias.start) or self._product_after(alias.end)
            return self.aliases.specialised(alias.metric, s.start, draft.clause[1])
        if draft.role in {"change", "share"}:
            if draft.role == "change":
                return level_metric or "growth_rate"
            return level_metric or self._hints.role_default.get("share")
        known = self._catalogue.get(subject or "")
        return self._hints.default(unit, known.kind if known else None)

    def _product(self, metric_start: int) -> str | None:
        """A trade-mode word written just before the metric ("foreign trade containers")."""
        before = self.aliases.last_in(max(0, metric_start - 40), metric_start)
        if (
            before is not None
            and before.metric == TRADE_MODE
            and self.text[before.end : metric_start].isspace()
        ):
            return " ".join(self.text[before.start : before.end].split()).lower()
        return None

    def _product_after(self, alias_end: int) -> str | None:
        """The goods named after the metric: "exports of electrical products grew"."""
        # not tried unless blanks and "of" follow, as a match needs (most aliases: none)
        after = self.text[alias_end : alias_end + _PRODUCT_PEEK]
        words = after.lstrip()
        if len(words) == len(after) or (len(words) >= 2 and words[:2].lower() != "of"):
            return None
        if alias_end not in self._products:  # an alias is asked for each of its figures
            self._products[alias_end] = self._goods_after(alias_end)
        return self._products[alias_end]

    def _goods_after(self, alias_end: int) -> str | None:
        found = _product_regex().match(self.text, alias_end)
        if found is None:
            return None
        start, end = found.span("product")
        if self.subjects.between(start, end) or self.partners.between(start, end):
            return None  # "exports of Guangzhou": a place, not goods
        return " ".join(found.group("product").split()).lower()

    # --- everything -----------------------------------------------------------------------

    def resolve(self, drafts: list[Draft]) -> None:
        """Fill subject, metric, partner, share_of, period and notes of every draft, in order."""
        levels: dict[int, Draft] = {}
        last_sentence = -1
        previous: Draft | None = None
        previous_in_sentence: Draft | None = None
        for draft in drafts:
            m, s = draft.mention, draft.sentence
            if draft.converted and previous is not None:  # the amount's subject, metric, period
                draft.subject, draft.metric = previous.subject, previous.metric
                if draft.metric is None or not fits(draft.metric, m.unit, draft.role):
                    draft.metric = self._hints.default(m.unit, None)  # tonnes, or barrels a day
                draft.period, draft.partner = previous.period, previous.partner
                continue
            previous = draft
            if s.start != last_sentence:
                if last_sentence >= 0:
                    done = self.index.at(last_sentence) + 1
                    self._next_sentence = max(self._next_sentence, done)
                self._advance(s)
                last_sentence = s.start
            level = levels.get(s.start)
            unit = m.unit if draft.role in {"level", "rate"} else None
            if draft.subject is None:
                draft.subject = self._subject_of(draft, level, unit)
            if draft.metric is None:
                draft.metric = self.metric_of(draft, level.metric if level else None, draft.subject)
            if draft.role == "share":
                self._share(draft, previous_in_sentence)
            draft.partner = self._partner_of(draft)
            self._date(draft, self.index.paragraph_start(s))
            if draft.role == "level" and not draft.converted:
                levels[s.start] = draft
            previous_in_sentence = draft
            if draft.subject and self._sets_current(draft, unit):
                self._set_current(draft.subject)
        for draft in drafts:
            if draft.items:
                self._respectively(draft.items)

    def _sets_current(self, draft: Draft, unit: str | None) -> bool:
        """Whether later sentences inherit the subject of ``draft``: a level or rate (not an
        agency's count), or a change or share whose subject its sentence names ("Shenzhen's
        exports slid 4%.")."""
        if draft.role in {"level", "rate"}:
            return unit not in AGENCY_UNITS
        s = draft.sentence
        for n in self.subjects.between(s.start, s.end):  # noqa: SIM110 (any() allocates)
            if n.name == draft.subject:
                return True
        return False

    def _share(self, draft: Draft, part: Draft | None) -> None:
        """The whole a share is of ("of total exports"), and the goods of the part before it."""
        m = draft.mention
        if self.zh:  # "占全市进出口总值的59.4%": the whole between 占 and the share
            whole = self.aliases.last_in(m.head_start, m.start) if m.head == "share" else None
        else:
            whole = self.aliases.after(m.end, draft.clause[1])
        draft.share_of = whole.metric if whole else draft.metric
        if draft.product is None and part is not None and part.sentence is draft.sentence:
            draft.product = part.product  # "X products grew 8.7%, accounting for 60.1%"

    def _subject_of(self, draft: Draft, level: Draft | None, unit: str | None) -> str | None:
        m, s = draft.mention, draft.sentence
        sentence = (s.start, s.end)
        if (
            draft.role in {"change", "share"}
            and level is not None
            and all(n.weak for n in self.subjects.between(draft.clause[0], m.start))
        ):
            return level.subject
        span = (m.head_start if draft.role == "change" else m.start, m.end)
        subject = self.subjects.choose(
            span,
            draft.clause,
            sentence,
            unit,
            inherited=self.current,
        )
        if (
            subject is not None
            and subject in self._groups
            and self.partners.between(*sentence)
            and not any(n.name == subject for n in self.subjects.between(*sentence))
        ):  # "Trade with ASEAN ...": the reporter's figure, not the group's
            return self.current_place
        if unit == ENTERPRISE and subject in self._groups and not self._names(subject, draft):
            # "... private enterprises ... The number of enterprises with records reached
            return self.current_place or subject  # 700,000": the place's, not the group's
        return subject

    def _names(self, subject: str, draft: Draft) -> bool:
        """Whether the clause of ``draft`` names ``subject``, or a relative clause it opens
        does ("private enterprises, which numbered more than 95,000")."""
        return any(
            n.name == subject and (n.relative or n.start >= draft.clause[0])
            for n in self.subjects.between(draft.sentence.start, draft.clause[1])
        )

    def _partner_of(self, draft: Draft) -> str | None:
        """A trading partner named in the clause of a money figure ("trade with ASEAN")."""
        m = draft.mention
        if draft.metric not in self._money:
            return None
        for p in self.partners.between(*draft.clause):
            if p.end <= m.start or p.start >= m.end:
                return p.name
        return None

    def _date(self, draft: Draft, paragraph_start: int) -> None:
        """Set the period of a draft (and the document's main period) and its change basis."""
        period, each_year = self.period_of(draft, paragraph_start)
        dated = period is not None and period[0] is not None
        if self.main is None and dated and not draft.sentence.heading:
            self.main = period
        if period is not None:
            draft.period = period
            if (
                dated
                and period[3] in INHERITED_KINDS
                and period[3] != "years"  # not a plan
                and not (self.zh and (period[2] or "").endswith(self._zh_words.alone))  # 11月当月
                and (period[0], period[1]) not in self._asides
                and not _inside(period, self.main)
            ):
                self.running = period
        if each_year:
            draft.notes.append(EACH_YEAR)
        change = draft.change
        if change is not None and change.basis is None:
            draft.change = Change(change.pct, self._basis(draft), change.bound, change.note)

    def _basis(self, draft: Draft) -> str | None:
        """The basis of a change that states none: a base year or a basis phrase of the
        English text around it, else the default for its period. Chinese text: the default
        (its basis words, 同比 and 环比, are read with the number by ``zh.quantities``)."""
        if self.zh:
            return default_basis(draft.period[3])
        base = self._base_year(draft.mention.end, draft.clause[1])
        if base:
            return f"vs_{base.group(1)}"
        basis = self._opening_basis(draft.sentence.start) or default_basis(draft.period[3])
        if basis is None:  # "slid 4% in November from a year earlier": a base further on
            # (in the whole clause of a level: "rose 8.7% from a year earlier to 53.4 ...")
            begin = draft.clause[0] if draft.role == "level" else draft.mention.end
            basis = _clause_basis(self.text, begin, draft.clause[1])
        return basis

    def _base_year(self, start: int, end: int) -> re.Match[str] | None:
        """``_BASE_YEAR_RE`` inside ``[start, end)``, searched for only where "than" or
        "compared" stands (every match holds one of them)."""
        low = self._low
        if low.find("than", start, end) < 0 and low.find("compared", start, end) < 0:
            return None
        return _BASE_YEAR_RE.search(self.text, start, end)

    def _opening_basis(self, sentence_start: int) -> str | None:
        """``_opening_basis`` of a sentence, read once for all its rates."""
        if sentence_start not in self._openings:
            self._openings[sentence_start] = _opening_basis(self.text, sentence_start)
        return self._openings[sentence_start]

    def _respectively(self, items: list[Draft]) -> None:
        """Give each item of a "respectively" list the period, subject, partner or metric of its
        entry ("exports to ASEAN, the EU and the US rose 5.6%, 8.6% and 2.1%, respectively";
        "对东盟、欧盟和美国分别进出口..."). Each kind of name found in exactly as many entries as
        there are items goes to the items in order ("2025年一季度、二季度，广州市分别...")."""
        first = items[0]
        spans = self._entries_zh(first) if self.zh else self._entries(first)
        count = len(items)
        periods = [[p for p in self.periods_between(*s) if p.start is not None] for s in spans]
        periods = [found for found in periods if found]
        if len(periods) == count:
            for d, found in zip(items, periods, strict=True):
                d.period = _value(found[-1])
        named = [n for n in (self.subjects.between(*s) for s in spans) if n]
        if len(named) == count:
            for d, n in zip(items, named, strict=True):
                d.subject = n[-1].name
            return
        partners = [n for n in (self.partners.between(*s) for s in spans) if n]
        if len(partners) == count:
            for d, n in zip(items, partners, strict=True):
                d.partner = n[-1].name
            return
        unit, role = first.mention.unit, first.role  # the items of a list share both
        aliases = [
            found
            for found in (
                [a for a in self.aliases.between(*s) if fits(a.metric, unit, role)] for s in spans
            )
            if found
        ]
        if len(aliases) == count and len({a[-1].metric for a in aliases}) == count:
            for d, a in zip(items, aliases, strict=True):
                d.metric = a[-1].metric

    def _entries(self, first: Draft) -> list[tuple[int, int]]:
        """The entries of an English list: the sentence before its first item, split at commas
        and "and"."""
        return _split(self.text, first.sentence.start, first.mention.head_start, _ITEM_SPLIT_RE)

    def _entries_zh(self, first: Draft) -> list[tuple[int, int]]:
        """The entries of a Chinese list: the sentence before 分别, split at 、，和及与."""
        stop = self.text.rfind(_ZH_RESPECTIVELY, first.sentence.start, first.mention.start)
        if stop < 0:
            return []
        return _split(self.text, first.sentence.start, stop, _ZH_ITEM_SPLIT_RE)


@cache
def _basis_regex() -> re.Pattern[str]:
    """A basis phrase of growth.toml ("from a year earlier"), or "the same month of last year"."""
    return re.compile(
        rf"""(?<![\w-])(?P<basis>{alternation(list(growth_words().basis))})(?![\w-])
        | {_SAME_PERIOD_RE.pattern}          # 14% more than in the same month of last year""",
        re.IGNORECASE | re.VERBOSE,
    )


@cache
def _opening_basis_regex() -> re.Pattern[str]:
    """A base year or basis phrase opening a sentence before a comma ("Compared with 2020, ...",
    "Month on month, ...")."""
    return re.compile(
        rf"""\s*(?:(?:compared\s+(?:to|with)|against)\s+(?P<year>(?:19|20)\d{{2}})(?!\d)
        | (?P<basis>{alternation(list(growth_words().basis))}))\s*,""",
        re.IGNORECASE | re.VERBOSE,
    )


def _opening_basis(text: str, sentence_start: int) -> str | None:
    """The basis of every rate of a sentence that opens with one.

    >>> _opening_basis("Compared with 2020, the last year of the plan, cargo is up 9.8%.", 0)
    'vs_2020'
    >>> _opening_basis("Month on month, October exports dropped 3.4 percent.", 0)
    'mom'
    """
    found = _opening_basis_regex().match(text, sentence_start)
    if found is None:
        return None
    if found["year"]:
        return f"vs_{found['year']}"
    return growth_words().basis[" ".join(found["basis"].lower().split())]


def _inside(period: PeriodValue, main: PeriodValue | None) -> bool:
    """Whether ``period`` is a quarter or month inside the document's main period ("In the
    second quarter, ..." in a release about the first half): never the running period that
    later paragraphs inherit."""
    if main is None or main[0] is None or main[1] is None or period[0] is None:
        return False
    if period[3] not in {"quarter", "month"}:  # a year-to-date span is the release's own
        return False
    assert period[1] is not None
    return main[0] <= period[0] and period[1] <= main[1] and (period[0], period[1]) != main[:2]


def _clause_basis(text: str, start: int, end: int) -> str | None:
    """The basis stated in ``text[start:end]`` after a figure, or None.

    >>> _clause_basis("slid 4% in November from a year earlier.", 7, 40)
    'yoy'
    """
    found = _basis_regex().search(text, start, end)
    if found is None:
        return None
    phrase = found["basis"]
    return growth_words().basis[" ".join(phrase.lower().split())] if phrase else "yoy"


@cache
def _product_regex() -> re.Pattern[str]:
    """ " of <goods> <verb>" right after a trade alias, the verbs from the growth tables."""
    verbs = [*growth_words().direction, *implied_unit().verbs, *growth_words().share]
    return re.compile(
        rf"""\s+of\s+(?P<product>[a-z][a-z\s'-]{{1,60}}?)   # mechanical and electrical products
        \s+(?:{alternation(verbs)})(?![\w-])                # grew, reached, accounted for""",
        re.IGNORECASE | re.VERBOSE,
    )


def _nearest_period(periods: list[Period], start: int, end: int) -> Period | None:
    """The period phrase nearest before ``[start, end)``, else the first after it; no base."""
    for p in reversed(periods):
        if p.end_pos <= start and p.kind != "base":
            return p
    for p in periods:
        if p.pos >= end and p.kind != "base":
            return p
    return None


def _consecutive(phrase: Period, base: PeriodValue | None) -> tuple[PeriodValue | None, bool]:
    """ "for five consecutive years": the five years up to the end of ``base``."""
    if base is not None and base[1] is not None:
        years = consecutive_years(phrase.years, Period(0, 0, "", "year", base[0], base[1]))
        if years is not None:
            return (years[0], years[1], phrase.label, "years"), True
    return base, False


@cache
def _group_names() -> frozenset[str]:
    """The subjects of kind group ("private enterprises"): a subject for one paragraph only."""
    return frozenset(key for key, subject in subjects().items() if subject.kind == GROUP_KIND)


def _title_place(index: SentenceIndex, subjects: SubjectIndex) -> str | None:
    """The place a document's title names ("Statistical Communique of Dongguan on ..."): not an
    agency nor a group, which report or take part rather than being what the release is about."""
    if not index.sentences or not index.sentences[0].heading:
        return None
    title = index.sentences[0]
    for n in subjects.between(title.start, title.end):
        if n.kind not in AGENCY_KINDS and n.kind != GROUP_KIND:
            return n.name
    return None


def _split(text: str, start: int, stop: int, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """The non-empty spans of ``text[start:stop]`` between matches of ``separator``."""
    edges = [start]
    for m in separator.finditer(text, start, stop):
        edges += [m.start(), m.end()]
    edges.append(stop)
    return [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True) if b > a]


def _alone(text: str, pos: int) -> bool:
    """Whether ``_ALONE_RE`` matches at ``pos``; not tried unless a comma or a blank stands
    there, as a match needs (Chinese: never)."""
    first = text[pos : pos + 1]
    return (first == "," or first.isspace()) and _ALONE_RE.match(text, pos) is not None


def _value(period: Period) -> PeriodValue:
    return (period.start, period.end, period.label, period.kind)
