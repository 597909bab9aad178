"""Sentence, clause, paragraph and section spans of a document.

A sentence ends at ``. ! ? ;`` followed by white space and a character that is not a
lower-case letter (translated releases use ``;`` between full statements), or at a line end.
A paragraph is a line; a heading (a short line with no closing punctuation) starts a section.

>>> [text[s.start:s.end] for text in ["Exports rose 5%. Imports fell; It grew."]
...  for s in split_sentences(text)]
['Exports rose 5%.', 'Imports fell;', 'It grew.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from gzetl.extraction.gate import matches, occurrences

_LINE_RE: Final = re.compile(r"[^\n]+")
_SENTENCE_END_RE: Final = re.compile(
    r"""
    [.!?;。；！？]["'”’]?       # closing punctuation, maybe a closing quote
    (?=(\s+)[^a-z\s]|\s*$)   # then blanks (group 1: the next sentence starts after them)
                              # and no lower-case letter, or the line end
    """,
    re.VERBOSE,
)
SENTENCE_MARKS: Final = ".!?;。；！？"  # every match of _SENTENCE_END_RE starts with one of these
# A comma, colon or semicolon followed by white space, or a bracket; tried only where one of
# CLAUSE_MARKS stands (``SentenceIndex``).
_CLAUSE_RE: Final = re.compile(r"[,:;，：()](?:(?<=[()])|\s)")
CLAUSE_MARKS: Final = ",:;，：()"  # every match of _CLAUSE_RE starts with one of these
_HEADING_MAX: Final = 200
_CLOSERS: Final = tuple(".!?;:\"'”’。！？；")


@dataclass(slots=True, init=False)
class Sentence:
    """A sentence at ``[start, end)`` of the document, with its paragraph and section numbers.

    Not frozen: a frozen dataclass is built 2.5 times slower and a named tuple is read
    slower. A document has thousands of sentences; nothing writes to one once built. The
    ``__init__`` is written out because mypyc compiles it (the generated one runs as Python).
    """

    start: int
    end: int
    paragraph: int
    section: int
    heading: bool

    def __init__(self, start: int, end: int, paragraph: int, section: int, heading: bool) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.section = section
        self.heading = heading


def is_heading(line: str) -> bool:
    """Whether a line is a heading: short, with no closing punctuation."""
    stripped = line.strip()
    return 0 < len(stripped) <= _HEADING_MAX and not stripped.endswith(_CLOSERS)


def split_sentences(
    text: str, ends: re.Pattern[str] = _SENTENCE_END_RE, marks: str | None = None
) -> list[Sentence]:
    """The sentences of ``text`` in order; headings are sentences of their own.

    ``ends`` matches the end of a sentence; where it has a group 1 that matched, the next
    sentence starts after that group (the blanks after an English full stop), else right
    after the match (Chinese: nothing separates the sentences, ``zh/sentences.py``).
    ``marks``: characters that every match of ``ends`` starts with (more do no harm), or
    None. ``ends`` is then tried only where one of them stands, found by ``str.find``:
    the regex engine tests a character class at some 30 instructions a character, which
    cost more than all the matches of an English text.
    """
    sentences: list[Sentence] = []
    section = 0
    has_gap = ends.groups > 0
    candidates = None if marks is None else occurrences(text, marks, 0, len(text))
    for paragraph, line in enumerate(_LINE_RE.finditer(text)):
        line_start, line_end = line.span()
        heading = is_heading(line.group())
        if heading:
            section += 1
        start = line_start
        if candidates is None:
            found: Iterable[re.Match[str]] = ends.finditer(text, line_start, line_end)
        else:
            found = matches(ends, text, candidates, begin=line_start, end=line_end)
        for end in found:
            stop = end.end()
            sentences.append(Sentence(start, stop, paragraph, section, heading))
            start = end.end(1) if has_gap and end.start(1) >= 0 else stop
        rest = text[start:line_end].rstrip()  # a sentence with no closing punctuation
        if rest:
            sentences.append(Sentence(start, start + len(rest), paragraph, section, heading))
    return sentences


def bisect_left(values: list[int], x: int, lo: int = 0) -> int:
    """``bisect.bisect_left`` of a sorted list of ints, compiled with the rest (``make
    native``): the standard one is called through the C API with boxed arguments and
    compares objects, which costs more than the search itself in the short lists of offsets
    bisected here several times per figure.

    >>> bisect_left([2, 4, 4, 8], 4), bisect_left([2, 4, 4, 8], 5), bisect_left([2, 4], 1, 1)
    (1, 3, 1)
    """
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right(values: list[int], x: int) -> int:
    """``bisect.bisect_right`` of a sorted list of ints (``bisect_left`` says why).

    >>> bisect_right([2, 4, 4, 8], 4), bisect_right([2, 4, 4, 8], 1)
    (3, 0)
    """
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


class SentenceIndex:
    """Finds the sentence and the clause around a character offset."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence] | None = None,
        break_characters: str | None = None,
    ) -> None:
        """``break_characters``: another language's clause breaks, each character a break by
        itself (zh/sentences.py), instead of this module's ``_CLAUSE_RE``."""
        self.text = text
        if sentences is None:
            sentences = split_sentences(text, _SENTENCE_END_RE, SENTENCE_MARKS)
        self.sentences = sentences
        # the breaks are where those characters stand, found once with str.find (``clause``)
        self._break_characters = break_characters
        # of the break characters, or of CLAUSE_MARKS where _CLAUSE_RE is tried: found once
        self._mark_positions: list[int] | None = None
        self._starts = [s.start for s in self.sentences]
        # The clause breaks of the sentences that hold a figure (by sentence start), found on
        # the first question; most sentences of a release state none.
        self._breaks: dict[int, list[tuple[int, int]]] = {}

    def at(self, pos: int) -> int:
        """The index of the sentence that contains ``pos``."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def paragraph_start(self, sentence: Sentence) -> int:
        """Where the paragraph of ``sentence`` starts: the start of its line, where
        ``split_sentences`` starts the paragraph's first sentence."""
        return self.text.rfind("\n", 0, sentence.start) + 1

    def clause(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        """The clause (between commas, colons or brackets) that holds ``[start, end)``.

        Its left edge is the end of the last break inside ``[sentence.start, start)``, its
        right edge the start of the first break inside ``[end, sentence.end)``.
        """
        if self._break_characters is not None:
            return self._clause_of_characters(sentence, start, end)
        breaks = self._breaks.get(sentence.start)
        if breaks is None:
            breaks = [m.span() for m in self._clause_matches(sentence.start, sentence.end)]
            self._breaks[sentence.start] = breaks
        left, right = sentence.start, sentence.end
        for break_start, break_end in breaks:  # in text order
            if break_end <= start:
                left = break_end
            elif break_start >= end:
                return left, break_start
        return left, right

    def _clause_of_characters(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        """``clause`` where every break is one of ``_break_characters``: bisected in their
        positions in the whole text, found once. ``str.find`` skips to a character far faster
        than the regex engine tests a class of CJK characters (some 60 instructions each)."""
        if self._mark_positions is None:
            assert self._break_characters is not None
            self._mark_positions = occurrences(self.text, self._break_characters, 0, len(self.text))
        positions = self._mark_positions
        i = bisect_left(positions, start)  # the breaks before ``i`` end at or before ``start``
        left = positions[i - 1] + 1 if i and positions[i - 1] >= sentence.start else sentence.start
        j = bisect_left(positions, end, i)
        right = positions[j] if j < len(positions) and positions[j] < sentence.end else sentence.end
        return left, right

    def _clause_matches(self, start: int, end: int) -> list[re.Match[str]]:
        """The clause breaks of ``_CLAUSE_RE`` inside ``[start, end)``, tried only where one
        of CLAUSE_MARKS stands."""
        if self._mark_positions is None:
            self._mark_positions = occurrences(self.text, CLAUSE_MARKS, 0, len(self.text))
        return list(matches(_CLAUSE_RE, self.text, self._mark_positions, begin=start, end=end))
