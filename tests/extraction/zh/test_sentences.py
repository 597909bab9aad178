"""Tests of gzetl.extraction.zh.sentences: sentences and clauses without blanks."""

from __future__ import annotations

from gzetl.extraction.zh.sentences import sentence_index, split_sentences


def test_sentences_end_at_chinese_punctuation_and_lines() -> None:
    text = "标题一行\n前11个月，出口增长5%。进口下降！是吗？其中；贸易“平稳。”\n末句"
    got = [(text[s.start : s.end], s.paragraph, s.heading) for s in split_sentences(text)]
    assert got == [
        ("标题一行", 0, True),
        ("前11个月，出口增长5%。", 1, False),
        ("进口下降！", 1, False),
        ("是吗？", 1, False),
        ("其中；", 1, False),
        ("贸易“平稳。”", 1, False),
        ("末句", 2, True),
    ]


def test_clauses_break_at_commas_enumeration_commas_colons_and_brackets() -> None:
    text = "前11个月，出口、进口分别增长：5%（同比）。"
    index = sentence_index(text)
    sentence = index.sentences[0]
    start = text.index("进口")
    assert text[slice(*index.clause(sentence, start, start + 2))] == "进口分别增长"
    start = text.index("5%")
    assert text[slice(*index.clause(sentence, start, start + 2))] == "5%"
