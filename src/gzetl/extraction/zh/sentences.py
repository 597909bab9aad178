"""Sentences and clauses of a Chinese text: no blanks after the punctuation.

A sentence ends at 。！？； (maybe followed by a closing quote or bracket) or at a line end;
a clause at ，、：（） and their ASCII forms. Lines, paragraphs and headings as in English
(``gzetl.extraction.sentences``).

>>> text = "前11个月，出口增长5%。进口下降；贸易平稳"
>>> [text[s.start:s.end] for s in split_sentences(text)]
['前11个月，出口增长5%。', '进口下降；', '贸易平稳']
"""

from __future__ import annotations

import re

from gzetl.extraction.sentences import Sentence, SentenceIndex, is_heading

_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[。！？；!?;][”’」』）)]?")
CLAUSE_RE = re.compile(r"[，,、：:（）()；;]")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a Chinese ``text`` in order; headings are sentences of their own."""
    sentences: list[Sentence] = []
    section = 0
    for paragraph, line in enumerate(_LINE_RE.finditer(text)):
        line_start, line_end = line.span()
        heading = is_heading(line.group())
        if heading:
            section += 1
        start = line_start
        for end in _SENTENCE_END_RE.finditer(text, line_start, line_end):
            if text[start : end.end()].strip():
                sentences.append(Sentence(start, end.end(), paragraph, section, heading))
            start = end.end()
        rest = text[start:line_end].rstrip()
        if rest.strip():
            sentences.append(Sentence(start, start + len(rest), paragraph, section, heading))
    return sentences


def sentence_index(text: str) -> SentenceIndex:
    """The ``SentenceIndex`` of a Chinese text."""
    return SentenceIndex(text, split_sentences(text), CLAUSE_RE)
