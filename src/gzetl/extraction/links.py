"""Link mentions into statements: conversions, changes to their levels, "respectively" lists.

>>> from gzetl.extraction.quantities import scan
>>> from gzetl.extraction.sentences import SentenceIndex
>>> text = "Exports were 5 billion yuan and imports 3 billion yuan, up 7.4% and 1.9%, respectively."
>>> drafts = link(text, scan(text), SentenceIndex(text))
>>> [(d.mention.text, d.change.pct if d.change else None) for d in drafts]
[('5 billion yuan', Decimal('7.4')), ('3 billion yuan', Decimal('1.9'))]
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

from gzetl.extraction.gate import document_hits
from gzetl.extraction.growth import Change, change_of, role_of, stated_change
from gzetl.extraction.lexicon import AVERAGE, forecast_words, record_words
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.quantities import THRESHOLD, Mention
from gzetl.extraction.sentences import Sentence, SentenceIndex, bisect_left
from gzetl.extraction.subjects import blanks_after
from gzetl.extraction.zh import forecast_starts, list_gap_re
from gzetl.units import currencies

_CONVERSION_RE = re.compile(
    r"(?:\s+in\s+(?:19|20)\d{2})?\s*(?:[(（]|,)\s*(?:equivalent\s+to|or|i\.e\.,?)?\s*",
    re.IGNORECASE,
)
# "grew 5% to 1.2 trillion yuan", "rose 7.8% year-on-year in December to", "doubled ..., reaching",
# "were up 5.4% year on year at $3.24 trillion", "rose 5.4 percent in 2026 to a record $3.72
# trillion" (a year may stand in the gap, a record word after "to")
_CHANGE_THEN_LEVEL_RE = re.compile(
    r"(?:\s+(?:compared\s+(?:to|with)|that\s+of|the\s+level\s+of)\s+(?:19|20)\d{2})?"
    r"(?:[^\d.;()%]|(?<![\w-])(?:19|20)\d\d(?!\d)){0,60}?"
    r"(?<![\w-])(?:to|reaching|to\s+reach|hitting|at)\s+"
    r"(?:(?:an?\s+)?(?:new\s+|fresh\s+)?(?:record|all-time|historic)(?:\s+high)?(?:\s+of)?\s+)?",
    re.IGNORECASE,
)
_WORD_RE: Final = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
# Points faster than another rate ("expanded 13.3 percent, 3.4 percentage points faster than
# the overall growth") compare two rates: no change of the share stated before.
_THAN_ANOTHER_RATE_RE: Final = re.compile(
    r"\s+(?:(?:faster|slower)\s+than|(?:higher|lower)\s+than\s+(?:the\s+)?"
    r"(?:overall|national|average|provincial|total|whole))(?![\w-])",
    re.IGNORECASE,
)
# A semicolon ends a part of a sentence with its own figures ("...; among them, exports of
# new energy products rose 31.6%"): a rate after it does not join a level before it.
SEMICOLONS: Final = (";", "；")
# "respectively" after the last item, maybe after a phrase with no number that all items share
# ("5.6% and 8.6% of the province's total, respectively", "... in the first half, respectively")
_RESPECTIVELY_RE: Final = re.compile(r"[^.;!?\d\n]{0,80}?,?\s*respectively", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*", re.IGNORECASE)
# Chinese (zh): the list gap is zh.list_gap_re(); "分别" stands before the list;
# "（约合1700亿美元）", "，折合1700亿美元" is a conversion.
_ZH_RESPECTIVELY: Final = "分别"
_ZH_CHANGE_THEN_LEVEL_RE = re.compile(
    r"[，,]?\s*(?:达到了?|达|增至|升至|至|到)\s*"
)  # "增长超一成，达到"
_ZH_CONVERSION_RE = re.compile(r"\s*[（(，,]\s*(?:折合|合计|合)?\s*")
_SHARE_OF_RE: Final = re.compile(r"(?<![\w-])(?:share|proportion)\s+of(?![\w-])", re.IGNORECASE)


def _share_of(text: str, low: str, start: int, end: int) -> bool:
    """Whether ``_SHARE_OF_RE`` matches inside ``[start, end)``: not searched for where no
    "of" stands, as every match holds one."""
    return low.find("of", start, end) >= 0 and _SHARE_OF_RE.search(text, start, end) is not None


LEVEL_ROLES: Final = frozenset({"level", "rate", "share"})
LIST_ROLES: Final = frozenset({"level", "change", "share", "rate"})
CHANGE_ROLE: Final = frozenset({"change"})


@dataclass(slots=True, init=False)
class Draft:
    """A fact being assembled from one mention.

    The ``__init__`` is written out: mypyc (``make native``) compiles a written one, whereas
    the one ``dataclass`` generates runs as Python (2% of extraction time for this class).
    """

    mention: Mention
    sentence: Sentence
    clause: tuple[int, int]
    role: str
    change: Change | None
    statement: int
    converted: bool
    subject: str | None
    metric: str | None
    share_of: str | None
    partner: str | None
    product: str | None
    period: tuple[date | None, date | None, str | None, str | None]
    notes: list[str]
    items: list[Draft]
    group: int  # drafts of one "respectively" statement share it

    def __init__(
        self, mention: Mention, sentence: Sentence, clause: tuple[int, int], role: str
    ) -> None:
        self.mention = mention
        self.sentence = sentence
        self.clause = clause
        self.role = role
        self.change = None
        self.statement = -1
        self.converted = False
        self.subject = None
        self.metric = None
        self.share_of = None
        self.partner = None
        self.product = None
        self.period = (None, None, None, None)
        self.notes = []
        self.items = []
        self.group = -1


@cache
def _forecast_after_re() -> re.Pattern[str]:
    """A forecast word right after a figure's unit, maybe after a growth noun ("rise forecast"),
    or ending a relative clause after it ("the 1.5 percent dip that analysts had expected")."""
    words = forecast_words()
    return re.compile(
        rf"\s+(?:(?:{alternation(words.nouns)})\s+)?"
        rf"(?:(?:that|which)\s+(?!(?:was|were|is|are|had|has)\s)(?:[\w-]+\s+){{1,7}}?)?"
        rf"(?:{alternation(words.after)})(?![\w-])"
    )


# A clause in the future or the infinitive before its figure ("exports will grow 5%", "to
# rise 0.3%"): a forecast word earlier in the sentence makes its figure a forecast too.
_UNREALISED_RE: Final = re.compile(
    r"(?<![\w-])(?:will|would|could|might|to\s+(?:grow|rise|fall|increase|decrease|decline|reach|exceed|expand|contract|slow|widen|narrow|edge|climb|drop|top|hit))(?![\w-])"
)


def _is_forecast(
    low: str, forecasts: list[int], m: Mention, clause_start: int, sentence_start: int
) -> bool:
    """Whether ``m`` is a figure someone expects: a forecast word earlier in its clause
    (``forecasts``: where they stand in the text) or right after it, or earlier in its
    sentence when its clause is in the future or the infinitive."""
    before = bisect_left(forecasts, m.start)
    if before > bisect_left(forecasts, clause_start):
        return True
    if before > bisect_left(forecasts, sentence_start) and _UNREALISED_RE.search(
        low, clause_start, m.start
    ):
        return True
    # the pattern starts with blanks: not tried where none follow (Chinese)
    return low[m.end : m.end + 1].isspace() and _forecast_after_re().match(low, m.end) is not None


@cache
def _record_re() -> re.Pattern[str]:
    """A record word a few words before the "in" that ends right before a duration."""
    return re.compile(
        rf"(?<![\w-])(?:{alternation(record_words())})(?:\s+[\w-]+){{0,3}}?\s+(?:in|since)\s+\Z"
    )


_RECORD_WINDOW: Final = 60
_IN_SINCE: Final = ("in", "since")  # what the words of a _record_re() match end with
HOURS: Final = "h"


def _dates_a_record(low: str, m: Mention) -> bool:
    """ "the highest in 14 months": the duration says how rare the figure is, it is no fact."""
    if m.unit != HOURS:
        return False
    begin = max(0, m.start - _RECORD_WINDOW)
    return blanks_after(low, begin, m.start, _IN_SINCE) and (
        _record_re().search(low, begin, m.start) is not None
    )


# "over the three months", "during the eight months": the months of the period named before
# (a definite article points back to it), not a duration of anything
_POINTS_BACK_RE: Final = re.compile(
    r"(?<![\w-])(?:over|in|during|for|across|throughout)\s+the\s+\Z"
)
_POINTS_BACK_WINDOW: Final = 20
_CALENDAR_UNITS: Final = ("weeks", "months", "quarters", "years")


def _names_a_period(low: str, m: Mention) -> bool:
    """Whether the duration ``m`` is the period named before it ("over the three months")."""
    begin = max(0, m.start - _POINTS_BACK_WINDOW)
    return (
        m.unit == HOURS
        and m.text.lower().endswith(_CALENDAR_UNITS)
        and blanks_after(low, begin, m.start, ("the",))
        and _POINTS_BACK_RE.search(low, begin, m.start) is not None
    )


def _drafts(
    text: str, mentions: list[Mention], index: SentenceIndex, language: Reading
) -> list[Draft]:
    drafts: list[Draft] = []
    low = lowered(text)
    if language.zh:
        forecasts = forecast_starts(text)
    else:
        forecasts = [start for start, _, _ in document_hits(low).phrases["forecast"]]
    for m in mentions:
        sentence = index.sentences[index.at(m.start)]
        clause = index.clause(sentence, m.start, m.end)
        if forecasts and _is_forecast(low, forecasts, m, clause[0], sentence.start):
            continue  # "a 4.6% rise forecast in a Reuters poll" states no fact
        if _dates_a_record(low, m) or _names_a_period(low, m):
            continue
        if m.kind == "percent" and m.head == "from" and m.baseline is None and m.bound != "range":
            continue  # "down from 5.1 percent in November": the base of the rate before it
        role = role_of(m, text, sentence.start)
        if role == "rate" and _share_of(text, low, clause[0], m.start):
            role = "share"
        draft = Draft(m, sentence, clause, role)
        if role == "change":  # "ships grew by 27.5%, and circuits by 18.2%": the verb of the
            # sentence when the clause has none (its role from the sentence start is known)
            own = change_of(m, text, clause[0]) if clause[0] != sentence.start else None
            draft.change = own or stated_change(m, text, sentence.start)
        elif role == "rate" and drafts and _continues(text, drafts[-1], m, "share", language.gap):
            draft.role = "share"
        elif role == "rate" and drafts and _continues_changes(text, drafts[-1], m, language.gap):
            previous = drafts[-1].change
            assert previous is not None and m.value is not None
            sign = -1 if previous.pct < 0 else 1
            draft.role = "change"
            draft.change = Change(sign * m.value, m.basis or previous.basis, m.bound, None)
        drafts.append(draft)
    return drafts


def _continues(text: str, previous: Draft, m: Mention, role: str, gap: re.Pattern[str]) -> bool:
    """ "accounted for 15.9%, 12.4% and 10.1%": a bare rate listed after a share is one too."""
    return (
        previous.role == role
        and m.kind == "percent"
        and gap.fullmatch(text, previous.mention.end, m.start) is not None
    )


def _continues_changes(text: str, previous: Draft, m: Mention, gap: re.Pattern[str]) -> bool:
    """ "up 5.6%, 8.6% and 38.8%": a bare rate listed right after a change is one too."""
    return (
        previous.role == "change"
        and previous.change is not None
        and m.kind == "percent"
        and gap.fullmatch(text, previous.mention.end, m.start) is not None
    )


# "416 million tonnes of crude oil, or about 11.1 million barrels per day": a restatement of
# the amount in another unit is a conversion too, when the connector says so
_UNIT_CONVERSION_RE = re.compile(
    r"(?:\s+(?:of|in|during)\s+[^\d,.;()]{1,50}?)?\s*(?:[(（]|,)?\s*(?:equivalent\s+to|or)\s+",
    re.IGNORECASE,
)


def _conversions(text: str, drafts: list[Draft], language: Reading) -> None:
    """ "8.3 trillion yuan (about 1.17 trillion U.S. dollars)": the second is a conversion."""
    codes = _currency_codes()
    for first, second in itertools.pairwise(drafts):
        if (
            first.role == second.role == "level"
            and first.mention.unit != second.mention.unit
            and (
                (
                    first.mention.unit in codes
                    and second.mention.unit in codes
                    and language.conversion.fullmatch(text, first.mention.end, second.mention.start)
                )
                or (
                    language.unit_conversion is not None
                    and language.unit_conversion.fullmatch(
                        text, first.mention.end, second.mention.start
                    )
                )
            )
        ):
            second.converted = True


@dataclass(frozen=True, slots=True)
class Reading:
    """What linking reads differently in the text of one language."""

    zh: bool
    gap: re.Pattern[str]  # between the items of a list ("5.6%, 8.6% and 38.8%")
    conversion: re.Pattern[str]  # before a currency conversion ("(about $1.17 trillion)")
    unit_conversion: re.Pattern[str] | None  # before a restatement in another unit
    change_then_level: re.Pattern[str]  # between a change and the level it reached


@cache
def reading(zh: bool) -> Reading:
    """The ``Reading`` of English text, or (``zh``) of Chinese text."""
    if zh:
        return Reading(True, list_gap_re(), _ZH_CONVERSION_RE, None, _ZH_CHANGE_THEN_LEVEL_RE)
    return Reading(False, _LIST_GAP_RE, _CONVERSION_RE, _UNIT_CONVERSION_RE, _CHANGE_THEN_LEVEL_RE)


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(currencies().after.values())


def _runs(
    text: str, drafts: list[Draft], roles: frozenset[str], language: Reading
) -> list[tuple[int, int]]:
    """(first, last) index of each list of drafts of one of ``roles`` followed by "respectively".

    A list holds drafts of one role only, so one pass finds the lists of every role. A change
    listed with its own growth word ("up 8.3%, down 6.1% and up 17.2%, respectively") is
    listed from that word.
    """
    runs = []
    start = 0
    count = len(drafts)
    gap = language.gap
    while start < count:
        end = start
        role = drafts[start].role
        if role in roles:
            while (
                end + 1 < count
                and drafts[end + 1].role == role
                and gap.fullmatch(text, drafts[end].mention.end, _item_start(drafts[end + 1]))
            ):
                end += 1
            if end > start and _respectively(text, drafts[start], drafts[end], language):
                runs.append((start, end))
        start = end + 1
    return runs


def _item_start(draft: Draft) -> int:
    """Where an item of a list starts: a change at its growth word, anything else at its
    quantity."""
    return draft.mention.head_start if draft.role == "change" else draft.mention.start


def _respectively(text: str, first: Draft, last: Draft, language: Reading) -> bool:
    """Whether a list is followed by "respectively" (zh: preceded in its sentence by 分别)."""
    if language.zh:
        return text.find(_ZH_RESPECTIVELY, first.sentence.start, first.mention.start) >= 0
    return _RESPECTIVELY_RE.match(text, last.mention.end) is not None


def _respective_changes(text: str, drafts: list[Draft], language: Reading) -> list[Draft]:
    """ "X and Y, up 7.4% and 1.9%, respectively": each level takes its rate."""
    dropped: set[int] = set()
    for first, last in _runs(text, drafts, CHANGE_ROLE, language):
        count = last - first + 1
        sentence = drafts[first].sentence.start
        levels = [
            d
            for d in drafts[:first]
            if d.sentence.start == sentence and d.role in LEVEL_ROLES and not d.converted
        ]
        changes = drafts[first : last + 1]
        _share_basis(changes)
        if len(levels) >= count and all(d.change is None for d in levels[-count:]):
            for level, change in zip(levels[-count:], changes, strict=True):
                level.change = change.change
                level.group = id(levels[-count])
            dropped.update(range(first, last + 1))
    return [d for i, d in enumerate(drafts) if i not in dropped]


def _share_basis(changes: list[Draft]) -> None:
    """ "up 41.6% and 22.3% respectively from a year earlier": the basis written after the
    last item of a list is every item's."""
    last = changes[-1].change
    basis = last.basis if last is not None else None
    for d in changes:
        c = d.change
        if basis is not None and c is not None and c.basis is None:
            d.change = Change(c.pct, basis, c.bound, c.note)


