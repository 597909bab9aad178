"""Tests of gzetl.extraction.sentences."""

from __future__ import annotations

import re
from pathlib import Path

from gzetl.extraction.sentences import Sentence, SentenceIndex, split_sentences
from gzetl.extraction.zh.sentences import CLAUSE_BREAKS, sentence_index

CORPUS = Path(__file__).parents[1] / "corpus"

TEXT = (
    "Trade Grows in 2025\n\n"
    "Exports rose 5.2% to 1.2 trillion yuan. Imports fell; It grew.\n"
    "Shares of U.S. dollars rose"
)


def test_sentences_headings_paragraphs() -> None:
    found = [
        (TEXT[s.start : s.end], s.paragraph, s.section, s.heading) for s in split_sentences(TEXT)
    ]
    assert found == [
        ("Trade Grows in 2025", 0, 1, True),
        ("Exports rose 5.2% to 1.2 trillion yuan.", 1, 1, False),
        ("Imports fell;", 1, 1, False),
        ("It grew.", 1, 1, False),
        ("Shares of U.S. dollars rose", 2, 2, True),
    ]


def test_clause_is_bounded_by_commas_and_brackets() -> None:
    text = "Trade was 8 trillion yuan (about 1 trillion dollars), up 5%, the office said."
    index = SentenceIndex(text)
    sentence = index.sentences[0]
    start = text.index("about")
    left, right = index.clause(sentence, start, start + 5)
    assert text[left:right] == "about 1 trillion dollars"
    assert index.at(text.index("office")) == 0


def test_paragraph_start_is_the_start_of_its_first_sentence() -> None:
    text = "  Exports rose 5%. Imports fell.\nHeading\n\n\tIt grew; Trade grew.\n"
    index = SentenceIndex(text)
    firsts: dict[int, int] = {}
    for s in index.sentences:
        firsts.setdefault(s.paragraph, s.start)
    assert [index.paragraph_start(s) for s in index.sentences] == [0, 0, 33, 42, 42]
    assert [firsts[s.paragraph] for s in index.sentences] == [0, 0, 33, 42, 42]


def _clause_by_scan(
    index: SentenceIndex, sentence: Sentence, start: int, end: int
) -> tuple[int, int]:
    """``SentenceIndex.clause`` by a scan of the sentence: every break of the sentence by
    ``finditer``, the last one ending before the span and the first starting after it."""
    left, right = sentence.start, sentence.end
    breaks = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
    for m in breaks.finditer(index.text, sentence.start, sentence.end):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            return left, m.start()
    return left, right


def test_clause_of_break_characters_is_the_clause_of_their_scan() -> None:
    """zh's clause breaks are single characters: found with str.find and bisected, they give
    the clause a scan of the sentence gives, at every position of the Chinese dev articles."""
    assert CLAUSE_BREAKS == "，,、：:（）()；;"
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("zh-*.txt"))]
    assert len(texts) >= 10
    for text in texts:
        index = sentence_index(text)
        for sentence in index.sentences:
            for start in range(sentence.start, sentence.end, 3):
                end = min(start + 4, sentence.end)
                expected = _clause_by_scan(index, sentence, start, end)
                assert index.clause(sentence, start, end) == expected, (text[start:end], start)
