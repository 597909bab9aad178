"""Subject and partner mentions, and the choice of the subject of a fact.

Rules (docs/conventions.md, Subject): the place where the activity happens beats the agency
that reports it, except for counts of measures and batches, which belong to the agency;
a sentence naming no subject inherits the last subject named; anaphora ("the customs
district") resolve to the last subject of their kind.

>>> [(n.name, n.start) for n in find_subjects("Guangzhou Customs and the city")]
[('Guangzhou Customs', 0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from gzetl.catalogue import anaphora, organizations, partners, subjects
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.sentences import bisect_left

AGENCY_KINDS: Final = frozenset({"customs"})
AGENCY_UNITS: Final = frozenset({"measure", "batch"})
GROUP_KIND: Final = "group"  # "private enterprises": a part of a place's trade, not a place


@dataclass(slots=True, init=False)
class Named:
    """A subject (or partner) named at ``[start, end)``.

    Not frozen: a frozen dataclass is built 2.5 times slower and a named tuple is read
    slower. A release names its places hundreds of times; nothing writes to one once built.
    Its ``__init__`` is written out: mypyc compiles that one, not a generated one.
    """

    start: int
    end: int
    name: str
    kind: str
    weak: bool
    relative: bool  # a relative clause about it follows ("the zone, which handled ...")

    def __init__(
        self,
        start: int,
        end: int,
        name: str,
        kind: str,
        weak: bool = False,
        *,
        relative: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.name = name
        self.kind = kind
        self.weak = weak
        self.relative = relative


@cache
def alias_table() -> dict[str, tuple[str, str]]:
    """alias (lower case) -> (canonical name, kind); anaphora map to ("", kind)."""
    table: dict[str, tuple[str, str]] = {}
    for phrase, kind in anaphora().items():
        table[phrase.lower()] = ("", kind)
    for subject in subjects().values():
        for alias in (subject.name.lower(), *subject.aliases):
            table[alias.lower()] = (subject.name, subject.kind)
            variant = f"the {alias.lower()}"
            if any(variant.startswith(p) for p in anaphora()):  # "the port of guangzhou"
                table.setdefault(variant, (subject.name, subject.kind))
    return table


@cache
def subject_regex() -> re.Pattern[str]:
    """One alternation of every subject alias and anaphora phrase."""
    return re.compile(rf"(?<![\w-])(?:{alternation(list(alias_table()))})(?![\w-])")


@cache
def partner_table() -> dict[str, str]:
    """alias (lower case) -> canonical partner name."""
    return {
        alias.lower(): p.name for p in partners().values() for alias in (p.name.lower(), *p.aliases)
    }


def find_subjects(text: str) -> list[Named]:
    """Subjects named in ``text`` in order, anaphora resolved; unresolvable anaphora dropped."""
    return resolve(
        [(m.start(), m.end(), m.group()) for m in subject_regex().finditer(lowered(text))]
    )


# A subject after these words is a place in passing ("the first of its kind in China",
# "private enterprises in Dongguan"), not what the sentence is about; an anaphor after "to"
# likewise ("transported to the airport").
_WEAK_RE: Final = re.compile(r"(?<![\w-])(?:in|among|from|according\s+to)\s+(?:the\s+)?\Z")
_WEAK_WINDOW: Final = 18  # characters before a name that _WEAK_RE reads
_WEAK_LAST: Final = ("in", "among", "from", "to", "the")  # what a _WEAK_RE match's words end with
# "Private firms' share of the country's total trade": the place owns the share's whole and is
# named in passing (a group after "share of" is the share's subject: "the share of private
# enterprises in ...")
_WHOLE_OWNER_RE: Final = re.compile(r"(?<![\w-])(?:share|proportion)\s+of\s+(?:the\s+)?\Z")
_WHOLE_OWNER_WINDOW: Final = 22
_WEAK_ANAPHOR_RE: Final = re.compile(r"(?<![\w-])to\s+\Z")
_FROM_RE: Final = re.compile(
    r"(?<![\w-])from\s+(?:the\s+)?\Z"
)  # an anaphor after it is no place in passing
# An agency that only reports the figure ("Huangpu Customs said", "a GACC spokesperson said").
_REPORTER_RE: Final = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:said|says|announced|reported|stated)(?![\w-])"
)
# A dateline ("Guangzhou, January 10 --", "GUANGZHOU, Jan. 21 (Xinhua) --") names where the
# release was written, not what it is about.
_DATELINE_RE: Final = re.compile(r",\s+[a-z]+\.?\s+\d{1,2}(?:\s+\([^)]*\))?\s+(?:--|—)")
# A relative clause after a name is about it ("the Baiyun Airport Comprehensive Bonded Zone,
# which handled 238 million parcels"; "in the Nansha zone, where imports reached ..."), however
# it was named; an aside in brackets may stand between.
_RELATIVE_RE: Final = re.compile(r"(?:\s*\([^)]{0,40}\))?\s*,\s*(?:which|where)(?![\w-])")
_RELATIVE_REACH: Final = 48  # from the end of the name to the start of the clause after it
_RELATIVE_PEEK: Final = 8  # characters after a name looked at before _RELATIVE_RE is tried
# An anaphor of one kind may name a subject of a close kind ("the port" for an airport port).
_ANAPHOR_FALLBACK: Final = {"port": "airport", "customs_district": "customs", "city": "district"}


@cache
def _organization_re() -> re.Pattern[str]:
    """An organization word right after a name ("Guangzhou Port Group")."""
    return re.compile(rf"\s+(?:{alternation(list(organizations()))})(?![\w-])")


def resolve(phrases: list[tuple[int, int, str]], low: str = "") -> list[Named]:
    """(start, end, lower-case phrase) in text order -> subjects, anaphora resolved or dropped.

    ``low`` (the lower-cased document) lets a subject named in passing be marked ``weak``.
    """
    table = alias_table()
    organization_words = organizations()
    last_of_kind: dict[str, str] = {}
    found: list[Named] = []
    for start, end, phrase in phrases:
        name, kind = table[" ".join(phrase.split())]
        weak = bool(low) and bool(
            _in_passing(low, start)
            or (kind != GROUP_KIND and _owns_the_whole(low, start))
            or (kind in AGENCY_KINDS and _REPORTER_RE.match(low, end))
            or (low.startswith(",", end) and _DATELINE_RE.match(low, end))
        )
        if not name:
            name = last_of_kind.get(kind, "") or last_of_kind.get(
                _ANAPHOR_FALLBACK.get(kind, ""), ""
            )
            if not name:
                continue
            if weak and _FROM_RE.search(low, max(0, start - 10), start):
                weak = False  # "trains departing from the city": the city's, not in passing
            weak = weak or (
                bool(low) and bool(_WEAK_ANAPHOR_RE.search(low, max(0, start - 4), start))
            )
        elif (  # "Guangzhou Port Group said"
            low
            and low.startswith(organization_words, end + 1)
            and _organization_re().match(low, end)
        ):
            found.append(Named(start, end, name, kind, True))
            continue
        last_of_kind[kind] = name
        relative = bool(low) and _relative_follows(low, end)
        found.append(Named(start, end, name, kind, weak and not relative, relative=relative))
    return found


def _in_passing(low: str, start: int) -> bool:
    """Whether ``_WEAK_RE`` matches right before ``start`` ("in the city"). Its regex runs only
    where the words before ``start`` end as one of its matches must (``blanks_after``)."""
    begin = max(0, start - _WEAK_WINDOW)
    return (
        blanks_after(low, begin, start, _WEAK_LAST)
        and _WEAK_RE.search(low, begin, start) is not None
    )


def _owns_the_whole(low: str, start: int) -> bool:
    """Whether ``_WHOLE_OWNER_RE`` matches right before ``start`` ("share of the country's")."""
    begin = max(0, start - _WHOLE_OWNER_WINDOW)
    return (
        blanks_after(low, begin, start, ("of", "the"))
        and _WHOLE_OWNER_RE.search(low, begin, start) is not None
    )


def blanks_after(low: str, begin: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether ``low[begin:end]`` ends with blanks after one of ``words``: what a pattern
    ending in ``(?:word|...)\\s+\\Z`` needs, tested before it is searched for (a regex call
    costs more than these string tests).

    >>> blanks_after("exports in the city", 0, 15, ("the",)), blanks_after("the", 0, 3, ("the",))
    (True, False)
    """
    before = low[begin:end]
    rest = before.rstrip()
    return len(rest) < len(before) and rest.endswith(words)


