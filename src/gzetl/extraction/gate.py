"""The phrases of a document, and where the patterns led by a phrase can start, in one pass.

A regex alternation of hundreds of phrases is tried at every position of a text, which costs
20 to 50 ms per MB for each scan. A ``Gate`` holds one Aho-Corasick automaton (pyahocorasick,
in C) of the vocabularies of several scans, and one pass over a document gives:

- for a *phrase* scan (names, negatives), every occurrence of its phrases that starts and
  ends a word; ``leftmost_longest`` then picks what ``re.finditer`` of the alternation would;
- for a *lead* scan (a pattern that starts with one of its phrases and goes on, like "the
  first 11 months" after "first"), the word starts of its phrases, and ``matches`` runs the
  scan's own regex only there, which gives exactly what ``regex.finditer`` gives.

The automaton reads the text with every run of white space as one blank (``squeeze``), as the
``\\s+`` of the patterns does; offsets are mapped back to the document.

>>> gate = Gate({"names": ["guangzhou customs", "customs"]}, leads={"months": ["may"]})
>>> hits = gate.scan("guangzhou\\n\\ncustoms in may")
>>> hits.phrases["names"], hits.starts["months"]
([(0, 18, 'guangzhou customs'), (11, 18, 'customs')], [22])
>>> leftmost_longest(hits.phrases["names"], "guangzhou\\n\\ncustoms in may")
[(0, 18, 'guangzhou customs')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from gzetl.extraction.lexicon import forecast_words

# White space (``\\s``) other than the blank and the line break, which are the common ones;
# no character above U+3000 is white space.
_ODD_SPACES = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
_RUN_RE = re.compile(r"  +")
PHRASE, LEAD = 0, 1

Hit = tuple[int, int, str]  # start, end, phrase (white space as single blanks)
# what the automaton holds for a phrase: the phrase, its length, whether it starts with a
# word character, the lead scans and the phrase scans it belongs to
Entry = tuple[str, int, bool, tuple[int, ...], tuple[int, ...]]


def blanked(low: str) -> str:
    """``low`` with every white-space character a blank, so that "a\\nthird" reads "a third"."""
    text = low.replace("\n", " ")
    for odd in _ODD_SPACES:  # one character for one: offsets are kept
        if odd in text:
            text = text.replace(odd, " ")
    return text


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text with each run of blanks one blank, and the way back to the original offsets."""

    text: str
    runs: list[int]  # the position in ``text`` of each blank that stands for a longer run
    removed: list[int]  # the characters removed up to and including each of those runs
    spans: list[tuple[int, int]]  # those runs in the original text

    def original(self, pos: int) -> int:
        """The offset in the original text of ``pos`` in ``text``."""
        if not self.runs:
            return pos
        k = bisect_left(self.runs, pos)  # the runs before ``pos``
        return pos + self.removed[k - 1] if k else pos

    def phrases_back(self, hits: list[Hit]) -> list[Hit]:
        """Hits in the original text, sorted by start (hits that share one: shortest first)."""
        if self.runs:
            back = self.original
            hits = [(back(start), back(end - 1) + 1, phrase) for start, end, phrase in hits]
        hits.sort()  # by start, then end: at one start the shortest first
        return hits

    def starts_back(self, starts: list[int]) -> list[int]:
        """Starts in the original text, sorted, each once."""
        if self.runs:
            starts = [self.original(start) for start in starts]
        return sorted(set(starts))


def squeeze(low: str) -> Squeezed:
    """``low`` with every run of white space one blank.

    >>> s = squeeze("a \\n third")
    >>> s.text, s.original(2)
    ('a third', 4)
    """
    text = blanked(low)
    if "  " not in text:
        return Squeezed(text, [], [], [])
    parts: list[str] = []
    runs: list[int] = []
    removed: list[int] = []
    spans: list[tuple[int, int]] = []
    total = last = 0
    for m in _RUN_RE.finditer(text):
        start, end = m.span()
        parts.append(text[last : start + 1])
        runs.append(start - total)
        total += end - start - 1
        removed.append(total)
        spans.append((start, end))
        last = end
    parts.append(text[last:])
    return Squeezed("".join(parts), runs, removed, spans)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@dataclass(frozen=True, slots=True)
class Hits:
    """What one pass of a ``Gate`` found in a document, offsets in the document."""

    phrases: dict[str, list[Hit]]  # phrase scan -> occurrences by start, shortest first
    starts: dict[str, list[int]]  # lead scan -> sorted starts of its phrases
    space_runs: list[tuple[int, int]]  # the runs of two or more white-space characters

    def two_spaces(self, begin: int, end: int) -> bool:
        """Whether ``low[begin:end]`` holds two white-space characters in a row (``\\s\\s``).

        >>> hits = Gate({"names": ["b"]}, {}).scan("a  b c")
        >>> hits.two_spaces(0, 3), hits.two_spaces(2, 6)
        (True, False)
        """
        runs = self.space_runs
        if not runs:
            return False
        i = bisect_left(runs, (begin, begin))
        if i and runs[i - 1][1] >= begin + 2:  # a run from before ``begin``, two past it
            i -= 1
        return i < len(runs) and max(runs[i][0], begin) + 2 <= min(runs[i][1], end)

    def starts_of(self, scan: str) -> list[int]:
        """The sorted starts of a lead scan, or of the phrases of a phrase scan."""
        if scan in self.starts:
            return self.starts[scan]
        return sorted({hit[0] for hit in self.phrases[scan]})


