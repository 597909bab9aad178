"""Metric aliases in the text and the choice of the metric of a fact.

The metric is the one of the nearest alias in the clause of the number whose units fit the
fact; failing that, the nearest fitting alias earlier in the sentence.

>>> [(a.metric, a.start) for a in find_aliases("the container throughput of the port")]
[('container_throughput', 4)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from gzetl.catalogue import load_data, metrics
from gzetl.errors import KnowledgeError
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.sentences import bisect_left

PERCENT: Final = "percent"
MONEY_KIND: Final = "money"
RATE_KINDS: Final = frozenset({"rate", "share"})
ANY_METRIC_ROLES: Final = frozenset({"share", "change"})  # a share or change may be of any metric


@dataclass(slots=True, init=False)
class Alias:
    """A metric alias found at ``[start, end)``.

    Not frozen: a frozen dataclass is built 2.5 times slower and a named tuple is read
    slower. A release names its metrics hundreds of times; nothing writes to one once built.
    Its ``__init__`` is written out: mypyc compiles that one, not a generated one.
    """

    start: int
    end: int
    metric: str

    def __init__(self, start: int, end: int, metric: str) -> None:
        self.start = start
        self.end = end
        self.metric = metric


@dataclass(frozen=True, slots=True)
class MetricHints:
    """``metric_hints.toml``: extra aliases, defaults per unit, specialisations."""

    aliases: dict[str, str]
    unit_default: dict[str, str]
    by_subject_kind: dict[str, dict[str, str]]
    specialise: dict[str, tuple[str, ...]]
    role_default: dict[str, str]

    def default(self, unit: str | None, subject_kind: str | None) -> str | None:
        """The metric of a figure in ``unit`` when no alias names one."""
        if unit is None:
            return None
        by_kind = self.by_subject_kind.get(subject_kind or "", {})
        return by_kind.get(unit) or self.unit_default.get(unit)


def _known(key: str, where: str) -> str:
    if key not in metrics():
        raise KnowledgeError("metric_hints.toml", f"{where}: {key!r} is not a key of metrics.toml")
    return key


@cache
def hints() -> MetricHints:
    """``metric_hints.toml``, loaded once; every metric named must exist in metrics.toml."""
    table = load_data("metric_hints.toml")
    aliases = {
        " ".join(k.lower().split()): _known(v, f"[aliases] {k!r}")
        for k, v in table.get("aliases", {}).items()
    }
    defaults = {
        k: _known(v, f"[unit_default] {k}") for k, v in table.get("unit_default", {}).items()
    }
    by_kind = {
        kind: {
            u: _known(m, f"[unit_default_by_subject_kind.{kind}] {u}") for u, m in entries.items()
        }
        for kind, entries in table.get("unit_default_by_subject_kind", {}).items()
    }
    specialise = {
        _known(k, "[specialise]"): tuple(_known(v, f"[specialise] {k}") for v in values)
        for k, values in table.get("specialise", {}).items()
    }
    roles = {k: _known(v, f"[role_default] {k}") for k, v in table.get("role_default", {}).items()}
    return MetricHints(aliases, defaults, by_kind, specialise, roles)


@cache
def alias_table() -> dict[str, str]:
    """alias (lower case) -> metric key, from metrics.toml and metric_hints.toml."""
    table: dict[str, str] = dict(hints().aliases)
    for metric in metrics().values():
        for alias in metric.aliases:
            table.setdefault(" ".join(alias.lower().split()), metric.key)
    return table


@cache
def alias_regex() -> re.Pattern[str]:
    """One alternation of every metric alias, longest first."""
    return re.compile(rf"(?<![\w-])(?:{alternation(list(alias_table()))})(?![\w-])")


def find_aliases(text: str) -> list[Alias]:
    """Metric aliases named in ``text`` in order."""
    table = alias_table()
    return [
        Alias(m.start(), m.end(), table[" ".join(m.group().lower().split())])
        for m in alias_regex().finditer(lowered(text))
    ]


def fits(metric: str, unit: str | None, role: str) -> bool:
    """Whether a fact of ``unit`` in ``role`` (level, rate, share, change) may carry ``metric``."""
    return role in ANY_METRIC_ROLES or unit in fitting_units()[metric]


@cache
def fitting_units() -> dict[str, frozenset[str | None]]:
    """metric -> the units of a level or rate that may carry it: its own units, and percent
    exactly when it is a rate or share. Looked up for every alias near every figure."""
    return {
        key: frozenset(u for u in metric.units if u != PERCENT)
        | (frozenset({PERCENT}) if metric.kind in RATE_KINDS else frozenset())
        for key, metric in metrics().items()
    }


@cache
def _specific_metrics() -> frozenset[str]:
    """Every metric that refines another in ``[specialise]``."""
    return frozenset(m for specific in hints().specialise.values() for m in specific)


@cache
def money_metrics() -> frozenset[str]:
    """The keys of the metrics of kind money."""
    return frozenset(key for key, metric in metrics().items() if metric.kind == MONEY_KIND)


def _distance(alias: Alias, start: int, end: int) -> tuple[int, int]:
    """Inside the span first ("15 reform measures"), then the nearest; an alias after the
    number counts double ("exports were 2.9 trillion yuan and imports 1.6 ...": exports)."""
    if alias.start >= start and alias.end <= end:
        return (-1, 0)
    if alias.end <= start:
        return (start - alias.end, 0)
    return (2 * max(alias.start - end, 0) + 10, 1)


class MetricIndex:
    """The metric aliases of one document, searchable by position."""

    def __init__(self, aliases: list[Alias]) -> None:
        self.aliases = aliases
        self._starts = [a.start for a in aliases]
        # The aliases of specific metrics, rare in a release: specialised() looks only at them.
        specific = _specific_metrics()
        self._specific = [a for a in aliases if a.metric in specific]
        self._specific_starts = [a.start for a in self._specific]
        self._specialise = hints().specialise
        self._units = fitting_units()
        self._money = money_metrics()

    def _fits(self, alias: Alias, unit: str | None, role: str) -> bool:
        """``fits``, with its table held here."""
        return role in ANY_METRIC_ROLES or unit in self._units[alias.metric]

    def between(self, start: int, end: int) -> list[Alias]:
        """Aliases inside ``[start, end)``."""
        return self.aliases[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def last_in(self, start: int, end: int) -> Alias | None:
        """The last alias inside ``[start, end)``, found without building their list."""
        i = bisect_left(self._starts, end) - 1
        return self.aliases[i] if i >= 0 and self._starts[i] >= start else None

    def nearest_before(self, start: int, end: int, unit: str | None, role: str) -> Alias | None:
        """The last alias inside ``[start, end)`` that fits a fact of ``unit`` in ``role``."""
        for a in reversed(self.between(start, end)):
            if self._fits(a, unit, role):
                return a
        return None

    def choose(
        self,
        fact: tuple[int, int],
        clause: tuple[int, int],
        sentence: tuple[int, int],
        unit: str | None,
        role: str,
    ) -> Alias | None:
        """The alias that names the metric of a fact at ``fact``."""
        start, end = fact
        # The fitting alias nearest the fact in its clause, the first of equals as min() gives;
        # a loop because this runs for every fact and a clause holds one alias or two.
        nearest, nearest_distance = None, (0, 0)
        for a in self.between(*clause):
            if self._fits(a, unit, role):
                distance = _distance(a, start, end)
                if nearest is None or distance < nearest_distance:
                    nearest, nearest_distance = a, distance
        if nearest is not None:
            return nearest
        for a in reversed(self.between(sentence[0], start)):
            if self._fits(a, unit, role):
                return a
        for a in self.between(end, sentence[1]):
            if self._fits(a, unit, role):
                return a
        return None

    def choose_trade(self, fact: tuple[int, int], clause: tuple[int, int]) -> Alias | None:
        """The nearest alias of a money metric in the clause ("exports of cars grew 19.5%")."""
        found = self.between(*clause)
        start, end = fact
        # the first of the nearest, as min() gives; a loop, as this runs for every rate
        nearest, nearest_distance = None, (0, 0)
        for i, a in enumerate(found, 1):
            if (
                a.metric in self._money
                and (a.end <= start or a.start >= end)
                # not "foreign trade containers": an alias right before another
                and (i == len(found) or found[i].start - a.end > 1)
            ):
                distance = _distance(a, start, end)
                if nearest is None or distance < nearest_distance:
                    nearest, nearest_distance = a, distance
        return nearest

    def specialised(self, metric: str, start: int, end: int) -> str:
        """A specific metric named in ``[start, end)`` that refines ``metric``, else ``metric``."""
        specific = self._specialise.get(metric, ())
        if specific and self._specific:
            first = bisect_left(self._specific_starts, start)
            for a in reversed(self._specific[first : bisect_left(self._specific_starts, end)]):
                if a.metric in specific:
                    return a.metric
        return metric

    def after(self, pos: int, stop: int) -> Alias | None:
        """The first alias in ``[pos, stop)`` (the whole of a share: "of total exports")."""
        found = self.between(pos, stop)
        return found[0] if found else None