def _names_between(names: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether a name (subject, partner or metric alias) starts inside ``[start, end)``."""
    i = bisect.bisect_left(names, (start,))
    return i < len(names) and names[i][0] < end


def _attach_changes(
    text: str,
    drafts: list[Draft],
    change_then_level: re.Pattern[str],
    names: list[tuple[int, int, str]] | None = None,
) -> list[Draft]:
    """A change joins the level it follows in its sentence, or precedes ("grew 5% to ...").

    ``names`` (English): the names of the document; a change whose own clause names what
    changed ("X yuan, while imports fell 3.9%") does not join a level of an earlier clause.
    A rate change does not join a share ("which accounted for 72.5%, rose 13.4%"), and an
    average rate no level ("exceeded 6.1 trillion yuan, with an average annual growth of
    4.7%": not the change of that total)."""
    kept: list[Draft] = []
    # sentence start -> the last level kept in it (not a conversion): what a change joins
    levels: dict[int, Draft] = {}
    for i, draft in enumerate(drafts):
        if draft.role != "change" or draft.mention.head == AVERAGE:
            kept.append(draft)
            if (
                draft.role in LEVEL_ROLES
                and not draft.converted
                and draft.mention.head != THRESHOLD
            ):
                levels[draft.sentence.start] = draft
            continue
        nxt = drafts[i + 1] if i + 1 < len(drafts) else None
        gap_from = draft.mention.end
        target = levels.get(draft.sentence.start)
        # a share takes a change of points only ("which made up 65.9%, rose 1.7% to Y")
        if (
            target is not None
            and target.role == "share"
            and draft.mention.kind != "pp"
            and names is not None
        ):
            target = None
        # "X yuan, up 8.2%, and ... to Y": the change waits for X, unless its clause names
        # what changed ("X yuan, while imports fell 3.9% to Y": the change is Y's)
        waiting = (
            target is not None
            and target.change is None
            and _WORD_RE.search(text, draft.clause[0], draft.mention.head_start) is None
        )
        if (
            not waiting
            and nxt is not None
            and (nxt.role == "level" or (draft.mention.kind == "pp" and nxt.role == "share"))
            and nxt.change is None
            and nxt.sentence.start == draft.sentence.start
            and change_then_level.fullmatch(text, gap_from, nxt.mention.start) is not None
        ):
            nxt.change = draft.change
            continue
        if (
            target is not None
            and target.change is None
            and target.mention.end <= draft.mention.start
            and not holds_any(text, target.mention.end, draft.mention.start, SEMICOLONS)
            and not (
                names is not None
                and target.mention.end <= draft.clause[0]
                and _names_between(names, draft.clause[0], draft.mention.head_start)
            )
        ):
            target.change = draft.change
            continue
        if (
            target is None
            and draft.mention.kind == "pp"
            and _THAN_ANOTHER_RATE_RE.match(text, draft.mention.end) is None
        ):
            share = _previous_share(kept, draft)
            if share is not None:  # "... accounting for 57.3%. Their share rose by 3.4 pp."
                share.change = draft.change
                continue
        kept.append(draft)
    return kept


def holds_any(text: str, start: int, end: int, marks: tuple[str, ...]) -> bool:
    """Whether one of ``marks`` stands inside ``[start, end)`` (str.find: no regex call)."""
    return any(text.find(mark, start, end) >= 0 for mark in marks)


def _previous_share(kept: list[Draft], draft: Draft) -> Draft | None:
    """The share stated in the paragraph just before a points change, if it has no change."""
    for d in reversed(kept):
        if d.sentence.paragraph != draft.sentence.paragraph:
            return None
        if d.role == "share":
            return d if d.change is None else None
    return None


def _statements(text: str, drafts: list[Draft], language: Reading) -> None:
    """Number the statements: conversions join their amount, "respectively" lists join up."""
    groups: dict[int, int] = {}
    for i, draft in enumerate(drafts):
        draft.statement = drafts[i - 1].statement if draft.converted and i else i
        if draft.group != -1:
            draft.statement = groups.setdefault(draft.group, draft.statement)
    for first, last in _runs(text, drafts, LIST_ROLES, language):
        items = drafts[first : last + 1]
        for d in items:
            d.statement = drafts[first].statement
        drafts[first].items = items


def link(
    text: str, mentions: list[Mention], index: SentenceIndex, *, zh: bool = False
) -> list[Draft]:
    """Mentions -> drafts with changes attached and statements numbered; ``zh``: the
    mentions are of a Chinese text (lists, "respectively" and conversions read as Chinese)."""
    language = reading(zh)
    drafts = _drafts(text, mentions, index, language)
    _conversions(text, drafts, language)
    drafts = _respective_changes(text, drafts, language)
    names = None if zh else document_hits(lowered(text)).phrases["names"]
    drafts = _attach_changes(text, drafts, language.change_then_level, names)
    for d in drafts:
        if d.converted:
            d.change = None
    _statements(text, drafts, language)
    return drafts
