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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(
    r"""
    [.!?;。；！？]["'”’]?     # closing punctuation, maybe a closing quote
    (?=\s+[^a-z\s]|\s*$)    # then a space and no lower-case letter, or the line end
    """,
    re.VERBOSE,
)
# A comma, colon or semicolon followed by white space, or a bracket. Written to start with one
# character class, which lets the regex engine skip quickly to the next candidate character.
_CLAUSE_RE = re.compile(r"[,:;，：()](?:(?<=[()])|\s)")
_HEADING_MAX = 200
_CLOSERS = tuple(".!?;:\"'”’。！？；")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence at ``[start, end)`` of the document, with its paragraph and section numbers."""

    start: int
    end: int
    paragraph: int
    section: int
    heading: bool


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _HEADING_MAX and not stripped.endswith(_CLOSERS)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; headings are sentences of their own."""
    sentences: list[Sentence] = []
    section = 0
    for paragraph, line in enumerate(_LINE_RE.finditer(text)):
        heading = _is_heading(line.group())
        if heading:
            section += 1
        start = line.start()
        for end in _SENTENCE_END_RE.finditer(text, line.start(), line.end()):
            sentences.append(Sentence(start, end.end(), paragraph, section, heading))
            start = end.end()
            while start < line.end() and text[start].isspace():
                start += 1
        if start < line.end() and text[start : line.end()].strip():
            stop = line.end()
            while text[stop - 1].isspace():
                stop -= 1
            sentences.append(Sentence(start, stop, paragraph, section, heading))
    return sentences


class SentenceIndex:
    """Finds the sentence and the clause around a character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]
        # Every clause break of the document, found once: a clause is then two bisections.
        breaks = [m.span() for m in _CLAUSE_RE.finditer(text)]
        self._break_starts = [b[0] for b in breaks]
        self._break_ends = [b[1] for b in breaks]

    def at(self, pos: int) -> int:
        """The index of the sentence that contains ``pos``."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def clause(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        """The clause (between commas, colons or brackets) that holds ``[start, end)``.

        Its left edge is the end of the last break inside ``[sentence.start, start)``, its
        right edge the start of the first break inside ``[end, sentence.end)``.
        """
        left = sentence.start
        i = bisect_right(self._break_ends, start) - 1
        if i >= 0 and self._break_starts[i] >= sentence.start:
            left = self._break_ends[i]
        right = sentence.end
        j = bisect_left(self._break_starts, end)
        if j < len(self._break_starts) and self._break_ends[j] <= sentence.end:
            right = self._break_starts[j]
        return left, right
