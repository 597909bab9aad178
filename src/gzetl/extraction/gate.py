"""Where a phrase scan can match: the first words of its phrases, found in one pass.

A regex alternation of hundreds of phrases is tried at every position of a text, which costs
20 to 50 ms per MB for each scan. A ``Gate`` holds an Aho-Corasick automaton (pyahocorasick,
in C) of the first word of every phrase of one or more scans. One pass over the text gives,
for each scan, the word starts where one of its phrases could begin, and the scan's own
regex is then matched only there. The regex stays the definition of a match: ``matches``
gives exactly what ``regex.finditer`` gives, provided that every match of the regex begins
with the first word of one of the phrases the gate was built from.

>>> gate = Gate({"names": ["guangzhou customs", "nansha port"], "months": ["may"]})
>>> text = "nansha\\nport and guangzhou  customs in may"
>>> gate.starts(text)
{'names': [0, 16], 'months': [38]}
>>> import re
>>> [m.group() for m in matches(re.compile(r"guangzhou\\s+customs"), text, [0, 16])]
['guangzhou  customs']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache

import ahocorasick

# White space (``\s``) other than the blank and the line break, which are the common ones;
# no character above U+3000 is white space.
_ODD_SPACES = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")


def _key(phrase: str) -> str:
    """The first word of ``phrase``, with a blank after it when more words follow."""
    words = phrase.split()
    return words[0] + " " if len(words) > 1 else words[0]


def blanked(low: str) -> str:
    """``low`` with every white-space character a blank, so that "a\\nthird" reads "a third"."""
    text = low.replace("\n", " ")
    for odd in _ODD_SPACES:  # one character for one: offsets are kept
        if odd in text:
            text = text.replace(odd, " ")
    return text


class Gate:
    """An automaton of the first words of the phrases of named scans."""

    def __init__(self, scans: Mapping[str, Iterable[str]]) -> None:
        self.names = tuple(scans)
        keys: dict[str, set[int]] = {}
        for index, phrases in enumerate(scans.values()):
            for phrase in phrases:
                if phrase.strip():
                    keys.setdefault(_key(phrase.lower()), set()).add(index)
        self._automaton = ahocorasick.Automaton()
        for key, indices in keys.items():
            word_start = key[0].isalnum() or key[0] == "_"
            self._automaton.add_word(key, (len(key) - 1, word_start, tuple(sorted(indices))))
        self._automaton.make_automaton()

    def starts(self, low: str) -> dict[str, list[int]]:
        """Scan name -> the sorted offsets in ``low`` (lower case) where a first word begins.

        A first word that starts with a letter or digit counts only at the start of a word.
        """
        found: list[list[int]] = [[] for _ in self.names]
        text = blanked(low)
        for end, (length, word_start, indices) in self._automaton.iter(text):
            start = end - length
            if word_start and start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            for index in indices:
                found[index].append(start)
        return {name: sorted(set(offsets)) for name, offsets in zip(self.names, found, strict=True)}


def matches(
    regex: re.Pattern[str],
    low: str,
    starts: list[int],
    *,
    begin: int = 0,
    end: int | None = None,
    not_after: str = "",
) -> Iterator[re.Match[str]]:
    """``regex.finditer(low, begin, end)`` tried only at ``starts`` (sorted).

    Like ``finditer``, a match hides the matches that start inside it. A start right after a
    character of ``not_after`` is skipped.
    """
    stop = len(low) if end is None else end
    match = regex.match
    last = begin
    for pos in starts:
        if pos >= stop:
            break
        if pos < last or (pos and low[pos - 1] in not_after):
            continue
        m = match(low, pos, stop)
        if m is not None:
            yield m
            last = max(m.end(), pos + 1)


@cache
def document_gate() -> Gate:
    """The gate of the phrase scans that run over whole documents: periods, number words and
    negatives (names are not gated: their first words, "the" among them, are too common for
    the gate to beat their regex)."""
    # Imported here: those modules import this one for ``matches`` and ``document_starts``.
    from gzetl.extraction.quantities import gated_phrases  # noqa: PLC0415
    from gzetl.periods import period_phrases  # noqa: PLC0415

    return Gate({**period_phrases(), **gated_phrases()})


@lru_cache(maxsize=8)
def document_starts(low: str) -> dict[str, list[int]]:
    """``document_gate().starts(low)``, memoised for the last few texts (see ``lowered``)."""
    return document_gate().starts(low)
