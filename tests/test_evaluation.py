"""Tests of the accuracy harness: gold loading, matching, scores, targets, and the dev corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from gzetl.errors import SourceError
from gzetl.evaluation import (
    GoldDocument,
    Report,
    Targets,
    by_document,
    evaluate,
    extract_corpus,
    format_languages,
    format_report,
    load_corpus,
    load_gold,
    main,
    period_bounds,
    score,
    score_by_language,
    validate_gold,
)
from gzetl.schemas.facts import polars_schema

CORPUS = Path(__file__).parent / "corpus"
HEADER = "id,value,unit,bound,period,subject,metric,change_pct,change_basis,anchor,value_high\n"
TEXT = (
    "Title\n\nIn 2025, exports of Foshan City reached 12.5 billion yuan, up 4.1% year-on-year, "
    "and the port handled over 2 million TEUs. Clearance took 3 to 5 days. Imports grew by 2.2%."
)
GOLD = (
    "1,12500000000,CNY,eq,2025,Foshan City,export_value,4.1,yoy,12.5 billion yuan,\n"
    "2,2000000,TEU,gt,2025,,container_throughput,,,over 2 million TEUs,\n"
    "3,72,h,range,2025,Foshan City,clearance_time,,,3 to 5 days,120\n"
    "4,,,eq,2025,Foshan City,import_value,2.2,yoy,grew by 2.2%,\n"
)


def make_doc(tmp_path: Path, gold_rows: str = GOLD, text: str = TEXT) -> GoldDocument:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.gold.csv").write_text(HEADER + gold_rows, encoding="utf-8")
    (tmp_path / "doc.meta.json").write_text('{"published": "2026-01-15"}', encoding="utf-8")
    [doc] = load_corpus(tmp_path)
    return doc


def fact(phrase: str, **columns: Any) -> dict[str, Any]:
    """One extracted row of the facts schema whose span is the first occurrence of phrase."""
    start = TEXT.index(phrase)
    row: dict[str, Any] = dict.fromkeys(polars_schema().names())
    row.update(
        doc="doc.txt",
        span_start=start,
        span_end=start + len(phrase),
        text=phrase,
        bound="eq",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        subject="Foshan City",
    )
    row.update(columns)
    return row


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    schema = pl.Schema({**polars_schema(), "doc": pl.String})
    return pl.DataFrame(list(rows), schema=schema)


PERFECT = (
    fact(
        "12.5 billion yuan",
        value=12.5e9,
        unit="CNY",
        metric="export_value",
        change_pct=4.1,
        change_basis="yoy",
    ),
    fact(
        "over 2 million TEUs",
        value=2e6,
        unit="TEU",
        bound="gt",
        subject=None,
        metric="container_throughput",
    ),
    fact(
        "3 to 5 days",
        value=72.0,
        value_high=120.0,
        unit="h",
        bound="range",
        metric="clearance_time",
    ),
    fact("2.2%", change_pct=2.2, change_basis="yoy", metric="import_value"),
)


# -- periods and gold files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-01..2025-11", date(2025, 1, 1), date(2025, 11, 30)),
        ("2021..2025", date(2021, 1, 1), date(2025, 12, 31)),
        ("2026-01-01..2026-01-14", date(2026, 1, 1), date(2026, 1, 14)),
        ("", None, None),
    ],
)
def test_period_bounds(label: str, start: date | None, end: date | None) -> None:
    assert period_bounds(label) == (start, end)


def test_period_bounds_rejects_other_formats() -> None:
    with pytest.raises(ValueError, match=r"period '2025Q1' is not in the gold format"):
        period_bounds("2025Q1")


def test_load_gold_reads_values_ranges_and_anchor_positions(tmp_path: Path) -> None:
    doc = make_doc(tmp_path)
    assert doc.published == date(2026, 1, 15)
    first, second, third, fourth = doc.gold
    assert (first.value, first.unit, first.change_pct, first.change_basis) == (
        12.5e9,
        "CNY",
        4.1,
        "yoy",
    )
    assert first.anchor_start == TEXT.index("12.5 billion yuan")
    assert (second.subject, second.bound) == (None, "gt")
    assert (third.value, third.value_high, third.bound) == (72.0, 120.0, "range")
    assert (fourth.value, fourth.unit, fourth.change_pct) == (None, None, 2.2)


def test_load_gold_names_file_and_line_of_a_bad_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.gold.csv"
    path.write_text(HEADER + "1,12.5 bn,CNY,eq,2025,,,,,12.5 billion yuan,\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.gold\.csv:2: expected a number, found '12\.5 bn'"):
        load_gold(path, TEXT)


def test_load_gold_names_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.gold.csv"
    path.write_text("id,value,unit\n1,5,t\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"gold file lacks columns \['bound', 'period'"):
        load_gold(path, TEXT)


def test_validate_gold_lists_every_problem(tmp_path: Path) -> None:
    rows = (
        "1,5,tons,eq,2025,Foshan City,export_value,,,12.5 billion yuan,\n"  # unit not canonical
        "2,5,t,about,2025,Atlantis,tonnage,,,not in the text,\n"  # bound, subject, metric, anchor
        "3,,,eq,2025,,,,,2.2%,\n"  # no value and no change
        "4,72,h,range,2025,,,,,3 to 5 days,\n"  # range without value_high
    )
    problems = validate_gold(make_doc(tmp_path, rows))
    assert problems == [
        "doc.txt gold line 2 (id 1): unit 'tons' is not canonical "
        "(['CNY', 'EUR', 'HKD', 'TEU', 'USD', 'batch', 'bbl', 'bbl/d', 'container', 'ct', "
        "'enterprise', 'flight', 'h', 'kWh', 'm3', 'measure', 'percent', 'person', 'piece', "
        "'port', 'route', 'set', 't', 'train', 'trip', 'unit', 'vehicle', 'vessel'])",
        "doc.txt gold line 3 (id 2): anchor 'not in the text' occurs 0 times, expected once",
        "doc.txt gold line 3 (id 2): metric 'tonnage' is not in metrics.toml",
        "doc.txt gold line 3 (id 2): subject 'Atlantis' is not in subjects.toml",
        "doc.txt gold line 3 (id 2): bound 'about' is not one of "
        "('eq', 'gt', 'ge', 'lt', 'le', 'approx', 'range')",
        "doc.txt gold line 4 (id 3): a fact with no value must carry change_pct",
        "doc.txt gold line 5 (id 4): value_high is required with bound 'range' and only then",
    ]


def test_dev_corpus_gold_files_are_valid() -> None:
    docs = load_corpus(CORPUS)
    problems = [p for doc in docs for p in validate_gold(doc)]
    assert problems == []
    assert len(docs) >= 40
    assert sum(len(d.gold) for d in docs) >= 300


def test_dev_corpus_articles_are_150_to_700_words_with_most_dated() -> None:
    """Short releases, and translated reviews up to 700 words; a Chinese article (no blanks
    between words) counts characters: 300 to 1,000."""
    docs = load_corpus(CORPUS)
    lengths = {d.name: len(d.text.split()) for d in docs if d.language != "zh"}
    assert {n: w for n, w in lengths.items() if not 150 <= w <= 700} == {}
    characters = {d.name: len("".join(d.text.split())) for d in docs if d.language == "zh"}
    assert {n: c for n, c in characters.items() if not 300 <= c <= 1000} == {}
    assert len(characters) >= 10
    assert sum(d.published is not None for d in docs) >= 0.8 * len(docs)


# Every line of the genre checklist of issue 3 appears somewhere in the corpus.
CHECKLIST = {
    "numbers": [
        "122,000",
        "0.8 kilograms",
        "one trillion",
        "twenty-five",
        "a dozen",
        "half",
        "a third",
        "86 thousand",
        "million",
        "billion",
        "trillion",
        "10,000 tons",
        "100 million yuan",
        "ten thousand",
        "trillion yuan (about",
    ],
    "currencies": [
        "yuan",
        "RMB",
        "renminbi",
        "CNY",
        "US dollars",
        "U.S. dollars",
        "USD",
        "$",
        "HK dollars",
        "euros",
    ],
    "units": [
        "TEU,",
        "TEUs",
        "twenty-foot equivalent units",
        "tons",
        "tonnes",
        "metric tons",
        "kilograms",
        "persons",
        "passengers",
        "person-times",
        "flights",
        "vehicles",
        "trains",
        "trips",
        "enterprises",
        "batches",
        "measures",
        "ports",
        "hours",
        "days",
        "weeks",
        "months",
    ],
    "qualifiers": [
        "over ",
        "more than",
        "exceeding",
        "exceeded",
        "above",
        "at least",
        "topping",
        "nearly",
        "almost",
        "close to",
        "approximately",
        "about",
        "around",
        "some ",
        "under ",
        "less than",
        "within",
        "up to",
        "3 to 4 days",
        "between 12 and 18 days",
    ],
    "growth": [
        "up 5.5% year-on-year",
        "a year-on-year increase of",
        "grew by",
        "down 3.1%",
        "a decrease of",
        "declined",
        "increased 1.7 times",
        "an increase of 1.7 times compared to 2020",
        "doubled",
        "tripled",
        "three times that of 2020",
        "percentage points",
        "quarter-on-quarter",
        "month-on-month",
        "respectively",
    ],
    "periods": [
        "in 2025",
        "By 2020",
        "for 2020",
        "last year",
        "the first half",
        "the first quarter",
        "Q1",
        "January to November",
        "first 11 months",
        "In December",
        "fourth quarter",
        "Year to date",
        "13th Five-Year Plan",
        "14th Five-Year Plan",
        "15th Five-Year Plan",
        "for five consecutive years",
        "from 36 hours to under 12 hours",
    ],
    "shares": ["accounting for", "over half", "nearly half", "one third"],
    "subjects": [
        "It reached",
        "the province",
        "the customs district",
        "Private enterprises",
        "ASEAN",
        "mechanical and electrical products",
    ],
    "wire rewrites": [
        "dipped",
        "slid",
        "plunged",
        "rebounded",
        "edged up",
        "edged down",
        "inched up",
        "per cent",
        "pct",
        "year on year",
        "from a year earlier",
        "from the same period a year ago",
        "nine in ten",
        "nine in 10",
        "units",
        "sets",
        "pieces",
        "vessels",
        "ships",
        "containers",
        "totaled",
        "totalled",
        "hit a record",
        "the country's",
        "China's",
        "trade surplus widened to",
        "In U.S. dollar terms",
        "In yuan terms",
        "trillion U.S. dollars)",
        "percentage points to",
    ],
    "negatives": [
        "fifth",
        "One Port Pass",
        "Terminal 2",
        "RCEP",
        "the Belt and Road",
        "ranked",
        "first of its kind",
        "consecutive year",
    ],
}


@pytest.mark.parametrize("topic", sorted(CHECKLIST))
def test_dev_corpus_covers_the_genre_checklist(topic: str) -> None:
    text = "\n".join(d.text for d in load_corpus(CORPUS))
    assert [phrase for phrase in CHECKLIST[topic] if phrase not in text] == []


# -- matching and scores ---------------------------------------------------------------------


def test_perfect_extraction_scores_one_everywhere(tmp_path: Path) -> None:
    report = score([make_doc(tmp_path)], frame(*PERFECT))
    assert (report.gold, report.extracted, report.matched) == (4, 4, 4)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.attribute_correct == {
        "bound": 4,
        "period": 4,
        "change": 4,
        "subject": 4,
        "metric": 4,
    }
    assert report.missed_targets() == []


def test_value_unit_span_and_value_high_must_all_agree(tmp_path: Path) -> None:
    extracted = frame(
        fact("12.5 billion yuan", value=12.5e9 * (1 + 1e-7), unit="CNY"),  # within 1e-6: match
        fact("over 2 million TEUs", value=2e6, unit="t"),  # wrong unit
        fact("3 to 5 days", value=72.0, value_high=96.0, unit="h"),  # wrong high end
        fact("Imports grew", change_pct=2.2),  # shares "grew" with the anchor: a match
    )
    report = score([make_doc(tmp_path)], extracted)
    assert (report.matched, report.misses.height, report.extras.height) == (2, 2, 2)
    assert report.misses["anchor"].to_list() == ["over 2 million TEUs", "3 to 5 days"]
    assert by_document(report).rows() == [("doc.txt", 2, 2, 2, 0.5)]
    assert "  doc.txt: F1 0.500 (matched 2, missed 2, extra 2)" in format_report(report)


def test_span_must_overlap_the_anchor(tmp_path: Path) -> None:
    extracted = frame(fact("In 2025", value=12.5e9, unit="CNY"))
    report = score([make_doc(tmp_path)], extracted)
    assert (report.matched, report.extras.height, report.misses.height) == (0, 1, 4)


def test_change_only_facts_match_on_change_pct(tmp_path: Path) -> None:
    extracted = frame(
        fact("2.2%", change_pct=2.3),  # wrong rate: no match
        fact("grew by 2.2%", change_pct=2.2, value=2.2, unit="percent"),  # a level: no match
    )
    report = score([make_doc(tmp_path)], extracted)
    assert report.matched == 0


def test_matching_is_one_to_one_and_prefers_the_larger_overlap(tmp_path: Path) -> None:
    extracted = frame(
        fact("12.5 billion", value=12.5e9, unit="CNY", subject="Guangzhou City"),
        fact("12.5 billion yuan", value=12.5e9, unit="CNY"),
    )
    report = score([make_doc(tmp_path)], extracted)
    assert (report.matched, report.extras.height) == (1, 1)
    assert report.extras["text"].to_list() == ["12.5 billion"]
    assert report.attribute_correct["subject"] == 1


def test_attributes_are_scored_among_matched_facts(tmp_path: Path) -> None:
    extracted = frame(
        fact(
            "12.5 billion yuan",
            value=12.5e9,
            unit="CNY",
            metric="export_value",
            change_pct=4.1,
            change_basis=None,
        ),  # change basis wrong
        fact(
            "over 2 million TEUs",
            value=2e6,
            unit="TEU",
            bound="eq",  # bound wrong
            subject="Foshan City",
            metric="container_throughput",  # subject wrong
            period_start=date(2025, 1, 1),
            period_end=date(2025, 6, 30),
        ),  # period wrong
    )
    report = score([make_doc(tmp_path)], extracted)
    assert report.matched == 2
    assert report.attribute_correct == {
        "bound": 1,
        "period": 1,
        "change": 1,
        "subject": 1,
        "metric": 2,
    }
    assert report.accuracy("bound") == 0.5
    assert report.wrong.height == 2
    text = format_report(report)
    assert "doc.txt #1 '12.5 billion yuan': change gold 4.1 yoy got 4.1 None" in text
    assert (
        "doc.txt #2 'over 2 million TEUs': bound gold gt got eq; "
        "period gold 2025-01-01..2025-12-31 got 2025-01-01..2025-06-30; "
        "subject gold None got Foshan City" in text
    )
    assert "  doc.txt #3 '3 to 5 days' 72 h" in text
    assert "  doc.txt #4 'grew by 2.2%' - change 2.2" in text


def test_missed_targets_name_each_figure() -> None:
    report = Report(
        documents=1,
        gold=10,
        extracted=10,
        matched=9,
        attribute_correct={"bound": 9, "period": 8, "change": 9, "subject": 8, "metric": 0},
        misses=pl.DataFrame(),
        extras=pl.DataFrame(),
    )
    assert report.missed_targets() == [
        "value+unit F1 0.900 < 0.970",
        "period 0.889 of matched < 0.950",
        "subject 0.889 of matched < 0.900",
    ]
    assert report.missed_targets(Targets(f1=0.9, period=0.8, subject=0.8)) == []


def test_main_reports_a_missing_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere"), "--targets"]) == 2
    assert "expected a corpus folder" in capsys.readouterr().err


# -- the development corpus ------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_report() -> Report:
    return evaluate(CORPUS)


def test_main_exit_code_follows_targets_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                str(CORPUS),
                "--min-f1",
                "0",
                "--min-bound",
                "0",
                "--min-period",
                "0",
                "--min-change",
                "0",
                "--min-subject",
                "0",
                "--targets",
            ]
        )
        == 0
    )
    assert main([str(CORPUS), "--min-f1", "1.01"]) == 0
    assert main([str(CORPUS), "--min-f1", "1.01", "--targets"]) == 1
    assert "TARGET MISSED: value+unit F1" in capsys.readouterr().out


def test_dev_corpus_meets_targets(dev_report: Report) -> None:
    assert dev_report.missed_targets() == [], format_report(dev_report, limit=40)


def test_each_language_of_the_dev_corpus_meets_the_targets_on_its_own() -> None:
    docs = load_corpus(CORPUS)
    reports = score_by_language(docs, extract_corpus(docs))
    assert sorted(reports) == ["en", "zh"]
    assert {lang: r.missed_targets() for lang, r in reports.items()} == {"en": [], "zh": []}
    assert sum(r.gold for r in reports.values()) == sum(len(d.gold) for d in docs)
    assert format_languages(reports).splitlines()[1].startswith("language zh: documents 34  gold")


def test_main_prints_languages_only_when_there_are_several(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_doc(tmp_path)
    main([str(tmp_path)])
    assert "language en" not in capsys.readouterr().out
    (tmp_path / "zh.txt").write_text(
        "标题\n\n2025年，佛山市出口125亿元，同比增长4.1%。", encoding="utf-8"
    )
    (tmp_path / "zh.gold.csv").write_text(
        HEADER + "1,12500000000,CNY,eq,2025,Foshan City,export_value,4.1,yoy,125亿元,\n",
        encoding="utf-8",
    )
    assert main([str(tmp_path)]) == 0  # no sidecar: the language is the text's
    out = capsys.readouterr().out
    assert (
        "language zh: documents 1  gold 1  matched 1  precision 1.000  recall 1.000  F1 1.000"
        in out
    )
