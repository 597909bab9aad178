"""One scan for every name in a document: subjects, anaphora, partners and metric aliases.

Three tables, one vocabulary: the names are found by the document's one pass of ``gate``.
Where phrases overlap, the longest one at a position wins ("private enterprises" is a
subject, so its "enterprises" is not also read as a metric alias).

>>> names = find_names("Exports of Guangzhou to ASEAN")
>>> [(a.metric, a.start) for a in names.aliases]
[('export_value', 0)]
>>> [s.name for s in names.subjects], [p.name for p in names.partners]
(['Guangzhou City'], ['ASEAN'])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gzetl.catalogue import regions
from gzetl.extraction import metrics, subjects
from gzetl.extraction.gate import document_hits, leftmost_longest
from gzetl.extraction.metrics import Alias
from gzetl.extraction.numbers import lowered
from gzetl.extraction.subjects import Named


@dataclass(frozen=True, slots=True)
class Names:
    """The names of one document, each list in text order."""

    subjects: list[Named]
    partners: list[Named]
    aliases: list[Alias]


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one phrase names in each of the three tables (None where it is not in one)."""

    subject: str | None
    partner: str | None
    metric: str | None


@cache
def _entries() -> dict[str, _Entry]:
    """phrase -> what it names, the three tables merged so that a hit costs one look-up;
    the regions of ``subjects.toml`` name nothing."""
    subject_table = subjects.alias_table()
    partner_table = subjects.partner_table()
    metric_table = metrics.alias_table()
    phrases = subject_table.keys() | partner_table.keys() | metric_table.keys()
    named = {
        phrase: _Entry(
            phrase if phrase in subject_table else None,
            partner_table.get(phrase),
            metric_table.get(phrase),
        )
        for phrase in phrases
    }
    nothing = _Entry(None, None, None)  # "South China": its "China" names no one
    return {phrase: nothing for phrase in regions() if phrase not in phrases} | named


def name_phrases() -> list[str]:
    """Every phrase that names a subject, partner or metric."""
    return list(_entries())


def find_names(text: str) -> Names:
    """Subjects (anaphora resolved), partners and metric aliases named in ``text``."""
    entries = _entries()
    named: list[tuple[int, int, str]] = []
    partners: list[Named] = []
    aliases: list[Alias] = []
    low = lowered(text)
    for start, end, phrase in leftmost_longest(document_hits(low).phrases["names"], low):
        entry = entries[phrase]
        if entry.subject is not None:
            named.append((start, end, phrase))
        if entry.partner is not None:
            partners.append(Named(start, end, entry.partner, "partner"))
        if entry.metric is not None:
            aliases.append(Alias(start, end, entry.metric))
    return Names(subjects.resolve(named, low), partners, aliases)
