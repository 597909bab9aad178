"""Numbers as written -> exact ``Decimal`` values.

>>> parse_number("122,000")
Decimal('122000')
>>> parse_number("twenty-five")
Decimal('25')
>>> parse_number("1.2") * scale_factor("trillion")
Decimal('1.2E+12')
>>> parse_number("Terminal") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The spelled-out numbers of ``number_words.toml``."""

    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    fractions: dict[str, Decimal]

    def words(self) -> list[str]:
        """Every word that may appear in a spelled number."""
        return [*self.units, *self.tens, *self.hundreds]


@dataclass(frozen=True, slots=True)
class Scales:
    """The scale words of ``scales.toml``: phrase (lower case) -> exact factor."""

    factors: dict[str, Decimal]


def _decimal(file: str, key: str, raw: object) -> Decimal:
    try:
        value = Decimal(str(raw))
    except InvalidOperation as exc:
        raise KnowledgeError(file, f"{key!r}: {raw!r} is not a decimal number") from exc
    if not value.is_finite() or value <= 0:
        raise KnowledgeError(file, f"{key!r}: {raw!r} must be a positive number")
    return value


@cache
def number_words() -> NumberWords:
    """``number_words.toml``, loaded once."""
    table = load_data("number_words.toml")
    ints: dict[str, dict[str, int]] = {}
    for section in ("units", "tens", "hundreds"):
        entries = table.get(section)
        if not isinstance(entries, dict) or not entries:
            raise KnowledgeError("number_words.toml", f"section [{section}] is missing or empty")
        for word, value in entries.items():
            if not isinstance(value, int) or value <= 0:
                raise KnowledgeError("number_words.toml", f"[{section}] {word!r}: expected a positive integer, found {value!r}")
        ints[section] = {word.lower(): value for word, value in entries.items()}
    fractions = {
        word.lower(): _decimal("number_words.toml", word, value)
        for word, value in table.get("fractions", {}).items()
    }
    return NumberWords(ints["units"], ints["tens"], ints["hundreds"], fractions)


@cache
def scales() -> Scales:
    """``scales.toml``, loaded once."""
    entries = load_data("scales.toml").get("scale")
    if not isinstance(entries, dict) or not entries:
        raise KnowledgeError("scales.toml", "section [scale] is missing or empty")
    return Scales({phrase.lower(): _decimal("scales.toml", phrase, f) for phrase, f in entries.items()})


def alternation(phrases: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, any whitespace between words."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


_DIGITS = r"""
    \d{1,3}(?:,\d{3})+(?:\.\d+)?   # 122,000 or 1,234.5
  | \d+(?:\.\d+)?                  # 122000 or 1.2
"""


@cache
def number_pattern() -> str:
    """The regex of a number as written, digits or words, for use inside larger patterns."""
    nw = number_words()
    word = alternation([w for w in nw.words() if w not in {"a", "an"}])
    small = rf"(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*"
    return rf"""(?:
        {_DIGITS}
      | (?:{alternation(list(nw.fractions))})(?![\w-])   # half, a third
      | (?:a\s+dozen|{small})(?![\w-])                  # twenty-five, two hundred
    )"""


_DIGITS_RE = re.compile(rf"^(?:{_DIGITS})$", re.VERBOSE)
_TOKEN_RE = re.compile(r"[\s-]+")


def _parse_words(text: str) -> Decimal | None:
    nw = number_words()
    total = 0
    current = 0
    seen = False
    tokens = [t for t in _TOKEN_RE.split(text) if t and t != "and"]
    if " ".join(tokens) in nw.units:  # "a dozen"
        return Decimal(nw.units[" ".join(tokens)])
    for token in tokens:
        if token in nw.units:
            current += nw.units[token]
        elif token in nw.tens:
            current += nw.tens[token]
        elif token in nw.hundreds:
            current = max(current, 1) * nw.hundreds[token]
        elif token in scales().factors:
            total += max(current, 1) * int(scales().factors[token])
            current = 0
        else:
            return None
        seen = True
    return Decimal(total + current) if seen else None


def parse_number(text: str) -> Decimal | None:
    """The exact value of a number written in digits or words; None if it is not a number.

    >>> parse_number("1,234.5")
    Decimal('1234.5')
    >>> parse_number("one hundred and five")
    Decimal('105')
    >>> parse_number("a third")
    Decimal('0.3333')
    """
    cleaned = " ".join(text.lower().split())
    if _DIGITS_RE.match(cleaned):
        return Decimal(cleaned.replace(",", ""))
    fraction = number_words().fractions.get(cleaned)
    if fraction is not None:
        return fraction
    return _parse_words(cleaned)


def scale_factor(text: str) -> Decimal:
    """The product of the scale words in ``text`` ("100 million" -> 1e8, "" -> 1).

    >>> scale_factor("ten thousand")
    Decimal('1E+4')
    >>> scale_factor("")
    Decimal('1')
    """
    factors = scales().factors
    cleaned = " ".join(text.lower().split())
    if not cleaned:
        return Decimal(1)
    if cleaned in factors:
        return factors[cleaned]
    result = Decimal(1)
    for part in _scale_re().findall(cleaned):
        result *= factors[" ".join(part.split())]
    return result


@cache
def scale_pattern() -> str:
    """The regex alternation of scale words."""
    return alternation(list(scales().factors))


@cache
def _scale_re() -> re.Pattern[str]:
    return re.compile(scale_pattern(), re.IGNORECASE)
