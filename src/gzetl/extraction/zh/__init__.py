"""Chinese (zh) releases: their own patterns for numbers, names, periods and sentences.

A document is read as Chinese when CJK characters are at least ``[detect] share`` of the
letters of its first 500 characters (``is_chinese``, decided once per document). Its
mentions, sentences, names and periods are found by the patterns of this package, built
from ``zh.toml`` and the ``aliases_zh`` of subjects.toml and metrics.toml; linking, context
(subject, metric, period inheritance) and rows are the English ones, so a Chinese release
yields the same facts, by the same conventions, as its English translation.

>>> is_chinese("前11个月，广州市进出口总值1.2万亿元。"), is_chinese("Exports rose 5%.")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from gzetl.extraction.gate import occurrences
from gzetl.extraction.numbers import alternation
from gzetl.extraction.zh.lexicon import PREVIOUS, zh_words

if TYPE_CHECKING:  # links imports this package for its Chinese patterns
    from gzetl.extraction.links import Draft

# Runs, not characters: a run is one match, and ``_count`` removes them in C. Latin letters
# are looked for among the ASCII characters only (dropped in C first: the class is tried at
# every character of a Chinese text otherwise, at several times the cost).
_CJK_RE = re.compile(r"[\u3400-\u9fff]+")
_LATIN_RE = re.compile(rb"[A-Za-z]+")
_DETECT_CHARS = 500


@cache
def _share() -> float:
    return zh_words().share


def is_chinese(text: str) -> bool:
    """Whether ``text`` is a Chinese release: a share of CJK characters among its letters."""
    head = text[:_DETECT_CHARS]
    if head.isascii() or _CJK_RE.search(head) is None:  # English: a scan in C, nothing more
        return False
    ascii_part = head.encode("ascii", "ignore")
    latin = 0
    if _LATIN_RE.search(ascii_part):
        latin = len(ascii_part) - len(_LATIN_RE.sub(b"", ascii_part))
    if latin == 0:  # the share of CJK among the letters is 1
        return _share() <= 1
    cjk = len(head) - len(_CJK_RE.sub("", head))
    return cjk >= _share() * (cjk + latin)


def settle_previous(drafts: list[Draft]) -> None:
    """环比 (against the period before) is ``qoq`` for a quarter's figure, else ``mom``."""
    for d in drafts:
        change = d.change
        if change is not None and change.basis == PREVIOUS:
            change.basis = "qoq" if d.period[3] == "quarter" else "mom"


@cache
def list_gap_re() -> re.Pattern[str]:
    """The gap between the items of a Chinese list of figures: "5.6%、8.6%和38.8%", also
    with a growth word before the next item ("增长5.6%和下降1.2%")."""
    zw = zh_words()
    return re.compile(
        rf"""\s*(?:[、，,]\s*(?:和|及|以及)?|和|及|以及|与)\s*
        (?:(?:{alternation(list(zw.basis))})?(?:{alternation(list(zw.direction))})了?)?""",
        re.VERBOSE,
    )


def forecast_starts(text: str) -> list[int]:
    """Where the forecast words of ``zh.toml`` stand in ``text`` ("预计"), in order.

    Found with ``str.find``, which skips to a word far faster than the regex engine tests
    each character against a class of first characters (zh-mix: 2.5 M -> 0.3 M instructions
    per 0.1 MB). No forecast word starts inside another (tests/extraction/zh), so every
    occurrence is one the alternation of the words would match.
    """
    return occurrences(text, zh_words().forecast, 0, len(text))
