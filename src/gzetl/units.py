"""Units and currencies: the phrase written after a number -> canonical unit and factor.

>>> unit_of("TEUs").unit
'TEU'
>>> canonical_value(Decimal("3"), Decimal("1"), "days")
(Decimal('72'), 'h')
>>> canonical_value(Decimal("1.2"), Decimal("1e12"), "yuan")
(Decimal('1.2E+12'), 'CNY')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit phrase of ``units.toml`` (or a currency of ``currencies.toml``)."""

    phrase: str
    unit: str
    factor: Decimal
    counted: bool = False
    note: str | None = None
    generic: bool = False  # "units", "sets": the noun counted is named before it, if at all


@dataclass(frozen=True, slots=True)
class Currencies:
    """``currencies.toml``: names written after an amount and prefixes written before it."""

    after: dict[str, str]
    before: dict[str, str]


def _unit(phrase: str, entry: object) -> Unit:
    if not isinstance(entry, dict) or "unit" not in entry or "factor" not in entry:
        raise KnowledgeError("units.toml", f'[unit."{phrase}"] needs `unit` and `factor`')
    try:
        factor = Decimal(str(entry["factor"]))
    except InvalidOperation as exc:
        raise KnowledgeError(
            "units.toml", f'[unit."{phrase}"] factor {entry["factor"]!r} is not a number'
        ) from exc
    if factor <= 0:
        raise KnowledgeError(
            "units.toml", f'[unit."{phrase}"] factor must be positive, found {factor}'
        )
    return Unit(
        phrase.lower(),
        str(entry["unit"]),
        factor,
        bool(entry.get("counted", False)),
        entry.get("note"),
        bool(entry.get("generic", False)),
    )


@cache
def units() -> dict[str, Unit]:
    """Unit phrases (lower case) -> Unit, loaded once from ``units.toml``."""
    table = load_data("units.toml").get("unit")
    if not isinstance(table, dict) or not table:
        raise KnowledgeError("units.toml", "section [unit] is missing or empty")
    return {phrase.lower(): _unit(phrase, entry) for phrase, entry in table.items()}


@cache
def referents() -> dict[str, str]:
    """``[referent]`` of ``units.toml``: noun (lower case) -> the canonical unit it counts.

    >>> referents()["car"]
    'vehicle'
    """
    table = load_data("units.toml").get("referent", {})
    known = {u.unit for u in units().values()}
    if not isinstance(table, dict) or any(v not in known for v in table.values()):
        raise KnowledgeError("units.toml", f"[referent] values must be units of [unit]: {known}")
    return {noun.lower(): str(unit) for noun, unit in table.items()}


@cache
def events() -> tuple[str, ...]:
    """``[event]`` of ``units.toml``: nouns of what a counted noun does ("calls"), written
    between a number and "by" + that noun ("1,240 calls by container ships": vessels).

    >>> "calls" in events()
    True
    """
    nouns = load_data("units.toml").get("event", {}).get("nouns")
    if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
        raise KnowledgeError("units.toml", "[event] nouns must be a list of phrases")
    return tuple(n.lower() for n in nouns)


@cache
def currencies() -> Currencies:
    """``currencies.toml``, loaded once; every code must be three upper-case letters."""
    table = load_data("currencies.toml")
    sections: dict[str, dict[str, str]] = {}
    for section in ("after", "before"):
        entries = table.get(section)
        if not isinstance(entries, dict) or not entries:
            raise KnowledgeError("currencies.toml", f"section [{section}] is missing or empty")
        for phrase, code in entries.items():
            if not (isinstance(code, str) and len(code) == 3 and code.isupper()):
                raise KnowledgeError(
                    "currencies.toml", f"[{section}] {phrase!r}: {code!r} is not an ISO 4217 code"
                )
        sections[section] = {phrase.lower(): code for phrase, code in entries.items()}
    return Currencies(sections["after"], sections["before"])


def unit_of(phrase: str) -> Unit | None:
    """The unit named by ``phrase`` (a unit or a currency name), or None."""
    key = " ".join(phrase.lower().split())
    found = units().get(key)
    if found is not None:
        return found
    code = currencies().after.get(key) or currencies().before.get(key)
    return Unit(key, code, Decimal(1)) if code else None


def canonical_value(number: Decimal, scale: Decimal, phrase: str) -> tuple[Decimal, str | None]:
    """``number x scale x unit factor`` and the canonical unit; an unknown unit keeps the number."""
    unit = unit_of(phrase)
    if unit is None:
        return number * scale, None
    return number * scale * unit.factor, unit.unit
