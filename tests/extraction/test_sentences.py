"""Tests of gzetl.extraction.sentences."""

from __future__ import annotations

from gzetl.extraction.sentences import SentenceIndex, split_sentences

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