class Gate:
    """One automaton of the phrases of phrase scans and of lead scans."""

    def __init__(
        self, phrases: Mapping[str, Iterable[str]], leads: Mapping[str, Iterable[str]]
    ) -> None:
        self.phrase_scans = tuple(phrases)
        self.lead_scans = tuple(leads)
        keys: dict[str, set[tuple[int, int]]] = {}
        for kind, scans in ((PHRASE, phrases), (LEAD, leads)):
            for index, group in enumerate(scans.values()):
                for phrase in group:
                    if phrase.strip():
                        keys.setdefault(" ".join(phrase.lower().split()), set()).add((kind, index))
        self._automaton = ahocorasick.Automaton()
        for key, tags in keys.items():
            lead_of = tuple(sorted(index for kind, index in tags if kind == LEAD))
            phrase_of = tuple(sorted(index for kind, index in tags if kind == PHRASE))
            entry = (key, len(key), _is_word_char(key[0]), lead_of, phrase_of)
            self._automaton.add_word(key, entry)
        self._automaton.make_automaton()

    def scan(self, low: str) -> Hits:
        """The phrases in ``low`` (lower case) that start a word.

        The phrase of a phrase scan counts only where it also ends a word (no letter, digit,
        "_" or "-" after it); the pattern of a lead scan decides what may follow its phrase.
        The loop is written out (no helper calls): it runs once per hit, tens of thousands of
        times per MB.
        """
        squeezed = squeeze(low)
        text = squeezed.text
        size = len(text)
        phrases: list[list[Hit]] = [[] for _ in self.phrase_scans]
        starts: list[list[int]] = [[] for _ in self.lead_scans]
        for found in self._automaton.iter(text):
            last: int = found[0]  # typed: the compiled loop then does native int arithmetic
            entry: Entry = found[1]
            key, length, word_start, lead_of, phrase_of = entry
            start = last - length + 1
            if word_start and start:
                before = text[start - 1]
                if before != " " and (before.isalnum() or before == "_"):  # blank: the usual
                    continue
            for index in lead_of:
                starts[index].append(start)
            if phrase_of:
                after = text[last + 1] if last + 1 < size else " "
                if after == " " or not (after.isalnum() or after in "_-"):
                    hit = (start, last + 1, key)
                    for index in phrase_of:
                        phrases[index].append(hit)
        return Hits(
            dict(zip(self.phrase_scans, map(squeezed.phrases_back, phrases), strict=True)),
            dict(zip(self.lead_scans, map(squeezed.starts_back, starts), strict=True)),
            squeezed.spans,
        )


def leftmost_longest(hits: list[Hit], low: str, not_after: str = "") -> list[Hit]:
    """The hits ``re.finditer`` of the phrases' alternation would give: from the left, the
    longest at each start, none inside another; a hit right after a character of
    ``not_after`` is skipped. ``hits`` are sorted by start, shortest first (``Hits``)."""
    chosen: list[Hit] = []
    last = 0
    for hit in hits:
        start = hit[0]
        if start and low[start - 1] in not_after:
            continue
        if chosen and chosen[-1][0] == start:  # a longer phrase at the same start
            chosen[-1] = hit
            last = hit[1]
        elif start >= last:
            chosen.append(hit)
            last = hit[1]
    return chosen


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
    for i in range(bisect_left(starts, begin), len(starts)):  # the starts from ``begin`` on
        pos = starts[i]
        if pos >= stop:
            break
        if pos < last or (pos and low[pos - 1] in not_after):
            continue
        m = match(low, pos, stop)
        if m is not None:
            yield m
            last = max(m.end(), pos + 1)


def occurrences(low: str, literals: Iterable[str], begin: int, end: int) -> list[int]:
    """Where each of ``literals`` occurs in ``low[begin:end]``, sorted: the starts for
    ``matches`` of a pattern that starts with one of them. ``str.find`` skips to a literal far
    faster than the regex engine tests each character against a class of first characters.

    >>> occurrences("in 2019 and 2020", ("19", "20"), 0, 16)
    [3, 5, 12, 14]
    """
    found: list[int] = []
    for literal in literals:
        pos = low.find(literal, begin, end)
        while pos >= 0:
            found.append(pos)
            pos = low.find(literal, pos + 1, end)
    found.sort()
    return found


@cache
def document_gate() -> Gate:
    """The gate of the scans that run over whole documents: names, negatives, forecast words,
    period phrases (phrase scans), and the period and number-word patterns (lead scans)."""
    # Imported here: those modules import this one for ``matches`` and ``document_hits``.
    from gzetl.extraction.names import name_phrases  # noqa: PLC0415
    from gzetl.extraction.quantities import gated_phrases  # noqa: PLC0415
    from gzetl.periods import period_phrases  # noqa: PLC0415

    periods = period_phrases()
    quantities = gated_phrases()
    return Gate(
        phrases={
            "names": name_phrases(),
            "negatives": quantities["negatives"],
            "forecast": forecast_words().before,
            "period phrase": periods["period phrase"],
        },
        leads={
            "period ordinal": periods["period ordinal"],
            "period month": periods["period month"],
            "number words": quantities["number words"],
        },
    )


@lru_cache(maxsize=8)
def document_hits(low: str) -> Hits:
    """``document_gate().scan(low)``, memoised for the last few texts (see ``lowered``)."""
    return document_gate().scan(low)