def _relative_follows(low: str, end: int) -> bool:
    """Whether ``_RELATIVE_RE`` matches at ``end``; not tried when the first character after
    the blanks there is neither a bracket nor a comma."""
    after = low[end : end + _RELATIVE_PEEK].lstrip()
    if after and after[0] not in "(,":
        return False
    return _RELATIVE_RE.match(low, end) is not None


class SubjectIndex:
    """The subjects of one document, searchable by position."""

    def __init__(self, named: list[Named]) -> None:
        self.named = named
        self._starts = [n.start for n in named]
        # The subjects not named in passing: sentence_subject() is asked for every sentence.
        self._strong = [n for n in named if not n.weak]
        self._strong_starts = [n.start for n in self._strong]

    def between(self, start: int, end: int) -> list[Named]:
        """Subjects named inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end)
        return self.named[i:j]

    def last_before(self, pos: int, kinds: frozenset[str] | None = None) -> Named | None:
        """The last subject named before ``pos`` (of one of ``kinds`` when given)."""
        i = bisect_left(self._starts, pos) - 1
        while i >= 0:
            named = self.named[i]
            if named.end <= pos and (kinds is None or named.kind in kinds):
                return named
            i -= 1
        return None

    def choose(
        self,
        fact: tuple[int, int],
        clause: tuple[int, int],
        sentence: tuple[int, int],
        unit: str | None,
        *,
        inherited: str | None = None,
    ) -> str | None:
        """The subject of a fact at ``fact`` inside ``clause`` inside ``sentence``.

        The place named in the clause, then in the sentence before the fact, beats the agency;
        the agency beats inheritance; a subject named only in passing comes last. Counts of
        measures and batches belong to the agency.
        """
        start, end = fact
        in_clause = self.between(*clause)
        if unit in AGENCY_UNITS:
            agencies = [
                n
                for n in in_clause
                if n.kind in AGENCY_KINDS and (n.end <= start or n.start >= end)
            ]
            if agencies:
                return _nearest(agencies, start, end).name
            earlier = self.last_before(start, AGENCY_KINDS)
            if earlier is not None:
                return earlier.name
        stated = self._stated(in_clause, clause[0], sentence[0], fact)
        if stated is not None:
            return stated.name
        if inherited is not None:
            return inherited
        return next((n.name for n in self.between(*sentence) if n.weak), None)

    def _stated(
        self, in_clause: list[Named], clause_start: int, sentence_start: int, fact: tuple[int, int]
    ) -> Named | None:
        """The subject named in the clause, else in the sentence before the fact ``[start, end)``.

        Loops that return at the first hit rather than a list of candidates per rule: this runs
        once per fact, and most facts are decided by the first rule.
        """
        start, end = fact
        place = _place_in_clause(in_clause, start, end)
        if place is not None:
            return place
        before = self.between(sentence_start, start)
        if before and before[-1].relative and 0 <= clause_start - before[-1].end <= _RELATIVE_REACH:
            return before[-1]  # the fact is in the relative clause about it
        for n in before:  # the place named first in the sentence before the fact
            if not n.weak and n.kind not in AGENCY_KINDS:
                return n
        strong = [n for n in in_clause if not n.weak and (n.end <= start or n.start >= end)]
        if strong:  # the agency nearest in the clause
            return _nearest(strong, start, end)
        for n in reversed(before):  # the agency named last in the sentence before the fact
            if not n.weak:
                return n
        return None

    def sentence_subject(self, start: int, end: int) -> Named | None:
        """The first subject in ``[start, end)`` not named in passing: what a sentence is about."""
        i = bisect_left(self._strong_starts, start)
        if i < len(self._strong) and self._strong_starts[i] < end:
            return self._strong[i]
        return None


def _place_in_clause(in_clause: list[Named], start: int, end: int) -> Named | None:
    """The place named last before the fact ``[start, end)`` in its clause, else first after."""
    for n in reversed(in_clause):
        if n.end <= start and not n.weak and n.kind not in AGENCY_KINDS:
            return n
    for n in in_clause:
        if n.start >= end and not n.weak and n.kind not in AGENCY_KINDS:
            return n
    return None


def _nearest(named: list[Named], start: int, end: int) -> Named:
    return min(named, key=lambda n: start - n.end if n.end <= start else n.start - end)
