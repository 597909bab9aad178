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
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The spelled-out numbers of ``number_words.toml``."""

    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    fractions: dict[str, Decimal]  # with the proportions
    article_units: tuple[str, ...] = ()
    proportions: frozenset[str] = frozenset()  # "nine in ten": always a share

    def words(self) -> list[str]:
        """Every word that may appear in a spelled number."""
        return [*self.units, *self.tens, *self.hundreds]

    def counting_words(self) -> list[str]:
        """The words of ``words`` that are numbers on their own: not the articles "a", "an"."""
        return [w for w in self.words() if w not in {"a", "an"}]


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
                raise KnowledgeError(
                    "number_words.toml",
                    f"[{section}] {word!r}: expected a positive integer, found {value!r}",
                )
        ints[section] = {word.lower(): value for word, value in entries.items()}
    fractions = {
        word.lower(): _decimal("number_words.toml", word, value)
        for word, value in table.get("fractions", {}).items()
    }
    proportions = {
        word.lower(): _decimal("number_words.toml", word, value)
        for word, value in table.get("proportions", {}).items()
    }
    articles = table.get("article_units", {}).get("list", [])
    if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
        raise KnowledgeError("number_words.toml", "[article_units] list must be a list of nouns")
    return NumberWords(
        ints["units"],
        ints["tens"],
        ints["hundreds"],
        fractions | proportions,
        tuple(articles),
        frozenset(proportions),
    )


@cache
def scales() -> Scales:
    """``scales.toml``, loaded once."""
    entries = load_data("scales.toml").get("scale")
    if not isinstance(entries, dict) or not entries:
        raise KnowledgeError("scales.toml", "section [scale] is missing or empty")
    return Scales(
        {phrase.lower(): _decimal("scales.toml", phrase, f) for phrase, f in entries.items()}
    )


def alternation(phrases: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of lower-case literal phrases as a prefix tree, longest first.

    Any run of white space in a phrase matches any run of white space in the text. The tree
    form ("guangzhou(?:\\s+customs(?:\\s+district|)|)") lets the regex engine reject a
    position after one character instead of trying every phrase, which is what makes the
    scans fast; patterns built from it run on lower-cased text (see ``lowered``).

    >>> print(alternation(["up", "up by", "down"]))
    (?:down|up(?:\\s+by|))
    """
    root: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = root
        for token in _PHRASE_TOKEN_RE.findall(" ".join(phrase.split())):
            node = node.setdefault(token, {})
        node[""] = {}
    return _emit(root)


_PHRASE_TOKEN_RE = re.compile(r"\s+|.", re.DOTALL)


def _emit(node: dict[str, dict[str, Any]]) -> str:
    parts = [
        (r"\s+" if key.isspace() else re.escape(key)) + _emit(child)
        for key, child in sorted(node.items())
        if key
    ]
    if not parts:
        return ""
    body = "|".join(parts)
    if "" in node:  # optional, written "|)": "(?:...)?" costs the engine a repeat per try
        return f"(?:{body}|)"
    return body if len(parts) == 1 else f"(?:{body})"


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text`` in lower case, every offset kept (a character whose lower case is longer stays).

    Memoised for the last few texts: the scanners of one document share one lower-cased copy.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_DIGITS = r"""
    \d{1,3}(?:,\d{3})+(?:\.\d+)?   # 122,000 or 1,234.5
  | \d+(?:\.\d+)?                  # 122000 or 1.2
"""


@cache
def word_number_pattern() -> str:
    """A number spelled in words ("twenty-five", "a dozen", "half"); starts with a literal word."""
    nw = number_words()
    word = alternation(nw.counting_words())
    return rf"""(?:
        (?:{alternation([*nw.fractions, "a dozen"])})(?![\w-])     # half, a third, a dozen
      | (?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*(?![\w-])       # twenty-five, two hundred
    )"""


@cache
def number_pattern() -> str:
    """A number as written, digits or words, for use inside larger patterns."""
    return rf"(?:{_DIGITS}|{word_number_pattern()})"


@cache
def count_pattern() -> str:
    """A small count in digits or words ("five", "11"), cheap to scan for."""
    return rf"(?:\d+|{alternation(number_words().counting_words())})"


# A number in digits, written so that the regex engine can skip to the next digit quickly:
# the pattern starts with a class of plain ranges, which the engine tests per character far
# faster than ``\d`` (a Unicode look-up); no decimal digit below U+0100 but 0-9, and the
# lookbehind ``(?<=\d)`` keeps the others (full-width digits). "Not inside a word or number"
# is the next lookbehind.
_DIGIT_FIRST = r"[0-9\u0100-\U0010ffff](?<=\d)"
_NOT_IN_WORD = r"(?<![A-Za-z0-9_.,/-]\d)"
_DIGITS_REST = r"\d*(?:,\d{3})*(?:\.\d+)?(?!\d)(?![.,]\d)(?!(?:st|nd|rd|th)\b)"


def digits_scan(glued: Iterable[str]) -> str:
    """A number in digits not inside a word or number, except right after one of the words
    ``glued`` ("rmb1.2 billion": a currency code written against its amount).

    >>> import re
    >>> [m.group() for m in re.finditer(digits_scan(["rmb", "usd"]), "a380 rmb1.2 usd3,400 x5")]
    ['1.2', '3,400']
    """
    by_length: dict[int, list[str]] = {}
    for word in glued:
        by_length.setdefault(len(word), []).append(re.escape(word))
    after = "".join(  # a lookbehind has one width: one per length of word
        rf"|(?<=(?:{'|'.join(words)})\d)" for _, words in sorted(by_length.items())
    )
    return rf"{_DIGIT_FIRST}(?:{_NOT_IN_WORD}{after}){_DIGITS_REST}"


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


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=256)
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
    return re.compile(scale_pattern())
