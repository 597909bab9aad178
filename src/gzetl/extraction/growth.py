"""Rates -> changes: "up 5.2% year-on-year", "increased 1.7 times", "doubled".

A percentage is a *change* when growth words stand before it ("a year-on-year increase of",
"grew by") or a basis after it ("5.2% year-on-year"); a *share* after "accounting for";
otherwise a *rate* level ("a recognition rate of over 95%").

>>> from gzetl.extraction.quantities import scan
>>> text = "Exports grew by 8.7%, and trade increased 1.7 times compared to 2020."
>>> [change_of(m, text, 0) for m in scan(text)]  # doctest: +NORMALIZE_WHITESPACE
[Change(pct=Decimal('8.7'), basis=None, bound='eq', note=None),
 Change(pct=Decimal('170.0'), basis='vs_2020', bound='eq', note=None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Final

from gzetl.extraction.lexicon import CUMULATIVE_KINDS, growth_words
from gzetl.extraction.numbers import alternation, lowered, number_words
from gzetl.extraction.quantities import Mention

RATIO_NOTE: Final = "times-of read as ratio (ambiguous in translation)"
CHANGE_KINDS: Final = frozenset({"times", "multiple", "pp"})


@dataclass(slots=True, init=False)
class Change:
    """A change in percent (points when basis is pp), its basis, and the bound on the rate.

    Not frozen: a frozen dataclass is built 2.5 times slower and a named tuple is read
    slower. One is built for every rate; nothing writes to one once built. Its ``__init__``
    is written out: mypyc compiles that one, not a generated one.
    """

    pct: Decimal
    basis: str | None
    bound: str
    note: str | None

    def __init__(self, pct: Decimal, basis: str | None, bound: str, note: str | None) -> None:
        self.pct = pct
        self.basis = basis
        self.bound = bound
        self.note = note


@cache
def _verb_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(list(growth_words().direction))})(?![\w-])")


def _verb_sign(text: str, clause_start: int, pos: int) -> int:
    """The sign of the last growth word in the clause before ``pos`` ("reduce ... by half")."""
    sign = 0
    for m in _verb_regex().finditer(lowered(text), clause_start, pos):
        sign = growth_words().direction[" ".join(m.group().lower().split())]
    return sign


@lru_cache(maxsize=1024)
def _is_proportion(raw_value: str) -> bool:
    """Whether a number as written is a proportion ("nine in ten"): asked for every rate,
    whose written forms repeat ("5.2"), so the answer is kept rather than the words split
    again."""
    return " ".join(raw_value.lower().split()) in number_words().proportions


def role_of(m: Mention, text: str, clause_start: int) -> str:  # noqa: PLR0911 (a decision table)
    """level, rate, share or change."""
    if m.kind in CHANGE_KINDS:
        return "change"
    if m.kind == "level":
        return "level"
    if m.head == "share" or _is_proportion(m.raw_value):
        return "share"  # "accounting for 57%", "nine in ten of the enterprises"
    if m.direction or m.basis or m.base_year:
        return "change"
    if m.head == "by" and _verb_sign(text, clause_start, m.head_start):
        return "change"
    if m.raw_unit == "" and m.head == "by":  # "by nearly half"
        return "change"
    if m.head in CUMULATIVE_KINDS:  # "grew by a total of 17.8%", "an average annual rate of 6.4%"
        return "change"
    return "rate"


def change_of(m: Mention, text: str, clause_start: int) -> Change | None:
    """The change a rate mention states, or None if it is not a change."""
    if role_of(m, text, clause_start) != "change":
        return None
    return stated_change(m, text, clause_start)


def stated_change(m: Mention, text: str, clause_start: int) -> Change | None:
    """``change_of`` a mention whose role (``role_of`` from ``clause_start``) is known to be
    change; None when it has no number."""
    if m.number is None and m.kind != "multiple":
        return None
    basis = m.basis or (f"vs_{m.base_year}" if m.base_year else None)
    if m.kind == "multiple":
        return Change(m.baseline or Decimal(0), basis, m.bound, None)  # "more than doubled"
    assert m.number is not None
    sign = m.direction or _verb_sign(text, clause_start, m.head_start) or 1
    if m.kind == "pp":
        return Change(sign * m.number, "pp", m.bound, None)
    if m.kind == "times":
        if m.ratio:
            return Change((m.number - 1) * 100, basis, m.bound, RATIO_NOTE)
        return Change(sign * m.number * 100, basis, m.bound, None)
    value = m.value
    assert value is not None
    return Change(sign * value, basis, m.bound, None)
