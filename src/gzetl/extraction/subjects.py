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
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from gzetl.catalogue import anaphora, partners, subjects
from gzetl.extraction.numbers import alternation, lowered

AGENCY_KINDS = frozenset({"customs"})
AGENCY_UNITS = frozenset({"measure", "batch"})


@dataclass(frozen=True, slots=True)
class Named:
    """A subject (or partner) named at ``[start, end)``."""

    start: int
    end: int
    name: str
    kind: str


@cache
def alias_table() -> dict[str, tuple[str, str]]:
    """alias (lower case) -> (canonical name, kind); anaphora map to ("", kind)."""
    table: dict[str, tuple[str, str]] = {}
    for phrase, kind in anaphora().items():
        table[phrase.lower()] = ("", kind)
    for subject in subjects().values():
        for alias in (subject.name.lower(), *subject.aliases):
            table[alias.lower()] = (subject.name, subject.kind)
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


@cache
def partner_regex() -> re.Pattern[str]:
    """One alternation of every partner alias."""
    return re.compile(rf"(?<![\w-])(?:{alternation(list(partner_table()))})(?![\w-])")


def find_subjects(text: str) -> list[Named]:
    """Subjects named in ``text`` in order, anaphora resolved; unresolvable anaphora dropped."""
    return resolve(
        [(m.start(), m.end(), m.group()) for m in subject_regex().finditer(lowered(text))]
    )


def resolve(phrases: list[tuple[int, int, str]]) -> list[Named]:
    """(start, end, lower-case phrase) in text order -> subjects, anaphora resolved or dropped."""
    table = alias_table()
    last_of_kind: dict[str, str] = {}
    found: list[Named] = []
    for start, end, phrase in phrases:
        name, kind = table[" ".join(phrase.split())]
        if not name:
            name = last_of_kind.get(kind, "")
            if not name:
                continue
        last_of_kind[kind] = name
        found.append(Named(start, end, name, kind))
    return found


def find_partners(text: str) -> list[Named]:
    """Trading partners named in ``text`` in order."""
    table = partner_table()
    return [
        Named(m.start(), m.end(), table[" ".join(m.group().lower().split())], "partner")
        for m in partner_regex().finditer(lowered(text))
    ]


class SubjectIndex:
    """The subjects of one document, searchable by position."""

    def __init__(self, named: list[Named]) -> None:
        self.named = named
        self._starts = [n.start for n in named]

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

    def choose(  # noqa: PLR0911
        self,
        fact: tuple[int, int],
        clause: tuple[int, int],
        sentence: tuple[int, int],
        unit: str | None,
    ) -> str | None:
        """The subject of a fact at ``fact`` inside ``clause`` inside ``sentence``."""
        start, end = fact
        in_clause = self.between(*clause)
        agency_first = unit in AGENCY_UNITS
        before = [n for n in in_clause if n.end <= start]
        after = [n for n in in_clause if n.start >= end]
        if agency_first:
            agencies = [n for n in in_clause if n.kind in AGENCY_KINDS]
            if agencies:
                return _nearest(agencies, start, end).name
            earlier = self.last_before(start, AGENCY_KINDS)
            if earlier is not None:
                return earlier.name
        places_before = [n for n in before if n.kind not in AGENCY_KINDS]
        if places_before:
            return places_before[-1].name
        places_after = [n for n in after if n.kind not in AGENCY_KINDS]
        if places_after:
            return places_after[0].name
        in_sentence = self.between(sentence[0], start)
        places = [n for n in in_sentence if n.kind not in AGENCY_KINDS]
        if places:
            return places[-1].name
        if before:
            return before[-1].name
        if after:
            return after[0].name
        if in_sentence:
            return in_sentence[-1].name
        earlier = self.last_before(sentence[0])
        return earlier.name if earlier else None


def _nearest(named: list[Named], start: int, end: int) -> Named:
    return min(named, key=lambda n: start - n.end if n.end <= start else n.start - end)
