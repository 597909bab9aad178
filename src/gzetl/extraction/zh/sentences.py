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

from gzetl.extraction import sentences
from gzetl.extraction.sentences import Sentence, SentenceIndex

_SENTENCE_END_RE = re.compile(r"[。！？；!?;][”’」』）)]?")
CLAUSE_BREAKS = "，,、：:（）()；;"  # each one a clause break by itself


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a Chinese ``text`` in order; headings are sentences of their own."""
    return sentences.split_sentences(text, _SENTENCE_END_RE)


def sentence_index(text: str) -> SentenceIndex:
    """The ``SentenceIndex`` of a Chinese text."""
    return SentenceIndex(text, split_sentences(text), CLAUSE_BREAKS)
