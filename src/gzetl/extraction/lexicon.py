"""The word tables of extraction: qualifiers, growth words and negatives, loaded once.

>>> qualifiers()["more than"]
'gt'
>>> growth_words().direction["a year-on-year increase of"]
1
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError

QUALIFIER_BOUNDS = frozenset({"gt", "ge", "lt", "le", "approx"})
BASES = frozenset({"yoy", "qoq", "mom"})
AVERAGE = "average"  # the head of an average rate: a change per year, joined to no level
CUMULATIVE_KINDS = ("cumulative", AVERAGE)  # the head kinds of growth.toml [cumulative]


@dataclass(frozen=True, slots=True)
class GrowthWords:
    """``growth.toml``: direction phrases, basis phrases, multiple words and share phrases."""

    direction: dict[str, int]
    basis: dict[str, str]
    multiple: dict[str, int]
    share: tuple[str, ...]
    after: dict[str, int]
    cumulative: dict[
        str, str
    ]  # "grew by a total of": cumulative; "an average annual rate of": average
    base: tuple[str, ...]  # "from", "compared with a": an earlier amount or rate follows


def _section(file: str, table: dict[str, object], name: str) -> dict[str, object]:
    section = table.get(name)
    if not isinstance(section, dict) or not section:
        raise KnowledgeError(file, f"section [{name}] is missing or empty")
    return {" ".join(k.lower().split()): v for k, v in section.items()}


@cache
def qualifiers() -> dict[str, str]:
    """``qualifiers.toml``: phrase -> bound."""
    section = _section("qualifiers.toml", load_data("qualifiers.toml"), "bound")
    bad = {k: v for k, v in section.items() if v not in QUALIFIER_BOUNDS}
    if bad:
        raise KnowledgeError(
            "qualifiers.toml", f"[bound] {bad}: bound must be one of {sorted(QUALIFIER_BOUNDS)}"
        )
    return {k: str(v) for k, v in section.items()}


@cache
def growth_words() -> GrowthWords:
    """``growth.toml``, validated."""
    table = load_data("growth.toml")
    direction = _section("growth.toml", table, "direction")
    basis = _section("growth.toml", table, "basis")
    multiple = _section("growth.toml", table, "multiple")
    share = _section("growth.toml", table, "share")
    after = _section("growth.toml", table, "after")
    cumulative = _section("growth.toml", table, "cumulative")
    base = _section("growth.toml", table, "base")
    if any(v not in (1, -1) for v in after.values()):
        raise KnowledgeError("growth.toml", "[after] values must be 1 or -1")
    if any(v not in (1, -1) for v in direction.values()):
        raise KnowledgeError("growth.toml", "[direction] values must be 1 or -1")
    if any(v not in BASES for v in basis.values()):
        raise KnowledgeError("growth.toml", f"[basis] values must be one of {sorted(BASES)}")
    if any(v not in CUMULATIVE_KINDS for v in cumulative.values()):
        raise KnowledgeError(
            "growth.toml", f"[cumulative] values must be one of {CUMULATIVE_KINDS}"
        )
    if any(not isinstance(v, int) for v in multiple.values()):
        raise KnowledgeError("growth.toml", "[multiple] values must be integers (percent)")
    return GrowthWords(
        {k: int(str(v)) for k, v in direction.items()},
        {k: str(v) for k, v in basis.items()},
        {k: int(str(v)) for k, v in multiple.items()},
        tuple(share),
        {k: int(str(v)) for k, v in after.items()},
        {k: str(v) for k, v in cumulative.items()},
        tuple(base),
    )


@dataclass(frozen=True, slots=True)
class ImpliedUnit:
    """``qualifiers.toml`` [implied_unit]: when a bare number takes the noun named before it."""

    verbs: tuple[str, ...]
    after: tuple[str, ...]
    other_nouns: tuple[str, ...]  # "more than 100 countries": the number counts these


@cache
def implied_unit() -> ImpliedUnit:
    """``qualifiers.toml`` [implied_unit], validated."""
    section = load_data("qualifiers.toml").get("implied_unit", {})
    verbs, after = section.get("verbs"), section.get("after")
    other = section.get("other_nouns", [])
    for name, value in (("verbs", verbs), ("after", after), ("other_nouns", other)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError(
                "qualifiers.toml", f"[implied_unit] {name} must be a list of phrases"
            )
    assert isinstance(verbs, list) and isinstance(after, list) and isinstance(other, list)
    return ImpliedUnit(
        tuple(v.lower() for v in verbs),
        tuple(a.lower() for a in after),
        tuple(o.lower() for o in other),
    )


@cache
def negatives() -> tuple[str, ...]:
    """``negatives.toml``: lower-case phrases whose numbers are not quantities."""
    phrases = load_data("negatives.toml").get("phrases", {}).get("list")
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        raise KnowledgeError("negatives.toml", "[phrases] list must be a list of strings")
    return tuple(p.lower() for p in phrases)


@dataclass(frozen=True, slots=True)
class ForecastWords:
    """``negatives.toml`` [forecast]: the words that mark a figure as a forecast."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    nouns: tuple[str, ...]


@cache
def forecast_words() -> ForecastWords:
    """``negatives.toml`` [forecast], validated."""
    section = load_data("negatives.toml").get("forecast", {})
    lists = {name: section.get(name) for name in ("before", "after", "nouns")}
    for name, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError("negatives.toml", f"[forecast] {name} must be a list of words")
    before, after, nouns = (tuple(w.lower() for w in lists[name]) for name in lists)
    return ForecastWords(before, after, nouns)


@cache
def record_words() -> tuple[str, ...]:
    """``negatives.toml`` [record] words: "the highest in 14 months" dates a record."""
    words = load_data("negatives.toml").get("record", {}).get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise KnowledgeError("negatives.toml", "[record] words must be a list of words")
    return tuple(" ".join(w.lower().split()) for w in words)
